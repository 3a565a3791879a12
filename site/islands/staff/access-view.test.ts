import { describe, expect, test } from 'vitest'
import { ACCESS_LEVELS, BACKUP_STATUSES, EXTRA_SUPPORT_STATUSES, type BackupStatus } from '#domain/records.ts'
import { staffStrings } from '../../i18n/index.ts'
import {
  announcement, backupActions, backupBadge, backupNeedsAction, backupStatusName, billingText, byLine, changedSince, extraSupportActions,
  extraSupportStatusName, freshest, grantBadge, grantState, levelName, windowText, withRecord, type GrantView,
} from './access-view.ts'

const nl = staffStrings('nl')
const en = staffStrings('en')

const grant = (more: Partial<GrantView> = {}): GrantView => ({ level: 'functional_user', endsAt: '2026-12-04T16:00:00.000Z', isActive: true, revokedAt: null, ...more })

describe('names', () => {
  test.each([nl, en])('every level has its own words', (strings) => {
    const names = ACCESS_LEVELS.map((level) => levelName(strings, level))
    expect(new Set(names).size).toBe(ACCESS_LEVELS.length)
    expect(names.filter((n) => n.includes('_'))).toEqual([])
  })

  test('levels read inside a sentence, in lower case', () => {
    expect(levelName(nl, 'functional_user')).toBe('functionele gebruiker')
    expect(levelName(en, 'read_only')).toBe('read only')
  })

  test('a level the console does not know yet shows as the server sent it', () => {
    expect(levelName(nl, 'auditor')).toBe('auditor')
  })

  test.each(BACKUP_STATUSES)('backup status %s has a name', (status) => {
    expect(backupStatusName(nl, status)).toMatch(/^[A-Z]/)
    expect(backupStatusName(en, status)).toMatch(/^[A-Z]/)
  })

  test.each(EXTRA_SUPPORT_STATUSES)('extra-support status %s has a name', (status) => {
    expect(extraSupportStatusName(nl, status)).toMatch(/^[A-Z]/)
  })

  test('billing: afterwards, except First Class', () => {
    expect(billingText(nl, true)).toBe('Nacalculatie')
    expect(billingText(en, true)).toBe('Billed afterwards')
    expect(billingText(nl, false)).toBe('First Class: niet gefactureerd')
  })
})

describe('a grant’s state', () => {
  test.each<[string, Partial<GrantView>, 'active' | 'ended' | 'revoked', string, string]>([
    ['active before its end', {}, 'active', 'Actief', 'ok'],
    ['ended at its end', { isActive: false }, 'ended', 'Afgelopen', ''],
    ['revoked by the customer', { isActive: false, revokedAt: '2026-12-01T10:00:00.000Z' }, 'revoked', 'Ingetrokken', 'breached'],
    ['revoked, even once past its end', { isActive: false, revokedAt: '2026-12-01T10:00:00.000Z', endsAt: '2026-12-01T11:00:00.000Z' }, 'revoked', 'Ingetrokken', 'breached'],
  ])('%s', (_, more, state, text, tone) => {
    expect(grantState(grant(more))).toBe(state)
    expect(grantBadge(nl, grant(more))).toEqual({ text, tone })
  })
})

describe('a backup', () => {
  test.each<[BackupStatus, ('received' | 'purged')[], boolean]>([
    ['requested', [], false],
    ['approved', ['received'], true],
    ['declined', [], false],
    ['received', ['purged'], true],
    ['purged', [], false],
  ])('that is %s offers %j and needs support: %s', (status, actions, needsAction) => {
    expect(backupActions({ status })).toEqual(actions)
    expect(backupNeedsAction({ status })).toBe(needsAction)
  })

  test.each<[BackupStatus, boolean, string]>([
    ['requested', false, 'soon'],
    ['approved', false, 'soon'],
    ['received', false, ''],
    ['received', true, 'breached'],
    ['purged', false, 'ok'],
    ['declined', false, ''],
  ])('%s (purge due: %s) has a %j badge', (status, isPurgeDue, tone) => {
    expect(backupBadge(en, { status, isPurgeDue })).toEqual({ text: backupStatusName(en, status), tone })
  })
})

describe('an extra-support request', () => {
  test('is decided only while it waits', () => {
    expect(extraSupportActions({ status: 'requested' })).toEqual(['approve', 'decline'])
    expect(extraSupportActions({ status: 'approved' })).toEqual([])
    expect(extraSupportActions({ status: 'declined' })).toEqual([])
  })
})

// The words are Node's ICU (en-GB puts a comma after the weekday); the browser's may differ in such details.
describe('a window in Dutch time', () => {
  test.each([
    ['a Saturday morning in winter (UTC+1)', 'nl', '2026-12-12T08:00:00.000Z', '2026-12-12T12:00:00.000Z', 'za 12 dec 2026, 09:00–13:00'],
    ['the same in English', 'en', '2026-12-12T08:00:00.000Z', '2026-12-12T12:00:00.000Z', 'Sat, 12 Dec 2026, 09:00–13:00'],
    ['a summer evening (UTC+2)', 'nl', '2026-07-03T16:00:00.000Z', '2026-07-03T20:00:00.000Z', 'vr 3 jul 2026, 18:00–22:00'],
    ['across midnight, each end in full', 'nl', '2026-12-11T17:00:00.000Z', '2026-12-12T01:00:00.000Z', 'vr 11 dec 2026, 18:00 – za 12 dec 2026, 02:00'],
    ['across the clock change to winter time', 'en', '2026-10-24T20:00:00.000Z', '2026-10-25T08:00:00.000Z', 'Sat, 24 Oct 2026, 22:00 – Sun, 25 Oct 2026, 09:00'],
    ['a day in UTC that is two in Amsterdam', 'nl', '2026-12-12T22:00:00.000Z', '2026-12-13T02:00:00.000Z', 'za 12 dec 2026, 23:00 – zo 13 dec 2026, 03:00'],
  ] as const)('%s', (_, lang, startsAt, endsAt, text) => {
    expect(windowText(lang, staffStrings(lang), startsAt, endsAt)).toBe(text)
  })
})

describe('records seen twice', () => {
  const a1 = { kind: 'grant', id: 'a', version: 1, isActive: true }
  const a2 = { kind: 'grant', id: 'a', version: 2, isActive: false }
  const b1 = { kind: 'backup', id: 'b', version: 1 }

  test('a late poll does not undo a newer record already shown', () => {
    expect(freshest([a2, b1], [a1, b1])).toEqual([a2, b1])
  })

  test('a poll’s newer record replaces the shown one, in the server’s order', () => {
    expect(freshest([a1], [b1, a2])).toEqual([b1, a2])
  })

  test('a record made here since the poll left stays in front', () => {
    expect(freshest([b1], [a1])).toEqual([b1, a1])
  })

  test('an action’s answer takes its place, or the front when new, and never goes back a version', () => {
    expect(withRecord([b1, a1], a2)).toEqual([b1, a2])
    expect(withRecord([a1], b1)).toEqual([b1, a1])
    expect(withRecord([b1, a2], a1)).toEqual([b1, a2])
  })

  test('changes: a new record, a new version, or a grant that ran out without one', () => {
    expect(changedSince([a1, b1], [a1, b1])).toEqual([])
    expect(changedSince([a1], [a2, b1])).toEqual([a2, b1])
    const ranOut = { ...a1, isActive: false }
    expect(changedSince([a1], [ranOut])).toEqual([ranOut])
  })

  test('a remote view changes with its state, not with every handshake message', () => {
    const open = { kind: 'remote_view', id: 'r', version: 1, state: 'open' }
    expect(changedSince([open], [{ ...open, version: 9 }])).toEqual([])
    expect(changedSince([open], [{ ...open, version: 10, state: 'ended' }])).toHaveLength(1)
  })

  test('a revoked grant and a received backup are announced in words', () => {
    const revoked = grant({ isActive: false, revokedAt: '2026-12-01T10:00:00.000Z' })
    expect(announcement(nl, { grants: [revoked], backups: [{ status: 'received', isPurgeDue: false }] }))
      .toBe('Toegang als functionele gebruiker: Ingetrokken. Back-up: Ontvangen.')
    expect(announcement(en, { grants: [], backups: [] })).toBe('')
  })
})

describe('who and when', () => {
  test('names the person and the moment in Dutch time, or nothing when either is missing', () => {
    expect(byLine('nl', nl['access.grant.revokedBy'], { name: 'Peter de Vries' }, '2026-12-01T09:05:00.000Z')).toBe('Ingetrokken door Peter de Vries op 1 dec 2026, 10:05')
    expect(byLine('nl', nl['access.grant.revokedBy'], null, null)).toBeNull()
  })
})
