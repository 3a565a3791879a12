import { describe, expect, test } from 'vitest'
import { INCIDENT_KINDS } from '#domain/desk.ts'
import { STAFF_TRANSITIONS } from '#domain/incident.ts'
import { INCIDENT_STATUSES, type IncidentStatus } from '#domain/records.ts'
import type { Actor, TimelineEntry } from '#domain/timeline.ts'
import { staffStrings } from '../../i18n/index.ts'
import {
  STAFF_MOVES, assigneeForTeam, assigneeOptions, consentSentence, entryMark, isInternal, kindName, mailFailedSentence, priorityOptions, statusName, statusOptions, triageChange,
  type TriageForm,
} from './incident-view.ts'

const PRIORITIES = [
  { level: 3 as const, firstClassOnly: false },
  { level: 1 as const, firstClassOnly: true },
  { level: 2 as const, firstClassOnly: false },
  { level: 5 as const, firstClassOnly: false },
  { level: 4 as const, firstClassOnly: false },
]

const PEOPLE = [
  { id: 's-daan', name: 'Daan Mulder', teams: ['logistics'] },
  { id: 's-lotte', name: 'Lotte Smit', teams: ['first-line', 'finance'] },
  { id: 's-admin', name: 'Ingrid Postma', teams: ['first-line', 'finance', 'logistics', 'platform'] },
]

describe('the statuses offered', () => {
  test('are the server’s own moves', () => {
    expect(STAFF_MOVES).toEqual(STAFF_TRANSITIONS)
  })

  test.each<[IncidentStatus, IncidentStatus[]]>([
    ['new', ['new', 'in_progress', 'waiting_for_customer', 'resolved']],
    ['in_progress', ['in_progress', 'waiting_for_customer', 'resolved']],
    ['waiting_for_customer', ['waiting_for_customer', 'in_progress', 'resolved']],
    ['resolved', ['resolved', 'in_progress', 'closed']],
    ['closed', ['closed']],
    ['awaiting_confirmation', ['awaiting_confirmation']],
  ])('from %s: the current one first, then the allowed moves', (current, offered) => {
    expect(statusOptions(current)).toEqual(offered)
  })
})

describe('the priorities offered', () => {
  test('withholds priority 1 from an organisation that is not First Class, in level order', () => {
    expect(priorityOptions(PRIORITIES, false).map((p) => [p.level, p.isOffered])).toEqual([[1, false], [2, true], [3, true], [4, true], [5, true]])
  })

  test('offers every priority to a First Class organisation', () => {
    expect(priorityOptions(PRIORITIES, true).every((p) => p.isOffered)).toBe(true)
  })

  test('keeps the guidance texts beside each level', () => {
    const withText = [{ level: 2 as const, firstClassOnly: false, name: { nl: 'Productieverstorend', en: 'Production-disrupting' } }]
    expect(priorityOptions(withText, false)[0]).toMatchObject({ level: 2, name: { en: 'Production-disrupting' }, isOffered: true })
  })
})

describe('the assignees offered', () => {
  test('are the members of the chosen team', () => {
    expect(assigneeOptions(PEOPLE, 'logistics').map((p) => p.id)).toEqual(['s-daan', 's-admin'])
    expect(assigneeOptions(PEOPLE, 'platform').map((p) => p.id)).toEqual(['s-admin'])
  })

  test('keep the saved assignee even when not a member, so the field shows who it is', () => {
    expect(assigneeOptions(PEOPLE, 'platform', 's-daan').map((p) => p.id)).toEqual(['s-daan', 's-admin'])
  })

  test.each<[string, string | null, string | null]>([
    ['finance', 's-daan', null],
    ['logistics', 's-daan', 's-daan'],
    ['platform', 's-admin', 's-admin'],
    ['finance', null, null],
    ['logistics', 's-gone', null],
  ])('a change to team %s makes assignee %s become %s', (team, before, after) => {
    expect(assigneeForTeam(PEOPLE, team, before)).toBe(after)
  })
})

describe('the triage change', () => {
  const saved: TriageForm & { version: number } = { version: 4, priority: null, status: 'new', team: 'logistics', assigneeId: null }

  test('sends only what changed, with the version it was made against', () => {
    expect(triageChange(saved, { ...saved, priority: 2, status: 'in_progress' })).toEqual({ version: 4, priority: 2, status: 'in_progress' })
    expect(triageChange(saved, { ...saved, team: 'finance', assigneeId: 's-lotte' })).toEqual({ version: 4, team: 'finance', assigneeId: 's-lotte' })
  })

  test('unassigns explicitly', () => {
    expect(triageChange({ ...saved, assigneeId: 's-daan' }, { ...saved, assigneeId: null })).toEqual({ version: 4, assigneeId: null })
  })

  test('is nothing when nothing changed, and never unsets a priority', () => {
    expect(triageChange(saved, { ...saved })).toBeUndefined()
    expect(triageChange({ ...saved, priority: 3 }, { ...saved, priority: null })).toBeUndefined()
  })
})

describe('the timeline marks', () => {
  const staff: Actor = { kind: 'staff', name: 'Daan Mulder' }
  const contact: Actor = { kind: 'contact', name: 'Jelle Hoekstra' }
  const message = (by: Actor, visibility: 'public' | 'internal', phone?: 'inbound' | 'outbound'): TimelineEntry =>
    ({ type: 'message', at: '2026-12-01T09:00:00.000Z', id: 'm', visibility, text: 't', by, attachments: [], ...(phone ? { phone } : {}) })

  test.each<[string, TimelineEntry, string, boolean]>([
    ['a status change', { type: 'status', at: '2026-12-01T09:00:00.000Z', status: 'new', by: contact }, 'status', false],
    ['the customer’s message', message(contact, 'public'), 'customer', false],
    ['a public reply by support', message(staff, 'public'), 'reply', false],
    ['an internal note', message(staff, 'internal'), 'note', true],
    ['an inbound call', message(staff, 'internal', 'inbound'), 'callInbound', true],
    ['an outbound call', message(staff, 'internal', 'outbound'), 'callOutbound', true],
    ['a file on its own', { type: 'attachment', at: '2026-12-01T09:00:00.000Z', by: contact, attachment: { id: 'a', fileName: 'x.log', contentType: 'text/plain; charset=utf-8', size: 3 } }, 'file', false],
    ['a consent step', { type: 'consent', at: '2026-12-01T09:00:00.000Z', action: 'grant.revoked', by: contact, consentId: 'g' }, 'consent', false],
    ['a mail that was not delivered', { type: 'mail_failed', at: '2026-12-01T09:00:00.000Z', by: { kind: 'system', name: 'Noordwind Support' }, to: 'tom@bakkerij-jansen.example', reply: '550 5.1.1 User unknown' }, 'mailFailed', false],
  ])('%s is marked %s (internal: %s)', (_name, entry, mark, internal) => {
    expect(entryMark(entry)).toBe(mark)
    expect(isInternal(entryMark(entry))).toBe(internal)
  })
})

describe('status and kind names', () => {
  test.each(['nl', 'en'] as const)('every status and kind has its own name in %s', (lang) => {
    const strings = staffStrings(lang)
    const names = [...INCIDENT_STATUSES.map((s) => statusName(strings, s)), ...INCIDENT_KINDS.map((k) => kindName(strings, k))]
    expect(names.every((n) => typeof n === 'string' && n.length > 0)).toBe(true)
    expect(new Set(names).size).toBe(names.length)
  })

  test('reads as support speaks', () => {
    expect(statusName(staffStrings('nl'), 'waiting_for_customer')).toBe('Wacht op de klant')
    expect(kindName(staffStrings('en'), 'question')).toBe('User question')
  })
})

describe('consent steps in a sentence', () => {
  const lotte: Actor = { kind: 'staff', name: 'Lotte Smit' }
  const peter: Actor = { kind: 'contact', name: 'Peter de Vries' }
  const nl = staffStrings('nl')

  test.each<[string, Actor, string]>([
    ['remote_view.started', lotte, 'Meekijken gestart door Lotte Smit'],
    ['remote_view.consented', peter, 'Klant gaf toestemming om mee te kijken'],
    ['remote_view.ended', peter, 'Meekijken beëindigd door de klant'],
    ['remote_view.ended', lotte, 'Meekijken beëindigd door Lotte Smit'],
    ['backup.requested', lotte, 'Back-up aangevraagd door Lotte Smit'],
    ['backup.approved', peter, 'Back-up goedgekeurd door Peter de Vries'],
    ['backup.declined', peter, 'Back-up afgewezen door Peter de Vries'],
    ['backup.received', lotte, 'Back-up ontvangen'],
    ['backup.purged', lotte, 'Back-up verwijderd'],
    ['grant.revoked', peter, 'Toegang ingetrokken'],
    ['grant.used', lotte, 'Toegang gebruikt'],
    ['grant.use_refused', lotte, 'Gebruik van toegang geweigerd: niet actief'],
    ['grant.reviewed', lotte, 'Stap bij toestemming: grant.reviewed'],
  ])('%s by %j', (action, by, sentence) => {
    expect(consentSentence('nl', nl, { action, by })).toBe(sentence)
  })

  test('a grant given names its level and its end in Dutch time', () => {
    const step = { action: 'grant.given', by: peter, level: 'functional_user' as const, endsAt: '2026-12-04T16:00:00.000Z' }
    expect(consentSentence('nl', nl, step)).toBe('Tijdelijke toegang gegeven (functionele gebruiker) tot 4 dec 2026, 17:00')
    expect(consentSentence('en', staffStrings('en'), step)).toBe('Temporary access given (functional user) until 4 Dec 2026, 17:00')
  })
})

describe('a mail that was not delivered', () => {
  test.each([
    ['nl', 'De e-mail aan tom@bakkerij-jansen.example is niet bezorgd en wordt niet opnieuw verstuurd. De mailserver antwoordde: 550 5.1.1 User unknown'],
    ['en', 'The e-mail to tom@bakkerij-jansen.example was not delivered and will not be sent again. The mail server replied: 550 5.1.1 User unknown'],
  ] as const)('reads in %s with the address and the server\'s reply', (lang, sentence) => {
    expect(mailFailedSentence(staffStrings(lang), { to: 'tom@bakkerij-jansen.example', reply: '550 5.1.1 User unknown' })).toBe(sentence)
  })
})
