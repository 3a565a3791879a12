/** What the KB insight page says beside the report's numbers: percentages, counts, weeks, languages and the template link. */
import { type Language, localeOf } from '#lib/language.ts'
import type { DeflectionWeek } from '#domain/kb-insight-report.ts'
import { format } from '#lib/format.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import type { Bar } from './BarChart.tsx'
import { dateFormat } from '#lib/date-format.ts'

/** The periods an editor can choose, in whole weeks ending with this one. */
export const PERIODS = [4, 12, 26, 52] as const
export type Period = (typeof PERIODS)[number]
/** The period the page opens with: the report's own default. */
export const DEFAULT_PERIOD: Period = 12

export type { DeflectionWeek }


/**
 * A ratio from 0 to 1 as a whole percentage in the page's language. A ratio short of all or
 * above none never reads as 100 % or 0 %: 199 of 200 shows 99 %, 1 of 500 shows 1 %.
 * @example percent('en', 0.8211) === '82%'
 */
export function percent(lang: Language, ratio: number): string {
  const whole = Math.round(ratio * 100)
  const shown = ratio > 0 && ratio < 1 ? Math.min(99, Math.max(1, whole)) : whole
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(shown / 100)
}

/** A count as the page's language writes it. @example count('nl', 1234) === '1.234' */
export function count(lang: Language, n: number): string {
  return new Intl.NumberFormat(localeOf(lang)).format(n)
}

/** The short label under a week's bar: the ISO week without its year. @example weekLabel('2026-W49') === 'W49' */
export function weekLabel(week: string): string {
  return week.slice(week.indexOf('W'))
}

/**
 * A week as the chart's table and tooltip name it: its number and its Monday, with the year
 * (a year's worth of weeks crosses New Year).
 * @example weekTitle('nl', strings, { week: '2026-W49', start: '2026-11-30' }) === 'week 49 (30 nov 2026)'
 */
export function weekTitle(lang: Language, strings: StaffStrings, week: Pick<DeflectionWeek, 'week' | 'start'>): string {
  const number = Number(week.week.slice(week.week.indexOf('W') + 1))
  // A calendar date has no time zone: read and written in UTC so none shifts it.
  const [y, m, d] = week.start.split('-').map(Number)
  const day = dateFormat(localeOf(lang), { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(Date.UTC(y, m - 1, d)))
  return format(strings['insight.week.title'], { number, day })
}

/**
 * The chart's bars: each week's rate, a week without searches as 0 whose title says so, and
 * the counts behind every rate in its title (the chart's table shows titles).
 */
export function deflectionBars(lang: Language, strings: StaffStrings, weeks: readonly DeflectionWeek[]): Bar[] {
  return weeks.map((week) => {
    const title = weekTitle(lang, strings, week)
    return {
      label: weekLabel(week.week),
      value: week.rate ?? 0,
      title: week.rate === null
        ? format(strings['insight.week.none'], { title })
        : format(strings['insight.week.counts'], { title, deflected: count(lang, week.deflected), searching: count(lang, week.searching) }),
    }
  })
}

/**
 * How many searching visits ended without an incident, in words.
 * @example deflectionSentence('nl', strings, { searching: 380, deflected: 312 }) === '312 van 380 zoekende bezoeken eindigden zonder melding.'
 */
export function deflectionSentence(lang: Language, strings: StaffStrings, totals: { searching: number; deflected: number }): string {
  return format(strings[totals.deflected === 1 ? 'insight.deflection.countsOne' : 'insight.deflection.counts'], {
    deflected: count(lang, totals.deflected), searching: count(lang, totals.searching),
  })
}

/** The download of a new-article template for a search that found nothing in `lang`. @example templateHref('btw aangifte', 'nl') === '/api/kb/insight/template?query=btw%20aangifte&lang=nl' */
export function templateHref(query: string, lang: Language): string {
  return `/api/kb/insight/template?query=${encodeURIComponent(query)}&lang=${lang}`
}

/** A language by its name in the page's language. @example languageName(strings, 'en') === 'Engels' */
export function languageName(strings: StaffStrings, lang: Language): string {
  return strings[`insight.lang.${lang}`]
}

/** Both languages, the page's own first. */
export function languagesFor(lang: Language): [Language, Language] {
  return lang === 'nl' ? ['nl', 'en'] : ['en', 'nl']
}

/**
 * The text before and after `{name}` in a UI string, so the page can put an element (a code
 * path, a link) where the placeholder stands. Without the placeholder, all text comes before.
 * @example around('Put it in {folder}, then…', 'folder') → ['Put it in ', ', then…']
 */
export function around(template: string, name: string): [string, string] {
  const at = template.indexOf(`{${name}}`)
  return at < 0 ? [template, ''] : [template.slice(0, at), template.slice(at + name.length + 2)]
}
