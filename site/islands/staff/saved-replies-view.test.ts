import { describe, expect, test } from 'vitest'
import { strings } from '#lib/i18n/index.ts'
import { bodyHint, matchingReplies, placeholderList, teamLabel, withInserted } from './saved-replies-view.ts'

const replies = [
  { id: '1', team: 'finance', title: { nl: 'Certificaat vernieuwen', en: 'Renew the certificate' } },
  { id: '2', team: null, title: { nl: 'Bedankt voor uw geduld', en: 'Thank you for your patience' } },
  { id: '3', team: 'hr', title: { nl: 'Café-pas verlopen', en: 'Canteen card expired' } },
]
const nl = strings('nl', 'staff')
const en = strings('en', 'staff')
const teams = [{ key: 'finance', name: { nl: 'Financiën', en: 'Finance' } }]

describe('finding a saved reply by its title', () => {
  test.each([
    ['', ['1', '2', '3']],
    ['cert', ['1']],
    ['CERTIFICATE renew', ['1']],
    ['geduld', ['2']],
    ['cafe', ['3']],
    ['certificaat geduld', []],
  ])('"%s" finds %j, in either language, every word, without minding case or accents', (query, ids) => {
    expect(matchingReplies(replies, query).map((r) => r.id)).toEqual(ids)
  })
})

describe('showing saved replies', () => {
  test('names the team in the page\'s language, or all teams for a general one; an unknown key as it is', () => {
    expect(teamLabel('finance', teams, 'nl', nl)).toBe('Financiën')
    expect(teamLabel('finance', teams, 'en', en)).toBe('Finance')
    expect(teamLabel(null, teams, 'nl', nl)).toBe('Alle teams')
    expect(teamLabel('hr', teams, 'en', en)).toBe('hr')
  })

  test('lists every placeholder as written with what it stands for', () => {
    expect(placeholderList(en)).toBe('{{contact.name}} (the customer\'s name), {{incident.number}} (incident number), {{incident.subject}} (subject), {{incident.due}} (target in words), {{staff.name}} (your name)')
    expect(bodyHint(nl)).toBe('Bijvoorbeeld: Beste {{contact.name}},')
  })
})

describe('inserting a filled reply', () => {
  test.each([
    ['', 'Beste Tom,', 'Beste Tom,'],
    ['  \n', 'Beste Tom,', 'Beste Tom,'],
    ['Zie hieronder.\n', 'Beste Tom,', 'Zie hieronder.\n\nBeste Tom,'],
  ])('into %j gives the filled text in place of nothing, or after what is written', (current, filled, expected) => {
    expect(withInserted(current, filled)).toBe(expected)
  })
})
