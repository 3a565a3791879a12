/** What the Signals page says beside the API's numbers: the rule in words, week labels, dates and the order of follow-ups. */
import { type Language, localeOf } from '#lib/language.ts'
import type { FollowUpKind } from '#domain/records.ts'
import type { ThresholdKind, ThresholdOf } from '#domain/signals.ts'
import { format } from '#lib/format.ts'
import { isoWeekNumber } from '#lib/iso-week.ts'
import type { StaffStrings } from '../../i18n/index.ts'
import { dateFormat } from '#lib/date-format.ts'

/** A threshold of desk.yaml: `count` contact moments (or incidents registered, as `of` says) of `kind`, or of any kind, within the window. */
export interface Threshold {
  kind: ThresholdKind
  of: ThresholdOf
  count: number
}

/** What a threshold counts, as the catalogue's keys spell it. */
const MEASURE_KEYS = { contact_moments: 'contactMoments', incidents: 'incidents' } as const satisfies Record<ThresholdOf, string>


/** One threshold in words, saying what it counts. @example thresholdText(strings, { kind: 'question', of: 'contact_moments', count: 8 }) === '8 contactmomenten over gebruikersvragen' */
export function thresholdText(strings: StaffStrings, threshold: Threshold): string {
  return format(strings[`signals.threshold.${MEASURE_KEYS[threshold.of]}.${threshold.kind}`], { count: threshold.count })
}

/** What a threshold counts, as a label. @example measureName(strings, { kind: 'bug', of: 'incidents' }) === 'Gemelde fouten' */
export function measureName(strings: StaffStrings, threshold: Pick<Threshold, 'kind' | 'of'>): string {
  return strings[`signals.measure.${MEASURE_KEYS[threshold.of]}.${threshold.kind}`]
}

/**
 * The rows of the table per kind: the kind, its incidents registered and every contact moment
 * about it, so one bug with two reactions reads as 1 bug and 3 contact moments, not as 3 bugs.
 */
export function kindRows(strings: StaffStrings, counts: { byKind: Record<IncidentKind, number>; incidentsByKind: Record<IncidentKind, number> }): [label: string, incidents: number, moments: number][] {
  return INCIDENT_KINDS.map((kind) => [strings[`signals.kind.${kind}`], counts.incidentsByKind[kind], counts.byKind[kind]])
}

const INCIDENT_KINDS = ['bug', 'outage', 'wish', 'question'] as const
type IncidentKind = (typeof INCIDENT_KINDS)[number]

/**
 * The flagging rule in one sentence: every threshold in words, joined by "or" as the page's
 * language joins them, and the window in days.
 * @example ruleSentence('nl', strings, { windowDays: 30, thresholds: [{ kind: 'question', count: 8 }, { kind: 'any', count: 20 }] })
 *   // → 'Een organisatie wordt gesignaleerd bij 8 gebruikersvragen of 20 contactmomenten in 30 dagen.'
 */
export function ruleSentence(lang: Language, strings: StaffStrings, rule: { windowDays: number; thresholds: Threshold[] }): string {
  const thresholds = new Intl.ListFormat(localeOf(lang), { type: 'disjunction' }).format(rule.thresholds.map((t) => thresholdText(strings, t)))
  return format(strings['signals.intro.rule'], { thresholds, days: rule.windowDays })
}

/** The short label under a week's bar: the ISO week without its year. @example weekLabel('2026-W49') === 'W49' */
export function weekLabel(week: string): string {
  return week.slice(week.indexOf('W'))
}

/**
 * A week as the table and tooltip name it: its number and its Monday.
 * @example weekTitle('nl', strings, { week: '2026-W49', startsOn: '2026-11-30' }) === 'week 49 (30 nov)'
 */
export function weekTitle(lang: Language, strings: StaffStrings, week: { week: string; startsOn: string }): string {
  const number = isoWeekNumber(week.week)
  const day = dateFormat(localeOf(lang), { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(utcDate(week.startsOn))
  return format(strings['signals.weekTitle'], { number, day })
}

/**
 * A calendar date "YYYY-MM-DD" as people read it; a date has no time zone, so none shifts it.
 * @example calendarDay('en', '2026-12-14') === '14 Dec 2026'
 */
export function calendarDay(lang: Language, date: string): string {
  return dateFormat(localeOf(lang), { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(utcDate(date))
}

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`)
}

/** A follow-up's kind in words. @example followUpKindName(strings, 'advisor_visit') === 'Adviseursbezoek' */
export function followUpKindName(strings: StaffStrings, kind: FollowUpKind): string {
  const key = ({ course: 'course', advisor_visit: 'advisorVisit', consultant_visit: 'consultantVisit' } as const)[kind]
  return strings[`signals.followUpKind.${key}`]
}

/** Follow-ups with the latest course or visit first; of two on one day, the one recorded last first. */
export function newestFirst<F extends { date: string; at: string }>(followUps: readonly F[]): F[] {
  return [...followUps].sort((a, b) => b.date.localeCompare(a.date) || b.at.localeCompare(a.at))
}

/**
 * How many organisations the page lists, for the status line: the flagged ones, or all with how
 * many of them are flagged when unflagged organisations are shown too.
 */
export function listSummary(strings: StaffStrings, list: { total: number; flagged: number }, isAll: boolean): string {
  const { total, flagged } = list
  if (isAll) return format(strings['signals.count.all'], { total, flagged })
  return flagged === 0 ? strings['signals.count.none'] : format(strings['signals.count.flagged'], { count: flagged })
}

/** A count in a top list: contact moments of a product area, or incidents behind a search. @example countText(strings, 'areas', 1) === '1 contactmoment' */
export function countText(strings: StaffStrings, list: 'areas' | 'queries', count: number): string {
  return count === 1 ? strings[`signals.${list}.countOne`] : format(strings[`signals.${list}.count`], { count })
}
