import { describe, expect, test } from 'vitest'
import { loadDesk } from '../desk.ts'
import { contact as makeContact, incidentDraft } from '../store/store-contract.ts'
import {
  IncidentInput, mayFile, mayMove, newIncident, priorityRefusal, productAreaIssue, reactionRefusal, routeTeam, statusAfterReaction, waitingIntervals, withStatus,
} from './incident.ts'
import type { Incident, Organisation } from './records.ts'

const desk = loadDesk('content/desk.yaml')
const incident = (overrides: Partial<Incident> = {}): Incident => ({ ...incidentDraft(), id: 'i1', number: '100001', version: 1, ...overrides })
const organisation = (isFirstClass: boolean): Organisation => ({ id: 'org-1', name: 'Bakkerij Jansen', customerNumber: '4711', isFirstClass, subscriptions: [], invoices: [], projects: [], courses: [] })

describe('IncidentInput', () => {
  const valid = { name: 'Anne de Vries', email: 'Anne@Klant.example', kind: 'bug', productArea: 'finance', subject: 'Btw-aangifte faalt', description: 'Bij indienen krijg ik fout 500 van Digipoort.' }

  test('accepts a registration, lowercases the address and fills the defaults', () => {
    expect(IncidentInput.parse(valid)).toMatchObject({ email: 'anne@klant.example', lang: 'nl', kbArticles: [] })
  })

  test.each([
    ['email', { email: 'geen-adres' }],
    ['kind', { kind: 'complaint' }],
    ['subject', { subject: 'x' }],
    ['description', { description: 'kort' }],
    ['description', { description: 'x'.repeat(10_001) }],
    ['lang', { lang: 'de' }],
    ['kbArticles', { kbArticles: Array.from({ length: 21 }, () => 'a') }],
  ])('rejects a bad %s', (field, change) => {
    const result = IncidentInput.safeParse({ ...valid, ...change })
    expect(result.success).toBe(false)
    expect(result.error!.issues[0].path[0]).toBe(field)
  })

  test('refuses fields it does not know, such as a priority chosen by the customer', () => {
    expect(IncidentInput.safeParse({ ...valid, priority: 1 }).success).toBe(false)
  })

  test('checks the product area against desk.yaml', () => {
    expect(productAreaIssue(desk, 'finance')).toBeUndefined()
    expect(productAreaIssue(desk, 'marketing')).toMatch(/unknown product area; one of: finance, inventory/)
  })
})

describe('routing', () => {
  test.each([
    ['an outage goes to Platform whatever the area', 'outage', 'finance', 'platform'],
    ['finance goes to the finance team', 'bug', 'finance', 'finance'],
    ['payroll goes to the finance team', 'question', 'payroll', 'finance'],
    ['sales goes to logistics', 'wish', 'sales', 'logistics'],
    ['platform questions go to Platform', 'question', 'platform', 'platform'],
    ['anything else goes to the first line', 'question', 'other', 'first-line'],
  ] as const)('%s', (_name, kind, productArea, team) => {
    expect(routeTeam(desk, { kind, productArea })).toBe(team)
  })

  test('a new incident is routed, new, without priority, with its history begun', () => {
    const contact = makeContact()
    const now = new Date('2026-11-30T09:00:00Z')
    const draft = newIncident(IncidentInput.parse({ name: 'A B', email: contact.email, kind: 'outage', productArea: 'sales', subject: 'Alles plat', description: 'Niemand kan inloggen sinds 9 uur.', kbQuery: 'inloggen' }), { contact, desk, now })
    expect(draft).toMatchObject({ status: 'new', priority: null, team: 'platform', kbQuery: 'inloggen', organisationId: contact.organisationId })
    expect(draft.statusHistory).toEqual([{ status: 'new', at: now.toISOString(), by: `contact:${contact.id}` }])
  })
})

describe('who may file', () => {
  test.each([
    [true, true, true],
    [false, true, false],
    [true, false, false],
  ])('authorised %s, active %s: may file %s', (isAuthorised, isActive, expected) => {
    expect(mayFile(makeContact({ isAuthorised, isActive }))).toBe(expected)
  })
  test('an unknown address may not', () => expect(mayFile(undefined)).toBe(false))
})

describe('statuses', () => {
  test.each([
    ['new', 'in_progress', true],
    ['in_progress', 'waiting_for_customer', true],
    ['waiting_for_customer', 'in_progress', true],
    ['in_progress', 'resolved', true],
    ['resolved', 'closed', true],
    ['closed', 'in_progress', false],
    ['new', 'closed', false],
    ['new', 'awaiting_confirmation', false],
    ['awaiting_confirmation', 'new', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => expect(mayMove(from, to)).toBe(allowed))

  test('a reaction within 14 days of resolving reopens; after that it does not', () => {
    const resolved = withStatus(incident({ status: 'in_progress' }), 'resolved', 'staff:s1', new Date('2026-12-01T10:00:00Z'))
    expect(statusAfterReaction(resolved, new Date('2026-12-15T09:59:00Z'), desk)).toBe('in_progress')
    expect(statusAfterReaction(resolved, new Date('2026-12-15T10:01:00Z'), desk)).toBe('resolved')
  })

  test('a customer may react until the reopen window passes; never to a closed incident', () => {
    const resolved = withStatus(incident({ status: 'in_progress' }), 'resolved', 'staff:s1', new Date('2026-12-01T10:00:00Z'))
    expect(reactionRefusal(resolved, new Date('2026-12-15T10:00:00Z'), desk)).toBeUndefined()
    expect(reactionRefusal(resolved, new Date('2026-12-15T10:00:01Z'), desk)).toBe('reopen_window_passed')
    expect(reactionRefusal(incident({ status: 'closed' }), new Date('2026-12-01T10:00:00Z'), desk)).toBe('incident_closed')
    expect(reactionRefusal(incident({ status: 'waiting_for_customer' }), new Date('2030-01-01T00:00:00Z'), desk)).toBeUndefined()
  })

  test('a reaction while support waits for the customer hands the incident back', () => {
    expect(statusAfterReaction(incident({ status: 'waiting_for_customer' }), new Date(), desk)).toBe('in_progress')
    expect(statusAfterReaction(incident({ status: 'new' }), new Date(), desk)).toBe('new')
  })

  test('time waiting for the customer becomes pauses, an open one until now', () => {
    let i = incident({ status: 'in_progress' })
    i = withStatus(i, 'waiting_for_customer', 'staff:s1', new Date('2026-12-01T10:00:00Z'))
    i = withStatus(i, 'in_progress', 'contact:c1', new Date('2026-12-01T12:00:00Z'))
    i = withStatus(i, 'waiting_for_customer', 'staff:s1', new Date('2026-12-02T09:00:00Z'))
    expect(waitingIntervals(i, new Date('2026-12-02T10:00:00Z'))).toEqual([
      { from: new Date('2026-12-01T10:00:00Z'), to: new Date('2026-12-01T12:00:00Z') },
      { from: new Date('2026-12-02T09:00:00Z'), to: new Date('2026-12-02T10:00:00Z') },
    ])
  })

  test('priority 1 only for First Class organisations', () => {
    expect(priorityRefusal(1, organisation(false), desk)).toBe('first_class_only')
    expect(priorityRefusal(1, organisation(true), desk)).toBeUndefined()
    expect(priorityRefusal(2, organisation(false), desk)).toBeUndefined()
  })
})
