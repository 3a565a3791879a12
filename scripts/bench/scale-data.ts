/**
 * A desk's history at scale for the scale benchmark, the same on both stores: a few thousand
 * organisations and contacts, incidents over three years (the newest ~2% open), reactions,
 * replies and notes on some, in Dutch and English with varied words; deterministic per index.
 */
import { randomUUID } from 'node:crypto'
import { newIncident, type ParsedIncidentInput } from '#domain/incident.ts'
import type { DeskConfig } from '#domain/desk.ts'
import type { KbInsight } from '#domain/kb-insight.ts'
import type { Contact, Incident, IncidentStatus, Message, Organisation, StatusChange } from '#domain/records.ts'

/** The first incident number of both stores (lowdb's FIRST_NUMBER, PostgreSQL's sequence start). */
export const FIRST_NUMBER = 100001
/** The share of incidents registered by the demo organisation Bakkerij Jansen, whose admin pages the portal list. */
const JANSEN_SHARE = 0.1
/** The newest incidents that are still open: about 2%, as at a real desk. */
const OPEN_SHARE = 0.02
/** Incidents with messages (replies, reactions, notes). */
const WITH_MESSAGES_SHARE = 0.3
const THREE_YEARS_MS = 3 * 365 * 86_400_000

/** A number from 0 (inclusive) to 1 (exclusive), fixed for (`i`, `salt`): the same desk every run. */
export function unit(i: number, salt: number): number {
  let x = (Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(salt + 1, 0xc2b2ae35)) | 0
  x ^= x >>> 16
  x = Math.imul(x, 0x7feb352d)
  x ^= x >>> 15
  x = Math.imul(x, 0x846ca68b)
  x ^= x >>> 16
  return (x >>> 0) / 4_294_967_296
}
const pick = <T>(list: readonly T[], i: number, salt: number): T => list[Math.floor(unit(i, salt) * list.length)]!

/** Per product area, what customers write about, in Dutch and English. */
const TOPICS: Record<string, { nl: string[]; en: string[] }> = {
  finance: {
    nl: ['De btw-aangifte', 'De factuur', 'Het verzenden van facturen', 'De creditnota', 'Het bankafschrift', 'Het grootboek', 'De betalingsherinnering', 'De incasso'],
    en: ['The VAT return', 'The invoice', 'Sending invoices', 'The credit note', 'The bank statement', 'The general ledger', 'The payment reminder', 'The direct debit'],
  },
  inventory: {
    nl: ['De voorraadtelling', 'Het magazijnoverzicht', 'De pakbon', 'De inventarisatie', 'De artikelcode', 'De leveranciersbestelling'],
    en: ['The stock count', 'The warehouse overview', 'The packing slip', 'The inventory', 'The item code', 'The supplier order'],
  },
  sales: {
    nl: ['De offerte', 'De orderbevestiging', 'De klantkaart', 'De prijslijst', 'De kortingsregel', 'De verkooporder'],
    en: ['The quote', 'The order confirmation', 'The customer card', 'The price list', 'The discount rule', 'The sales order'],
  },
  payroll: {
    nl: ['De salarisstrook', 'De loonaangifte', 'Het vakantiegeld', 'De verlofuren', 'De pensioenopgave', 'De reiskostenvergoeding'],
    en: ['The payslip', 'The payroll tax return', 'The holiday pay', 'The leave hours', 'The pension statement', 'The travel allowance'],
  },
  platform: {
    nl: ['Het inloggen', 'Het wachtwoord herstellen', 'De koppeling met de webwinkel', 'De export naar Excel', 'Het maandrapport', 'Afdrukken op de printer', 'De synchronisatie'],
    en: ['Signing in', 'Resetting the password', 'The web shop integration', 'The export to Excel', 'The monthly report', 'Printing', 'The synchronisation'],
  },
}
const PROBLEMS = {
  nl: ['geeft foutcode {c}', 'blijft hangen', 'werkt niet meer na de update', 'toont verkeerde bedragen', 'is erg traag', 'kan niet worden opgeslagen', 'verdwijnt na het opslaan', 'geeft een lege pagina'],
  en: ['gives error code {c}', 'hangs', 'stopped working after the update', 'shows wrong amounts', 'is very slow', 'cannot be saved', 'disappears after saving', 'shows an empty page'],
}
const CIRCUMSTANCES = {
  nl: ['Sinds maandag gebeurt het bij elke poging.', 'Meerdere collega\'s hebben er last van.', 'Alleen in de webversie, de app werkt wel.', 'Opnieuw opstarten en opnieuw inloggen helpen niet.', 'Het begon na de laatste update van vorige week.', 'De deadline voor de aangifte komt eraan.', 'Op de andere vestiging werkt het gewoon.'],
  en: ['Since Monday it happens on every attempt.', 'Several colleagues are affected.', 'Only in the web version; the app works.', 'Restarting and signing in again do not help.', 'It started after last week\'s update.', 'The filing deadline is coming up.', 'At our other branch it works fine.'],
}
const REPLIES = {
  nl: ['Kunt u een schermafbeelding van de melding sturen?', 'We hebben een oplossing klaargezet; wilt u het opnieuw proberen?', 'Dit is een bekend probleem; de update van donderdag lost het op.', 'Welke versie van de browser gebruikt u?'],
  en: ['Could you send a screenshot of the message?', 'We have prepared a fix; would you try again?', 'This is a known problem; Thursday\'s update fixes it.', 'Which browser version are you using?'],
}
const REACTIONS = {
  nl: ['Hierbij de schermafbeelding, de foutmelding staat onderaan.', 'Het werkt weer, bedankt voor de snelle hulp!', 'Helaas, de fout komt nog steeds terug bij het afsluiten van de periode.', 'We gebruiken Firefox, de nieuwste versie.'],
  en: ['Here is the screenshot; the error message is at the bottom.', 'It works again, thanks for the quick help!', 'Unfortunately the error still comes back when closing the period.', 'We use Firefox, the latest version.'],
}
const NOTES = ['Lijkt op de storing van de koppeling; doorgezet naar platform.', 'Klant gebeld, terugbellen na de update.', 'Database van de klant gecontroleerd, geen afwijkingen.']

const FIRST_NAMES = ['Anna', 'Bram', 'Chantal', 'Daan', 'Emma', 'Finn', 'Gert', 'Hanna', 'Iris', 'Jeroen', 'Kim', 'Lars', 'Maud', 'Niels', 'Olga', 'Pieter', 'Rosa', 'Sem', 'Tessa', 'Umut', 'Vera', 'Wouter', 'Yara', 'Zoë', 'James', 'Sarah', 'Oliver', 'Grace']
const LAST_NAMES = ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smith', 'Taylor', 'Brown']
const TRADES = ['Bakkerij', 'Installatiebedrijf', 'Transport', 'Drukkerij', 'Tandartsenpraktijk', 'Bouwbedrijf', 'Groothandel', 'Accountants', 'Garage', 'Kwekerij', 'Trading', 'Consultancy']
const PLACES = ['Groningen', 'Zwolle', 'Leeuwarden', 'Utrecht', 'Eindhoven', 'Haarlem', 'Breda', 'Assen', 'Deventer', 'Delft']
const AREAS = Object.keys(TOPICS)
const KINDS: Incident['kind'][] = ['bug', 'question', 'bug', 'outage', 'wish', 'question']
/** Who works on what: the demo staff by team, for assignees. */
const STAFF_OF_TEAM: Record<string, string[]> = {
  'first-line': ['s-lotte', 's-ruud'], finance: ['s-lotte'], logistics: ['s-daan'], platform: ['s-fatima'],
}

/** Organisations and contacts for a desk of `size` incidents: a few thousand at the large sizes. */
export function customers(size: number): { organisations: Organisation[]; contacts: Contact[] } {
  const count = Math.max(20, Math.min(3_000, Math.round(size / 30)))
  const organisations: Organisation[] = []
  const contacts: Contact[] = []
  for (let k = 0; k < count; k++) {
    const name = `${pick(TRADES, k, 1)} ${pick(LAST_NAMES, k, 2)}${k % 7 === 0 ? ' B.V.' : ''}`
    const id = `org-scale-${k}`
    organisations.push({
      id, name, customerNumber: String(200_000 + k), isFirstClass: k % 10 === 0, address: `Hoofdstraat ${1 + (k % 200)}, ${pick(PLACES, k, 3)}`,
      subscriptions: [{ name: 'Noordwind ERP Compleet', since: '2022-01-01' }], invoices: [], projects: [], courses: [],
    })
    const domain = `klant-${k}.example`
    for (let n = 0; n < 3; n++) {
      const first = pick(FIRST_NAMES, k * 3 + n, 4)
      const lang = unit(k * 3 + n, 5) < 0.8 ? 'nl' : 'en'
      contacts.push({
        id: `c-scale-${k}-${n}`, organisationId: id, name: `${first} ${pick(LAST_NAMES, k * 3 + n, 6)}`, email: `${first.toLowerCase()}.${n}@${domain}`,
        lang, role: n === 0 ? 'admin' : 'employee', isAuthorised: true, isActive: true,
      })
    }
  }
  return { organisations, contacts }
}

/** An incident of the history with its messages and the text search finds it by. */
export interface HistoryItem {
  incident: Incident
  messages: Message[]
  /** Subject, description, requester's and organisation's names and the public messages: the contract's `search_text`. */
  searchText: string
  /** Internal notes: staff-only search text. */
  internalText: string
}

/** The incidents of a desk of `size`: `item(i)` is the i-th, numbered FIRST_NUMBER + i, registered in order over three years up to `now`. */
export function history(size: number, options: { desk: DeskConfig; now: Date; demoContacts: Contact[]; organisations: Organisation[]; contacts: Contact[] }) {
  const jansen = options.demoContacts.filter((c) => c.organisationId === 'org-jansen' && c.isAuthorised)
  const names = new Map([...options.organisations].map((o) => [o.id, o.name]))
  const jansenName = 'Bakkerij Jansen B.V.'
  const step = THREE_YEARS_MS / Math.max(1, size)
  const start = options.now.getTime() - THREE_YEARS_MS
  const firstOpen = Math.floor(size * (1 - OPEN_SHARE))

  function item(i: number): HistoryItem {
    const contact = unit(i, 10) < JANSEN_SHARE ? pick(jansen, i, 11) : pick(options.contacts, i, 12)
    const lang = contact.lang
    const productArea = pick(AREAS, i, 13)
    const kind = pick(KINDS, i, 14)
    const topic = pick(TOPICS[productArea]![lang], i, 15)
    const problem = pick(PROBLEMS[lang], i, 16).replace('{c}', String(400 + Math.floor(unit(i, 17) * 200)))
    const subject = `${topic} ${problem}`
    const description = `${topic} ${problem}. ${pick(CIRCUMSTANCES[lang], i, 18)} ${pick(CIRCUMSTANCES[lang], i, 19)}`
    const registered = new Date(start + i * step)
    const input = { name: contact.name, email: contact.email, kind, productArea, subject, description, kbQuery: topic.toLowerCase(), kbArticles: [], lang } as unknown as ParsedIncidentInput
    const draft = newIncident(input, { contact, desk: options.desk, now: registered })
    const at = (hours: number) => new Date(registered.getTime() + hours * 3_600_000).toISOString()
    const by = pick(STAFF_OF_TEAM[draft.team] ?? ['s-admin'], i, 20)
    const history: StatusChange[] = [...draft.statusHistory]
    let status: IncidentStatus = 'new'
    const move = (to: IncidentStatus, hours: number, who: string) => {
      history.push({ status: to, at: at(hours), by: who })
      status = to
    }
    if (i < firstOpen) {
      move('in_progress', 2, `staff:${by}`)
      move('resolved', 30, `staff:${by}`)
      if (unit(i, 21) < 0.9) move('closed', 30 + 14 * 24, 'system')
    } else {
      const r = unit(i, 21)
      if (r >= 0.3) move('in_progress', 1, `staff:${by}`)
      if (r >= 0.8) move('waiting_for_customer', 3, `staff:${by}`)
    }
    const incident: Incident = {
      ...draft, id: randomUUID(), number: String(FIRST_NUMBER + i), version: history.length, status, statusHistory: history,
      priority: status === 'new' ? null : (2 + Math.floor(unit(i, 22) * 3)) as Incident['priority'],
      assigneeId: status === 'new' ? null : by, updatedAt: history.at(-1)!.at,
    }
    const messages: Message[] = []
    if (unit(i, 23) < WITH_MESSAGES_SHARE) {
      const message = (visibility: Message['visibility'], author: string, text: string, hours: number): Message =>
        ({ id: randomUUID(), incidentId: incident.id, visibility, author, text, attachmentIds: [], at: at(hours) })
      messages.push(message('public', `staff:${by}`, pick(REPLIES[lang], i, 24), 1.5))
      if (unit(i, 25) < 0.7) messages.push(message('public', `contact:${contact.id}`, pick(REACTIONS[lang], i, 26), 2.5))
      if (unit(i, 27) < 0.3) messages.push(message('internal', `staff:${by}`, pick(NOTES, i, 28), 2.7))
    }
    const organisationName = contact.organisationId === 'org-jansen' ? jansenName : names.get(contact.organisationId) ?? ''
    const searchText = [subject, description, contact.name, organisationName, ...messages.filter((m) => m.visibility === 'public').map((m) => m.text)].join('\n')
    const internalText = messages.filter((m) => m.visibility !== 'public').map((m) => m.text).join('\n')
    return { incident, messages, searchText, internalText }
  }
  return { item }
}

/** KB insight events over the last year: searches, clicks on results and sent forms, as the widget and search page record them. */
export function* insightEvents(count: number, now: Date): Generator<KbInsight> {
  const year = 365 * 86_400_000
  for (let i = 0; i < count; i++) {
    const lang = unit(i, 30) < 0.8 ? 'nl' : 'en'
    const area = pick(AREAS, i, 31)
    const query = pick(TOPICS[area]![lang], i, 32).toLowerCase().replace(/^(de|het|the) /, '')
    const at = new Date(now.getTime() - Math.floor(unit(i, 33) * year)).toISOString().slice(0, 16) + ':00.000Z'
    const session = `s${(i >> 2).toString(36).padStart(8, '0')}`
    const r = unit(i, 34)
    if (r < 0.6) yield { type: 'search', session, source: 'widget', lang, query, results: Math.floor(unit(i, 35) * 6), at }
    else if (r < 0.9) yield { type: 'click', session, source: 'search', lang, query, article: `/support/${area}/`, at }
    else yield { type: 'incident', session, source: 'widget', lang, query, at }
  }
}
