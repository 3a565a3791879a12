/** ISO weeks of local dates ("YYYY-MM-DD"): the one week numbering the signals, the KB insight and their pages share. */

/** The local date `days` after `date` (before, when negative). @example addDays('2026-12-28', 7) === '2027-01-04' */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** The Monday on or before a date. @example mondayOf('2026-12-06') === '2026-11-30' */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return addDays(date, -((day + 6) % 7))
}

/**
 * The ISO week of a date: weeks run Monday to Sunday, and a week belongs to the year its
 * Thursday falls in. @example isoWeek('2027-01-01') === '2026-W53'
 */
export function isoWeek(date: string): string {
  const thursday = addDays(mondayOf(date), 3)
  const year = Number(thursday.slice(0, 4))
  const dayOfYear = (Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, '0')}`
}

/** The number of an ISO week, without its year. @example isoWeekNumber('2026-W09') === 9 */
export function isoWeekNumber(week: string): number {
  return Number(week.slice(week.indexOf('W') + 1))
}
