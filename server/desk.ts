/** Reads content/desk.yaml: validates it and builds the business calendar the rules compute with. */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Holidays from 'date-holidays'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import type { z } from 'zod'
import { DeskConfig, type HolidayKey } from './domain/desk.ts'
import { type Brand, brandOf, inlineSafeSvg } from './domain/brand.ts'
import { type BusinessCalendar, type SpecialDay, spanOf, weeklySpans } from './domain/calendar.ts'

/** Where the desk configuration lives unless told otherwise. */
export const DEFAULT_DESK_FILE = 'content/desk.yaml'

/** desk.yaml is missing, unreadable or invalid; the message says where and how to fix it. */
export class DeskConfigError extends Error {
  override name = 'DeskConfigError'
}

/** Reads and validates the desk configuration; throws a DeskConfigError naming file and fields. */
export function loadDesk(file: string = DEFAULT_DESK_FILE): DeskConfig {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new DeskConfigError(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? error}): the desk needs this file`)
  }
  const desk = parseDesk(text, file)
  // Read once here so that a bad logo stops the server at start as it stops the build.
  loadLogo(desk, file)
  return desk
}

/**
 * The logo desk.yaml names (`brand.logo`, relative to the desk file's folder) as inline-safe SVG,
 * or null when it names none; throws a DeskConfigError naming the file and what must go.
 */
export function loadLogo(desk: DeskConfig, deskFile: string = DEFAULT_DESK_FILE): string | null {
  if (!desk.brand.logo) return null
  const file = join(dirname(deskFile), desk.brand.logo)
  let svg: string
  try {
    svg = readFileSync(file, 'utf8')
  } catch (error) {
    throw new DeskConfigError(`${deskFile} is not valid:\n  - brand.logo: ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`)
  }
  try {
    return inlineSafeSvg(svg)
  } catch (error) {
    throw new DeskConfigError(`${deskFile} is not valid:\n  - brand.logo: ${file} is not safe to show inline: ${(error as Error).message}. Save it as a plain drawing.`)
  }
}

/**
 * The brand every surface shows: the desk's name, its colours and its logo, read from `deskFile`
 * (content/desk.yaml by default). Throws a DeskConfigError like loadDesk.
 */
export function loadBrand(deskFile: string = DEFAULT_DESK_FILE): Brand {
  const desk = loadDesk(deskFile)
  return brandOf(desk, loadLogo(desk, deskFile))
}

/** Validates desk.yaml's text; `file` only names it in errors. */
export function parseDesk(text: string, file = DEFAULT_DESK_FILE): DeskConfig {
  let data: unknown
  try {
    data = parseYaml(text)
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line}` : ''
    throw new DeskConfigError(`${file} is not valid YAML${where}: ${(error as Error).message.split('\n')[0]}`)
  }
  const result = DeskConfig.safeParse(data)
  if (!result.success) throw new DeskConfigError(`${file} is not valid:\n${formatIssues(result.error.issues)}`)
  return result.data
}

/** One line per problem: "  - hours.monday.open: expected a time as HH:MM". */
export function formatIssues(issues: z.core.$ZodIssue[]): string {
  return issues.map((i) => `  - ${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`).join('\n')
}

/** date-holidays rules of the holidays desk.yaml can name; rules do not change with the language. */
const HOLIDAY_RULES: Record<HolidayKey, (rule: string) => boolean> = {
  newYearsDay: (r) => r === '01-01',
  goodFriday: (r) => r === 'easter -2',
  easterSunday: (r) => r === 'easter',
  easterMonday: (r) => r === 'easter 1',
  kingsDay: (r) => r.startsWith('04-27'),
  liberationDay: (r) => r === '05-05',
  ascensionDay: (r) => r === 'easter 39',
  whitSunday: (r) => r === 'easter 49',
  whitMonday: (r) => r === 'easter 50',
  christmasDay: (r) => r === '12-25',
  boxingDay: (r) => r === '12-26',
}

/**
 * The business calendar of the desk for the years `from` to `to` (inclusive): weekly hours,
 * the closed public holidays with their names in nl/en, and the published exceptions, which
 * win over a holiday on the same date. Defaults to last year up to two years ahead.
 */
export function loadCalendar(desk: DeskConfig, years?: { from: number; to: number }): BusinessCalendar {
  const thisYear = new Date().getFullYear()
  const { from, to } = years ?? { from: thisYear - 1, to: thisYear + 2 }
  const nl = new Holidays(desk.holidays.country, { languages: ['nl'], timezone: desk.timeZone })
  const en = new Holidays(desk.holidays.country, { languages: ['en'], timezone: desk.timeZone })
  const days: Record<string, SpecialDay> = {}
  for (let year = from; year <= to; year++) {
    const english = new Map(en.getHolidays(year, 'en').map((h) => [h.rule, h.name]))
    for (const holiday of nl.getHolidays(year, 'nl')) {
      if (!desk.holidays.closed.some((key) => HOLIDAY_RULES[key](holiday.rule))) continue
      const date = holiday.date.slice(0, 10)
      days[date] = { span: null, note: { nl: holiday.name, en: english.get(holiday.rule) ?? holiday.name }, source: 'holiday' }
    }
  }
  for (const exception of desk.exceptions) {
    const span = 'closed' in exception ? null : spanOf(exception)
    days[exception.date] = { span, note: exception.note, source: 'exception' }
  }
  return { timeZone: desk.timeZone, weekly: weeklySpans(desk.hours), days }
}
