import { describe, expect, test } from 'vitest'
import { loadDesk } from '../desk.ts'
import type { Incident, Message, Organisation } from './records.ts'
import {
  FollowUpInput, bySignalOrder, contactMoments, countMoments, isCustomerCare, isInWindow, isoWeek, localDate, newFollowUp, normaliseQuery, organisationSignals, pageOfSignals,
  signalBase, signalDays, signalsFromCounts, weeksEndingAt, type ContactMoment, type MomentCount, type OrganisationSignal, type WindowCount,
} from './signals.ts'

const desk = loadDesk('content/desk.yaml')
const DAY = 86_400_000
const NOW = new Date('2026-11-30T09:00:00Z')

function organisation(id: string, overrides: Partial<Organisation> = {}): Organisation {
  return { id, name: id, customerNumber: '1', isFirstClass: false, subscriptions: [], invoices: [], projects: [], courses: [], ...overrides }
}

let sequence = 0
function incident(overrides: Partial<Incident> = {}): Incident {
  const at = overrides.registeredAt ?? NOW.toISOString()
  return {
    id: `i${++sequence}`, number: String(100000 + sequence), organisationId: 'org-a', contactId: 'c-a', kind: 'bug', productArea: 'finance',
    subject: 'Onderwerp', description: 'Omschrijving', kbArticles: [], lang: 'nl', status: 'new', priority: null, team: 'finance',
    assigneeId: null, registeredAt: at, statusHistory: [{ status: 'new', at, by: 'contact:c-a' }], updatedAt: at, version: 1, ...overrides,
  }
}

function message(incidentId: string, overrides: Partial<Message> = {}): Message {
  return { id: `m${++sequence}`, incidentId, visibility: 'public', author: 'contact:c-a', text: 'Nog steeds fout.', attachmentIds: [], at: NOW.toISOString(), ...overrides }
}

const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString()
const many = (n: number, overrides: Partial<Incident> = {}) => Array.from({ length: n }, () => incident(overrides))

/** The signal of org-a from these records at `now`. */
function signalOf(incidents: Incident[], messages: Message[] = [], now = NOW) {
  const [signal] = organisationSignals({ organisations: [organisation('org-a')], incidents, messages }, { now, desk })
  return signal!
}

describe('the rolling window', () => {
  test.each([
    ['30 days minus 1 s ago counts', 30 * DAY - 1000, 1],
    ['exactly 30 days ago counts: the window edge is inclusive', 30 * DAY, 1],
    ['30 days plus 1 s ago does not count', 30 * DAY + 1000, 0],
    ['a moment after now does not count', -1000, 0],
  ])('%s', (_name, before, expected) => {
    expect(signalOf([incident({ registeredAt: ago(before) })]).counts.total).toBe(expected)
  })

  test('a reaction inside the window counts even when its incident was registered before it', () => {
    const old = incident({ registeredAt: ago(60 * DAY) })
    const signal = signalOf([old], [message(old.id, { at: ago(DAY) })])
    expect(signal.counts).toMatchObject({ total: 1, bySource: { incidents: 0, reactions: 1, phoneContacts: 0 } })
  })
})

describe('contact moments', () => {
  test('counts registrations, customer reactions and phone contacts; not staff replies or internal notes', () => {
    const i = incident()
    const moments = contactMoments([i], [
      message(i.id),
      message(i.id, { visibility: 'internal', author: 'staff:s-lotte', channel: 'phone' }),
      message(i.id, { author: 'staff:s-lotte' }),
      message(i.id, { visibility: 'internal', author: 'staff:s-lotte' }),
      message('unknown-incident'),
    ])
    expect(moments.map((m) => m.source)).toEqual(['incident', 'reaction', 'phone'])
  })
})

describe('thresholds', () => {
  test.each([
    ['8 questions cross the question threshold', [...many(8, { kind: 'question' })], [], ['question']],
    ['7 questions cross nothing', [...many(7, { kind: 'question' })], [], []],
    ['20 moments of any kind cross the any threshold', [...many(7, { kind: 'question' }), ...many(13, { kind: 'bug' })], [], ['any']],
    ['19 moments cross nothing', [...many(7, { kind: 'question' }), ...many(12, { kind: 'outage' })], [], []],
    ['20 questions cross both, in desk.yaml order', [...many(20, { kind: 'question' })], [], ['question', 'any']],
  ])('%s', (_name, incidents, messages, expected) => {
    const signal = signalOf(incidents, messages)
    expect(signal.crossed.map((c) => c.kind)).toEqual(expected)
    expect(signal.isFlagged).toBe(expected.length > 0)
  })

  test('a reaction or phone contact counts as the kind of its incident', () => {
    const question = incident({ kind: 'question' })
    const messages = [
      ...Array.from({ length: 4 }, () => message(question.id)),
      ...Array.from({ length: 3 }, () => message(question.id, { visibility: 'internal', author: 'staff:s-ruud', channel: 'phone' })),
    ]
    const signal = signalOf([question], messages)
    expect(signal.counts).toEqual({
      total: 8, byKind: { bug: 0, outage: 0, wish: 0, question: 8 }, incidentsByKind: { bug: 0, outage: 0, wish: 0, question: 1 },
      bySource: { incidents: 1, reactions: 4, phoneContacts: 3 },
    })
    expect(signal.crossed).toEqual([{ kind: 'question', of: 'contact_moments', count: 8, reached: 8 }])
  })

  test('lists flagged organisations first, then by most contact moments', () => {
    const incidents = [
      ...many(8, { organisationId: 'org-q', kind: 'question' }),
      ...many(12, { organisationId: 'org-busy', kind: 'bug' }),
      ...many(2, { organisationId: 'org-calm' }),
    ]
    const organisations = ['org-calm', 'org-none', 'org-busy', 'org-q'].map((id) => organisation(id))
    const list = organisationSignals({ organisations, incidents, messages: [] }, { now: NOW, desk })
    expect(list.map((s) => [s.organisationId, s.isFlagged, s.counts.total])).toEqual([
      ['org-q', true, 8], ['org-busy', false, 12], ['org-calm', false, 2], ['org-none', false, 0],
    ])
  })
})

describe('incidents and contact moments per kind', () => {
  test('one bug with two reactions is 1 incident of kind bug and 3 contact moments about bugs, not 3 bugs', () => {
    const bug = incident({ kind: 'bug' })
    const signal = signalOf([bug], [message(bug.id), message(bug.id)])
    expect(signal.counts.incidentsByKind).toEqual({ bug: 1, outage: 0, wish: 0, question: 0 })
    expect(signal.counts.byKind).toEqual({ bug: 3, outage: 0, wish: 0, question: 0 })
    expect(signal.counts.bySource).toEqual({ incidents: 1, reactions: 2, phoneContacts: 0 })
  })

  test.each([
    ['contact_moments', 'bug', 3, true],
    ['incidents', 'bug', 1, false],
    ['incidents', 'any', 1, false],
    ['contact_moments', 'any', 3, true],
  ] as const)('a threshold of 3 %s of kind %s reaches %i', (of, kind, reached, isFlagged) => {
    const bug = incident({ kind: 'bug' })
    const thresholds = [{ kind, of, count: 3 }]
    const [signal] = organisationSignals({ organisations: [organisation('org-a')], incidents: [bug], messages: [message(bug.id), message(bug.id)] },
      { now: NOW, desk: { ...desk, signals: { windowDays: 30, thresholds } } })
    expect([signal!.isFlagged, signal!.crossed]).toEqual([isFlagged, isFlagged ? [{ kind, of, count: 3, reached }] : []])
  })
})

describe('from the stores\' counters', () => {
  // Moments every 7 hours over 100 days, so every day the window cuts has moments on both sides of
  // the cut; the first few lie after NOW, some of them later today than `now`.
  const incidents = Array.from({ length: 340 }, (_, n) => incident({
    registeredAt: ago(n * 7 * 3_600_000 - DAY), kind: (['bug', 'question', 'wish'] as const)[n % 3], kbQuery: n % 4 ? 'BTW' : undefined,
  }))
  const messages = incidents.filter((_, n) => n % 5 === 0).map((i) => message(i.id, { at: new Date(Date.parse(i.registeredAt) + 3 * 3_600_000).toISOString() }))
  const moments = contactMoments(incidents, messages)

  /** What a store gives signals at `now`: the moments of the window's first day, and today's later than `now`. */
  function edgesAt(now: Date, of = moments, signalDesk = desk) {
    const { windowStartDay, today } = signalDays(now, signalDesk)
    return {
      edge: of.filter((m) => localDate(m.at, desk.timeZone) === windowStartDay),
      later: of.filter((m) => m.at > now && localDate(m.at, desk.timeZone) === today),
    }
  }

  /** The counters summed per ISO week and key, the days up to `splitAfter` apart, as a store's weekly gives them. */
  function weeklySums(counts: MomentCount[], splitAfter: string): MomentCount[] {
    const sums = new Map<string, MomentCount>()
    for (const c of counts) {
      const key = JSON.stringify([c.organisationId, isoWeek(c.day), c.day > splitAfter, c.kind, c.source, c.productArea, c.kbQuery])
      const sum = sums.get(key)
      if (!sum) sums.set(key, { ...c })
      else sums.set(key, { ...sum, count: sum.count + c.count, day: c.day < sum.day ? c.day : sum.day })
    }
    return [...sums.values()]
  }

  test.each([
    ['at noon', '2026-11-30T11:00:00Z'],
    ['just after local midnight', '2026-11-29T23:00:01Z'],
    ['on the day summer time ends', '2026-10-25T01:30:00Z'],
  ])('count every moment as counting them one by one does, %s', (_name, at) => {
    const now = new Date(at)
    const counts = countMoments(moments, desk.timeZone)
    const { edge, later } = edgesAt(now)
    const inWindow = moments.filter((m) => isInWindow(m.at, now, desk.signals.windowDays))
    const weeks = weeksEndingAt(now, desk.timeZone, 12)
    const perWeek = weeks.map((w, i) => moments.filter((m) => m.at <= now && localDate(m.at, desk.timeZone) >= w.startsOn && (i === 11 || localDate(m.at, desk.timeZone) < weeks[i + 1]!.startsOn)).length)
    const [signal] = signalsFromCounts({ organisations: [organisation('org-a')], counts, edge, later }, { now, desk })
    expect(signal!.counts.total).toBe(inWindow.length)
    expect(signal!.counts.bySource.reactions).toBe(inWindow.filter((m) => m.source === 'reaction').length)
    expect(signal!.kbQueries).toEqual(inWindow.some((m) => m.kbQuery) ? [{ query: 'btw', count: inWindow.filter((m) => m.kbQuery).length }] : [])
    expect(signal!.weekly.map((w) => w.count)).toEqual(perWeek)
    // The same from the counters summed per week, each side of the window's first day apart.
    const [weekly] = signalsFromCounts({ organisations: [organisation('org-a')], counts: weeklySums(counts, signalDays(now, desk).windowStartDay), edge, later }, { now, desk })
    expect(weekly).toEqual(signal)
  })

  test('counts as one by one when the window starts today (a 25-hour day and a window of one day)', () => {
    // 23:30 local on 25 October, the day summer time ends: 24 hours earlier is 00:30 the same day.
    const now = new Date('2026-10-25T22:30:00Z')
    const oneDay = { ...desk, signals: { ...desk.signals, windowDays: 1 } }
    const { windowStartDay, today } = signalDays(now, oneDay)
    expect(windowStartDay).toBe(today)
    const around = [-30, -20, 10, 50].map((minutes) => incident({ registeredAt: new Date(now.getTime() + minutes * 60_000 - DAY).toISOString() }))
      .concat([-10, 20].map((minutes) => incident({ registeredAt: new Date(now.getTime() + minutes * 60_000).toISOString() })))
    const dayMoments = contactMoments(around, [])
    const { edge, later } = edgesAt(now, dayMoments, oneDay)
    expect(later).toHaveLength(1)
    const [signal] = signalsFromCounts({ organisations: [organisation('org-a')], counts: countMoments(dayMoments, desk.timeZone), edge, later }, { now, desk: oneDay })
    expect(signal!.counts.total).toBe(dayMoments.filter((m) => isInWindow(m.at, now, 1)).length)
    expect(signal!.weekly.at(-1)!.count).toBe(dayMoments.filter((m) => m.at <= now).length)
    // Today is the window's first day: no counter is summed, every moment comes from the edge and later.
    const { page: [ranked] } = pageOfSignals(signalBase([organisation('org-a')], [], oneDay), { todays: [], edge, later }, { now, desk: oneDay, isAll: true, limit: 1 })
    expect(ranked!.counts).toEqual(signal!.counts)
  })

  test.each([
    ['at noon', '2026-11-30T11:00:00Z'],
    ['just after local midnight', '2026-11-29T23:00:01Z'],
  ])('ranks every organisation from the window\'s sums as from every counter, %s', (_name, at) => {
    const now = new Date(at)
    // Three organisations, each with its own share of the moments, and one without any.
    const spread = moments.map((m, n) => ({ ...m, organisationId: `org-${n % 3}` }))
    const organisations = ['org-0', 'org-1', 'org-2', 'org-3'].map((id, n) => organisation(id, { name: `Klant ${3 - n}` }))
    const { edge, later } = edgesAt(now, spread)
    const full = signalsFromCounts({ organisations, counts: countMoments(spread, desk.timeZone), edge, later }, { now, desk })
    const { past, todays } = sumsOf(spread, now)
    const { page, total, flagged } = pageOfSignals(signalBase(organisations, past, desk), { todays, edge, later }, { now, desk, isAll: true, limit: 10 })
    expect(page).toEqual(full.map(rankOf))
    expect(page.some((s) => s.isFlagged)).toBe(true)
    expect({ total, flagged }).toEqual({ total: 4, flagged: full.filter((s) => s.isFlagged).length })
  })
})

/** What a store's totals give for `moments` at `now`: the window's past days and today, each summed per organisation, kind and source. */
function sumsOf(moments: ContactMoment[], now: Date): { past: WindowCount[]; todays: WindowCount[] } {
  const { windowStartDay, today } = signalDays(now, desk)
  const past = new Map<string, WindowCount>()
  const todays = new Map<string, WindowCount>()
  for (const c of countMoments(moments, desk.timeZone)) {
    if (c.day <= windowStartDay || c.day > today) continue
    const sums = c.day === today ? todays : past
    const key = `${c.organisationId} ${c.kind} ${c.source}`
    const sum = sums.get(key) ?? sums.set(key, { organisationId: c.organisationId, kind: c.kind, source: c.source, count: 0 }).get(key)!
    sum.count += c.count
  }
  return { past: [...past.values()], todays: [...todays.values()] }
}

/** A signal as a page ranks it: without the series and top lists. */
function rankOf({ organisationId, name, isFirstClass, isFlagged, counts, crossed }: OrganisationSignal) {
  return { organisationId, name, isFirstClass, isFlagged, counts, crossed }
}

describe('a page of signals', () => {
  const now = new Date('2026-11-30T11:00:00Z')
  const { windowStartDay, today } = signalDays(now, desk)
  // A small random number (0 to 1) fixed by `n`: the same desk every run.
  const random = (n: number) => (Math.sin(n * 12.9898) * 43758.5453) % 1 + (Math.sin(n * 12.9898) < 0 ? 1 : 0)
  // 60 organisations with a few names between them, each with a handful of moments over the last
  // five weeks, today's and the window's first day's among them: pages end inside groups of equal
  // counts, and touched organisations move in the order.
  const organisations = Array.from({ length: 60 }, (_, n) => organisation(`org-${n}`, { name: `Klant ${(n * 7) % 13}`, isFirstClass: n % 5 === 0 }))
  const kinds = ['bug', 'outage', 'wish', 'question'] as const
  const moments: ContactMoment[] = Array.from({ length: 700 }, (_, n) => ({
    organisationId: `org-${Math.floor(random(n) * random(n + 1000) * 60)}`, kind: kinds[n % 4]!, productArea: 'finance', source: n % 3 === 0 ? 'reaction' : 'incident',
    at: new Date(now.getTime() - Math.floor(random(n + 2000) * 36 * DAY) + 6 * 3_600_000),
  }))
  const { past, todays } = sumsOf(moments, now)
  const day = (m: ContactMoment) => localDate(m.at, desk.timeZone)
  const edge = moments.filter((m) => day(m) === windowStartDay)
  const later = moments.filter((m) => m.at > now && day(m) === today)
  const base = signalBase(organisations, past, desk)
  const full = signalsFromCounts({ organisations, counts: countMoments(moments, desk.timeZone), edge, later }, { now, desk }).map(rankOf)

  test('the desk has what the pages are tested on: flags, today\'s counters, the edge and moments later than now', () => {
    expect(full.filter((s) => s.isFlagged).length).toBeGreaterThan(3)
    expect([todays.length, edge.length, later.length].every((n) => n > 0)).toBe(true)
    // Some organisations change place between the past days' order and now.
    expect(base.ordered.map((s) => s.organisationId)).not.toEqual(full.map((s) => s.organisationId))
  })

  test.each([1, 7, 10, 59, 60, 200])('pages of %i list every signal once, in the signals\' order, as ranking all afresh does', (limit) => {
    for (const isAll of [true, false]) {
      const expected = isAll ? full : full.filter((s) => s.isFlagged)
      const listed: typeof full = []
      let after: (typeof full)[number] | undefined
      for (;;) {
        const { page, hasMore, total, flagged } = pageOfSignals(base, { todays, edge, later }, { now, desk, isAll, after, limit })
        expect({ total, flagged }).toEqual({ total: expected.length, flagged: full.filter((s) => s.isFlagged).length })
        listed.push(...page)
        expect(page.length).toBe(hasMore ? limit : page.length)
        if (!hasMore) break
        after = page.at(-1)
      }
      expect(listed).toEqual(expected)
    }
  })

  test('after a signal that is gone, the page starts at its place in the order', () => {
    const gone = { organisationId: 'org-gone', name: 'Klant 5', isFlagged: false, counts: { total: 3 } }
    const { page } = pageOfSignals(base, { todays, edge, later }, { now, desk, isAll: true, after: gone, limit: 5 })
    expect(page).toEqual(full.filter((s) => bySignalOrder(s, gone) > 0).slice(0, 5))
  })

  test('counters of an organisation not listed are left out', () => {
    const stranger = { organisationId: 'org-unknown', kind: 'bug', source: 'incident', count: 99 } as const
    const strange = { ...moments[0]!, organisationId: 'org-unknown', at: new Date(now.getTime() - 1000) }
    const { page, total } = pageOfSignals(signalBase(organisations, [...past, stranger], desk), { todays: [...todays, stranger], edge: [...edge, strange], later }, { now, desk, isAll: true, limit: 200 })
    expect(page).toEqual(full)
    expect(total).toBe(60)
  })
})

describe('the weekly series', () => {
  // Wednesday 2 December 2026 in Amsterdam (UTC+1): ISO week 49 began on Monday 30 November 00:00 local, 29 November 23:00 UTC.
  const now = new Date('2026-12-02T12:00:00Z')

  test('has 12 ISO weeks, oldest first, the current week last', () => {
    const weeks = weeksEndingAt(now, 'Europe/Amsterdam', 12)
    expect(weeks).toHaveLength(12)
    expect(weeks.at(-1)).toEqual({ week: '2026-W49', startsOn: '2026-11-30' })
    expect(weeks[0]).toEqual({ week: '2026-W38', startsOn: '2026-09-14' })
  })

  test.each([
    ['Sunday 23:59:59 local falls in the week before', '2026-11-29T22:59:59Z', '2026-W48'],
    ['Monday 00:00 local starts the new week (still Sunday in UTC)', '2026-11-29T23:00:00Z', '2026-W49'],
    ['the first Monday of the series, 00:00 in summer time (UTC+2)', '2026-09-13T22:00:00Z', '2026-W38'],
  ])('%s', (_name, at, week) => {
    const signal = signalOf([incident({ registeredAt: at })], [], now)
    expect(signal.weekly.filter((w) => w.count > 0).map((w) => w.week)).toEqual([week])
  })

  test('leaves out moments before the series and counts those beyond the window', () => {
    const signal = signalOf([
      incident({ registeredAt: '2026-09-13T21:59:59Z' }), // Sunday 13 September 23:59:59 local: before week 38
      incident({ registeredAt: '2026-10-01T10:00:00Z' }), // outside the 30-day window, inside the series
    ], [], now)
    expect(signal.weekly.reduce((sum, w) => sum + w.count, 0)).toBe(1)
    expect(signal.counts.total).toBe(0)
  })

  test.each([
    ['2027-01-01', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2026-01-01', '2026-W01'],
    ['2021-01-03', '2020-W53'],
    ['2026-12-28', '2026-W53'],
  ])('%s is in ISO week %s', (date, week) => {
    expect(isoWeek(date)).toBe(week)
  })
})

describe('top product areas and KB searches', () => {
  test('counts moments per product area with the desk’s names, at most five, most first', () => {
    const incidents = [
      ...many(3, { productArea: 'inventory' }), ...many(2, { productArea: 'finance' }), incident({ productArea: 'sales' }),
      incident({ productArea: 'payroll' }), incident({ productArea: 'platform' }), incident({ productArea: 'retired-area' }),
      incident({ productArea: 'sales', registeredAt: ago(40 * DAY) }),
    ]
    const signal = signalOf(incidents, [message(incidents[3]!.id)])
    expect(signal.productAreas).toEqual([
      { key: 'finance', name: { nl: 'Financiën', en: 'Finance' }, count: 3 },
      { key: 'inventory', name: { nl: 'Voorraad en logistiek', en: 'Inventory and logistics' }, count: 3 },
      { key: 'payroll', name: expect.any(Object), count: 1 },
      { key: 'platform', name: expect.any(Object), count: 1 },
      { key: 'retired-area', name: { nl: 'retired-area', en: 'retired-area' }, count: 1 },
    ])
  })

  test('normalises KB searches before counting them', () => {
    const incidents = [
      incident({ kbQuery: '  BTW fout ' }), incident({ kbQuery: 'btw   fout' }), incident({ kbQuery: 'Voorraad' }), incident({ kbQuery: '   ' }), incident(),
      incident({ kbQuery: 'btw fout', registeredAt: ago(31 * DAY) }),
    ]
    expect(signalOf(incidents).kbQueries).toEqual([{ query: 'btw fout', count: 2 }, { query: 'voorraad', count: 1 }])
    expect(normaliseQuery('  BTW  Fout ')).toBe('btw fout')
  })

  test('of hundreds of different searches, the five most frequent, ties in alphabetical order, as sorting them all gives', () => {
    // 300 searches, most made once or twice, some names differing only in case of accents.
    const words = ['btw', 'bestelling', 'factuur', 'élan', 'Elan', 'zending', 'agenda', 'voorraad']
    const incidents = Array.from({ length: 300 }, (_, n) => incident({ kbQuery: `${words[n % words.length]} ${n % 37 === 0 ? 'fout' : n % 11}` }))
    const counts = new Map<string, number>()
    for (const i of incidents) counts.set(normaliseQuery(i.kbQuery!), (counts.get(normaliseQuery(i.kbQuery!)) ?? 0) + 1)
    const byName = new Intl.Collator().compare
    const expected = [...counts].sort((a, b) => b[1] - a[1] || byName(a[0], b[0])).slice(0, 5).map(([query, count]) => ({ query, count }))
    expect(signalOf(incidents).kbQueries).toEqual(expected)
    expect(new Set(expected.map((q) => q.count)).size).toBeLessThan(5)
  })
})

describe('follow-ups', () => {
  test.each([
    ['a course on a real date', { kind: 'course', date: '2026-12-14', note: 'Cursus voorraadbeheer' }, true],
    ['a leap day', { kind: 'advisor_visit', date: '2028-02-29', note: 'Bezoek' }, true],
    ['a date that does not exist', { kind: 'course', date: '2026-02-30', note: 'Cursus' }, false],
    ['a date in another format', { kind: 'course', date: '14-12-2026', note: 'Cursus' }, false],
    ['an unknown kind', { kind: 'phone_call', date: '2026-12-14', note: 'Gebeld' }, false],
    ['a note of spaces only', { kind: 'consultant_visit', date: '2026-12-14', note: '   ' }, false],
    ['a note over 2000 characters', { kind: 'consultant_visit', date: '2026-12-14', note: 'x'.repeat(2001) }, false],
    ['an unknown field', { kind: 'course', date: '2026-12-14', note: 'Cursus', organisationId: 'org-b' }, false],
  ])('%s', (_name, input, isValid) => {
    expect(FollowUpInput.safeParse(input).success).toBe(isValid)
  })

  test('is stored with the note trimmed, who recorded it and when', () => {
    const input = FollowUpInput.parse({ kind: 'course', date: '2026-12-14', note: '  Cursus gepland  ' })
    expect(newFollowUp(input, { id: 'f1', organisationId: 'org-a', by: 'staff:s-ruud', now: NOW })).toEqual({
      id: 'f1', organisationId: 'org-a', kind: 'course', date: '2026-12-14', note: 'Cursus gepland', by: 'staff:s-ruud', at: '2026-11-30T09:00:00.000Z',
    })
  })

  test('only Customer Care and admins work with signals', () => {
    expect([isCustomerCare({ role: 'customer_care' }), isCustomerCare({ role: 'admin' }), isCustomerCare({ role: 'agent' })]).toEqual([true, true, false])
  })
})
