/** The embedded store's incident index: pages and searches answered from its lists alone stay right as incidents, messages and names change. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { Incident, IncidentStatus, Message } from '../domain/records.ts'
import { faultyFiles } from './faulty-files.ts'
import { IncidentIndex, compareQueueKeys, queueKeyOf } from './incident-index.ts'
import { openLowdbStore } from './lowdb-store.ts'
import { headText, isInternalText, parseQuery, stemsOf, termsOf } from './search-text.ts'
import { incidentDraft } from './store-contract.ts'
import { TOTAL_CAP, type IncidentSearch, type Page, type QueueSearch } from './store.ts'

/** Records in memory as the lowdb store keeps them, with the index told of every change as `State.apply` does. */
function desk() {
  const incidents = new Map<string, Incident>()
  const messages = new Map<string, Message>()
  const names = { contacts: new Map<string, string>(), organisations: new Map<string, string>() }
  const index = new IncidentIndex({
    incident: (id) => incidents.get(id),
    messagesOf: (incidentId) => [...messages.values()].filter((m) => m.incidentId === incidentId),
    contactName: (id) => names.contacts.get(id),
    organisationName: (id) => names.organisations.get(id),
  })
  let last = 100000
  return {
    incidents, messages, names, index,
    add(overrides: Partial<Incident> = {}): Incident {
      last++
      const incident = { ...incidentDraft(overrides), id: `i-${last}`, number: String(last), version: 1 } as Incident
      incidents.set(incident.id, incident)
      index.reindex(incident.id)
      return incident
    },
    change(id: string, change: Partial<Incident>): void {
      incidents.set(id, { ...incidents.get(id)!, ...change })
      index.reindex(id)
    },
    remove(id: string): void {
      incidents.delete(id)
      index.reindex(id)
    },
    say(incidentId: string, text: string, visibility: Message['visibility'] = 'public'): void {
      const id = `m-${messages.size + 1}`
      messages.set(id, { id, incidentId, text, visibility, at: '2026-12-01T10:00:00.000Z', author: 'contact:x', attachmentIds: [] })
      index.reindex(incidentId)
    },
    rename(table: 'contacts' | 'organisations', id: string, name: string): void {
      names[table].set(id, name)
      for (const incidentId of index.idsWhere(table === 'contacts' ? 'contactId' : 'organisationId', id)) index.reindex(incidentId)
    },
  }
}
type Desk = ReturnType<typeof desk>

/** What a search should find, worked out from the records one by one: newest first. */
function expected(d: Desk, search: IncidentSearch): Incident[] {
  const query = search.q?.trim() ? parseQuery(search.q) : undefined
  return [...d.incidents.values()].filter((i) => {
    if (search.organisationId && i.organisationId !== search.organisationId) return false
    if (search.contactId && i.contactId !== search.contactId) return false
    if (search.team && i.team !== search.team) return false
    if (search.assigneeId && i.assigneeId !== search.assigneeId) return false
    if (search.status?.length && !search.status.includes(i.status)) return false
    if (search.kind?.length && !search.kind.includes(i.kind)) return false
    if (!query) return true
    if ('nothing' in query) return false
    if ('number' in query) return i.number === query.number
    const own = [...d.messages.values()].filter((m) => m.incidentId === i.id && (search.withInternal || !isInternalText(m)))
    const terms = termsOf([headText(i, { contact: d.names.contacts.get(i.contactId), organisation: d.names.organisations.get(i.organisationId) }), ...own.map((m) => m.text)].join('\n'))
    return query.words.every((word) => stemsOf(word).some((stem) => terms.has(stem)))
  }).sort((a, b) => Number(b.number) - Number(a.number))
}

/** Every page of a search, following `next`, with the first page's total. */
function allPages(d: Desk, search: IncidentSearch, limit: number): { numbers: string[]; total: number | null } {
  const numbers: string[] = []
  let page: Page<Incident> = d.index.page(search, { limit })
  const total = page.total
  for (;;) {
    expect(page.items.length).toBeLessThanOrEqual(limit)
    numbers.push(...page.items.map((i) => i.number))
    if (page.next === null) return { numbers, total }
    expect(page.items).toHaveLength(limit)
    page = d.index.page(search, { limit, cursor: page.next })
  }
}

function expectFound(d: Desk, search: IncidentSearch, limit = 7): void {
  const want = expected(d, search).map((i) => i.number)
  const { numbers, total } = allPages(d, search, limit)
  expect(numbers, JSON.stringify(search)).toEqual(want)
  expect(total, JSON.stringify(search)).toBe(want.length > TOTAL_CAP ? null : want.length)
}

/** The queue as the records one by one give it: filtered, then in the queue's order. */
function expectedQueue(d: Desk, f: QueueSearch): string[] {
  return [...d.incidents.values()].filter((i) => {
    const due = i.queueDueAt ?? null
    return f.status.includes(i.status) && (!f.teams || f.teams.includes(i.team) || (f.orAssigneeId !== undefined && i.assigneeId === f.orAssigneeId)) &&
      (!f.assigneeId || i.assigneeId === f.assigneeId) && (!f.priority?.length || (i.priority !== null && f.priority.includes(i.priority))) &&
      (!f.kind?.length || f.kind.includes(i.kind)) && (!f.productArea || i.productArea === f.productArea) &&
      (!f.organisationId || i.organisationId === f.organisationId) && (!f.dueBefore || (due !== null && due < f.dueBefore)) &&
      (!f.dueFrom || (due !== null && due >= f.dueFrom))
  }).sort((a, b) => compareQueueKeys(queueKeyOf(a), queueKeyOf(b))).map((i) => i.number)
}

/** Every page of the queue, following `next`, against the records one by one, with its total. */
function expectQueue(d: Desk, search: QueueSearch, limit = 7): void {
  const want = expectedQueue(d, search)
  const numbers: string[] = []
  let page = d.index.queuePage(search, { limit })
  expect(page.total, JSON.stringify(search)).toBe(want.length > TOTAL_CAP ? null : want.length)
  for (;;) {
    numbers.push(...page.items.map((i) => i.number))
    if (page.next === null) break
    expect(page.items).toHaveLength(limit)
    page = d.index.queuePage(search, { limit, cursor: page.next })
  }
  expect(numbers, JSON.stringify(search)).toEqual(want)
}

describe('the incident index', () => {
  test('moves an incident between the lists of status, kind, team, assignee and organisation when it changes, and forgets one removed', () => {
    const d = desk()
    const a = d.add({ status: 'new', kind: 'bug', team: 'finance', organisationId: 'org-1' })
    const b = d.add({ status: 'new', kind: 'question', team: 'finance', organisationId: 'org-1' })
    const numbers = (search: IncidentSearch) => d.index.page(search, { limit: 50 }).items.map((i) => i.number)
    expect(numbers({ status: ['new'] })).toEqual([b.number, a.number])
    expect(numbers({ kind: ['bug'] })).toEqual([a.number])

    d.change(a.id, { status: 'in_progress', kind: 'outage', team: 'platform', assigneeId: 's-lotte', organisationId: 'org-2' })
    expect(numbers({ status: ['new'] })).toEqual([b.number])
    expect(numbers({ status: ['in_progress'] })).toEqual([a.number])
    expect(numbers({ kind: ['bug'] })).toEqual([])
    expect(numbers({ kind: ['outage', 'question'] })).toEqual([b.number, a.number])
    expect(numbers({ team: 'finance' })).toEqual([b.number])
    expect(numbers({ assigneeId: 's-lotte', team: 'platform' })).toEqual([a.number])
    expect(numbers({ organisationId: 'org-1' })).toEqual([b.number])
    expect(d.index.page({ organisationId: 'org-2', kind: ['outage'] }, { limit: 50 }).total).toBe(1)

    d.remove(a.id)
    expect(numbers({})).toEqual([b.number])
    expect(numbers({ status: ['in_progress'] })).toEqual([])
    expect(numbers({ q: a.number })).toEqual([])
    expect(numbers({ q: 'btw' })).toEqual([b.number])
  })

  test('finds the words of a message once it is added, internal notes for staff only, and names as they are now', () => {
    const d = desk()
    d.names.organisations.set('org-1', 'Bakkerij Jansen')
    const a = d.add({ subject: 'Printer', description: 'Hij print niet.' })
    const numbers = (search: IncidentSearch) => d.index.page(search, { limit: 50 }).items.map((i) => i.number)
    expect(numbers({ q: 'bakkerij printers' })).toEqual([a.number])
    expect(numbers({ q: 'toner' })).toEqual([])

    d.say(a.id, 'De toner is leeg.')
    d.say(a.id, 'Leverancier gebeld over de cartridge.', 'internal')
    expect(numbers({ q: 'toner' })).toEqual([a.number])
    expect(numbers({ q: 'cartridge' })).toEqual([])
    expect(numbers({ q: 'cartridge', withInternal: true })).toEqual([a.number])

    d.rename('organisations', 'org-1', 'Slagerij de Vries')
    expect(numbers({ q: 'bakkerij' })).toEqual([])
    expect(numbers({ q: 'slagerij toner' })).toEqual([a.number])
  })

  test('answers every search as the records one by one would, page by page and with its total, while the desk changes', () => {
    const d = desk()
    let seed = 7
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
    const statuses: IncidentStatus[] = ['new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed']
    const kinds: Incident['kind'][] = ['bug', 'question', 'outage', 'wish']
    const subjects = ['Factuur klopt niet', 'Invoices are not sent', 'De printer print niet', 'Export naar Excel faalt', 'Sending invoices fails']
    const organisations = ['org-1', 'org-2', 'org-3']
    const add = () => d.add({
      organisationId: pick(organisations), contactId: pick(['c-1', 'c-2', 'c-3', 'c-4']), status: pick(statuses), kind: pick(kinds),
      team: pick(['finance', 'platform']), assigneeId: pick([null, 's-lotte', 's-daan']), subject: pick(subjects),
    })
    for (let k = 0; k < 300; k++) add()
    const searches = (): IncidentSearch[] => [
      {}, { organisationId: 'org-2' }, { contactId: 'c-3' }, { status: ['new', 'in_progress'] }, { kind: ['bug'], team: 'finance' },
      { organisationId: 'org-1', status: ['closed'], kind: ['wish', 'question'] }, { assigneeId: 's-lotte' }, { status: ['new', 'new'] },
      { q: 'facturen' }, { q: 'invoice', organisationId: 'org-3' }, { q: 'printer excel' }, { q: 'leverancier', withInternal: true },
      { q: 'leverancier' }, { q: String(100001 + Math.floor(random() * 300)), organisationId: 'org-1' }, { q: '!!' }, { q: 'zzz' },
      { organisationId: 'org-9' }, { kind: ['outage'], q: 'sending' },
    ]
    for (const search of searches()) expectFound(d, search)

    // The desk goes on: new incidents, changed ones, messages, a rename; the answers follow.
    for (let k = 0; k < 200; k++) {
      const ids = [...d.incidents.keys()]
      const roll = random()
      if (roll < 0.3) add()
      else if (roll < 0.6) d.change(pick(ids), { status: pick(statuses), kind: pick(kinds), assigneeId: pick([null, 's-lotte']), organisationId: pick(organisations) })
      else if (roll < 0.8) d.say(pick(ids), pick(['Leverancier gebeld', 'De facturen staan klaar', 'Printer vervangen']), pick(['public', 'internal'] as const))
      else if (roll < 0.9) d.remove(pick(ids))
      else d.rename('contacts', pick(['c-1', 'c-2']), pick(['Excel Jansen', 'Anna de Vries']))
    }
    for (const search of searches()) expectFound(d, search)
    expectFound(d, { q: 'excel' }, 1)
  })

  test('keeps the queue in order as incidents are registered, triaged, answered, closed and reopened, open or closed statuses asked', () => {
    const d = desk()
    let seed = 11
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
    const statuses: IncidentStatus[] = ['new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed']
    const dues = [undefined, '2026-12-01T09:00:00.000Z', '2026-12-01T12:00:00.000Z', '2026-12-02T09:00:00.000Z', '2026-12-03T16:00:00.000Z']
    const triage = (): Partial<Incident> => ({
      status: pick(statuses), team: pick(['finance', 'platform', 'first-line']), assigneeId: pick([null, 's-lotte', 's-daan']),
      priority: pick([null, 2, 3, 4]), kind: pick(['bug', 'question', 'outage'] as const), productArea: pick(['finance', 'platform']),
      organisationId: pick(['org-1', 'org-2']), queueDueAt: pick(dues),
    })
    const add = () => d.add({ ...triage(), registeredAt: `2026-11-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}T09:00:00.000Z` })
    for (let k = 0; k < 250; k++) add()
    const open: IncidentStatus[] = ['new', 'in_progress', 'waiting_for_customer']
    const searches = (): QueueSearch[] => [
      { status: open }, { status: open, teams: ['finance'], orAssigneeId: 's-daan' }, { status: open, teams: [] , orAssigneeId: 's-lotte' },
      { status: ['new'], assigneeId: 's-lotte' }, { status: open, priority: [2, 3], kind: ['bug'] }, { status: open, productArea: 'platform', organisationId: 'org-2' },
      { status: open, dueBefore: '2026-12-02T00:00:00.000Z' }, { status: open, dueFrom: '2026-12-02T00:00:00.000Z', teams: ['platform', 'first-line'] },
      { status: ['closed', 'new'] }, { status: ['resolved'], kind: ['question'] }, { status: ['in_progress', 'in_progress'] },
    ]
    for (const search of searches()) expectQueue(d, search)
    for (let k = 0; k < 300; k++) {
      const ids = [...d.incidents.keys()]
      const roll = random()
      if (roll < 0.2) add()
      else if (roll < 0.9) d.change(pick(ids), triage())
      else d.remove(pick(ids))
    }
    for (const search of searches()) expectQueue(d, search)
    expectQueue(d, { status: open }, 1)
  })

  test('counts up to the cap and says null beyond it, for a list and for a search', () => {
    const d = desk()
    for (let k = 0; k < TOTAL_CAP + 5; k++) d.add({ status: k % 2 ? 'new' : 'closed' })
    expect(d.index.page({}, { limit: 10 }).total).toBeNull()
    expect(d.index.page({ q: 'btw' }, { limit: 10 }).total).toBeNull()
    expect(d.index.page({ status: ['new'] }, { limit: 10 }).total).toBe(Math.floor((TOTAL_CAP + 5) / 2))
    expect(d.index.page({ status: ['new', 'closed'] }, { limit: 10 }).total).toBeNull()
    expect(d.index.queuePage({ status: ['new'] }, { limit: 10 }).total).toBe(Math.floor((TOTAL_CAP + 5) / 2))
    expect(d.index.queuePage({ status: ['new'], teams: ['finance'] }, { limit: 10 }).total).toBe(Math.floor((TOTAL_CAP + 5) / 2))
    expect(d.index.queuePage({ status: ['new', 'closed'] }, { limit: 10 }).total).toBeNull()
    expect(d.index.queuePage({ status: ['new', 'closed'], kind: ['bug'] }, { limit: 10 }).total).toBeNull()
  })

  test('forgets what a write the disk refused stored: a refused registration or change is in no list and no search, and the number given again is found once', async () => {
    const faults = faultyFiles()
    const store = await openLowdbStore({ dir: mkdtempSync(join(tmpdir(), 'loket-index-')), files: faults.files, log: () => {} })
    try {
      const kept = await store.incidents.create(incidentDraft({ subject: 'De printer print niet' }))
      await store.idle()
      faults.failAt('datasync', 1, 'EIO')
      await expect(store.incidents.create(incidentDraft({ subject: 'De scanner scant niet', kind: 'wish' }))).rejects.toThrow()
      await store.idle()
      faults.failAt('datasync', 1, 'EIO')
      await expect(store.incidents.update(kept.id, 1, (i) => ({ ...i, status: 'closed', kind: 'outage' }))).rejects.toThrow()
      const numbers = async (search: IncidentSearch) => (await store.incidents.page(search, { limit: 50 })).items.map((i) => i.number)
      expect(await numbers({ q: 'scanner' })).toEqual([])
      expect(await numbers({ kind: ['wish'] })).toEqual([])
      expect(await numbers({ status: ['closed'] })).toEqual([])
      expect(await numbers({ kind: ['outage'] })).toEqual([])
      expect(await numbers({ status: ['new'], kind: ['bug'], q: 'printer' })).toEqual([kept.number])

      faults.heal()
      const again = await store.incidents.create(incidentDraft({ subject: 'De scanner scant niet', kind: 'wish' }))
      expect(again.number).toBe(String(Number(kept.number) + 1))
      expect(await numbers({})).toEqual([again.number, kept.number])
      expect(await numbers({ q: 'scanner', kind: ['wish'] })).toEqual([again.number])
    } finally {
      await store.close()
    }
  })
})
