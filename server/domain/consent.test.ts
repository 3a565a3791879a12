import { describe, expect, test } from 'vitest'
import { newSixDigitCode } from '../auth/tokens.ts'
import { loadCalendar, loadDesk } from '../desk.ts'
import { instantOf } from './calendar.ts'
import {
  codeRefusal, earliestExtraSupportStart, extraSupportRefusal, extraWindowsByOrganisation, isGrantActive, purgeDateOf, remoteViewState,
} from './consent.ts'
import type { ConsentRecord, ExtraSupportRequest, Incident, RemoteView } from './records.ts'

const calendar = loadCalendar(loadDesk('content/desk.yaml'), { from: 2026, to: 2027 })
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** An Amsterdam wall-clock time as an instant. */
function amsterdam(local: string): Date {
  const [date, time] = local.split(' ')
  const [h, m] = time.split(':').map(Number)
  return instantOf(calendar, date, h * 60 + m)
}

const later = (at: Date, ms: number) => new Date(at.getTime() + ms)

/** A session support started at 10:00, its code good until 10:10. */
function remoteView(overrides: Partial<RemoteView> = {}): RemoteView {
  return {
    kind: 'remote_view', id: 'rv-1', organisationId: 'org-1', incidentId: 'i-1', staffId: 's-1', contactId: 'c-1', codeHash: 'hash', code: '012345',
    codeExpiresAt: '2026-11-30T09:10:00.000Z', status: 'waiting', consentedAt: null, customerTokenHash: null, endedAt: null, endedBy: null, signals: [],
    createdAt: '2026-11-30T09:00:00.000Z', updatedAt: '2026-11-30T09:00:00.000Z', version: 1, ...overrides,
  }
}

function extraSupport(overrides: Partial<ExtraSupportRequest> = {}): ExtraSupportRequest {
  return {
    kind: 'extra_support', id: 'es-1', organisationId: 'org-1', contactId: 'c-1', startsAt: '2026-12-12T08:00:00.000Z', endsAt: '2026-12-12T16:00:00.000Z',
    reason: 'Jaarafsluiting', status: 'approved', isBilled: true, decidedBy: 'staff:s-1', decidedAt: '2026-11-30T10:00:00.000Z', decisionNote: null,
    createdAt: '2026-11-30T09:00:00.000Z', updatedAt: '2026-11-30T10:00:00.000Z', version: 2, ...overrides,
  }
}

describe('newSixDigitCode, the remote-view code', () => {
  test('is always six digits, leading zeros kept', () => {
    const codes = Array.from({ length: 500 }, () => newSixDigitCode())
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true)
    expect(new Set(codes).size).toBeGreaterThan(400)
  })
})

describe('codeRefusal', () => {
  const expires = new Date('2026-11-30T09:10:00.000Z')

  test('a waiting code works up to the last millisecond of its ten minutes and is expired at the tenth minute itself', () => {
    expect(codeRefusal(remoteView(), later(expires, -1))).toBeUndefined()
    expect(codeRefusal(remoteView(), expires)).toBe('code_expired')
    expect(codeRefusal(remoteView(), later(expires, MINUTE))).toBe('code_expired')
  })

  test('a consented code is used, also before it would have expired and after', () => {
    const opened = remoteView({ status: 'open', consentedAt: '2026-11-30T09:02:00.000Z', code: null })
    expect(codeRefusal(opened, new Date('2026-11-30T09:03:00.000Z'))).toBe('code_used')
    expect(codeRefusal(opened, later(expires, HOUR))).toBe('code_used')
  })

  test('the code of a session support ended before consent no longer works', () => {
    expect(codeRefusal(remoteView({ status: 'ended', endedAt: '2026-11-30T09:01:00.000Z', endedBy: 'staff:s-1' }), new Date('2026-11-30T09:02:00.000Z'))).toBe('code_expired')
  })
})

describe('remoteViewState', () => {
  test('a waiting session reads as expired once its code ran out; an open one stays open', () => {
    const expires = new Date('2026-11-30T09:10:00.000Z')
    expect(remoteViewState(remoteView(), later(expires, -1))).toBe('waiting')
    expect(remoteViewState(remoteView(), expires)).toBe('expired')
    expect(remoteViewState(remoteView({ status: 'open', consentedAt: '2026-11-30T09:02:00.000Z' }), later(expires, HOUR))).toBe('open')
  })
})

describe('isGrantActive', () => {
  const endsAt = '2026-12-07T12:00:00.000Z'

  test('is active until its end, and not at the end itself', () => {
    expect(isGrantActive({ endsAt, revokedAt: null }, new Date('2026-12-07T11:59:59.999Z'))).toBe(true)
    expect(isGrantActive({ endsAt, revokedAt: null }, new Date(endsAt))).toBe(false)
  })

  test('is inactive once revoked, however far its end lies', () => {
    expect(isGrantActive({ endsAt, revokedAt: '2026-12-01T09:00:00.000Z' }, new Date('2026-12-01T09:00:00.000Z'))).toBe(false)
  })
})

describe('purgeDateOf', () => {
  const history = (...steps: [Incident['status'], string][]) => steps.map(([status, at]) => ({ status, at, by: 'staff:s-1' }))

  test('is null while the incident is open, also when it was closed once before', () => {
    expect(purgeDateOf({ status: 'in_progress', statusHistory: history(['new', '2026-11-30T09:00:00.000Z'], ['in_progress', '2026-11-30T10:00:00.000Z']) })).toBeNull()
    expect(purgeDateOf({ status: 'resolved', statusHistory: history(['new', '2026-11-30T09:00:00.000Z'], ['resolved', '2026-12-01T10:00:00.000Z']) })).toBeNull()
  })

  test('is thirty days after the last closing', () => {
    const closed = purgeDateOf({ status: 'closed', statusHistory: history(['new', '2026-11-30T09:00:00.000Z'], ['resolved', '2026-12-01T10:00:00.000Z'], ['closed', '2026-12-02T10:00:00.000Z']) })
    expect(closed?.toISOString()).toBe('2027-01-01T10:00:00.000Z')
  })
})

describe('extraSupportRefusal', () => {
  const now = amsterdam('2026-11-30 10:00')
  const saturday = (from: string, to: string) => ({ startsAt: amsterdam(`2026-12-12 ${from}`), endsAt: amsterdam(`2026-12-12 ${to}`) })

  test('the earliest start is five days after the request', () => {
    expect(earliestExtraSupportStart(now).toISOString()).toBe(later(now, 5 * DAY).toISOString())
  })

  test('refuses a start a moment before five days ahead and accepts one exactly five days ahead', () => {
    const start = later(now, 5 * DAY)
    expect(extraSupportRefusal({ startsAt: later(start, -1), endsAt: later(start, 4 * HOUR) }, now, calendar)).toBe('too_soon')
    // Five days after Monday 10:00 is Saturday 10:00: outside business hours.
    expect(extraSupportRefusal({ startsAt: start, endsAt: later(start, 4 * HOUR) }, now, calendar)).toBeUndefined()
  })

  test('accepts a window of 72 hours and refuses one a moment longer', () => {
    const friday = amsterdam('2026-12-11 16:00')
    expect(extraSupportRefusal({ startsAt: friday, endsAt: later(friday, 72 * HOUR) }, now, calendar)).toBeUndefined()
    expect(extraSupportRefusal({ startsAt: friday, endsAt: later(friday, 72 * HOUR + 1) }, now, calendar)).toBe('window_too_long')
  })

  test('refuses a window wholly within business hours, accepts one that reaches past closing', () => {
    expect(extraSupportRefusal({ startsAt: amsterdam('2026-12-08 09:00'), endsAt: amsterdam('2026-12-08 17:00') }, now, calendar)).toBe('within_business_hours')
    expect(extraSupportRefusal({ startsAt: amsterdam('2026-12-08 09:00'), endsAt: amsterdam('2026-12-08 17:01') }, now, calendar)).toBeUndefined()
    expect(extraSupportRefusal(saturday('09:00', '17:00'), now, calendar)).toBeUndefined()
  })
})

describe('extraWindowsByOrganisation', () => {
  test('gives only approved extra-support windows, per organisation', () => {
    const records: ConsentRecord[] = [
      extraSupport({ id: 'a', organisationId: 'org-1' }),
      extraSupport({ id: 'b', organisationId: 'org-1', startsAt: '2026-12-19T08:00:00.000Z', endsAt: '2026-12-19T12:00:00.000Z' }),
      extraSupport({ id: 'c', organisationId: 'org-2', status: 'requested' }),
      extraSupport({ id: 'd', organisationId: 'org-2', status: 'declined' }),
      extraSupport({ id: 'e', organisationId: 'org-3' }),
      remoteView({ organisationId: 'org-4' }),
    ]
    const windows = extraWindowsByOrganisation(records)
    expect([...windows.keys()].sort()).toEqual(['org-1', 'org-3'])
    expect(windows.get('org-1')).toEqual([
      { from: new Date('2026-12-12T08:00:00.000Z'), to: new Date('2026-12-12T16:00:00.000Z') },
      { from: new Date('2026-12-19T08:00:00.000Z'), to: new Date('2026-12-19T12:00:00.000Z') },
    ])
  })
})
