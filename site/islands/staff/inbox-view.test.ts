import { describe, expect, test } from 'vitest'
import { staffStrings } from '../../i18n/index.ts'
import { entryHref, entryText, inboxLinkText } from './inbox-view.ts'

describe('the inbox view', () => {
  test.each([
    ['nl', 'assigned', 'Incident 100123 is aan u toegewezen: Btw-aangifte'],
    ['nl', 'reaction', 'De klant reageerde op incident 100123: Btw-aangifte'],
    ['en', 'nearing', 'Incident 100123 nears its target: Btw-aangifte'],
    ['en', 'complaint', 'New complaint 100123 for your team: Btw-aangifte'],
  ] as const)('says in %s what a notification of kind %s is about', (lang, kind, text) => {
    expect(entryText(staffStrings(lang), { kind, number: '100123', subject: 'Btw-aangifte' })).toBe(text)
  })

  test('leads to the incident in the console, or nowhere for a complaint about no incident', () => {
    expect(entryHref('/staff/incident/', { incidentId: 'a b' })).toBe('/staff/incident/?id=a%20b')
    expect(entryHref('/staff/incident/', { incidentId: null })).toBeUndefined()
  })

  test('shows the unread count in the menu entry only when there are unread ones', () => {
    expect(inboxLinkText(staffStrings('nl'), 3)).toBe('Meldingen (3)')
    expect(inboxLinkText(staffStrings('nl'), 0)).toBe('Meldingen')
    expect(inboxLinkText(staffStrings('en'), undefined)).toBe('Notifications')
  })
})
