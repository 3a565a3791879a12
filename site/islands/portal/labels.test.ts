import { describe, expect, test } from 'vitest'
import { INCIDENT_KINDS } from '#domain/desk.ts'
import { INCIDENT_STATUSES } from '#domain/records.ts'
import { portalStrings } from '../../i18n/index.ts'
import { KINDS, STATUSES, kindName, statusName } from './labels.ts'

describe('status and kind names', () => {
  test('the filters offer every kind, and every status a customer can see', () => {
    expect([...KINDS].sort()).toEqual([...INCIDENT_KINDS].sort())
    expect([...STATUSES, 'awaiting_confirmation'].sort()).toEqual([...INCIDENT_STATUSES].sort())
  })

  test.each(['nl', 'en'] as const)('every status and kind has its own name in %s', (lang) => {
    const strings = portalStrings(lang)
    const names = [...INCIDENT_STATUSES.map((s) => statusName(strings, s)), ...INCIDENT_KINDS.map((k) => kindName(strings, k))]
    expect(names.every((n) => typeof n === 'string' && n.length > 0)).toBe(true)
    expect(new Set(names).size).toBe(names.length)
  })

  test('the names match what the e-mails say', () => {
    expect(statusName(portalStrings('nl'), 'waiting_for_customer')).toBe('Wacht op uw reactie')
    expect(statusName(portalStrings('en'), 'in_progress')).toBe('In progress')
  })
})
