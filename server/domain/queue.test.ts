import { describe, expect, test } from 'vitest'
import { incidentDraft } from '../store/store-contract.ts'
import type { Incident } from './records.ts'
import { inQueue, queueOrder, visibleTeams, type QueueItem } from './queue.ts'

const TEAMS = ['first-line', 'finance', 'logistics', 'platform']
const lotte = { id: 's-lotte', role: 'agent' as const, teams: ['first-line', 'finance'] }
const item = (incident: Partial<Incident>, sla: Partial<NonNullable<QueueItem['sla']>> | null = {}): QueueItem => ({
  incident: { ...incidentDraft(), id: incident.number ?? 'x', number: '100001', version: 1, ...incident },
  sla: sla === null ? null : { dueAt: null, remainingBusinessMinutes: null, isBreached: false, isPaused: false, ...sla },
})

describe('who sees which queue', () => {
  test('an agent their own teams; customer care and admins every team', () => {
    expect(visibleTeams(lotte, TEAMS)).toEqual(['first-line', 'finance'])
    expect(visibleTeams({ role: 'customer_care', teams: ['first-line'] }, TEAMS)).toEqual(TEAMS)
  })

  test('an agent sees their teams’ incidents and what is assigned to them elsewhere', () => {
    const teams = visibleTeams(lotte, TEAMS)
    expect(inQueue(item({ team: 'finance' }), lotte, teams, {})).toBe(true)
    expect(inQueue(item({ team: 'platform' }), lotte, teams, {})).toBe(false)
    expect(inQueue(item({ team: 'platform', assigneeId: 's-lotte' }), lotte, teams, {})).toBe(true)
    expect(inQueue(item({ team: 'finance', assigneeId: 's-daan' }), lotte, teams, { isMine: true })).toBe(false)
  })
})

describe('filters', () => {
  const teams = TEAMS
  const admin = { id: 's-admin', role: 'admin' as const, teams: [] }
  test.each([
    [{ status: ['new' as const] }, { status: 'new' as const }, true],
    [{ status: ['resolved' as const] }, { status: 'new' as const }, false],
    [{ priority: [2] }, { priority: 2 as const }, true],
    [{ priority: [2] }, { priority: null }, false],
    [{ kind: ['outage' as const] }, { kind: 'bug' as const }, false],
    [{ productArea: 'finance' }, { productArea: 'finance' }, true],
    [{ organisationId: 'org-2' }, { organisationId: 'org-1' }, false],
  ])('%j on %j: %s', (filter, incident, expected) => {
    expect(inQueue(item(incident), admin, teams, filter)).toBe(expected)
  })

  test('due: breached, and soon within two business hours (not yet breached)', () => {
    expect(inQueue(item({}, { isBreached: true, remainingBusinessMinutes: -5 }), admin, teams, { due: 'breached' })).toBe(true)
    expect(inQueue(item({}, { remainingBusinessMinutes: 120 }), admin, teams, { due: 'soon' })).toBe(true)
    expect(inQueue(item({}, { remainingBusinessMinutes: 121 }), admin, teams, { due: 'soon' })).toBe(false)
    expect(inQueue(item({}, { isBreached: true, remainingBusinessMinutes: -5 }), admin, teams, { due: 'soon' })).toBe(false)
    expect(inQueue(item({}, null), admin, teams, { due: 'soon' })).toBe(false)
  })
})

describe('order', () => {
  test('new first, then soonest due, no target last, then oldest', () => {
    const items = [
      item({ number: 'later', status: 'in_progress' }, { dueAt: '2026-12-02T09:00:00.000Z' }),
      item({ number: 'none', status: 'in_progress' }, null),
      item({ number: 'new', status: 'new' }),
      item({ number: 'sooner', status: 'waiting_for_customer' }, { dueAt: '2026-12-01T09:00:00.000Z' }),
    ]
    expect(items.sort(queueOrder).map((i) => i.incident.number)).toEqual(['new', 'sooner', 'later', 'none'])
  })
})
