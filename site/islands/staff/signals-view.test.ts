import { describe, expect, test } from 'vitest'
import { staffStrings } from '../../i18n/index.ts'
import { calendarDay, countText, followUpKindName, kindRows, listSummary, measureName, newestFirst, ruleSentence, thresholdText, weekLabel, weekTitle } from './signals-view.ts'

const nl = staffStrings('nl')
const en = staffStrings('en')
const desk = { windowDays: 30, thresholds: [{ kind: 'question' as const, of: 'contact_moments' as const, count: 8 }, { kind: 'any' as const, of: 'contact_moments' as const, count: 20 }] }

describe('the rule in words', () => {
  test.each([
    ['nl', nl, 'Een organisatie wordt gesignaleerd bij 8 contactmomenten over gebruikersvragen of 20 contactmomenten in 30 dagen.'],
    ['en', en, 'An organisation is flagged at 8 contact moments about user questions or 20 contact moments in 30 days.'],
  ] as const)('joins the thresholds with "or" and names the window (%s)', (lang, strings, sentence) => {
    expect(ruleSentence(lang, strings, desk)).toBe(sentence)
  })

  test('lists three thresholds as the language does', () => {
    const rule = { windowDays: 14, thresholds: [{ kind: 'outage' as const, of: 'incidents' as const, count: 3 }, ...desk.thresholds] }
    expect(ruleSentence('nl', nl, rule)).toBe('Een organisatie wordt gesignaleerd bij 3 gemelde storingen, 8 contactmomenten over gebruikersvragen of 20 contactmomenten in 14 dagen.')
    expect(ruleSentence('en', en, rule)).toBe('An organisation is flagged at 3 outages registered, 8 contact moments about user questions or 20 contact moments in 14 days.')
  })

  test('says a single threshold alone', () => {
    expect(ruleSentence('en', en, { windowDays: 30, thresholds: [{ kind: 'bug', of: 'incidents', count: 5 }] })).toBe('An organisation is flagged at 5 bugs registered in 30 days.')
    expect(thresholdText(nl, { kind: 'wish', of: 'contact_moments', count: 4 })).toBe('4 contactmomenten over wensen')
  })
})

describe('incidents apart from contact moments', () => {
  test('one bug with two reactions reads as 1 bug and 3 contact moments about bugs, never as "Fouten: 3"', () => {
    const none = { bug: 0, outage: 0, wish: 0, question: 0 }
    const rows = kindRows(nl, { incidentsByKind: { ...none, bug: 1 }, byKind: { ...none, bug: 3 } })
    expect(rows[0]).toEqual(['Fouten', 1, 3])
    expect(nl['signals.counts.incidents']).toBe('Meldingen')
    expect(nl['signals.counts.moments']).toBe('Contactmomenten')
    expect(measureName(nl, { kind: 'bug', of: 'contact_moments' })).toBe('Contactmomenten over fouten')
    expect(measureName(en, { kind: 'bug', of: 'incidents' })).toBe('Bugs registered')
  })
})

describe('weeks', () => {
  test.each([
    ['2026-W49', 'W49'],
    ['2026-W05', 'W05'],
    ['2026-W53', 'W53'],
  ])('labels %s under its bar as %s', (week, label) => {
    expect(weekLabel(week)).toBe(label)
  })

  test.each([
    ['nl', nl, { week: '2026-W49', startsOn: '2026-11-30' }, 'week 49 (30 nov)'],
    ['en', en, { week: '2026-W49', startsOn: '2026-11-30' }, 'week 49 (30 Nov)'],
    ['nl', nl, { week: '2027-W01', startsOn: '2027-01-04' }, 'week 1 (4 jan)'],
    // The Monday of the week the clock goes back: a date, never shifted by a time zone.
    ['en', en, { week: '2026-W44', startsOn: '2026-10-26' }, 'week 44 (26 Oct)'],
  ] as const)('names a week with its number and Monday (%s, %o)', (lang, strings, week, title) => {
    expect(weekTitle(lang, strings, week)).toBe(title)
  })
})

describe('follow-ups', () => {
  test('shows a calendar date as it is, in either language', () => {
    expect(calendarDay('nl', '2026-12-14')).toBe('14 dec 2026')
    expect(calendarDay('en', '2027-01-01')).toBe('1 Jan 2027')
  })

  test.each([
    ['course', 'Cursus', 'Course'],
    ['advisor_visit', 'Adviseursbezoek', 'Advisor visit'],
    ['consultant_visit', 'Consultantbezoek', 'Consultant visit'],
  ] as const)('names %s in words', (kind, dutch, english) => {
    expect(followUpKindName(nl, kind)).toBe(dutch)
    expect(followUpKindName(en, kind)).toBe(english)
  })

  test('puts the latest course or visit first, and of one day the one recorded last', () => {
    const followUps = [
      { id: 'a', date: '2026-12-01', at: '2026-11-20T10:00:00Z' },
      { id: 'b', date: '2026-12-14', at: '2026-11-21T10:00:00Z' },
      { id: 'c', date: '2026-12-01', at: '2026-11-22T10:00:00Z' },
    ]
    expect(newestFirst(followUps).map((f) => f.id)).toEqual(['b', 'c', 'a'])
    expect(followUps.map((f) => f.id)).toEqual(['a', 'b', 'c'])
  })
})

describe('counts', () => {
  test.each([
    [{ total: 0, flagged: 0 }, false, 'Op dit moment is geen organisatie gesignaleerd.'],
    [{ total: 2, flagged: 2 }, false, 'Gesignaleerde organisaties: 2.'],
    [{ total: 3, flagged: 1 }, true, 'Organisaties: 3, waarvan 1 gesignaleerd.'],
    [{ total: 1, flagged: 0 }, true, 'Organisaties: 1, waarvan 0 gesignaleerd.'],
  ])('sums up the list %o (all: %s), over every page', (list, isAll, summary) => {
    expect(listSummary(nl, list, isAll)).toBe(summary)
  })

  test('says one in the singular', () => {
    expect(countText(nl, 'areas', 1)).toBe('1 contactmoment')
    expect(countText(nl, 'areas', 8)).toBe('8 contactmomenten')
    expect(countText(en, 'queries', 1)).toBe('1 incident')
    expect(countText(en, 'queries', 3)).toBe('3 incidents')
  })
})
