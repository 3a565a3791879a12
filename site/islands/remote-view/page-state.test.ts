import { describe, expect, test } from 'vitest'
import { ENTERING, codeOf, isCodeExpired, isCodeShaped, nextState, savedFrom, type PageEvent, type PageState, type Preview, type Session } from './page-state.ts'

const preview: Preview = {
  id: 'rv-1', staff: { name: 'Lotte Smit' }, organisation: { name: 'Bakkerij Jansen' },
  incident: { number: '260042', subject: 'Kassa print geen bon' }, codeExpiresAt: '2026-11-28T10:10:00.000Z',
}
const session = (state: Session['state'], endedBy: Session['endedBy'] = null): Session => ({
  ...preview, state, side: 'customer', consentedAt: '2026-11-28T10:02:00.000Z', endedAt: endedBy ? '2026-11-28T10:20:00.000Z' : null, endedBy, lastSignal: 0,
})
const previewing: PageState = { step: 'preview', code: '123456', preview }
const open: PageState = { step: 'open', session: session('open'), token: 't0k3n' }
const ended: PageState = { step: 'ended', session: session('ended', 'customer') }
const expired: PageState = { step: 'expired', message: 'De code is verlopen.' }

describe('nextState', () => {
  test.each<[string, PageState, PageEvent, PageState]>([
    ['a known code shows who looks along', ENTERING, { type: 'found', code: '123456', preview }, previewing],
    ['"Not now" goes back to the code, saying nothing started', previewing, { type: 'back' }, { step: 'entering', hasDeclined: true }],
    ['consent opens the session', previewing, { type: 'consented', session: session('open'), token: 't0k3n' }, open],
    ['a code refused at consent says it no longer works', previewing, { type: 'refused', message: 'De code is verlopen.' }, expired],
    ['a poll of an open session keeps it open', open, { type: 'session', session: session('open') }, open],
    ['the employee ending it ends the page', open, { type: 'session', session: session('ended', 'staff') }, { step: 'ended', session: session('ended', 'staff') }],
    ['the customer ending it ends the page', open, { type: 'session', session: session('ended', 'customer') }, ended],
    ['after the end another code can be entered', ended, { type: 'back' }, ENTERING],
    ['after a refused code another can be entered', expired, { type: 'back' }, ENTERING],
  ])('%s', (_, state, event, expected) => {
    expect(nextState(state, event)).toEqual(expected)
  })

  test.each<[string, PageState, PageEvent]>([
    ['a late lookup while open', open, { type: 'found', code: '654321', preview }],
    ['a late poll after the end', ended, { type: 'session', session: session('open') }],
    ['consent without a preview', ENTERING, { type: 'consented', session: session('open'), token: 'x' }],
    ['"back" while open: only ending closes a session', open, { type: 'back' }],
    ['a refusal while open', open, { type: 'refused', message: 'x' }],
  ])('ignores %s', (_, state, event) => {
    expect(nextState(state, event)).toBe(state)
  })
})

describe('the code field', () => {
  test.each([
    ['123456', true],
    ['123 456', true],
    [' 12 34 56 ', true],
    ['12345', false],
    ['1234567', false],
    ['12345a', false],
    ['', false],
  ])('"%s" is a code: %s', (typed, expected) => {
    expect(isCodeShaped(typed)).toBe(expected)
  })

  test('sends the digits without spaces', () => {
    expect(codeOf(' 012 345 ')).toBe('012345')
  })
})

describe('isCodeExpired', () => {
  test.each([
    ['a minute before', '2026-11-28T10:09:00.000Z', false],
    ['at the moment itself', '2026-11-28T10:10:00.000Z', true],
    ['after', '2026-11-28T10:11:00.000Z', true],
  ])('%s the code runs out: %s', (_, now, expected) => {
    expect(isCodeExpired(preview, new Date(now))).toBe(expected)
  })
})

describe('savedFrom', () => {
  test.each([
    ['a saved session', '{"id":"rv-1","token":"abc"}', { id: 'rv-1', token: 'abc' }],
    ['nothing', null, undefined],
    ['text that is not JSON', 'rv-1', undefined],
    ['JSON without a token', '{"id":"rv-1"}', undefined],
    ['JSON null', 'null', undefined],
  ])('reads %s', (_, text, expected) => {
    expect(savedFrom(text)).toEqual(expected)
  })
})
