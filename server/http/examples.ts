/** The document's examples: one morning at the demo desk, played against a fresh copy of it, so every example is a request the API took and the answer it gave. */
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { defaultLimits, type Deps } from '../deps.ts'
import type { KbInsight } from '../domain/kb-insight.ts'
import { createNotifier } from '../mail/notifier.ts'
import { createOutbox } from '../mail/outbox.ts'
import { DEMO_STAFF_PASSWORD, seedDemo } from '../seed.ts'
import { logInsight } from '../store/insight-store.ts'
import { memoryLog } from '../store/memory-log.ts'
import { openLowdbStore } from '../store/lowdb-store.ts'

/** One request of the story and the answer: the document's examples of the operation it matches. */
export interface Played { name: string; summary: string; method: string; path: string; body?: unknown; status: number; reply?: unknown }

/** Where the story's desk lives. */
const BASE_URL = 'https://support.noordwind.example'
/** The telephone system's secret in the story. */
const PHONE_SECRET = 'example-phone-secret-0123456789abcdef'
/** Random values the story meets, and the fixed ones the document shows instead: the document is the same on every build. */
const FIXED = { confirmToken: 'mF3kQ9vZ2xT7bLr0cW8yNp4sHd6aJu1eGi5oKq2VtXw', signInToken: 'Hd6aJu1eGi5oKq2VtXwmF3kQ9vZ2xT7bLr0cW8yNp4', viewToken: 'Xq8vR2mT5kLw9pZc3nJh7bYd1fGs4aUe6oKi0tVxNyQ', code: '482913' }
const at = (iso: string) => new Date(iso)
/** The story's steps that are meant to be refused: examples of refusals; any other refusal stops the story. */
const REFUSED = new Set(['notAPath', 'productArea', 'nameWithoutLetter', 'conflict', 'tooSoon', 'unknownPlaceholder'])

/**
 * Plays the story on a new demo desk in a temporary folder (removed afterwards) with this desk's
 * configuration and calendar, through `makeApp`'s whole app: sign-ins, a registration by the
 * widget and its confirmation, triage, replies, a complaint, consented access, signals.
 */
export async function playStory(deps: Pick<Deps, 'desk' | 'calendar'>, makeApp: (deps: Deps) => Hono<any, any, any>): Promise<Played[]> {
  const dir = await mkdtemp(join(tmpdir(), 'loket-examples-'))
  let now = at('2026-11-02T09:00:00Z')
  const clock = () => now
  const store = await openLowdbStore({ dir })
  try {
    await seedDemo(store)
    const outbox = createOutbox({ store: store.outbox, transport: { send: async () => {} }, from: 'support@noordwind.example', clock, log: () => {} })
    const app = makeApp({
      ...deps, clock, store, dataDir: dir, insight: logInsight(memoryLog<KbInsight>()), limits: defaultLimits(clock, store.rateCounters), allowedOrigins: [],
      notifier: createNotifier({ outbox, desk: deps.desk, baseUrl: BASE_URL, clock, calendar: deps.calendar }), phoneRoutingSecret: PHONE_SECRET, baseUrl: BASE_URL,
    })
    const played: Played[] = []
    const random = new Map<string, string>()
    /** Sends a request as `who` (a cookie or bearer token) and records it under `name` unless that is empty; a minute passes. */
    const play = async (name: string, summary: string, method: string, path: string, body?: unknown, who: Record<string, string> = {}) => {
      const isForm = body instanceof FormData || body instanceof URLSearchParams
      const res = await app.request(path, { method, headers: { ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }), ...who }, ...(body === undefined ? {} : { body: isForm ? body : JSON.stringify(body) }) })
      const reply = res.headers.get('content-type')?.startsWith('application/json') ? await res.json() as any : undefined
      if (res.status >= 400 && !REFUSED.has(name)) throw new Error(`[loket] examples: ${method} ${path} answered ${res.status} ${JSON.stringify(reply)}`)
      // A form's fields as an object; a file by its name.
      const sent = body instanceof URLSearchParams || body instanceof FormData ? Object.fromEntries([...body.entries()].map(([k, v]) => [k, v instanceof File ? v.name : v])) : body
      if (name) played.push({ name, summary, method, path, ...(sent === undefined ? {} : { body: sent }), status: res.status, ...(reply === undefined ? {} : { reply }) })
      now = new Date(now.getTime() + 60_000)
      return { reply, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' }
    }
    const lastMail = async () => (await store.outbox.list()).sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1)!.text
    const tokenInMail = async (fixed: string) => { const token = /token=([\w-]+)/.exec(await lastMail())![1]!; random.set(token, fixed); return token }
    const staff = async (email: string, name = '') => ({ cookie: (await play(name, 'A support agent signs in', 'POST', '/api/auth/staff', { email, password: DEMO_STAFF_PASSWORD })).cookie })
    const contact = async (email: string, name = '') => {
      await play(name, 'A contact asks for a sign-in link', 'POST', '/api/auth/link', { email, lang: 'nl', fillMs: 6_200 })
      return { cookie: (await play(name && 'signIn', 'The token from the e-mailed link', 'POST', '/api/auth/callback', new URLSearchParams({ token: await tokenInMail(FIXED.signInToken) }))).cookie }
    }

    // Four weeks of questions from De Vries Installatietechniek, answered and closed: enough for a signal.
    const peter = await contact('peter@devries-installatie.example')
    for (let week = 0; week < 8; week++) {
      now = at(`2026-11-${String(3 + 3 * week).padStart(2, '0')}T09:00:00Z`)
      const closer = await staff('lotte@noordwind.example')
      const { reply: { id } } = await play('', '', 'POST', '/api/incidents', { name: 'Peter de Vries', email: 'peter@devries-installatie.example', kind: 'question', productArea: 'finance', subject: `Btw-suppletie, vraag ${week + 1}`, description: 'Hoe verwerken we een suppletie over het vorige kwartaal?', lang: 'nl' }, peter)
      await play('', '', 'PATCH', `/api/incidents/${id}`, { version: 1, status: 'resolved' }, closer)
      await play('', '', 'PATCH', `/api/incidents/${id}`, { version: 2, status: 'closed' }, closer)
    }
    // The week before: readers searched for payslips and found nothing; votes on two articles.
    for (const [i, query] of ['loonstrook pdf', 'loonstrook pdf', 'loonstrook pdf', 'payslip pdf'].entries()) {
      now = at(`2026-11-2${4 + i}T10:00:00Z`)
      await play('', '', 'POST', '/api/kb/events', { type: 'search', session: `7c1e9a4b2f6d4e08b3a5c9d17e2f6a4${i}`, source: 'widget', lang: query.startsWith('pay') ? 'en' : 'nl', query, results: 0 })
      await play('', '', 'POST', '/api/kb/votes', { article: i < 3 ? 'payroll-run' : 'vat-return', lang: 'nl', isHelpful: i === 1 })
    }

    // Monday 30 November, 10:00 in Amsterdam: Tom Bakker of Bakkerij Jansen cannot file the VAT return.
    now = at('2026-11-30T08:55:00Z')
    await play('up', 'Up', 'GET', '/api/health')
    // The mail of the weeks before went out, as a running desk's outbox sends it.
    await outbox.drain()
    await play('ready', 'Ready: the store writes, mail goes out', 'GET', '/api/ready')
    await play('mondayMorning', 'Monday 10:00: open', 'GET', '/api/desk')
    const visit = { session: '7c1e9a4b2f6d4e08b3a5c9d17e2f6a40', source: 'widget', lang: 'nl', query: 'btw aangifte fout 500' }
    await play('search', 'In the widget, a search the visitor settled on', 'POST', '/api/kb/events', { type: 'search', ...visit, results: 3 })
    await play('click', 'They opened a result', 'POST', '/api/kb/events', { type: 'click', ...visit, article: '/support/btw-aangifte/' })
    await play('notAPath', 'An article as a full address', 'POST', '/api/kb/events', { type: 'click', ...visit, article: 'https://kb.noordwind.example/support/btw-aangifte/' })
    await play('vote', 'The VAT-return article did not help', 'POST', '/api/kb/votes', { article: 'vat-return', lang: 'nl', isHelpful: false })
    await play('missing', 'What the reader missed in it', 'POST', '/api/kb/missing', { article: 'vat-return', lang: 'nl', text: 'Wat te doen bij fout 500 van Digipoort bij het indienen.' })
    await play('incident', 'And sent the incident form after all', 'POST', '/api/kb/events', { type: 'incident', ...visit })
    const registration = { name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance', subject: 'Btw-aangifte Q3 geeft fout 500 bij indienen', description: 'Bij het indienen van de btw-aangifte over het derde kwartaal via Digipoort krijg ik fout 500. Vorige maand lukte het nog wel; het certificaat is niet veranderd.', kbQuery: visit.query, kbArticles: ['vat-return'], lang: 'nl', fillMs: 94_000 }
    await play('productArea', 'A product area desk.yaml does not have', 'POST', '/api/incidents', { ...registration, productArea: 'marketing' })
    await play('nameWithoutLetter', 'A name of zero-width spaces only', 'POST', '/api/incidents', { ...registration, name: '\u200B\u200B\u200B' })
    await play('widget', 'From the widget, after a KB search found nothing', 'POST', '/api/incidents', registration)
    const { reply: { id, number } } = await play('confirm', 'The token from the e-mailed link', 'POST', '/api/incidents/confirm', { token: await tokenInMail(FIXED.confirmToken) })
    const lotte = await staff('lotte@noordwind.example', 'staffSignIn')
    const tom = await contact('tom@bakkerij-jansen.example', 'signInLink')
    await play('contact', 'Tom Bakker', 'GET', '/api/auth/me', undefined, tom)
    await play('staff', 'Lotte Smit', 'GET', '/api/auth/me', undefined, lotte)
    await play('signedIn', 'Tom Bakker', 'GET', '/api/auth/session', undefined, tom)
    await play('anonymous', 'Nobody signed in', 'GET', '/api/auth/session')
    const aisha = await contact('aisha@devries-installatie.example')
    await play('portal', 'From the portal, signed in, in English', 'POST', '/api/incidents', { name: 'Aisha el Amrani', email: 'aisha@devries-installatie.example', kind: 'question', productArea: 'finance', subject: 'VAT correction for the second quarter', description: 'How do we file a VAT correction for Q2 through Digipoort?', lang: 'en' }, aisha)
    await play('lotte', 'Lotte Smit\'s teams', 'GET', '/api/staff/queue', undefined, lotte)
    await play('demo', 'The demo staff and teams', 'GET', '/api/staff/people', undefined, lotte)
    // A partner's page that embeds the widget before its site was allowed: refused twice, as the middleware counts it.
    for (let i = 0; i < 2; i++) await store.refusedOrigins.record('https://partner.example', now.toISOString())
    await play('embedding', 'The widget\'s address, the allowed sites, and a partner site not allowed yet', 'GET', '/api/staff/embedding', undefined, lotte)
    await play('triage', 'Pick it up: priority 2, in progress, to oneself', 'PATCH', `/api/incidents/${id}`, { version: 1, priority: 2, status: 'in_progress', assigneeId: 's-lotte' }, lotte)
    await play('conflict', 'Triage from a page that had version 1', 'PATCH', `/api/incidents/${id}`, { version: 1, priority: 3 }, lotte)
    await play('answer', 'Lotte Smit answers', 'POST', `/api/incidents/${id}/messages`, { text: 'Goedemorgen Tom, Digipoort weigert de aangifte omdat het PKIoverheid-certificaat op 28 november is vernieuwd. Wilt u het nieuwe certificaat opnieuw koppelen?' }, lotte)
    await play('reply', 'The customer answers', 'POST', `/api/incidents/${id}/messages`, { text: 'Het nieuwe certificaat is gekoppeld, maar de aangifte geeft nog steeds fout 500. Schermafdruk volgt als bijlage.' }, tom)
    const screenshot = new FormData()
    screenshot.append('file', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'digipoort-fout-500.png'))
    await play('stored', 'A screenshot', 'POST', `/api/incidents/${id}/attachments`, screenshot, tom)
    await play('outbound', 'Lotte Smit rang Tom Bakker back', 'POST', `/api/incidents/${id}/phone-contacts`, { direction: 'outbound', summary: 'Tom Bakker teruggebeld: Digipoort meldt zelf een storing. Hij dient de aangifte vanmiddag opnieuw in.' }, lotte)
    // The desk's admin keeps saved replies; Lotte inserts one, and notes her analysis with the log for colleagues only.
    const deskAdmin = await staff('ingrid@noordwind.example')
    const certificate = {
      team: 'finance', title: { nl: 'Certificaat opnieuw koppelen', en: 'Link the certificate again' },
      body: {
        nl: 'Beste {{contact.name}},\n\nDigipoort weigert de aangifte bij incident {{incident.number}} omdat het certificaat is vernieuwd. Koppel het nieuwe certificaat opnieuw; wij lossen het op vóór {{incident.due}}.\n\nMet vriendelijke groet,\n{{staff.name}}',
        en: 'Dear {{contact.name}},\n\nDigipoort refuses the return of incident {{incident.number}} because the certificate was renewed. Please link the new certificate again; we will solve it before {{incident.due}}.\n\nKind regards,\n{{staff.name}}',
      },
    }
    await play('unknownPlaceholder', 'A placeholder the desk does not know', 'POST', '/api/saved-replies', { ...certificate, body: { ...certificate.body, nl: 'Beste {{klant.naam}},' } }, deskAdmin)
    const { reply: { savedReply } } = await play('savedReply', 'A reply for the finance team', 'POST', '/api/saved-replies', certificate, deskAdmin)
    await play('renamed', 'A shorter title', 'PUT', `/api/saved-replies/${savedReply.id}`, { ...certificate, title: { nl: 'Certificaat koppelen', en: 'Link certificate' } }, deskAdmin)
    await play('lotteReplies', 'The replies Lotte Smit may use', 'GET', '/api/saved-replies', undefined, lotte)
    await play('filled', 'Filled for Tom Bakker, in Dutch', 'GET', `/api/saved-replies/${savedReply.id}/filled?incidentId=${id}`, undefined, lotte)
    const analysis = new FormData()
    analysis.append('file', new File([new TextEncoder().encode('2026-11-30 09:58:12 Digipoort 500: certificaat onbekend\n')], 'digipoort.log'))
    analysis.append('text', 'Log van Digipoort: het oude certificaat wordt nog aangeboden.')
    analysis.append('visibility', 'internal')
    await play('noteWithFile', 'An internal note with a file, for support only', 'POST', `/api/incidents/${id}/attachments`, analysis, lotte)
    await play('customer', 'Tom Bakker, who filed it', 'GET', `/api/incidents/${id}`, undefined, tom)
    const marieke = await contact('marieke@bakkerij-jansen.example')
    await play('jansen', 'Bakkerij Jansen\'s incidents, for its admin', 'GET', '/api/incidents', undefined, marieke)
    await play('searched', 'The admin searches the organisation\'s incidents for a word of Tom\'s reaction', 'GET', '/api/incidents?q=certificaat&limit=20', undefined, marieke)
    await play('staffSearch', 'Support searches every organisation for Digipoort, open or not', 'GET', '/api/incidents?q=digipoort', undefined, lotte)
    await play('onePerPage', 'The queue one row per page: `next` leads on', 'GET', '/api/staff/queue?limit=1', undefined, lotte)
    await play('assignee', 'Tom Bakker types his incident number', 'GET', `/api/phone/route?number=${number}`, undefined, { authorization: `Bearer ${PHONE_SECRET}` })
    await play('general', 'A number that is no incident', 'GET', '/api/phone/route?number=999999', undefined, { authorization: `Bearer ${PHONE_SECRET}` })

    // Phone intake: Noor Dijkstra of Hoekstra Logistiek calls from her mobile; Sanne Visser calls too, not authorised yet.
    await play('byPhoneNumber', 'Lotte Smit looks up the number on her display', 'GET', '/api/staff/phone/callers?q=058%20213%2044%2077', undefined, lotte)
    await play('byPhone', 'Lotte Smit registers what Noor Dijkstra tells', 'POST', '/api/staff/phone/incidents', { contactId: 'c-hoekstra-planner', kind: 'bug', productArea: 'inventory', subject: 'Magazijnscanner leest geen barcodes meer', description: 'Sinds vanochtend 8 uur leest de magazijnscanner bij inslag geen enkele barcode; uitslag werkt wel.' }, lotte)
    await play('notAuthorisedCaller', 'Sanne Visser, not authorised yet', 'GET', '/api/staff/phone/callers?q=sanne', undefined, lotte)
    await play('adminsTold', 'Support cannot help Sanne Visser: Lotte Smit tells her admin', 'POST', '/api/staff/phone/callers/c-jansen-new/tell-admins', undefined, lotte)

    // Bakkerij Jansen's admin keeps the company details and contacts up to date.
    await play('admin', 'Marieke Jansen, the admin', 'GET', '/api/organisation', undefined, marieke)
    await play('employee', 'Tom Bakker, an employee', 'GET', '/api/organisation', undefined, tom)
    await play('details', 'The admin updates the address, phone and invoice address', 'PATCH', '/api/organisation', { address: 'Molenstraat 14, 9711 AB Groningen', phone: '050 123 45 67', invoiceEmail: 'administratie@bakkerij-jansen.example' }, marieke)
    await play('colleague', 'A new colleague, with the defaults: employee, Dutch, authorised', 'POST', '/api/organisation/contacts', { name: 'Joost Meijer', email: 'joost@bakkerij-jansen.example' }, marieke)
    await play('authorise', 'Authorise Sanne Visser, who asked through the widget', 'PATCH', '/api/organisation/contacts/c-jansen-new', { isAuthorised: true }, marieke)
    await play('contacts', 'Bakkerij Jansen\'s contacts', 'GET', '/api/organisation/contacts', undefined, marieke)

    // Marieke complains that it takes long; customer care answers.
    const { reply: { complaint } } = await play('complaint', 'Marieke Jansen complains about an incident that takes long', 'POST', '/api/complaints', { kind: 'complaint', subject: 'Btw-aangifte Q3 nog steeds niet opgelost', text: 'Incident staat sinds vanochtend open en de btw-aangifte moet deze week de deur uit. Als First Class-klant verwachten wij dat hier vaart achter wordt gezet.', incidentNumber: number }, marieke)
    const ruud = await staff('ruud@noordwind.example')
    await play('complaintQueue', 'The complaints queue: open ones, earliest due first', 'GET', '/api/staff/complaints?status=received,in_progress', undefined, ruud)
    await play('takenUp', 'Customer care takes it on, with a note for support only', 'PATCH', `/api/staff/complaints/${complaint.id}`, { version: 1, assigneeId: 's-ruud', note: 'First Class-klant; btw-deadline vrijdag. Ik bel haar zelf en stem af met Lotte.' }, ruud)
    await play('withNotes', 'The complaint as the console shows it: assignee, notes, target in business time', 'GET', `/api/staff/complaints/${complaint.id}`, undefined, ruud)
    await play('answered', 'Customer care answers and takes it up', 'PATCH', `/api/complaints/${complaint.id}`, { version: 2, status: 'in_progress', reply: 'Beste mevrouw Jansen, u hebt gelijk dat dit te lang duurt. Ik bel u vóór 15:00 uur met de stand van zaken. Met vriendelijke groet, Ruud de Boer' }, ruud)
    await play('mine', 'Marieke Jansen\'s complaints', 'GET', '/api/complaints', undefined, marieke)
    await play('one', 'Her complaint', 'GET', `/api/complaints/${complaint.id}`, undefined, marieke)

    // Lotte Smit's inbox: Tom's reaction on the incident she handles, and the complaint about it for her team.
    const { reply: { notifications: [latest] } } = await play('inbox', 'Lotte Smit\'s notifications, newest first', 'GET', '/api/staff/notifications', undefined, lotte)
    await play('unreadCount', 'Her unread count, for the menu', 'GET', '/api/staff/notifications/unread', undefined, lotte)
    await play('readOne', 'She reads the newest', 'POST', `/api/staff/notifications/${latest.id}/read`, undefined, lotte)
    await play('readAll', 'And marks the rest read', 'POST', '/api/staff/notifications/read', undefined, lotte)
    await play('byMail', 'What comes to her by mail too', 'GET', '/api/staff/notifications/preferences', undefined, lotte)
    await play('consoleOnly', 'Reactions in the console only; mails in English', 'PUT', '/api/staff/notifications/preferences', { mail: { reaction: false }, lang: 'en' }, lotte)

    // Customer care sees that De Vries asks often, and plans a visit; staff read the KnowledgeBase's signals.
    await play('flagged', 'Organisations over a threshold', 'GET', '/api/signals', undefined, ruud)
    await play('advisorVisit', 'Customer Care sends an advisor to De Vries Installatietechniek', 'POST', '/api/signals/org-devries/follow-ups', { kind: 'advisor_visit', date: '2026-12-08', note: 'Adviseur bespreekt de btw-suppletie op locatie met de administratie.' }, ruud)
    await play('report', 'The last four weeks', 'GET', '/api/kb/insight', undefined, lotte)

    // Consented access: Tom lets Lotte look along, Marieke approves a backup and gives access.
    const { reply: { remoteView } } = await play('started', 'Lotte Smit starts a session on Tom\'s incident', 'POST', `/api/incidents/${id}/remote-views`, undefined, lotte)
    const { reply: { consents: [{ code }] } } = await play('', '', 'GET', '/api/consents?kind=remote_view', undefined, tom)
    random.set(code, FIXED.code)
    await play('lookup', 'The six digits Tom Bakker got by e-mail and in the portal', 'POST', '/api/remote-views/lookup', { code })
    const { reply: { token } } = await play('opened', 'Tom consents', 'POST', '/api/remote-views/consent', { code })
    random.set(token, FIXED.viewToken)
    const page = { authorization: `Bearer ${token}` }
    await play('offer', 'The customer\'s browser offers its screen', 'POST', `/api/remote-views/${remoteView.id}/signals`, { type: 'offer', data: JSON.stringify({ description: { type: 'offer', sdp: 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n…' } }) }, page)
    await play('ice', 'No TURN server on this desk: direct connections', 'GET', `/api/remote-views/${remoteView.id}/ice`, undefined, page)
    await play('signals', 'What the customer\'s page sent', 'GET', `/api/remote-views/${remoteView.id}/signals?after=0`, undefined, lotte)
    await play('open', 'Open, as the customer\'s page sees it', 'GET', `/api/remote-views/${remoteView.id}`, undefined, page)
    await play('ended', 'Lotte Smit ends it', 'POST', `/api/remote-views/${remoteView.id}/end`, undefined, lotte)
    const { reply: { backup } } = await play('backupRequest', 'Lotte Smit asks for a backup to reproduce the VAT error', 'POST', `/api/incidents/${id}/backups`, { reason: 'De btw-aangifte over Q3 faalt alleen in deze administratie; we willen de fout nabootsen op een testomgeving.' }, lotte)
    await play('approve', 'Marieke Jansen approves, with a note', 'POST', `/api/backups/${backup.id}/decision`, { decision: 'approve', note: 'Akkoord; de back-up staat vanmiddag klaar.', version: 1 }, marieke)
    await play('received', 'Support has it', 'POST', `/api/backups/${backup.id}/received`, { version: 2 }, lotte)
    await play('purged', 'And deleted it after use', 'POST', `/api/backups/${backup.id}/purged`, { version: 3 }, lotte)
    const { reply: { grant } } = await play('grant', 'Marieke Jansen lets support in as a functional user until Friday 18:00', 'POST', `/api/incidents/${id}/grants`, { level: 'functional_user', endsAt: '2026-12-04T18:00:00+01:00' }, marieke)
    await play('used', 'Lotte Smit goes in', 'POST', `/api/grants/${grant.id}/use`, undefined, lotte)
    await play('revoked', 'Marieke Jansen ends it early', 'POST', `/api/grants/${grant.id}/revoke`, { version: 1 }, marieke)
    const extra = { startsAt: '2027-01-02T09:00:00+01:00', endsAt: '2027-01-02T16:00:00+01:00', reason: 'Jaarafsluiting op zaterdag: we willen support kunnen bellen als de afsluiting vastloopt.' }
    await play('tooSoon', 'Too soon to arrange', 'POST', '/api/extra-support', { ...extra, startsAt: '2026-12-01T18:00:00+01:00', endsAt: '2026-12-01T22:00:00+01:00' }, marieke)
    const { reply: { extraSupport } } = await play('extraSupport', 'Support during the year-end close on Saturday 2 January 2027', 'POST', '/api/extra-support', extra, marieke)
    await play('consents', 'Bakkerij Jansen\'s consents', 'GET', '/api/consents', undefined, marieke)
    const ingrid = await staff('ingrid@noordwind.example')
    await play('approveExtraSupport', 'Ingrid Postma approves', 'POST', `/api/extra-support/${extraSupport.id}/decision`, { decision: 'approve', note: 'Daan Mulder is die zaterdag bereikbaar.', version: 1 }, ingrid)
    // Year-end closing: Ingrid Postma tells customers that answers take longer this week.
    await play('busy', 'Ingrid Postma sets a notice until Friday 17:00', 'PUT', '/api/staff/desk-notice', { text: { nl: 'Door de jaarafsluiting is het uitzonderlijk druk: vragen beantwoorden we deze week binnen twee werkdagen.', en: 'Year-end closing makes us exceptionally busy: this week we answer questions within two working days.' }, endsAt: '2026-12-04T17:00:00+01:00' }, ingrid)
    await play('running', 'What the KB, the widget and the portal show', 'GET', '/api/desk/notice')
    await play('storedNotice', 'The notice as support sees it', 'GET', '/api/staff/desk-notice', undefined, lotte)
    await play('calmAgain', 'Ingrid Postma clears it early', 'DELETE', '/api/staff/desk-notice', undefined, ingrid)
    await play('signedOut', 'Tom signs out', 'POST', '/api/auth/logout', undefined, tom)
    return stable(played, random)
  } finally {
    await store.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/** The story with its random values fixed and its ids renumbered in order of appearance: the same story gives the same document. */
function stable(played: Played[], random: Map<string, string>): Played[] {
  let text = JSON.stringify(played)
  for (const [value, fixed] of random) text = text.replaceAll(value, fixed)
  const ids = new Map<string, string>()
  text = text.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, (id) => {
    if (!ids.has(id)) {
      const hex = createHash('sha256').update(`loket-example-${ids.size}`).digest('hex')
      ids.set(id, `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`)
    }
    return ids.get(id)!
  })
  return JSON.parse(text) as Played[]
}
