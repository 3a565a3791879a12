/** The lived-in demo: the same history for the same start day, every status and priority, one organisation flagged, never onto a desk with data; on both stores. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { addDemoHistory, FLAGGED_ORGANISATION, HISTORY_DAYS } from './demo-history.ts'
import { INCIDENT_STATUSES, type Incident } from './domain/records.ts'
import { listSignals } from './services/signals.ts'
import { dropSchemas } from './store/postgres-testing.ts'
import { closeTestDesks, testDesk } from './testing.ts'

afterAll(async () => {
  await closeTestDesks()
  await dropSchemas()
})

// Sunday 6 December 2026, 14:00 in Amsterdam: the desk is closed, the history runs up to Friday.
const START = '2026-12-06T13:00:00Z'

/** A seeded desk on `store` with the history added at `now`. */
async function desk(store: 'lowdb' | 'postgres', now = START) {
  const before = process.env.TEST_STORE
  process.env.TEST_STORE = store === 'postgres' ? 'postgres' : ''
  try {
    const opened = await testDesk({ now })
    const summary = await addDemoHistory(opened.deps, new Date(now))
    return { ...opened, summary }
  } finally {
    process.env.TEST_STORE = before
  }
}

/** What a desk holds, without the ids the store and services draw at random: numbers, texts, times, statuses. */
async function contents(opened: Awaited<ReturnType<typeof desk>>) {
  const incidents = (await opened.store.incidents.list({})).sort((a, b) => a.number.localeCompare(b.number))
  const shape = async (i: Incident) => ({
    number: i.number, organisationId: i.organisationId, contactId: i.contactId, kind: i.kind, productArea: i.productArea, subject: i.subject, lang: i.lang,
    status: i.status, priority: i.priority, team: i.team, assigneeId: i.assigneeId, registeredAt: i.registeredAt, statusHistory: i.statusHistory,
    queueDueAt: i.queueDueAt ?? null, version: i.version,
    messages: (await opened.store.messages.listByIncident(i.id)).map((m) => ({ visibility: m.visibility, channel: m.channel, author: m.author, text: m.text, at: m.at })),
  })
  const complaints = (await opened.store.complaints.list({})).sort((a, b) => a.number.localeCompare(b.number))
    .map((c) => ({ number: c.number, status: c.status, subject: c.subject, registeredAt: c.registeredAt, dueAt: c.dueAt, replies: c.replies }))
  return { incidents: await Promise.all(incidents.map(shape)), complaints, insight: await opened.deps.insight.readAll() }
}

describe.each(['lowdb', 'postgres'] as const)('the demo history on %s', (store) => {
  // One desk with the history for the tests that only read it: a history takes seconds to write, on PostgreSQL more.
  let shared: Awaited<ReturnType<typeof desk>>
  beforeAll(async () => { shared = await desk(store) }, 120_000)
  afterAll(() => shared.close())

  test('is the same for the same start day', { timeout: 120_000 }, async () => {
    const a = await contents(shared)
    expect(a.incidents.length).toBeGreaterThanOrEqual(55)
    expect(await contents(await desk(store))).toEqual(a)
  })

  test.runIf(store === 'lowdb')('depends on the start day, not the minute', { timeout: 120_000 }, async () => {
    const a = await contents(shared)
    const later = await desk(store, '2026-12-06T16:30:00Z')
    expect((await contents(later)).incidents.map((i) => [i.subject, i.registeredAt, i.status])).toEqual(a.incidents.map((i) => [i.subject, i.registeredAt, i.status]))
    const otherDay = await desk(store, '2026-12-09T13:00:00Z')
    expect((await contents(otherDay)).incidents.map((i) => i.registeredAt)).not.toEqual(a.incidents.map((i) => i.registeredAt))
  })

  test('holds every status and priority, replies, reactions, notes, calls and complaints, all in the eight weeks before the start', async () => {
    const opened = shared
    const { incidents, complaints } = await contents(opened)
    const start = new Date(START).getTime()
    const earliest = start - (HISTORY_DAYS + 3) * 86_400_000
    expect(new Set(incidents.map((i) => i.status))).toEqual(new Set(INCIDENT_STATUSES.filter((s) => s !== 'awaiting_confirmation')))
    expect(new Set(incidents.filter((i) => i.status !== 'new').map((i) => i.priority))).toEqual(new Set([1, 2, 3, 4, 5]))
    // Priority 1 only for the First Class organisation.
    expect(incidents.filter((i) => i.priority === 1).every((i) => i.organisationId === 'org-jansen')).toBe(true)
    const messages = incidents.flatMap((i) => i.messages)
    expect(messages.some((m) => m.visibility === 'public' && m.author.startsWith('staff:'))).toBe(true)
    expect(messages.some((m) => m.author.startsWith('contact:'))).toBe(true)
    expect(messages.some((m) => m.visibility === 'internal' && !m.channel)).toBe(true)
    expect(messages.some((m) => m.channel === 'phone')).toBe(true)
    for (const i of incidents) {
      for (const moment of [i.registeredAt, ...i.statusHistory.map((h) => h.at), ...i.messages.map((m) => m.at)]) {
        expect(new Date(moment).getTime()).toBeLessThan(start)
        expect(new Date(moment).getTime()).toBeGreaterThan(earliest)
      }
    }
    // Open incidents are in the queue with a due time once triaged; settled ones are not.
    const open = incidents.filter((i) => ['in_progress'].includes(i.status) && i.priority !== 5)
    expect(open.length).toBeGreaterThan(0)
    for (const i of open) expect(i.queueDueAt).not.toBeNull()
    expect(complaints.map((c) => c.status).sort()).toEqual(['received', 'resolved'])
    // Numbers as the store gives them: digits, increasing with the registration time.
    const byTime = [...incidents].sort((a, b) => a.registeredAt.localeCompare(b.registeredAt)).map((i) => i.number)
    expect(byTime).toEqual(incidents.map((i) => i.number))
    // Found by the search index, like any incident.
    expect((await opened.store.incidents.page({ q: 'verlofsaldo' }, { limit: 10 })).items.length + (await opened.store.incidents.page({ q: 'btw-aangifte' }, { limit: 10 })).items.length).toBeGreaterThan(0)
    // Mailed to nobody: the outbox holds none of the past's mail.
    expect(await opened.mails()).toEqual([])
  })

  test('puts one organisation above the signal thresholds, and fills the KB insight', async () => {
    const opened = shared
    const signals = await listSignals(opened.deps, { isAll: true })
    const flagged = signals.listed.filter((l) => l.signal.isFlagged).map((l) => l.signal.organisationId)
    expect(flagged).toEqual([FLAGGED_ORGANISATION])
    expect(signals.listed.find((l) => l.signal.organisationId === FLAGGED_ORGANISATION)?.followUps).toHaveLength(1)
    const report = await opened.deps.insight.report({ now: new Date(START), timeZone: opened.deps.desk.timeZone, weeks: 8 })
    expect(report.noResults.nl.length).toBeGreaterThan(0)
    expect(report.noResults.en.length).toBeGreaterThan(0)
    expect(report.incidentQueries.length).toBeGreaterThan(0)
    expect(report.worstArticles.length).toBeGreaterThan(0)
    expect(report.deflection.searching).toBeGreaterThan(50)
  })

  test.runIf(store === 'lowdb').each(['2026-11-30T07:00:00Z', '2026-12-28T10:00:00Z', '2027-04-28T15:00:00Z'])('started at %s, still holds every status and priority, a call and a flagged organisation', { timeout: 60_000 }, async (now) => {
    const opened = await desk(store, now)
    const { incidents } = await contents(opened)
    expect(new Set(incidents.map((i) => i.status))).toEqual(new Set(INCIDENT_STATUSES.filter((s) => s !== 'awaiting_confirmation')))
    expect(new Set(incidents.filter((i) => i.status !== 'new').map((i) => i.priority))).toEqual(new Set([1, 2, 3, 4, 5]))
    expect(incidents.some((i) => i.messages.some((m) => m.channel === 'phone'))).toBe(true)
    for (const i of incidents) expect(new Date(i.statusHistory.at(-1)!.at).getTime()).toBeLessThan(new Date(now).getTime())
    const signals = await listSignals({ ...opened.deps, clock: () => new Date(now) }, { isAll: true })
    expect(signals.listed.filter((l) => l.signal.isFlagged).map((l) => l.signal.organisationId)).toEqual([FLAGGED_ORGANISATION])
  })

  test('is never added to a desk that holds incidents', { timeout: 60_000 }, async () => {
    const opened = await testDesk()
    const tom = await opened.cookieFor('contact', 'c-jansen-emp')
    await opened.call('POST', '/api/incidents', { name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance', subject: 'Btw-aangifte geeft fout', description: 'Fout 500 bij het indienen.', lang: 'nl' }, { cookie: tom })
    expect(await addDemoHistory(opened.deps, new Date(START))).toBeUndefined()
    expect(await opened.store.incidents.count()).toBe(1)
    expect(await opened.deps.insight.readAll()).toEqual([])
  })
})
