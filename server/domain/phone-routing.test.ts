import { describe, expect, test } from 'vitest'
import { loadCalendar, loadDesk } from '../desk.ts'
import { instantOf } from './calendar.ts'
import { PhoneRouteQuery, phoneRoute, type PhoneRoutingContext } from './phone-routing.ts'
import type { IncidentStatus } from './records.ts'

const desk = loadDesk('content/desk.yaml')
const calendar = loadCalendar(desk, { from: 2026, to: 2027 })

/** An Amsterdam wall-clock time as an instant. */
function amsterdam(local: string): Date {
  const [date, time] = local.split(' ')
  const [h, m] = time.split(':').map(Number)
  return instantOf(calendar, date, h * 60 + m)
}

const lotte = { name: 'Lotte Smit', extension: '201', isActive: true }
const finance = { key: 'finance', name: { nl: 'Team Financieel', en: 'Finance team' } }
const mondayMorning = amsterdam('2026-11-30 09:00')

function route(overrides: Partial<PhoneRoutingContext> = {}) {
  return phoneRoute({ incident: { number: '100001', status: 'in_progress', team: 'finance' }, assignee: lotte, desk, calendar, now: mondayMorning, ...overrides })
}

describe('phoneRoute', () => {
  test('puts the caller through to the active assignee, with the team as fallback', () => {
    expect(route()).toEqual({
      route: 'assignee', incident: { number: '100001', status: 'in_progress' }, handler: { name: 'Lotte Smit', extension: '201' },
      team: finance, isOpen: true, opensAt: null,
    })
  })

  test.each([
    ['unassigned', null],
    ['assigned to someone no longer active', { ...lotte, isActive: false }],
    ['assigned to someone without an extension', { name: 'Lotte Smit', isActive: true }],
    ['assigned to someone with an empty extension', { ...lotte, extension: '' }],
  ])('sends an incident %s to its team', (_name, assignee) => {
    expect(route({ assignee })).toEqual({ route: 'team', incident: { number: '100001', status: 'in_progress' }, team: finance, isOpen: true, opensAt: null })
  })

  test.each<[IncidentStatus, string]>([
    ['new', 'assignee'],
    ['in_progress', 'assignee'],
    ['waiting_for_customer', 'assignee'],
    ['resolved', 'assignee'],
    ['closed', 'team'],
  ])('an assigned incident that is %s goes to the %s', (status, expected) => {
    expect(route({ incident: { number: '100001', status, team: 'finance' } }).route).toBe(expected)
  })

  test.each([
    ['an unknown number', null],
    ['an incident still awaiting confirmation', { number: '100001', status: 'awaiting_confirmation' as const, team: 'finance' }],
    ['an incident of a team no longer in desk.yaml', { number: '100001', status: 'new' as const, team: 'helpdesk-old' }],
  ])('answers %s with the general line and nothing else', (_name, incident) => {
    expect(route({ incident })).toEqual({ route: 'general', isOpen: true, opensAt: null })
  })

  test.each([
    ['open on an ordinary Monday', '2026-11-30 09:00', true, null],
    ['closed before opening, until 08:30 that day', '2026-11-30 07:45', false, '2026-11-30 08:30'],
    ['closed on a Saturday until Monday', '2026-11-28 10:00', false, '2026-11-30 08:30'],
    ['closed after the early close on Christmas Eve until the Monday after Boxing Day', '2026-12-24 15:30', false, '2026-12-28 08:30'],
    ['closed on the team day until the Monday after', '2027-01-08 10:00', false, '2027-01-11 08:30'],
  ])('%s', (_name, now, isOpen, opensAt) => {
    for (const incident of [null, { number: '100001', status: 'new' as const, team: 'finance' }]) {
      const answer = route({ incident, now: amsterdam(now) })
      expect(answer.isOpen).toBe(isOpen)
      expect(answer.opensAt).toBe(opensAt && amsterdam(opensAt).toISOString())
    }
  })

  test('keeps the route when the desk is closed: the phone system decides what to play', () => {
    expect(route({ now: amsterdam('2026-11-28 10:00') })).toMatchObject({ route: 'assignee', isOpen: false })
  })
})

describe('PhoneRouteQuery', () => {
  test.each(['1', '100042', '123456789012'])('accepts %s', (number) => {
    expect(PhoneRouteQuery.safeParse({ number }).success).toBe(true)
  })

  test.each([
    ['nothing', undefined],
    ['an empty number', ''],
    ['thirteen digits', '1234567890123'],
    ['a letter', '10004a'],
    ['a keypad star or hash', '100042#'],
    ['a sign', '-1'],
    ['spaces', ' 100042'],
  ])('refuses %s, naming the field', (_name, number) => {
    const result = PhoneRouteQuery.safeParse({ number })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0].path).toEqual(['number'])
  })
})
