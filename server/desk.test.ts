import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { DeskConfigError, loadCalendar, loadDesk, parseDesk } from './desk.ts'

const text = readFileSync('content/desk.yaml', 'utf8')

/** desk.yaml with one change applied to its parsed form. */
function changed(edit: (desk: any) => void): string {
  const desk = parse(text)
  edit(desk)
  return stringify(desk)
}

describe('loadDesk', () => {
  test('accepts the desk.yaml in the repository', () => {
    const desk = loadDesk('content/desk.yaml')
    expect(desk.timeZone).toBe('Europe/Amsterdam')
    expect(desk.priorities.map((p) => p.level)).toEqual([1, 2, 3, 4, 5])
    expect(desk.priorities[0].firstClassOnly).toBe(true)
  })

  test('takes an optional edit URL for "edit this article"', () => {
    expect(loadDesk('content/desk.yaml').editUrl).toBeUndefined()
    expect(parseDesk(changed((d) => (d.editUrl = 'https://github.com/noordwind/kb/edit/main/')), 'desk.yaml').editUrl).toBe('https://github.com/noordwind/kb/edit/main/')
  })

  test('names a missing file', () => {
    expect(() => loadDesk('content/nope.yaml')).toThrow(/content\/nope\.yaml cannot be read \(ENOENT\)/)
  })

  test('names the line of a YAML syntax error', () => {
    expect(() => parseDesk('name: [unclosed\nhours: {', 'desk.yaml')).toThrow(/desk\.yaml is not valid YAML at line \d+/)
  })

  test.each([
    ['a time that is no time', (d: any) => (d.hours.monday.open = '8.30'), 'hours.monday.open: expected a time as HH:MM'],
    ['closing before opening', (d: any) => (d.hours.friday.close = '08:00'), 'hours.friday.close: close must be later than open'],
    ['an unknown holiday', (d: any) => d.holidays.closed.push('sinterklaas'), 'holidays.closed.9'],
    ['a missing priority', (d: any) => d.priorities.pop(), 'priorities: expected exactly five priorities'],
    ['priorities out of order', (d: any) => d.priorities.reverse(), 'priorities.0.level: expected level 1'],
    ['a route to an unknown team', (d: any) => (d.routing[0].team = 'night-shift'), 'routing.0.team: unknown team "night-shift"'],
    ['a route on an unknown product area', (d: any) => (d.routing[1].when.productArea = ['hr']), 'routing.1.when.productArea.0: unknown product area "hr"'],
    ['a last route with conditions', (d: any) => (d.routing.at(-1).when = { kind: ['bug'] }), 'the last routing rule must match everything'],
    ['an exception without note', (d: any) => delete d.exceptions[0].note, 'exceptions.0'],
    ['two exceptions on one date', (d: any) => (d.exceptions[1].date = d.exceptions[0].date), 'exceptions.1.date: 2026-12-24 has more than one exception'],
    ['an unknown time zone', (d: any) => (d.timeZone = 'Europe/Atlantis'), 'timeZone: expected an IANA time zone'],
    ['a misspelt field', (d: any) => (d.hours.monday.opne = '08:30'), 'hours.monday'],
    ['a bad e-mail address', (d: any) => (d.email = 'support-at-example'), 'email'],
    ['an edit URL that is no web address', (d: any) => (d.editUrl = 'ftp://example.com/edit/'), 'editUrl'],
    ['no complaints section', (d: any) => delete d.complaints, 'complaints: add complaints: { handlers'],
    ['no complaints handler', (d: any) => (d.complaints.handlers = []), 'complaints.handlers: name at least one complaints handler'],
    ['a complaints handler that is no e-mail address', (d: any) => (d.complaints.handlers[1] = 'ingrid'), 'complaints.handlers.1: expected an e-mail address of a complaints handler'],
    ['a complaints handler named twice', (d: any) => d.complaints.handlers.push('Ruud@noordwind.example'), 'complaints.handlers.2: Ruud@noordwind.example is named twice'],
    ['a nearing time of none', (d: any) => (d.complaints.nearingBusinessHours = 0), 'complaints.nearingBusinessHours: expected a number of business hours above 0'],
    ['a nearing time as long as the target', (d: any) => (d.complaints.nearingBusinessHours = 8.5), 'complaints.nearingBusinessHours: must be less than process.complaintResponseBusinessHours (8.5)'],
    ['a notification lead time that is no number', (d: any) => (d.notifications.nearingTargetMinutes = 'an hour'), 'notifications.nearingTargetMinutes: expected business minutes'],
    ['a notification lead time of zero', (d: any) => (d.notifications.nearingTargetMinutes = 0), 'notifications.nearingTargetMinutes'],
    ['complaints told to an unknown team', (d: any) => (d.notifications.complaintTeam = 'night-shift'), 'notifications.complaintTeam: unknown team "night-shift"'],
    ['a primary colour too light for white text and links', (d: any) => (d.brand.primaryColor = '#1e90ff'), 'brand.primaryColor: #1e90ff has a contrast of 3.23:1 with white text on it and 3.23:1 as link colour on the page background #ffffff; WCAG AA needs at least 4.5:1'],
    ['a primary colour that is no colour', (d: any) => (d.brand.primaryColor = 'blue'), 'brand.primaryColor: expected a colour as #rrggbb'],
    ['a logo outside the content folder', (d: any) => (d.brand.logo = '../secret.svg'), 'brand.logo: expected the path of an .svg file inside the content folder'],
    ['a logo that is no SVG', (d: any) => (d.brand.logo = 'logo.png'), 'brand.logo'],
    ['a site name in Dutch only', (d: any) => (d.brand.siteName = { nl: 'Acme Kennisbank' }), 'brand.siteName.en'],
  ])('rejects %s with the field named', (_name, edit, message) => {
    const run = () => parseDesk(changed(edit), 'content/desk.yaml')
    expect(run).toThrow(DeskConfigError)
    expect(run).toThrow(message)
    expect(run).toThrow(/^content\/desk\.yaml is not valid:\n {2}- /)
  })
})

describe('loadCalendar', () => {
  const calendar = loadCalendar(loadDesk('content/desk.yaml'), { from: 2026, to: 2030 })

  test.each([
    ['2026-01-01', 'Nieuwjaar', "New Year's Day"],
    ['2026-04-06', 'Tweede paasdag', 'Easter Monday'],
    ['2026-04-27', 'Koningsdag', "King's Day"],
    ['2026-05-14', 'Hemelvaartsdag', 'Ascension Day'],
    ['2026-05-25', 'Tweede pinksterdag', 'Whit Monday'],
    ['2026-12-26', 'Tweede kerstdag', 'Boxing Day'],
    ['2027-04-27', 'Koningsdag', "King's Day"],
    ['2025-04-26', undefined, undefined],
  ])('closes on %s (%s)', (date, nl, en) => {
    const day = calendar.days[date]
    if (!nl) return expect(day).toBeUndefined()
    expect(day).toEqual({ span: null, note: { nl, en }, source: 'holiday' })
  })

  test('moves King\'s Day to Saturday when 27 April is a Sunday', () => {
    expect(calendar.days['2031-04-26']).toBeUndefined() // outside the years asked for
    const later = loadCalendar(loadDesk('content/desk.yaml'), { from: 2031, to: 2031 })
    expect(later.days['2031-04-26']?.note.nl).toBe('Koningsdag')
  })

  test('stays open on Good Friday and Liberation Day, which desk.yaml does not close', () => {
    expect(calendar.days['2026-04-03']).toBeUndefined()
    expect(calendar.days['2026-05-05']).toBeUndefined()
  })

  test('takes published exceptions, with changed hours or closed', () => {
    expect(calendar.days['2026-12-24']).toEqual({ span: { open: 510, close: 900 }, note: { nl: 'Kerstavond', en: 'Christmas Eve' }, source: 'exception' })
    expect(calendar.days['2027-01-08']).toMatchObject({ span: null, source: 'exception' })
  })

  test('lets an exception win over a holiday on the same date', () => {
    const desk = parseDesk(changed((d) => d.exceptions.push({ date: '2026-12-25', open: '10:00', close: '12:00', note: { nl: 'Storingsdienst', en: 'Outage duty' } })))
    expect(loadCalendar(desk, { from: 2026, to: 2026 }).days['2026-12-25']).toMatchObject({ span: { open: 600, close: 720 }, source: 'exception' })
  })

  test('builds the week Monday first, with weekend days closed', () => {
    expect(calendar.weekly).toEqual([
      { open: 510, close: 1020 }, { open: 510, close: 1020 }, { open: 510, close: 1020 }, { open: 510, close: 1020 },
      { open: 510, close: 960 }, null, null,
    ])
  })
})
