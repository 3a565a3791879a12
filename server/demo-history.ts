/** A lived-in demo: eight weeks of incidents, replies, calls, complaints and KB insight before the start, played once through the services onto a new demo desk. */
import { createHash } from 'node:crypto'
import { hoursOn, instantOf, localDate } from './domain/calendar.ts'
import { ComplaintChangeInput, ComplaintInput } from './domain/complaint.ts'
import { IncidentInput, routeTeam } from './domain/incident.ts'
import { recordSearchEvent, recordVote, SearchEventInput, VoteInput } from './domain/kb-insight.ts'
import type { Contact, Incident, IncidentStatus, Staff } from './domain/records.ts'
import type { Priority } from './domain/desk.ts'
import { FollowUpInput } from './domain/signals.ts'
import { defaultLimits, type Deps } from './deps.ts'
import { createNotifier } from './mail/notifier.ts'
import { answerComplaint, fileComplaint } from './services/complaints.ts'
import { addMessage, logPhoneContact, triageIncident } from './services/incidents.ts'
import { registerIncident } from './services/register-incident.ts'
import { addFollowUp } from './services/signals.ts'

/** What the history is written with: the desk's store, configuration, calendar and KB insight. */
export type HistoryDeps = Pick<Deps, 'store' | 'desk' | 'calendar' | 'insight'>

/** What was added, for the start-up line. */
export interface HistorySummary {
  incidents: number
  complaints: number
  insightRecords: number
}

/** How far back the history reaches, in days before the start day. */
export const HISTORY_DAYS = 56

/** The organisation the history puts above the signal thresholds (De Vries Installatietechniek, many questions). */
export const FLAGGED_ORGANISATION = 'org-devries'

/**
 * Adds the demo's history before `now` to a desk that has no incidents yet, through the services
 * (numbers, targets, queue due times, audit, signal counters and the search index as in real use),
 * on a clock that walks through the past. Mail is not sent: the customers of a demo read none of
 * it. The same start day gives the same history. A desk that holds incidents gets nothing.
 */
export async function addDemoHistory(base: HistoryDeps, now: Date): Promise<HistorySummary | undefined> {
  if ((await base.store.incidents.count()) > 0) return undefined
  let at = now
  const clock = () => at
  const deps = {
    ...base, clock,
    // Mails of the past go nowhere: a demo desk's first start should not fill the outbox with eight weeks of mail.
    notifier: createNotifier({ outbox: { enqueue: async () => undefined }, desk: base.desk, baseUrl: 'http://demo.invalid', clock, calendar: base.calendar }),
    limits: defaultLimits(clock, base.store.rateCounters),
  }
  const today = localDate(base.calendar, now)
  const random = prng(today)
  const organisations = await base.store.organisations.list()
  const contacts = new Map((await Promise.all(organisations.map((o) => base.store.contacts.listByOrganisation(o.id)))).flat().map((c) => [c.id, c]))
  const staff = new Map((await base.store.staff.list()).map((s) => [s.id, s]))
  const plans = planIncidents(random, base, today, now)

  // Events of all incidents in time order, so records are written as they would have happened.
  const events: { at: Date; seq: number; run: () => Promise<void> }[] = []
  let seq = 0
  const incidents = new Map<number, Incident>()
  const fresh = async (index: number) => {
    const found = await base.store.incidents.get(incidents.get(index)!.id)
    incidents.set(index, found!)
    return found!
  }
  plans.forEach((plan, index) => {
    const contact = contacts.get(plan.contactId)!
    const text = plan.scenario[contact.lang]
    const add = (when: Date, run: () => Promise<void>) => events.push({ at: when, seq: seq++, run })
    add(plan.times[0]!, async () => {
      const input = IncidentInput.parse({
        name: contact.name, email: contact.email, kind: plan.scenario.kind, productArea: plan.scenario.area, subject: text.subject, description: text.description,
        ...(plan.scenario.kbQuery ? { kbQuery: plan.scenario.kbQuery[contact.lang] } : {}), kbArticles: plan.scenario.articles, lang: contact.lang,
      })
      incidents.set(index, await registerIncident(deps, contact, input))
    })
    plan.steps.forEach((step, i) => add(plan.times[i + 1]!, async () => {
      const incident = await fresh(index)
      const handler = staff.get(plan.handlerId)!
      await runStep(deps, step, incident, handler, contact, plan)
    }))
  })
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq)
  for (const event of events) {
    at = event.at
    await event.run()
  }

  // A complaint answered and settled, and one that still waits for its answer.
  const peter = contacts.get('c-devries-admin')!
  const aisha = contacts.get('c-devries-emp')!
  const ruud = staff.get('s-ruud')!
  /** The latest incident of `contact` registered before `moment`, for a complaint to name. */
  const latestOf = (contact: Contact, moment: Date) => [...incidents.values()]
    .filter((i) => i.contactId === contact.id && new Date(i.registeredAt) < moment).sort((a, b) => b.registeredAt.localeCompare(a.registeredAt))[0]
  at = businessMoment(base, today, 20, 0.3)
  const named = latestOf(peter, at)
  const settled = await fileComplaint(deps, peter, ComplaintInput.parse({
    kind: 'complaint', subject: 'Niet teruggebeld over de btw-aangifte', text: 'Ons werd beloofd dat we dezelfde dag teruggebeld zouden worden over de btw-aangifte. Dat is niet gebeurd, en de aangifte moest die week de deur uit.',
    ...(named ? { incidentNumber: named.number } : {}),
  }))
  if ('complaint' in settled) {
    at = businessMoment(base, today, 20, 0.7)
    const answered = await answerComplaint(deps, ruud, settled.complaint.id, ComplaintChangeInput.parse({ version: settled.complaint.version, status: 'in_progress', reply: 'Excuses: dat had niet mogen gebeuren. Lotte belt u vandaag nog om 15:00 over de aangifte.' }))
    at = businessMoment(base, today, 19, 0.4)
    if ('complaint' in answered) await answerComplaint(deps, ruud, answered.complaint.id, ComplaintChangeInput.parse({ version: answered.complaint.version, status: 'resolved', reply: 'De aangifte is op tijd ingediend. We hebben afgesproken dat terugbellen voortaan in het incident wordt vastgelegd.' }))
  }
  at = businessMoment(base, today, 1, 0.5)
  const late = latestOf(aisha, at)
  await fileComplaint(deps, aisha, ComplaintInput.parse({
    kind: 'complaint', subject: 'Answers take too long', text: 'For the third time this month we waited more than a day for an answer on a simple question about the payroll run. We need answers sooner.',
    ...(late ? { incidentNumber: late.number } : {}),
  }))
  // An earlier follow-up by Customer Care, before the organisation crossed the threshold again.
  at = businessMoment(base, today, 40, 0.5)
  await addFollowUp(deps, ruud, FLAGGED_ORGANISATION, FollowUpInput.parse({ kind: 'course', date: localDate(base.calendar, businessMoment(base, today, 33, 0.5)), note: 'Cursus "Btw-aangifte in Noordwind" aangeboden; Peter de Vries heeft zich aangemeld.' }))

  const insightRecords = await addInsight(base, random, today)
  return { incidents: plans.length, complaints: 2, insightRecords }
}

/** One step in an incident's life after its registration. */
type Step =
  | { kind: 'triage'; priority: Priority; status?: IncidentStatus }
  | { kind: 'reply'; text: Texts }
  | { kind: 'question'; text: Texts }
  | { kind: 'reaction'; text: Texts }
  | { kind: 'note'; text: string }
  | { kind: 'call'; text: string }
  | { kind: 'status'; status: IncidentStatus }

type Texts = { nl: string; en: string }

interface Scenario {
  kind: Incident['kind']
  area: string
  nl: { subject: string; description: string }
  en: { subject: string; description: string }
  kbQuery?: Texts
  articles: string[]
}

interface Plan {
  contactId: string
  handlerId: string
  scenario: Scenario
  status: Exclude<IncidentStatus, 'awaiting_confirmation'>
  priority: Priority
  steps: Step[]
  /** The registration and each step's moment, in order, all before the start. */
  times: Date[]
}

/** Plays one step through the service a person would have used. */
async function runStep(deps: Parameters<typeof registerIncident>[0] & Parameters<typeof addFollowUp>[0], step: Step, incident: Incident, handler: Staff, contact: Contact, plan: Plan) {
  const staffViewer = { kind: 'staff' as const, staff: handler, sessionId: 'demo-history' }
  const lang = contact.lang
  switch (step.kind) {
    case 'triage':
      await triageIncident(deps, handler, incident.id, { version: incident.version, priority: step.priority, assigneeId: plan.handlerId, ...(step.status ? { status: step.status } : {}) })
      return
    case 'status':
      await triageIncident(deps, handler, incident.id, { version: incident.version, status: step.status })
      return
    case 'reply':
      await addMessage(deps, staffViewer, incident.id, { text: step.text[lang], visibility: 'public' })
      return
    case 'question':
      await addMessage(deps, staffViewer, incident.id, { text: step.text[lang], visibility: 'public', asksCustomer: true })
      return
    case 'note':
      await addMessage(deps, staffViewer, incident.id, { text: step.text, visibility: 'internal' })
      return
    case 'reaction':
      await addMessage(deps, { kind: 'contact', contact, sessionId: 'demo-history' }, incident.id, { text: step.text[lang], visibility: 'public' })
      return
    case 'call':
      await logPhoneContact(deps, handler, incident.id, { direction: 'inbound', summary: step.text })
  }
}

/** Which contacts file how much, and when: the flagged organisation often and lately, the others less and spread out. */
const SLOTS: { contactId: string; recent: number; older: number; hasQuestions: boolean }[] = [
  { contactId: 'c-devries-admin', recent: 9, older: 5, hasQuestions: true },
  { contactId: 'c-devries-emp', recent: 7, older: 3, hasQuestions: true },
  { contactId: 'c-jansen-admin', recent: 4, older: 8, hasQuestions: false },
  { contactId: 'c-jansen-emp', recent: 4, older: 6, hasQuestions: false },
  { contactId: 'c-hoekstra-admin', recent: 3, older: 11, hasQuestions: false },
]

/** Who handles a team's incidents in the demo. */
const HANDLERS: Record<string, string[]> = { 'first-line': ['s-lotte', 's-ruud'], finance: ['s-lotte'], logistics: ['s-daan'], platform: ['s-fatima'] }

function planIncidents(random: () => number, deps: HistoryDeps, today: string, now: Date): Plan[] {
  const plans: Plan[] = []
  // Statuses of the recent incidents cycle so that each occurs; older ones are settled.
  const recentStatuses: Plan['status'][] = ['new', 'in_progress', 'waiting_for_customer', 'resolved', 'in_progress', 'new', 'waiting_for_customer', 'resolved', 'in_progress']
  let r = 0
  for (const slot of SLOTS) {
    const organisationId = slot.contactId.replace(/^c-(\w+)-.*$/, 'org-$1')
    const isFirstClass = organisationId === 'org-jansen'
    const pool = SCENARIOS.filter((s) => slot.hasQuestions || s.kind !== 'question')
    for (let i = 0; i < slot.recent + slot.older; i++) {
      const isRecent = i < slot.recent
      const daysAgo = isRecent ? 1 + Math.floor(random() * 26) : 36 + Math.floor(random() * (HISTORY_DAYS - 36))
      const scenario = slot.hasQuestions && isRecent && i % 2 === 0 ? pick(random, SCENARIOS.filter((s) => s.kind === 'question')) : pick(random, pool)
      const status: Plan['status'] = isRecent ? recentStatuses[r++ % recentStatuses.length]! : (random() < 0.7 ? 'closed' : 'resolved')
      plans.push(plan(deps, random, now, { contactId: slot.contactId, scenario, status, isFirstClass, registeredAt: businessMoment(deps, today, daysAgo, random()) }))
    }
  }
  // Every priority handled at least once, whatever the numbers drew: a First Class outage (1), a bug of each weight (2, 3), a question (4), a wish (5).
  const replace = (contactId: string, index: number, kind: Scenario['kind'], status: Plan['status'], priority?: Priority, isFull = false) => {
    const at = plans.findIndex((p) => p.contactId === contactId)
    const old = plans[at + index]!
    const scenario = SCENARIOS.find((s) => s.kind === kind)!
    plans[at + index] = plan(deps, random, now, { contactId, scenario, status, isFirstClass: contactId.startsWith('c-jansen'), registeredAt: old.times[0]!, priority, isFull })
  }
  replace('c-jansen-admin', 1, 'outage', 'resolved')
  replace('c-jansen-emp', 5, 'bug', 'closed', 2)
  replace('c-hoekstra-admin', 4, 'bug', 'closed', 3)
  // And one with every kind of step: a note, a question, the answer, a call, the solution.
  replace('c-devries-admin', 6, 'question', 'resolved', undefined, true)
  replace('c-hoekstra-admin', 6, 'wish', 'closed')
  return plans
}

/** One incident's plan: its handler from the team desk.yaml routes it to, its priority, the steps to its status and their moments. */
function plan(deps: HistoryDeps, random: () => number, now: Date, p: { contactId: string; scenario: Scenario; status: Plan['status']; isFirstClass: boolean; registeredAt: Date; priority?: Priority | undefined; isFull?: boolean }): Plan {
  const priority = p.priority ?? priorityOf(p.scenario, p.isFirstClass, random)
  const handlers = HANDLERS[routeTeam(deps.desk, { kind: p.scenario.kind, productArea: p.scenario.area })] ?? ['s-lotte']
  const handlerId = handlers[Math.floor(random() * handlers.length)]!
  const steps = stepsFor(p.status, priority, random, p.isFull)
  return { contactId: p.contactId, handlerId, scenario: p.scenario, status: p.status, priority, steps, times: timesFor(p.registeredAt, steps.length, now, random) }
}

/** The priority support gives a scenario at triage; 1 only for a First Class outage. */
function priorityOf(scenario: Scenario, isFirstClass: boolean, random: () => number): Priority {
  if (scenario.kind === 'wish') return 5
  if (scenario.kind === 'question') return 4
  if (scenario.kind === 'outage') return isFirstClass ? 1 : 2
  return random() < 0.4 ? 2 : 3
}

/** The steps that bring an incident to `status`: triage, replies, a question and its answer, notes and calls on the way. */
function stepsFor(status: Plan['status'], priority: Priority, random: () => number, isFull = false): Step[] {
  if (status === 'new') return []
  const steps: Step[] = [{ kind: 'triage', priority, status: 'in_progress' }]
  if (random() < 0.35 || isFull) steps.push({ kind: 'note', text: pick(random, NOTES) })
  if (status === 'in_progress') {
    steps.push({ kind: 'reply', text: pick(random, REPLIES) })
    if (random() < 0.5) steps.push({ kind: 'reaction', text: pick(random, REACTIONS) })
    return steps
  }
  steps.push({ kind: 'question', text: pick(random, QUESTIONS) })
  if (status === 'waiting_for_customer') return steps
  steps.push({ kind: 'reaction', text: pick(random, REACTIONS) })
  if (random() < 0.3 || isFull) steps.push({ kind: 'call', text: pick(random, CALLS) })
  steps.push({ kind: 'reply', text: pick(random, SOLUTIONS) }, { kind: 'status', status: 'resolved' })
  if (status === 'closed') steps.push({ kind: 'status', status: 'closed' })
  return steps
}

/** The registration and `count` later moments: an hour to a day apart, always before `now`. */
function timesFor(registeredAt: Date, count: number, now: Date, random: () => number): Date[] {
  const times = [registeredAt]
  const room = now.getTime() - registeredAt.getTime()
  let offset = 0
  for (let i = 1; i <= count; i++) {
    offset += (1 + random() * 20) * 3_600_000
    // Squeezed into the time left before the start, in order.
    times.push(new Date(registeredAt.getTime() + Math.min(offset, (room * i) / (count + 1))))
  }
  return times
}

/** A moment within business hours `daysAgo` days before `today` (the last business day on or before it), at `fraction` of its hours. */
function businessMoment(deps: Pick<HistoryDeps, 'calendar'>, today: string, daysAgo: number, fraction: number): Date {
  let date = addDays(today, -daysAgo)
  let span = hoursOn(deps.calendar, date)
  for (let i = 0; i < 14 && !span; i++) {
    date = addDays(date, -1)
    span = hoursOn(deps.calendar, date)
  }
  const open = span?.open ?? 9 * 60
  const close = span?.close ?? 17 * 60
  return instantOf(deps.calendar, date, open + Math.floor(fraction * (close - open - 30)))
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** KB insight of eight weeks: searches that helped, searches in vain, searches that ended in an incident, votes. */
async function addInsight(deps: HistoryDeps, random: () => number, today: string): Promise<number> {
  let count = 0
  const session = () => Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('')
  const append = async (record: Parameters<HistoryDeps['insight']['append']>[0]) => {
    await deps.insight.append(record)
    count++
  }
  const records: { at: Date; write: () => Promise<void> }[] = []
  for (let day = HISTORY_DAYS; day >= 1; day--) {
    const visits = 2 + Math.floor(random() * 3)
    for (let v = 0; v < visits; v++) {
      const at = businessMoment(deps, today, day, random())
      const lang = random() < 0.75 ? 'nl' : 'en'
      const id = session()
      const source = random() < 0.6 ? 'widget' : 'search'
      const roll = random()
      if (roll < 0.55) {
        const found = pick(random, FOUND[lang])
        records.push({ at, write: async () => {
          await append(recordSearchEvent(SearchEventInput.parse({ type: 'search', session: id, source, lang, query: found.query, results: 3 + Math.floor(random() * 5) }), at))
          await append(recordSearchEvent(SearchEventInput.parse({ type: 'click', session: id, source, lang, query: found.query, article: found.article }), at))
        } })
      } else if (roll < 0.8) {
        const query = pick(random, IN_VAIN[lang])
        records.push({ at, write: () => append(recordSearchEvent(SearchEventInput.parse({ type: 'search', session: id, source, lang, query, results: 0 }), at)) })
      } else {
        const query = pick(random, TO_INCIDENT[lang])
        records.push({ at, write: async () => {
          await append(recordSearchEvent(SearchEventInput.parse({ type: 'search', session: id, source: 'widget', lang, query, results: 1 + Math.floor(random() * 3) }), at))
          await append(recordSearchEvent(SearchEventInput.parse({ type: 'incident', session: id, source: 'widget', lang, query }), at))
        } })
      }
    }
    // A vote or two a day: most articles help, a few do less.
    const votes = Math.floor(random() * 3)
    for (let v = 0; v < votes; v++) {
      const at = businessMoment(deps, today, day, random())
      const voted = pick(random, VOTED)
      const isHelpful = random() < voted.helpful
      records.push({ at, write: () => append(recordVote(VoteInput.parse({ article: voted.article, lang: random() < 0.8 ? 'nl' : 'en', isHelpful }), at)) })
    }
  }
  // Each record's own moment is kept; written in time order, as readers would have.
  records.sort((a, b) => a.at.getTime() - b.at.getTime())
  for (const record of records) await record.write()
  return count
}

/** A pseudo-random number generator (mulberry32) seeded from `seed`: the same seed, the same numbers. */
export function prng(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0)
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!
}

const SCENARIOS: Scenario[] = [
  { kind: 'bug', area: 'finance', articles: ['vat-return'], kbQuery: { nl: 'btw aangifte fout', en: 'vat return error' },
    nl: { subject: 'Btw-aangifte geeft fout bij indienen', description: 'Bij het indienen van de btw-aangifte via Digipoort krijgen we een foutmelding "ongeldig bericht". Vorige maand ging het nog goed.' },
    en: { subject: 'VAT return fails when filing', description: 'When we file the VAT return through Digipoort we get the error "invalid message". Last month it worked fine.' } },
  { kind: 'bug', area: 'finance', articles: ['bank-reconciliation'], kbQuery: { nl: 'bankafschrift import', en: 'bank statement import' },
    nl: { subject: 'Bankafschrift wordt dubbel ingelezen', description: 'Het MT940-bestand van vandaag staat twee keer in de bankboeken, met dezelfde regels.' },
    en: { subject: 'Bank statement imported twice', description: 'Today\'s MT940 file appears twice in the bank books, with the same lines.' } },
  { kind: 'bug', area: 'finance', articles: ['period-close'],
    nl: { subject: 'Periode afsluiten blijft hangen op 80%', description: 'Het afsluiten van periode 10 stopt bij 80% en daarna gebeurt er niets meer.' },
    en: { subject: 'Period close stops at 80%', description: 'Closing period 10 stops at 80% and nothing happens after that.' } },
  { kind: 'outage', area: 'platform', articles: [],
    nl: { subject: 'Noordwind is niet bereikbaar', description: 'Sinds 9 uur krijgen alle gebruikers een time-out bij het inloggen. Niemand kan werken.' },
    en: { subject: 'Noordwind cannot be reached', description: 'Since 9 o\'clock every user gets a time-out when signing in. Nobody can work.' } },
  { kind: 'outage', area: 'inventory', articles: [],
    nl: { subject: 'Magazijnscanners krijgen geen verbinding', description: 'Geen enkele handscanner maakt nog verbinding; orderpicken ligt stil.' },
    en: { subject: 'Warehouse scanners cannot connect', description: 'None of the hand scanners connects any more; order picking has stopped.' } },
  { kind: 'bug', area: 'inventory', articles: ['stock-count'], kbQuery: { nl: 'voorraadtelling verschil', en: 'stock count difference' },
    nl: { subject: 'Voorraadtelling boekt verschillen verkeerd', description: 'Na het verwerken van de telling staan de verschillen op de verkeerde grootboekrekening.' },
    en: { subject: 'Stock count posts differences wrongly', description: 'After processing the count the differences are posted to the wrong ledger account.' } },
  { kind: 'bug', area: 'inventory', articles: ['goods-receipt', 'backorders'],
    nl: { subject: 'Pakbon bij ontvangst blijft leeg', description: 'Bij het ontvangen van inkooporder IO26-0412 blijft de pakbon leeg en kunnen we niets afboeken.' },
    en: { subject: 'Packing slip stays empty on receipt', description: 'When receiving purchase order IO26-0412 the packing slip stays empty and we cannot book anything.' } },
  { kind: 'bug', area: 'sales', articles: ['credit-note'],
    nl: { subject: 'Creditnota neemt korting niet over', description: 'Een creditnota op factuur F26-1188 neemt de regelkorting van 10% niet over.' },
    en: { subject: 'Credit note ignores the discount', description: 'A credit note on invoice F26-1188 does not take over the line discount of 10%.' } },
  { kind: 'bug', area: 'payroll', articles: ['payroll-run'], kbQuery: { nl: 'salarisrun fout', en: 'payroll run error' },
    nl: { subject: 'Salarisrun stopt bij loonaangifte', description: 'De salarisrun van deze maand stopt bij de stap loonaangifte met foutcode 4102.' },
    en: { subject: 'Payroll run stops at the payroll tax return', description: 'This month\'s payroll run stops at the payroll tax step with error code 4102.' } },
  { kind: 'bug', area: 'platform', articles: ['install-update'], kbQuery: { nl: 'update installeren', en: 'install update' },
    nl: { subject: 'Update 26.4 breekt het afdrukken', description: 'Sinds update 26.4 komen er geen pakbonnen meer uit de printer in het magazijn.' },
    en: { subject: 'Update 26.4 breaks printing', description: 'Since update 26.4 no packing slips come out of the warehouse printer.' } },
  { kind: 'question', area: 'finance', articles: ['vat-return'], kbQuery: { nl: 'btw verleggen', en: 'reverse charge vat' },
    nl: { subject: 'Hoe boek ik verlegde btw?', description: 'We krijgen een factuur van een onderaannemer met verlegde btw. Welke btw-code moeten we gebruiken?' },
    en: { subject: 'How do I post reverse-charge VAT?', description: 'We received an invoice from a subcontractor with reverse-charge VAT. Which VAT code should we use?' } },
  { kind: 'question', area: 'payroll', articles: ['leave'], kbQuery: { nl: 'verlof saldo', en: 'leave balance' },
    nl: { subject: 'Verlofsaldo overzetten naar volgend jaar', description: 'Hoe zetten we het resterende verlof van dit jaar over naar volgend jaar?' },
    en: { subject: 'Carry the leave balance over to next year', description: 'How do we carry this year\'s remaining leave over to next year?' } },
  { kind: 'question', area: 'platform', articles: ['users-and-permissions'], kbQuery: { nl: 'gebruiker rechten', en: 'user permissions' },
    nl: { subject: 'Nieuwe gebruiker alleen inkoop laten zien', description: 'Hoe geef ik een nieuwe collega alleen toegang tot inkoop en niet tot de financiële administratie?' },
    en: { subject: 'Let a new user see only purchasing', description: 'How do I give a new colleague access to purchasing only and not to the accounts?' } },
  { kind: 'question', area: 'sales', articles: ['quote-to-order'], kbQuery: { nl: 'offerte omzetten', en: 'quote to order' },
    nl: { subject: 'Offerte gedeeltelijk omzetten naar order', description: 'Kunnen we van een offerte maar een deel van de regels omzetten naar een order?' },
    en: { subject: 'Turn part of a quote into an order', description: 'Can we turn only some lines of a quote into an order?' } },
  { kind: 'question', area: 'inventory', articles: ['backorders'], kbQuery: { nl: 'backorder', en: 'backorder' },
    nl: { subject: 'Backorders automatisch toewijzen', description: 'Hoe zorgen we dat binnengekomen voorraad eerst naar de oudste backorders gaat?' },
    en: { subject: 'Assign backorders automatically', description: 'How do we make incoming stock go to the oldest backorders first?' } },
  { kind: 'question', area: 'finance', articles: ['period-close'], kbQuery: { nl: 'periode heropenen', en: 'reopen period' },
    nl: { subject: 'Afgesloten periode heropenen', description: 'We moeten nog een factuur in periode 9 boeken. Kunnen we die periode weer openen?' },
    en: { subject: 'Reopen a closed period', description: 'We still need to post an invoice in period 9. Can we reopen that period?' } },
  { kind: 'wish', area: 'sales', articles: [],
    nl: { subject: 'Wens: klantportaal met eigen logo', description: 'Het zou mooi zijn als we ons eigen logo in de offertemail konden zetten.' },
    en: { subject: 'Wish: our own logo in quote e-mails', description: 'It would be nice if we could put our own logo in the quote e-mail.' } },
  { kind: 'wish', area: 'inventory', articles: [],
    nl: { subject: 'Wens: voorraad per locatie exporteren', description: 'Graag een export van de voorraad per magazijnlocatie naar Excel.' },
    en: { subject: 'Wish: export stock per location', description: 'Please add an export of the stock per warehouse location to Excel.' } },
]

/** Internal notes and call summaries: for support only, in the desk's own language. */
const NOTES = [
  'Lijkt op het bekende probleem met de Digipoort-certificaten; ontwikkeling is op de hoogte.',
  'Klant belt vaak over dit onderwerp; een cursus zou helpen.',
  'Logbestanden opgevraagd bij hosting; de fout staat er om 09:12 in.',
  'Doorgezet naar team Platform voor een tweede blik.',
]

const REPLIES: Texts[] = [
  { nl: 'Dank voor uw melding. We zoeken het uit en laten het u vandaag nog weten.', en: 'Thank you for your report. We are looking into it and will let you know today.' },
  { nl: 'We hebben het probleem kunnen naspelen en werken aan een oplossing.', en: 'We could reproduce the problem and are working on a fix.' },
  { nl: 'Een collega van het productteam kijkt mee; we houden u op de hoogte.', en: 'A colleague of the product team is looking along; we keep you posted.' },
]

const QUESTIONS: Texts[] = [
  { nl: 'Welke versie van Noordwind gebruikt u? U vindt die onder Beheer › Over.', en: 'Which version of Noordwind do you use? You find it under Administration › About.' },
  { nl: 'Kunt u een schermafdruk van de foutmelding sturen?', en: 'Could you send a screenshot of the error message?' },
  { nl: 'Sinds wanneer speelt dit, en geldt het voor alle gebruikers?', en: 'Since when does this happen, and does it affect every user?' },
]

const REACTIONS: Texts[] = [
  { nl: 'We gebruiken versie 26.4. De fout komt bij alle gebruikers voor.', en: 'We use version 26.4. Every user gets the error.' },
  { nl: 'Sinds maandagochtend; alleen bij de administratie.', en: 'Since Monday morning; only in the accounts department.' },
  { nl: 'Hierbij de foutcode: 4102 "ongeldig bericht".', en: 'Here is the error code: 4102 "invalid message".' },
  { nl: 'Het is nog steeds zo, kunnen jullie voortmaken?', en: 'It is still the case, could you speed things up?' },
]

const SOLUTIONS: Texts[] = [
  { nl: 'Het certificaat is vernieuwd; de aangifte gaat nu door. Wilt u het nog eens proberen?', en: 'The certificate has been renewed; the return goes through now. Could you try again?' },
  { nl: 'Met de patch van vanochtend is dit opgelost. Laat het ons weten als het terugkomt.', en: 'This morning\'s patch fixes it. Let us know if it comes back.' },
  { nl: 'U vindt de uitleg stap voor stap in het artikel dat we hebben bijgewerkt.', en: 'You find the explanation step by step in the article we have updated.' },
]

const CALLS = [
  'Klant belde: het gaat om alle vestigingen. Teruggebeld met de stand van zaken.',
  'Klant belde ongerust over de deadline; uitgelegd wat we doen en wanneer.',
]

/** Searches that found an article, and the article opened. */
const FOUND: Record<'nl' | 'en', { query: string; article: string }[]> = {
  nl: [
    { query: 'btw aangifte', article: '/finance/btw-aangifte/' },
    { query: 'periode afsluiten', article: '/finance/periode-afsluiten/' },
    { query: 'voorraadtelling', article: '/inventory/voorraadtelling/' },
    { query: 'inloggen link', article: '/portal/inloggen-met-een-link/' },
    { query: 'openingstijden', article: '/support/openingstijden-en-spoed/' },
    { query: 'creditnota', article: '/sales/creditnota-maken/' },
    { query: 'salarisrun', article: '/payroll/salarisrun/' },
  ],
  en: [
    { query: 'vat return', article: '/en/finance/vat-return/' },
    { query: 'opening hours', article: '/en/support/opening-hours-and-urgent-help/' },
    { query: 'credit note', article: '/en/sales/credit-note/' },
  ],
}

/** Searches that found nothing: what editors should write about next. */
const IN_VAIN: Record<'nl' | 'en', string[]> = {
  nl: ['intrastat aangifte', 'pin terminal koppelen', 'e-facturatie peppol', 'thuiswerkvergoeding', 'kassakoppeling', 'ubl factuur'],
  en: ['peppol invoicing', 'intrastat', 'pos integration'],
}

/** Searches that ended in an incident. */
const TO_INCIDENT: Record<'nl' | 'en', string[]> = {
  nl: ['btw aangifte fout', 'salarisrun fout', 'scanner verbinding'],
  en: ['payroll run error', 'vat return error'],
}

/** Articles readers vote on, with the share that finds them helpful. */
const VOTED: { article: string; helpful: number }[] = [
  { article: 'vat-return', helpful: 0.8 },
  { article: 'register-incident', helpful: 0.9 },
  { article: 'period-close', helpful: 0.45 },
  { article: 'stock-count', helpful: 0.7 },
  { article: 'payroll-run', helpful: 0.35 },
  { article: 'sign-in', helpful: 0.85 },
]
