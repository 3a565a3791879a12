import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, test } from 'vitest'
import type { AccessGrant, Complaint, ExtraSupportRequest, Organisation, PendingRegistration } from '../domain/records.ts'
import type { MailRecord } from '../mail/types.ts'
import type { KbInsight } from '../domain/kb-insight.ts'
import { insightReport } from '../domain/kb-insight-report.ts'
import { readAllOf } from './attachment-files.ts'
import { openLowdbStore, readLowdbTables, TABLES, type Row, type Table } from './lowdb-store.ts'
import { migrateStore } from './migrate-store.ts'
import { postgresInsight } from './postgres-insight.ts'
import { columnsOf, type RecordTable } from './postgres-store.ts'
import { dropSchemas, freshSchema, openTestStore, TEST_DATABASE_URL } from './postgres-testing.ts'
import { run } from '../../tests/fixtures/run.ts'
import { complaintDraft, contact, incidentDraft, notificationOf } from './store-contract.ts'
import { StoreError, type Store } from './store.ts'

afterAll(dropSchemas)

const freshDir = () => mkdtempSync(join(tmpdir(), 'loket-migrate-'))
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute)).toISOString()
/** followUps → follow_ups, signInTokens → sign_in_tokens. */
const sqlName = (table: Table) => table.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as RecordTable

const organisation = (id: string, name: string): Organisation => ({
  id, name, customerNumber: '1001', isFirstClass: false, subscriptions: [], invoices: [], projects: [], courses: [],
})
const mail = (n: number): MailRecord => ({
  id: `mail-${n}`, eventKey: `incident:${n}:registered`, to: 'anne@klant.example', subject: `Mail ${n}`, text: 'Tekst', status: 'pending', attempts: 0,
  nextAttemptAt: at(0), createdAt: at(0),
})

/** Records in every table, made through the Store as the API makes them. */
async function fillFirst(store: Store): Promise<void> {
  // org-b first: lists keep the order records were stored in, not their ids' order.
  await store.organisations.put(organisation('org-b', 'Bakkerij Bol'))
  await store.organisations.put(organisation('org-a', 'Aannemer Aarts'))
  const anne = contact({ organisationId: 'org-a', email: 'Anne@Klant.example' })
  const bert = contact({ organisationId: 'org-a', name: 'Bert' })
  const cas = contact({ organisationId: 'org-b', name: 'Cas' })
  for (const c of [anne, bert, cas]) await store.contacts.put(c)
  await store.staff.put({ id: 's1', name: 'Piet', email: 'Piet@Loket.example', teams: ['finance'], role: 'agent', isActive: true })

  const i1 = await store.incidents.create(incidentDraft({ organisationId: 'org-a', contactId: anne.id }))
  const i2 = await store.incidents.create(incidentDraft({ organisationId: 'org-a', contactId: bert.id, kind: 'question' }))
  await store.incidents.create(incidentDraft({ organisationId: 'org-b', contactId: cas.id, team: 'hr' }))
  const taken = await store.incidents.update(i1.id, 1, (i) => ({ ...i, status: 'in_progress', assigneeId: 's1', statusHistory: [...i.statusHistory, { status: 'in_progress', at: at(5), by: 'staff:s1' }] }))
  await store.incidents.update(i1.id, taken.version, (i) => ({ ...i, priority: 2, updatedAt: at(6) }))

  // Added out of time order: a thread reads by `at`.
  await store.messages.add({ id: 'm1', incidentId: i1.id, visibility: 'public', author: 'staff:s1', text: 'Wij kijken ernaar.', attachmentIds: [], at: at(30) })
  await store.messages.add({ id: 'm2', incidentId: i1.id, visibility: 'internal', channel: 'phone', direction: 'inbound', author: 'staff:s1', text: 'Belde.', attachmentIds: [], at: at(10) })
  await store.messages.add({ id: 'm3', incidentId: i2.id, visibility: 'public', author: `contact:${bert.id}`, text: 'En nu?', attachmentIds: ['a1'], at: at(12) })
  await store.attachments.add({ id: 'a1', incidentId: i2.id, fileName: 'fout.png', contentType: 'image/png', size: 1234, storedAs: 'attachments/a1', uploadedBy: `contact:${bert.id}`, at: at(12) })

  const k1 = await store.complaints.create(complaintDraft({ organisationId: 'org-a', contactId: anne.id, incidentId: i1.id }))
  await store.complaints.update(k1.id, 1, (k): Complaint => ({ ...k, status: 'in_progress', replies: [{ at: at(40), by: 'staff:s1', text: 'Excuses.' }], respondedAt: at(40) }))
  await store.complaints.create(complaintDraft({ organisationId: 'org-b', contactId: cas.id, kind: 'opinion' }))

  await store.savedReplies.put({ id: 'sr1', team: 'finance', title: { nl: 'Certificaat', en: 'Certificate' }, body: { nl: 'Beste {{contact.name}},', en: 'Dear {{contact.name}},' }, updatedBy: 'staff:s1', createdAt: at(4), updatedAt: at(4) })
  await store.followUps.add({ id: 'f1', organisationId: 'org-a', kind: 'course', date: '2026-12-14', note: 'Cursus btw', by: 'staff:s1', at: at(5) })
  await store.followUps.add({ id: 'f2', organisationId: 'org-a', kind: 'advisor_visit', date: '2026-12-20', note: 'Bezoek', by: 'staff:s1', at: at(20) })

  const grant: Omit<AccessGrant, 'version'> = {
    kind: 'grant', id: 'g1', organisationId: 'org-a', incidentId: i1.id, level: 'read_only', grantedBy: `contact:${anne.id}`, endsAt: at(50),
    revokedAt: null, revokedBy: null, createdAt: at(3), updatedAt: at(3),
  }
  const extra: Omit<ExtraSupportRequest, 'version'> = {
    kind: 'extra_support', id: 'x1', organisationId: 'org-b', contactId: cas.id, startsAt: '2026-12-05T08:00:00.000Z', endsAt: '2026-12-05T16:00:00.000Z',
    reason: 'Jaarafsluiting', status: 'requested', isBilled: true, decidedBy: null, decidedAt: null, decisionNote: null, createdAt: at(1), updatedAt: at(1),
  }
  await store.consents.create(grant)
  await store.consents.create(extra)
  await store.consents.update<AccessGrant>('g1', 1, (g) => ({ ...g, revokedAt: at(8), revokedBy: `contact:${anne.id}`, updatedAt: at(8) }))

  await store.registrations.put({ id: 'r1', tokenHash: 'reg-hash', contactId: bert.id, input: { name: 'Bert', subject: 'Vraag' } as PendingRegistration['input'], createdAt: at(0), expiresAt: at(30) })
  await store.signInTokens.put({ id: 't1', tokenHash: 'sign-in-1', subject: { kind: 'contact', id: anne.id }, next: `/portal/incidents/${i1.number}`, expiresAt: at(15) })
  await store.signInTokens.put({ id: 't2', tokenHash: 'sign-in-2', subject: { kind: 'staff', id: 's1' }, expiresAt: at(15) })
  await store.signInTokens.take('sign-in-2', new Date(at(1)))
  await store.sessions.put({ id: 'sess-1', tokenHash: 'cookie-1', subject: { kind: 'contact', id: anne.id }, createdAt: at(0), expiresAt: at(59) })
  await store.sessions.put({ id: 'sess-2', tokenHash: 'cookie-2', subject: { kind: 'contact', id: anne.id }, createdAt: at(1), expiresAt: at(59) })
  await store.sessions.put({ id: 'sess-3', tokenHash: 'cookie-3', subject: { kind: 'staff', id: 's1' }, createdAt: at(2), expiresAt: at(59) })
  await store.sessions.delete('sess-2')

  for (const n of [1, 2, 3]) await store.outbox.enqueue(mail(n))
  await store.outbox.markSent('mail-1', new Date(at(1)))
  await store.outbox.markFailed('mail-2', 'connection refused', new Date(at(30)))

  await store.audit.append({ id: 'au1', at: at(5), actor: 'staff:s1', action: 'incident.assigned', target: `incident:${i1.id}`, details: { assigneeId: 's1' } })
  await store.audit.append({ id: 'au2', at: at(6), actor: 'staff:s1', action: 'incident.viewed', target: `incident:${i2.id}` })
  await store.audit.append({ id: 'au3', at: at(7), actor: 'staff:s1', action: 'incident.prioritised', target: `incident:${i1.id}` })
}

/** Later changes and additions: after a restart of a lowdb desk, these are in its journal. */
async function fillMore(store: Store): Promise<void> {
  const [, i2] = await store.incidents.list({})
  await store.incidents.update(i2!.id, 1, (i) => ({ ...i, status: 'waiting_for_customer' }))
  const i4 = await store.incidents.create(incidentDraft({ organisationId: 'org-b', contactId: 'contact-x', kind: 'outage' }))
  await store.messages.add({ id: 'm4', incidentId: i4.id, visibility: 'public', author: 'contact:contact-x', text: 'Alles ligt eruit.', attachmentIds: [], at: at(45) })
  await store.complaints.create(complaintDraft({ organisationId: 'org-a', contactId: 'contact-x' }))
  await store.outbox.enqueue(mail(4))
  await store.audit.append({ id: 'au4', at: at(45), actor: 'system', action: 'incident.registered', target: `incident:${i4.id}` })
  await store.notifications.add(notificationOf('s1', { id: 'n1', incidentId: i4.id, at: at(45) }))
  await store.notifications.add(notificationOf('s1', { id: 'n2', incidentId: i4.id, kind: 'reaction', at: at(46), readAt: at(47) }))
  await store.unreadReactions.mark(i4.id, at(45))
  await store.deskNotice.put({ id: 'current', text: { nl: 'Het is erg druk.', en: 'We are very busy.' }, startsAt: null, endsAt: at(50), setBy: 'staff:s1', setAt: at(45) })
  await store.refusedOrigins.record('https://partner.example', at(45))
  await store.refusedOrigins.record('http://localhost:8080', at(46))
  await store.refusedOrigins.record('https://partner.example', at(47))
}

/** A stopped lowdb desk with records in every table: some folded into its snapshot, some still in its journal. */
async function lowdbDesk(): Promise<string> {
  const dir = freshDir()
  const first = await openLowdbStore({ dir })
  await fillFirst(first)
  await first.close()
  const second = await openLowdbStore({ dir })
  await fillMore(second)
  await second.close()
  return dir
}

/** What the Store answers about every record of `tables`, through each of its reads; the single-use tokens are taken last. */
async function readThrough(store: Store, tables: Record<Table, Row[]>) {
  const ids = (table: Table) => tables[table].map((r) => r.id)
  const each = <T>(keys: string[], read: (key: string) => Promise<T>) => Promise.all(keys.map(read))
  const now = new Date(at(2))
  return {
    organisations: [await store.organisations.list(), await each(ids('organisations'), (id) => store.organisations.get(id))],
    contacts: [
      await each(ids('organisations'), (id) => store.contacts.listByOrganisation(id)),
      await each(tables.contacts.map((c) => c.email.toUpperCase()), (email) => store.contacts.byEmail(email)),
      await each(ids('contacts'), (id) => store.contacts.get(id)),
    ],
    staff: [await store.staff.list(), await each(tables.staff.map((s) => s.email), (email) => store.staff.byEmail(email))],
    incidents: [
      await store.incidents.list({}), await store.incidents.list({ organisationId: 'org-b' }), await store.incidents.list({ team: 'hr' }),
      await store.incidents.list({ assigneeId: 's1', status: ['in_progress'] }), await store.incidents.list({ contactId: 'contact-x' }),
      await each(tables.incidents.map((i) => i.number), (number) => store.incidents.byNumber(number)), await store.incidents.count(),
    ],
    messages: await each(ids('incidents'), (id) => store.messages.listByIncident(id)),
    attachments: [await each(ids('incidents'), (id) => store.attachments.listByIncident(id)), await each(ids('attachments'), (id) => store.attachments.get(id))],
    complaints: [await store.complaints.list({}), await store.complaints.list({ organisationId: 'org-a' }), await each(ids('complaints'), (id) => store.complaints.get(id))],
    followUps: await each(ids('organisations'), (id) => store.followUps.listByOrganisation(id)),
    savedReplies: [await store.savedReplies.list(), await each(ids('savedReplies'), (id) => store.savedReplies.get(id))],
    consents: [
      await store.consents.list({}), await store.consents.list({ incidentId: ids('incidents')[0] }), await store.consents.list({ kind: 'extra_support' }),
      await each(ids('consents'), (id) => store.consents.get(id)),
    ],
    sessions: await each(tables.sessions.map((s) => s.tokenHash), (hash) => store.sessions.byTokenHash(hash)),
    audit: await each([...new Set(tables.audit.map((a) => a.target))], (target) => store.audit.listFor(target)),
    // Which mails are due, not in what order: each store hands them out in its own.
    outbox: [await store.outbox.list(), (await store.outbox.due(new Date(at(59)), 100)).map((m) => m.id).sort()],
    deskNotice: await store.deskNotice.get(),
    refusedOrigins: await store.refusedOrigins.list(),
    // Callers found by a word of every contact's name, one page after another.
    callers: await each(tables.contacts.map((c) => c.name.split(' ')[0]!), async (word) => store.contacts.search({ text: word.toLowerCase(), digits: '' }, { limit: 200 })),
    registrations: await each(tables.registrations.map((r) => r.tokenHash), (hash) => store.registrations.take(hash, now)),
    notifications: [await store.notifications.page('s1', { limit: 10 }), await store.notifications.unreadCount('s1')],
    unreadReactions: await store.unreadReactions.among(ids('incidents')),
    signInTokens: await each(tables.signInTokens.map((t) => t.tokenHash), (hash) => store.signInTokens.take(hash, now)),
  }
}

/** Runs the command line as `npm run migrate-store` does. */
const runCli = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'scripts/migrate-store.ts', ...args])

describe('moving a lowdb desk into PostgreSQL', () => {
  test('moves every record whole and in order, and the Store reads them back as lowdb did', async () => {
    const dir = await lowdbDesk()
    const folder = join(dir, 'store')
    // A tail a crash cut short was never acknowledged: it is neither moved nor cut off by the read.
    appendFileSync(join(folder, 'journal.jsonl'), '{"op":"put","t":"incidents","r":{"id":"torn"')
    const journal = readFileSync(join(folder, 'journal.jsonl'), 'utf8')
    const tables = await readLowdbTables(dir)
    for (const table of TABLES) expect(tables[table].length, table).toBeGreaterThan(0)

    const schema = freshSchema()
    const report = await migrateStore({ from: dir, to: TEST_DATABASE_URL, schema })
    expect(report.tables).toEqual(TABLES.map((table) => ({ table, found: tables[table].length, added: tables[table].length, alreadyThere: 0 })))
    expect(readFileSync(join(folder, 'journal.jsonl'), 'utf8')).toBe(journal)
    expect(existsSync(join(folder, 'lock'))).toBe(false)

    const postgres = await openTestStore(schema)
    // Tokens and sessions are only ever looked up, never listed: their tables keep no order.
    const isUnordered = (table: Table) => ['registrations', 'signInTokens', 'sessions'].includes(table)
    const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : 1)
    for (const table of TABLES) {
      const order = table === 'incidents' || table === 'complaints' ? 'number' : isUnordered(table) ? 'id COLLATE "C"' : 'seq'
      const { rows } = await postgres.pool.query<{ data: Row }>(`SELECT data FROM ${sqlName(table)} ORDER BY ${order}`)
      expect(rows.map((r) => r.data), table).toEqual(isUnordered(table) ? tables[table].toSorted(byId) : tables[table])
    }
    const lowdb = await openLowdbStore({ dir })
    expect(await readThrough(postgres, tables)).toEqual(await readThrough(lowdb, tables))
    // The moved records' contact moments are counted as lowdb counts them.
    const counters = async (store: Store) => (await store.signals.counts({ from: '2000-01-01', to: '2100-01-01' }))
      .map((c) => [c.organisationId, c.day, c.kind, c.source, c.productArea, c.kbQuery, c.count].join(' ')).sort()
    expect((await counters(postgres)).length).toBeGreaterThan(0)
    expect(await counters(postgres)).toEqual(await counters(lowdb))
    // Moved incidents are found by their words as the lowdb store finds them.
    const found = async (store: Store) => (await store.incidents.page({ q: 'fout' }, { limit: 200 })).items.map((i) => i.number)
    expect((await found(postgres)).length).toBeGreaterThan(0)
    expect(await found(postgres)).toEqual(await found(lowdb))
    await Promise.all([postgres.close(), lowdb.close()])
  })

  test('a second run adds nothing and reports every record as already there', async () => {
    const dir = await lowdbDesk()
    const schema = freshSchema()
    const first = await migrateStore({ from: dir, to: TEST_DATABASE_URL, schema })
    const second = await migrateStore({ from: dir, to: TEST_DATABASE_URL, schema })
    expect(second.tables).toEqual(first.tables.map((t) => ({ ...t, added: 0, alreadyThere: t.found })))
    expect(second.nextIncidentNumber).toBe(first.nextIncidentNumber)
    const postgres = await openTestStore(schema)
    expect(await postgres.incidents.count()).toBe(first.tables.find((t) => t.table === 'incidents')!.found)
    await postgres.close()
  })

  test('new incidents and complaints are numbered after the moved ones, also after moving again', async () => {
    const dir = await lowdbDesk()
    const tables = await readLowdbTables(dir)
    const highest = Math.max(...tables.incidents.map((i) => Number(i.number)))
    const highestComplaint = Math.max(...tables.complaints.map((c) => Number(c.number.slice(1))))
    const schema = freshSchema()
    const report = await migrateStore({ from: dir, to: TEST_DATABASE_URL, schema })
    expect(report).toMatchObject({ nextIncidentNumber: String(highest + 1), nextComplaintNumber: `K${highestComplaint + 1}` })

    const postgres = await openTestStore(schema)
    expect((await postgres.incidents.create(incidentDraft())).number).toBe(String(highest + 1))
    expect((await postgres.complaints.create(complaintDraft())).number).toBe(`K${highestComplaint + 1}`)
    // Moving again must not hand out a number the database has given meanwhile.
    expect(await migrateStore({ from: dir, to: TEST_DATABASE_URL, schema })).toMatchObject({ nextIncidentNumber: String(highest + 2), nextComplaintNumber: `K${highestComplaint + 2}` })
    await postgres.close()
  })

  test('refuses a data folder a live process holds, before touching the database', async () => {
    const dir = await lowdbDesk()
    const desk = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'])
    try {
      writeFileSync(join(dir, 'store', 'lock'), String(desk.pid))
      const schema = freshSchema()
      const refused = migrateStore({ from: dir, to: TEST_DATABASE_URL, schema })
      await expect(refused).rejects.toThrow(StoreError)
      await expect(refused).rejects.toThrow(`a Loket process (pid ${desk.pid}) uses this data folder. Stop it first`)
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await client.connect()
      const { rowCount } = await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema])
      await client.end()
      expect(rowCount).toBe(0)
    } finally {
      desk.kill()
    }
  })

  test("moves the attachments' contents byte for byte and the KB insight log counted, and a second run changes nothing", async () => {
    const dir = await lowdbDesk()
    // The file of attachment a1 (the records name it), 600 KB: three chunks in the database.
    const bytes = randomBytes(600 * 1024)
    mkdirSync(join(dir, 'attachments'), { recursive: true })
    writeFileSync(join(dir, 'attachments', 'a1'), bytes)
    const records: KbInsight[] = [
      { type: 'search', session: 'visit-0001', source: 'widget', lang: 'nl', query: 'Loonstrook PDF', results: 0, at: '2026-11-30T08:00:00.000Z' },
      { type: 'incident', session: 'visit-0001', source: 'widget', lang: 'nl', at: '2026-11-30T08:02:00.000Z' },
      { type: 'vote', article: 'payroll-run', lang: 'nl', isHelpful: false, at: '2026-11-30T08:03:00.000Z' },
      { type: 'vote', article: 'payroll-run', lang: 'nl', isHelpful: false, at: '2026-11-30T08:03:00.000Z' },
      { type: 'missing', article: 'payroll-run', lang: 'nl', text: 'Hoe corrigeer ik een loonstrook?', at: '2026-11-30T08:04:00.000Z' },
    ]
    // A last line a crash cut short was never acknowledged: not moved.
    writeFileSync(join(dir, 'kb-insight.jsonl'), `${records.map((r) => JSON.stringify(r)).join('\n')}\n{"type":"vo`)

    const schema = freshSchema()
    const first = await migrateStore({ from: dir, to: TEST_DATABASE_URL, schema, timeZone: 'Europe/Amsterdam' })
    expect(first.files).toEqual({ found: 1, added: 1, alreadyThere: 0, missing: [], bytes: bytes.length })
    expect(first.insight).toEqual({ found: 5, added: 5, alreadyThere: 0 })

    const postgres = await openTestStore(schema)
    const stored = await postgres.attachmentFiles.read('attachments/a1')
    expect(stored?.size).toBe(bytes.length)
    expect((await readAllOf(stored!.body)).equals(bytes)).toBe(true)
    const insight = postgresInsight(postgres.query, 'Europe/Amsterdam')
    const options = { now: new Date('2026-11-30T09:00:00Z'), timeZone: 'Europe/Amsterdam', weeks: 1 }
    expect(await insight.readAll()).toEqual(records)
    expect(await insight.report(options)).toEqual(insightReport(records, options))

    const counts = async () => Object.fromEntries(await Promise.all(['attachment_files', 'attachment_chunks', 'kb_insight', 'kb_visit_weeks', 'kb_week_counts', 'kb_vote_days', 'kb_visits'].map(async (table) => {
      const { rows: [row] } = await postgres.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)
      return [table, Number(row!.n)] as const
    })))
    const before = await counts()
    expect(before).toMatchObject({ attachment_files: 1, attachment_chunks: 3, kb_insight: 5 })
    const second = await migrateStore({ from: dir, to: TEST_DATABASE_URL, schema, timeZone: 'Europe/Amsterdam' })
    expect(second.files).toEqual({ found: 1, added: 0, alreadyThere: 1, missing: [], bytes: 0 })
    expect(second.insight).toEqual({ found: 5, added: 0, alreadyThere: 5 })
    expect(await counts()).toEqual(before)
    expect(await insight.report(options)).toEqual(insightReport(records, options))
    // Each of the two votes counted once, though moved twice.
    expect((await postgres.pool.query('SELECT helpful, not_helpful FROM kb_vote_days')).rows).toEqual([{ helpful: 0, not_helpful: 2 }])
    await postgres.close()
  })

  test('reports an attachment record whose file is not in the folder, and moves the rest', async () => {
    const dir = await lowdbDesk()
    const report = await migrateStore({ from: dir, to: TEST_DATABASE_URL, schema: freshSchema() })
    expect(report.files).toEqual({ found: 0, added: 0, alreadyThere: 0, missing: ['attachments/a1'], bytes: 0 })
    expect(report.insight).toEqual({ found: 0, added: 0, alreadyThere: 0 })
  })

  test('refuses a folder that holds no desk', async () => {
    await expect(migrateStore({ from: freshDir(), to: TEST_DATABASE_URL, schema: freshSchema() })).rejects.toThrow(/holds no Loket records .* give the desk's DATA_DIR/)
  })

  test('moves nothing when the database numbered an incident of its own the same', async () => {
    const dir = await lowdbDesk()
    const postgres = await openTestStore()
    const own = await postgres.incidents.create(incidentDraft())
    const schema = (await postgres.pool.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]!.s
    await expect(migrateStore({ from: dir, to: TEST_DATABASE_URL, schema })).rejects.toThrow(/nothing was moved: incidents: Key \(number\)=\(100001\) already exists/)
    expect(await postgres.incidents.list({})).toEqual([own])
    expect(await postgres.organisations.list()).toEqual([])
    await postgres.close()
  })

  test("fills the lookup columns as the PostgreSQL store's own writes do", async () => {
    const postgres = await openTestStore()
    await fillFirst(postgres)
    await fillMore(postgres)
    const plain = (columns: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v === null ? null : String(v)]))
    for (const table of TABLES.map(sqlName)) {
      const { rows } = await postgres.pool.query(`SELECT * FROM ${table}`)
      expect(rows.length, table).toBeGreaterThan(0)
      // The search columns are made from several tables (and by PostgreSQL), not from the record
      // alone; an organisation's name and class PostgreSQL generates from the record.
      for (const { id, seq, data, search_text: _s, internal_text: _i, search: _v, internal_search: _w, queue_new: _n, name: _m, is_first_class: _f, ...columns } of rows) expect({ table, id, ...plain(columns) }).toEqual({ table, id, ...plain(columnsOf(table, data)) })
    }
    await postgres.close()
  })
})

describe('npm run migrate-store', () => {
  test('without --to, prints how to call it and exits with 2', async () => {
    const { status: code, stderr, stdout } = await runCli(['--from', freshDir()])
    expect(code).toBe(2)
    expect(stderr).toContain('give both --from and --to')
    expect(stderr).toContain('Usage: npm run migrate-store -- --from DIR --to URL')
    expect(stdout).toBe('')
  }, 30_000)

  test('prints what it moved as a table and a summary, never the password', async () => {
    const dir = await lowdbDesk()
    const database = `loket_migrate_${randomBytes(4).toString('hex')}`
    const url = new URL(TEST_DATABASE_URL)
    url.pathname = `/${database}`
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${database}`)
    try {
      const { status: code, stdout, stderr } = await runCli(['--from', dir, '--to', url.toString()])
      expect(stderr).toBe('')
      expect(code).toBe(0)
      expect(stdout).toMatch(/\| table +\| found \| added \| already there \|/)
      expect(stdout).toMatch(/\| incidents +\| +4 \| +4 \| +0 \|/)
      expect(stdout).toMatch(/\| attachment contents +\| +0 \| +0 \| +0 \|/)
      expect(stdout).toMatch(/\| KB insight +\| +0 \| +0 \| +0 \|/)
      expect(stdout).toContain('1 attachment records name a file that is not in')
      expect(stdout).toMatch(/\d+ of \d+ records added, 0 already there; the next incident is number 100005, the next complaint K10004/)
      if (url.password) expect(stdout).not.toContain(`:${url.password}@`)
    } finally {
      await admin.query(`DROP DATABASE ${database} WITH (FORCE)`)
      await admin.end()
    }
  }, 90_000)
})
