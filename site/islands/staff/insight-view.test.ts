import { describe, expect, test } from 'vitest'
import { staffStrings } from '../../i18n/index.ts'
import { around, count, deflectionBars, deflectionSentence, languageName, languagesFor, percent, templateHref, weekLabel, weekTitle } from './insight-view.ts'

const nl = staffStrings('nl')
const en = staffStrings('en')

describe('percentages', () => {
  test.each([
    ['nl', 0.8211, '82%'],
    ['en', 0.8211, '82%'],
    ['nl', 0, '0%'],
    ['en', 1, '100%'],
    ['nl', 0.5, '50%'],
  ] as const)('writes %s %s as %s', (lang, ratio, text) => {
    expect(percent(lang, ratio)).toBe(text)
  })

  test.each([
    [199 / 200, '99%'],
    [1 / 500, '1%'],
    [0.004, '1%'],
    [0.996, '99%'],
  ])('never says all or none of a share that is neither: %s reads %s', (ratio, text) => {
    expect(percent('en', ratio)).toBe(text)
  })
})

describe('counts', () => {
  test('group thousands as the language does', () => {
    expect(count('nl', 1234)).toBe('1.234')
    expect(count('en', 1234)).toBe('1,234')
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
    ['nl', nl, { week: '2026-W49', start: '2026-11-30' }, 'week 49 (30 nov 2026)'],
    ['en', en, { week: '2026-W49', start: '2026-11-30' }, 'week 49 (30 Nov 2026)'],
    ['en', en, { week: '2027-W01', start: '2027-01-04' }, 'week 1 (4 Jan 2027)'],
    ['nl', nl, { week: '2026-W53', start: '2026-12-28' }, 'week 53 (28 dec 2026)'],
  ] as const)('names a week by its number and Monday (%s)', (lang, strings, week, title) => {
    expect(weekTitle(lang, strings, week)).toBe(title)
  })
})

describe('the deflection chart', () => {
  const weeks = [
    { week: '2026-W48', start: '2026-11-23', searching: 0, deflected: 0, rate: null },
    { week: '2026-W49', start: '2026-11-30', searching: 380, deflected: 312, rate: 312 / 380 },
    { week: '2026-W50', start: '2026-12-07', searching: 2, deflected: 0, rate: 0 },
  ]

  test('shows a week without searches as 0 and says so in its title', () => {
    const [empty] = deflectionBars('nl', nl, weeks)
    expect(empty).toEqual({ label: 'W48', value: 0, title: 'week 48 (23 nov 2026): geen zoekopdrachten' })
    expect(deflectionBars('en', en, weeks)[0].title).toBe('week 48 (23 Nov 2026): no searches')
  })

  test('gives a week its rate, and the counts behind it in the title', () => {
    const [, busy, none] = deflectionBars('en', en, weeks)
    expect(busy).toEqual({ label: 'W49', value: 312 / 380, title: 'week 49 (30 Nov 2026): 312 of 380 without an incident' })
    // A week in which every search ended in an incident is 0 too, but not "no searches".
    expect(none).toEqual({ label: 'W50', value: 0, title: 'week 50 (7 Dec 2026): 0 of 2 without an incident' })
  })

  test.each([
    ['nl', nl, { searching: 380, deflected: 312 }, '312 van 380 zoekende bezoeken eindigden zonder melding.'],
    ['nl', nl, { searching: 4, deflected: 1 }, '1 van 4 zoekende bezoeken eindigde zonder melding.'],
    ['en', en, { searching: 1380, deflected: 1312 }, '1,312 of 1,380 searching visits ended without an incident.'],
  ] as const)('says the counts in words (%s)', (lang, strings, totals, sentence) => {
    expect(deflectionSentence(lang, strings, totals)).toBe(sentence)
  })
})

describe('the article template', () => {
  test.each([
    ['btw aangifte', 'nl', '/api/kb/insight/template?query=btw%20aangifte&lang=nl'],
    ['financiën & co?', 'en', '/api/kb/insight/template?query=financi%C3%ABn%20%26%20co%3F&lang=en'],
  ] as const)('links %j in %s to its download', (query, lang, href) => {
    expect(templateHref(query, lang)).toBe(href)
  })

  test('puts the folder where its placeholder stands', () => {
    expect(around('Zet het in git in {folder}, vul elke TODO in.', 'folder')).toEqual(['Zet het in git in ', ', vul elke TODO in.'])
    expect(around('No placeholder here', 'folder')).toEqual(['No placeholder here', ''])
    for (const strings of [nl, en]) expect(strings['insight.template.hint']).toContain('{folder}')
  })
})

describe('languages', () => {
  test('are named in the page language, its own first', () => {
    expect(languageName(nl, 'en')).toBe('Engels')
    expect(languageName(en, 'nl')).toBe('Dutch')
    expect(languagesFor('nl')).toEqual(['nl', 'en'])
    expect(languagesFor('en')).toEqual(['en', 'nl'])
  })
})
