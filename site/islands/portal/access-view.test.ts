import { describe, expect, test } from 'vitest'
import { ACCESS_LEVELS, BACKUP_STATUSES, EXTRA_SUPPORT_STATUSES } from '#domain/records.ts'
import { portalStrings } from '../../i18n/index.ts'
import {
  backupBadge, clockTime, consentSentence, defaultGrantEnd, extraSupportBadge, grantBadge, grantState, isGrantable, isoOfLocal, latestGrantEnd, levelHint,
  levelName, localOf, purgeLine, spacedCode, waitingCodes, withRecord,
} from './access-view.ts'

const nl = portalStrings('nl')
const en = portalStrings('en')

describe('level names', () => {
  test.each([
    ['read_only', 'Alleen lezen', 'alleen lezen', 'Read only'],
    ['functional_user', 'Functionele gebruiker', 'functionele gebruiker', 'Functional user'],
    ['administrator', 'Beheerder', 'beheerder', 'Administrator'],
  ] as const)('%s reads as a label, inside a sentence, and in English', (level, label, inSentence, english) => {
    expect(levelName(nl, level)).toBe(label)
    expect(levelName(nl, level, true)).toBe(inSentence)
    expect(levelName(en, level)).toBe(english)
  })

  test.each(['nl', 'en'] as const)('every level has its own one-line explanation in %s', (lang) => {
    const hints = ACCESS_LEVELS.map((level) => levelHint(portalStrings(lang), level))
    expect(new Set(hints).size).toBe(ACCESS_LEVELS.length)
  })

  test('a level the page does not know yet shows as the server sent it', () => {
    expect(levelName(nl, 'auditor')).toBe('auditor')
  })
})

describe('status words', () => {
  test.each([
    ['an active grant', { isActive: true, revokedAt: null }, 'active', 'Actief', 'ok'],
    ['a grant past its end', { isActive: false, revokedAt: null }, 'ended', 'Afgelopen', ''],
    ['a revoked grant', { isActive: false, revokedAt: '2026-12-01T09:00:00Z' }, 'revoked', 'Ingetrokken', 'breached'],
  ] as const)('%s', (_name, grant, state, words, tone) => {
    expect(grantState(grant)).toBe(state)
    expect(grantBadge(nl, grant)).toEqual({ text: words, tone })
  })

  test.each(['nl', 'en'] as const)('every backup and extra-support status has its own words in %s', (lang) => {
    const strings = portalStrings(lang)
    expect(new Set(BACKUP_STATUSES.map((s) => backupBadge(strings, s).text)).size).toBe(BACKUP_STATUSES.length)
    expect(new Set(EXTRA_SUPPORT_STATUSES.map((s) => extraSupportBadge(strings, s).text)).size).toBe(EXTRA_SUPPORT_STATUSES.length)
  })

  test('a backup waiting for the admin is plain, a declined one red, an approved one green', () => {
    expect(backupBadge(en, 'requested')).toEqual({ text: 'Awaiting decision', tone: '' })
    expect(backupBadge(en, 'declined').tone).toBe('breached')
    expect(backupBadge(en, 'approved').tone).toBe('ok')
  })
})

describe('purgeLine', () => {
  test.each([
    ['an approved backup of a closed incident: the date', { status: 'approved', purgeDate: '2027-01-15T10:00:00Z', purgedAt: null }, 'Wordt uiterlijk 15 jan 2027, 11:00 verwijderd.'],
    ['an approved backup of an open incident: after closing', { status: 'approved', purgeDate: null, purgedAt: null }, 'Wordt uiterlijk 30 dagen na het sluiten van het incident verwijderd.'],
    ['a purged backup: when', { status: 'purged', purgeDate: null, purgedAt: '2027-01-10T08:00:00Z' }, 'Verwijderd op 10 jan 2027, 09:00.'],
  ] as const)('%s', (_name, backup, expected) => {
    expect(purgeLine('nl', nl, backup)).toBe(expected)
  })

  test('a declined backup has nothing to remove', () => {
    expect(purgeLine('en', en, { status: 'declined', purgeDate: null, purgedAt: null })).toBeUndefined()
  })
})

describe('the desk’s clock in date-time fields', () => {
  test.each([
    ['winter time', '2026-12-01T10:00', '2026-12-01T10:00:00.000+01:00'],
    ['summer time', '2026-07-01T09:05', '2026-07-01T09:05:00.000+02:00'],
    ['midnight at new year', '2027-01-01T00:00', '2027-01-01T00:00:00.000+01:00'],
    ['just before the clock goes forward', '2026-03-29T01:59', '2026-03-29T01:59:00.000+01:00'],
    ['a time the clock skips moves an hour on', '2026-03-29T02:30', '2026-03-29T03:30:00.000+02:00'],
    ['just after the clock went forward', '2026-03-29T03:00', '2026-03-29T03:00:00.000+02:00'],
    ['a time that happens twice is taken in winter time', '2026-10-25T02:30', '2026-10-25T02:30:00.000+01:00'],
    ['just before the clock goes back', '2026-10-25T01:59', '2026-10-25T01:59:00.000+02:00'],
  ])('%s: %s', (_name, local, iso) => {
    expect(isoOfLocal(local)).toBe(iso)
  })

  test.each(['', '2026-12-01', '2026-12-01T10:00:00', '2026-02-31T10:00', '2026-13-01T10:00', '2026-12-01T24:00', '2026-12-01T10:60', 'tomorrow'])('%j is no moment', (value) => {
    expect(isoOfLocal(value)).toBeUndefined()
  })

  test.each([
    ['2026-12-01T09:00:00Z', '2026-12-01T10:00'],
    ['2026-07-01T07:05:59Z', '2026-07-01T09:05'],
    ['2026-12-31T23:30:00Z', '2027-01-01T00:30'],
    ['2026-03-29T01:00:00Z', '2026-03-29T03:00'],
    ['2026-10-25T00:30:00Z', '2026-10-25T02:30'],
  ])('%s shows as %s', (iso, local) => {
    expect(localOf(new Date(iso))).toBe(local)
  })

  test.each(['2026-12-01T10:00', '2026-07-01T09:05', '2026-03-29T03:00', '2026-10-25T01:59'])('%s survives the round trip', (local) => {
    expect(localOf(new Date(isoOfLocal(local)!))).toBe(local)
  })
})

describe('a grant’s end', () => {
  test('the form proposes three days ahead, to the minute', () => {
    expect(defaultGrantEnd(new Date('2026-12-01T09:00:30Z'))).toBe('2026-12-04T10:00')
  })

  test('three days across the clock change are 72 hours: the clock reads an hour later', () => {
    expect(defaultGrantEnd(new Date('2026-03-27T12:00:00Z'))).toBe('2026-03-30T14:00')
  })

  test('the latest end is 14 days ahead', () => {
    expect(latestGrantEnd(new Date('2026-12-01T09:00:00Z')).toISOString()).toBe('2026-12-15T09:00:00.000Z')
  })

  test.each([
    ['new', true], ['in_progress', true], ['waiting_for_customer', true], ['resolved', true], ['closed', false], ['awaiting_confirmation', false],
  ])('an incident that is %s may get a grant: %s', (status, expected) => {
    expect(isGrantable({ status })).toBe(expected)
  })
})

describe('the remote-view code', () => {
  test.each([
    ['2026-12-01T09:05:00Z', '10:05'],
    ['2026-07-01T21:59:00Z', '23:59'],
  ])('expires at %s, which the desk’s clock reads as %s', (iso, time) => {
    expect(clockTime(iso)).toBe(time)
  })

  test('reads in two groups of three', () => {
    expect(spacedCode('012345')).toBe('012 345')
  })

  test('only a waiting remote view whose code the viewer reads counts', () => {
    const consents = [
      { id: '1', kind: 'remote_view', state: 'waiting', code: '123456' },
      { id: '2', kind: 'remote_view', state: 'waiting', code: null },
      { id: '3', kind: 'remote_view', state: 'open', code: null },
      { id: '4', kind: 'grant' },
    ]
    expect(waitingCodes(consents).map((c) => c.id)).toEqual(['1'])
  })
})

describe('withRecord', () => {
  const a = { id: 'a', version: 2 }
  const b = { id: 'b', version: 1 }

  test('a new record goes in front, a changed one takes its place', () => {
    expect(withRecord([a, b], { id: 'c', version: 1 })).toEqual([{ id: 'c', version: 1 }, a, b])
    expect(withRecord([a, b], { id: 'b', version: 2 })).toEqual([a, { id: 'b', version: 2 }])
  })

  test('an older copy never replaces a newer one', () => {
    expect(withRecord([a, b], { id: 'a', version: 1 })).toEqual([a, b])
  })
})

describe('consentSentence', () => {
  const lotte = { kind: 'staff' as const, name: 'Lotte Smit' }
  const peter = { kind: 'contact' as const, name: 'Peter de Vries' }

  test.each([
    ['remote_view.started', lotte, {}, 'Lotte Smit (support) wil meekijken en heeft de melder een persoonlijke code gestuurd'],
    ['remote_view.consented', peter, {}, 'U hebt toestemming gegeven om mee te kijken'],
    ['remote_view.ended', lotte, {}, 'Lotte Smit (support) heeft het meekijken beëindigd'],
    ['backup.requested', lotte, {}, 'Back-up aangevraagd door Lotte Smit (support)'],
    ['backup.approved', peter, {}, 'U hebt de back-up goedgekeurd'],
    ['grant.given', peter, { level: 'read_only', endsAt: '2026-12-04T09:00:00Z' }, 'U hebt tijdelijke toegang gegeven (alleen lezen) tot 4 dec 2026, 10:00'],
    ['grant.revoked', peter, {}, 'U hebt de toegang ingetrokken'],
    ['grant.used', lotte, {}, 'Lotte Smit (support) heeft de toegang gebruikt'],
  ])('%s by the viewer or by support', (action, by, extra, expected) => {
    expect(consentSentence('nl', nl, { action, by, ...extra }, 'Peter de Vries')).toBe(expected)
  })

  test('another contact of the organisation is named', () => {
    const step = { action: 'grant.given', by: peter, level: 'administrator', endsAt: '2026-12-04T09:00:00Z' }
    expect(consentSentence('en', en, step, 'Aisha el Amrani')).toBe('Peter de Vries gave temporary access (administrator) until 4 Dec 2026, 10:00')
  })

  test('a step this page does not know yet still says who took it', () => {
    expect(consentSentence('en', en, { action: 'grant.extended', by: peter }, 'Peter de Vries')).toBe('Peter de Vries took a step in the access to your environment')
  })
})
