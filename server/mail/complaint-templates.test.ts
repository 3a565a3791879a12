import { describe, expect, test } from 'vitest'
import { loadDesk } from '../desk.ts'
import { complaintForHandler, complaintNearing } from './templates.ts'

const desk = loadDesk('content/desk.yaml')
const ctx = (lang: 'nl' | 'en') => ({ desk, baseUrl: 'https://support.example.nl', lang })
const filed = {
  name: 'Ruud de Boer', kind: 'complaint' as const, number: 'K10001', subject: 'Niet\nteruggebeld <b>', text: 'Niemand belde.\n<script>alert(1)</script>',
  contactName: 'Tom Bakker', organisationName: 'Bakkerij Jansen B.V.', dueAt: new Date('2026-12-01T09:00:00Z'), consoleUrl: 'https://support.example.nl/staff/klachten/?id=k1',
}

describe('mails to the complaints handlers', () => {
  test('a new complaint: who sent what, when it is due, the customer\'s text quoted and escaped, the console link; subject on one line', () => {
    const mail = complaintForHandler(ctx('nl'), filed)
    expect(mail.subject).toBe('Nieuwe klacht K10001 van Bakkerij Jansen B.V.: Niet teruggebeld <b>')
    expect(mail.text).toContain('Tom Bakker van Bakkerij Jansen B.V. stuurde een klacht in onder nummer K10001')
    expect(mail.text).toContain('De eerste reactie is uiterlijk dinsdag 1 december om 10:00 verschuldigd.')
    expect(mail.text).toContain('> <script>alert(1)</script>')
    expect(mail.text).toContain('Openen in de console:\nhttps://support.example.nl/staff/klachten/?id=k1')
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('&#60;script&#62;')
  })

  test('in English, and an opinion without a due time', () => {
    const mail = complaintForHandler(ctx('en'), { ...filed, kind: 'opinion', dueAt: null })
    expect(mail.subject).toBe('New opinion K10001 from Bakkerij Jansen B.V.: Niet teruggebeld <b>')
    expect(mail.text).toContain('An opinion has no target; respond where useful.')
  })

  test('the reminder names the due moment and who handles it, or that nobody does', () => {
    const reminder = { name: 'Ruud de Boer', number: 'K10001', subject: 'Niet teruggebeld', organisationName: 'Bakkerij Jansen B.V.', dueAt: new Date('2026-12-01T09:00:00Z'), consoleUrl: filed.consoleUrl }
    const nl = complaintNearing(ctx('nl'), { ...reminder, assigneeName: null })
    expect(nl.subject).toBe('Bijna over tijd: klacht K10001 wacht nog op een reactie')
    expect(nl.text).toContain('De reactie is uiterlijk dinsdag 1 december om 10:00 verschuldigd.')
    expect(nl.text).toContain('Nog niemand behandelt deze klacht.')
    expect(complaintNearing(ctx('en'), { ...reminder, assigneeName: 'Lotte Smit' }).text).toContain('Handled by: Lotte Smit.')
  })
})
