import { describe, expect, test } from 'vitest'
import { loadCalendar, loadDesk } from '../../server/desk.ts'
import { deskStatus } from '#domain/desk-status.ts'
import { describeDesk } from './opening.ts'
import { STRINGS } from './strings.ts'

const desk = loadDesk()
const calendar = loadCalendar(desk)
const at = (iso: string) => new Date(iso)
const line = (iso: string, lang: 'nl' | 'en' = 'nl') => describeDesk(deskStatus(desk, calendar, at(iso)), at(iso), lang, STRINGS[lang])

describe('describeDesk', () => {
  test.each([
    ['a Monday morning', '2026-11-30T09:00:00Z', 'nl', true, 'Nu open tot 17:00', null],
    ['a Friday, closing earlier', '2026-12-04T09:00:00Z', 'en', true, 'Open now until 16:00', null],
    ['before opening on a weekday', '2026-11-30T06:00:00Z', 'nl', false, 'Nu gesloten — opent vandaag om 08:30', null],
    ['a weekday evening', '2026-11-30T18:00:00Z', 'en', false, 'Closed now — opens tomorrow at 08:30', null],
    ['a Saturday', '2026-11-28T12:00:00Z', 'nl', false, 'Nu gesloten — opent maandag om 08:30', null],
    ['Christmas Eve, shorter hours', '2026-12-24T10:00:00Z', 'en', true, 'Open now until 15:00', "Different hours today: Christmas Eve"],
    ['the team day, closed by exception', '2027-01-08T10:00:00Z', 'nl', false, 'Nu gesloten — opent maandag om 08:30', 'Vandaag gesloten: Teamdag van Noordwind Support'],
    ['summer time, a Monday morning', '2026-07-06T07:00:00Z', 'nl', true, 'Nu open tot 17:00', null],
  ] as const)('on %s', (_name, now, lang, isOpen, text, note) => {
    expect(line(now, lang)).toEqual({ isOpen, text, note })
  })

  test('a reply that is older than its own change turns with it', () => {
    const reply = deskStatus(desk, calendar, at('2026-11-30T15:59:00Z'))
    expect(describeDesk(reply, at('2026-11-30T16:01:00Z'), 'nl', STRINGS.nl)).toEqual({ isOpen: false, text: 'Nu gesloten', note: null })
  })
})
