import { describe, expect, test } from 'vitest'
import { staffStrings } from '../../../i18n/index.ts'
import { callerLine, formIssues, instantOf } from './phone-view.ts'

const nl = staffStrings('nl')

describe('the phone page', () => {
  test('names the organisation with its customer number, and the phone when known', () => {
    expect(callerLine(nl, { organisation: { name: 'Hoekstra Logistiek', customerNumber: '104502' }, phone: '06 4129 8830' }))
      .toBe('Hoekstra Logistiek (klantnummer 104502) · Telefoon: 06 4129 8830')
    expect(callerLine(nl, { organisation: null, phone: null })).toBe('Geen bekende organisatie')
  })

  test('checks the form as the server does, in our words', () => {
    expect(formIssues(nl, { kind: '', productArea: '', subject: 'ab', description: 'kort' })).toEqual({
      kind: 'Vul dit in.', productArea: 'Vul dit in.', subject: 'Minstens 3 tekens.', description: 'Minstens 10 tekens.',
    })
    expect(formIssues(nl, { kind: 'bug', productArea: 'inventory', subject: 'Scanner', description: 'Leest geen barcodes.' })).toEqual({})
  })

  test('turns a local date and time into an instant, and nothing into nothing', () => {
    expect(instantOf('')).toBeUndefined()
    expect(instantOf('geen tijd')).toBeUndefined()
    expect(instantOf('2026-12-04T17:00')).toBe(new Date('2026-12-04T17:00').toISOString())
  })
})
