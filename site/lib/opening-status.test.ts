import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { loadCalendar, parseDesk } from '../../server/desk.ts'
import { instantOf } from '#domain/calendar.ts'
import { describeStatus } from './opening-status.ts'
import { calendarForBrowser, statusStrings } from './hours.ts'

const calendar = loadCalendar(parseDesk(readFileSync('content/desk.yaml', 'utf8')), { from: 2026, to: 2027 })
const at = (date: string, time: string) => {
  const [h, m] = time.split(':').map(Number)
  return instantOf(calendar, date, h * 60 + m)
}

describe('describeStatus', () => {
  test.each([
    ['nl', '2026-11-30', '10:00', 'Nu geopend tot 17:00', null],
    ['en', '2026-11-30', '10:00', 'Open now until 17:00', null],
    ['nl', '2026-11-30', '07:00', 'Nu gesloten — opent vandaag om 08:30', null],
    ['nl', '2026-11-30', '18:00', 'Nu gesloten — opent morgen om 08:30', null],
    ['nl', '2026-12-04', '16:30', 'Nu gesloten — opent maandag om 08:30', null],
    ['en', '2026-11-28', '12:00', 'Closed now — opens Monday at 08:30', null],
    ['nl', '2026-12-25', '10:00', 'Nu gesloten — opent maandag om 08:30', 'Vandaag gesloten: Kerstmis'],
    ['en', '2026-12-24', '10:00', 'Open now until 15:00', 'Changed hours today: Christmas Eve'],
    ['en', '2027-01-08', '09:00', 'Closed now — opens Monday at 08:30', 'Closed today: Noordwind Support team day'],
  ] as const)('%s on %s at %s: %s', (lang, date, time, text, note) => {
    const sentence = describeStatus(calendar, at(date, time), lang, statusStrings(lang))
    expect(sentence.text).toBe(text)
    expect(sentence.note).toBe(note)
    expect(sentence.isOpen).toBe(text.startsWith('Nu geopend') || text.startsWith('Open now'))
  })

  test('works on the smaller calendar a page ships to the browser', () => {
    const shipped = calendarForBrowser(calendar, at('2026-12-20', '12:00'))
    expect(Object.keys(shipped.days)).toContain('2026-12-25')
    expect(Object.keys(shipped.days)).not.toContain('2026-04-27')
    const sentence = describeStatus(JSON.parse(JSON.stringify(shipped)), at('2026-12-25', '10:00'), 'nl', statusStrings('nl'))
    expect(sentence.note).toBe('Vandaag gesloten: Kerstmis')
  })
})
