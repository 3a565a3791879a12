/** The e-mail templates: what each mail must tell, in both languages, with customer text escaped. */
import { describe, expect, test } from 'vitest'
import { loadCalendar, loadDesk } from '../desk.ts'
import type { Language } from '../domain/desk.ts'
import { INCIDENT_STATUSES } from '../domain/records.ts'
import * as templates from './templates.ts'
import { escapeHtml } from '#lib/escape-html.ts'
import { statusName, type MailContent } from './templates.ts'

const desk = loadDesk('content/desk.yaml')
const baseUrl = 'https://support.noordwind.example'
const ctx = (lang: Language) => ({ desk, baseUrl, lang })
const LANGS: Language[] = ['nl', 'en']
const confirmUrl = `${baseUrl}/api/incidents/confirm?token=c0nf1rm-t0ken`
const trackUrl = `${baseUrl}/api/auth/callback?token=tr4ck-t0ken`
const signInUrl = `${baseUrl}/api/auth/callback?token=s1gn-1n-t0ken`

/** Every template once, with ordinary customer data. */
const mails = (lang: Language): Record<string, MailContent> => ({
  confirmRegistration: templates.confirmRegistration(ctx(lang), { name: 'Anne de Vries', subject: 'Btw-aangifte geeft een fout', confirmUrl, expiresHours: 24 }),
  notAuthorised: templates.notAuthorised(ctx(lang), { name: 'Anne de Vries' }),
  incidentRegistered: templates.incidentRegistered(ctx(lang), { name: 'Anne de Vries', number: '1042', subject: 'Btw-aangifte geeft een fout', trackUrl }),
  statusChanged: templates.statusChanged(ctx(lang), { name: 'Anne de Vries', number: '1042', subject: 'Btw-aangifte geeft een fout', status: 'in_progress', trackUrl }),
  signInLink: templates.signInLink(ctx(lang), { name: 'Anne de Vries', signInUrl, expiresMinutes: 15 }),
  supportQuestion: templates.supportQuestion(ctx(lang), { name: 'Anne de Vries', number: '1042', subject: 'Btw-aangifte geeft een fout', question: 'Welke versie gebruikt u?', trackUrl }),
  contactWelcome: templates.contactWelcome(ctx(lang), {
    name: 'Anne de Vries', email: 'anne@klant.example', organisation: 'Klant B.V.', isAuthorised: true, isAdmin: false,
    admins: [{ name: 'Marieke Jansen', email: 'marieke@klant.example' }], portalUrl: `${baseUrl}/portaal/`,
  }),
})

/** The text without tags or entities, to check that the HTML tells the same as the plain text. */
const visible = (html: string) =>
  html.replace(/<[^>]+>/g, ' ').replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&')

describe('every template', () => {
  const names = Object.keys(mails('nl'))

  test.each(names)('%s has a subject, a plain text and an HTML version that greet by name', (name) => {
    for (const lang of LANGS) {
      const mail = mails(lang)[name]!
      expect(mail.subject.length).toBeGreaterThan(5)
      expect(mail.text).toContain('Anne de Vries')
      expect(mail.html).toContain('Anne de Vries')
      expect(mail.html).toMatch(new RegExp(`^<!doctype html><html lang="${lang}">`))
    }
  })

  test.each(names)('%s has a different subject and text in Dutch and English', (name) => {
    const [nl, en] = [mails('nl')[name]!, mails('en')[name]!]
    expect(nl.subject).not.toBe(en.subject)
    expect(nl.text).not.toBe(en.text)
  })

  test.each(names)('%s signs with the desk name and its phone number', (name) => {
    for (const lang of LANGS) {
      expect(mails(lang)[name]!.text).toContain(desk.name[lang])
      expect(mails(lang)[name]!.text).toContain(desk.phone.display)
    }
  })

  test('writes Dutch when no language is given', () => {
    const mail = templates.notAuthorised({ desk, baseUrl }, { name: 'Anne' })
    expect(mail).toEqual(templates.notAuthorised(ctx('nl'), { name: 'Anne' }))
  })
})

describe('confirmRegistration', () => {
  test.each([
    ['nl', 'Bevestig uw melding', '24 uur', 'één keer'],
    ['en', 'Confirm your request', '24 hours', 'works once'],
  ] as const)('in %s asks to confirm with the single-use link and says when it expires', (lang, subject, expiry, once) => {
    const mail = mails(lang).confirmRegistration!
    expect(mail.subject).toBe(`${subject}: Btw-aangifte geeft een fout`)
    expect(mail.text).toContain(confirmUrl)
    expect(mail.text).toContain(expiry)
    expect(mail.text).toContain(once)
    expect(mail.html).toContain(`href="${escapeHtml(confirmUrl)}"`)
  })
})

describe('notAuthorised', () => {
  test.each([
    ['nl', 'beheerder van uw organisatie', 'contactpersoon'],
    ['en', "organisation's admin", 'contact'],
  ] as const)('in %s sends the reader to the organisation admin and offers nothing to confirm', (lang, admin, contact) => {
    const mail = mails(lang).notAuthorised!
    expect(mail.text).toContain(admin)
    expect(mail.text).toContain(contact)
    expect(visible(mail.html)).toContain(admin)
    for (const content of [mail.text, mail.html]) {
      expect(content).not.toContain('/confirm')
      expect(content).not.toContain('token=')
    }
    expect(mail.html.match(/<a /g)).toBeNull()
  })
})

describe('incidentRegistered', () => {
  test.each([
    ['nl', 'Incident 1042 geregistreerd', 'toets het incidentnummer 1042 in'],
    ['en', 'Incident 1042 registered', 'type the incident number 1042'],
  ] as const)('in %s gives the number, the link to follow it and the phone route when acute', (lang, subject, typeNumber) => {
    const mail = mails(lang).incidentRegistered!
    expect(mail.subject).toContain(subject)
    expect(mail.text).toContain(trackUrl)
    const acute = mail.text.split('\n\n').find((paragraph) => paragraph.includes(typeNumber))
    expect(acute).toContain(desk.phone.display)
    expect(acute).toContain(desk.phone.international)
    expect(mail.html).toContain(`href="${escapeHtml(trackUrl)}"`)
    expect(visible(mail.html)).toContain(typeNumber)
  })
})

describe('statusChanged', () => {
  const cases = INCIDENT_STATUSES.flatMap((status) => LANGS.map((lang) => [status, lang] as const))

  test.each(cases)('names the status %s in %s, with the number and the link', (status, lang) => {
    const mail = templates.statusChanged(ctx(lang), { name: 'Anne', number: '1042', subject: 'Btw', status, trackUrl })
    expect(mail.subject).toContain(statusName(status, lang))
    expect(mail.subject).toContain('1042')
    expect(mail.text).toContain(statusName(status, lang))
    expect(mail.text).toContain(trackUrl)
  })

  test('has a name for every status in both languages, different per language where the words differ', () => {
    const names = INCIDENT_STATUSES.map((s) => [statusName(s, 'nl'), statusName(s, 'en')])
    expect(names).toEqual([
      ['Wacht op bevestiging', 'Awaiting confirmation'],
      ['Nieuw', 'New'],
      ['In behandeling', 'In progress'],
      ['Wacht op uw reactie', 'Waiting for your reply'],
      ['Opgelost', 'Resolved'],
      ['Gesloten', 'Closed'],
    ])
  })

  test.each([
    ['nl', 'binnen 14 dagen'],
    ['en', 'within 14 days'],
  ] as const)('in %s says a reply within 14 days reopens a resolved incident', (lang, within) => {
    const resolved = templates.statusChanged(ctx(lang), { name: 'Anne', number: '1042', subject: 'Btw', status: 'resolved', trackUrl })
    const inProgress = templates.statusChanged(ctx(lang), { name: 'Anne', number: '1042', subject: 'Btw', status: 'in_progress', trackUrl })
    expect(resolved.text).toContain(within)
    expect(inProgress.text).not.toContain(within)
  })

  test('takes the reopen period from the desk configuration', () => {
    const other = { ...desk, process: { ...desk.process, reopenWithinDays: 30 } }
    const mail = templates.statusChanged({ desk: other, baseUrl, lang: 'en' }, { name: 'Anne', number: '1042', subject: 'Btw', status: 'resolved', trackUrl })
    expect(mail.text).toContain('within 30 days')
  })

  test('quotes the message from support in text and HTML, line by line', () => {
    const mail = templates.statusChanged(ctx('nl'), {
      name: 'Anne', number: '1042', subject: 'Btw', status: 'waiting_for_customer', trackUrl, message: 'Welke versie gebruikt u?\nEn sinds wanneer?',
    })
    expect(mail.text).toContain('Bericht van support:\n> Welke versie gebruikt u?\n> En sinds wanneer?')
    expect(mail.html).toContain('<blockquote')
    expect(mail.html).toContain('Welke versie gebruikt u?\nEn sinds wanneer?')
  })
})

describe('signInLink', () => {
  test.each([
    ['nl', 'inloglink', '15 minuten'],
    ['en', 'sign-in link', '15 minutes'],
  ] as const)('in %s gives the link and says it expires after 15 minutes', (lang, subject, expiry) => {
    const mail = mails(lang).signInLink!
    expect(mail.subject).toContain(subject)
    expect(mail.text).toContain(signInUrl)
    expect(mail.text).toContain(expiry)
    expect(mail.html).toContain(`href="${escapeHtml(signInUrl)}"`)
  })
})

describe('customer text in HTML', () => {
  const evil = '<script>alert("x")</script>'
  const hostile = (lang: Language): Record<string, MailContent> => ({
    confirmRegistration: templates.confirmRegistration(ctx(lang), { name: evil, subject: evil, confirmUrl, expiresHours: 24 }),
    notAuthorised: templates.notAuthorised(ctx(lang), { name: evil }),
    incidentRegistered: templates.incidentRegistered(ctx(lang), { name: evil, number: '1042', subject: evil, trackUrl }),
    statusChanged: templates.statusChanged(ctx(lang), { name: evil, number: '1042', subject: evil, status: 'resolved', trackUrl, message: evil }),
    signInLink: templates.signInLink(ctx(lang), { name: evil, signInUrl, expiresMinutes: 15 }),
    supportQuestion: templates.supportQuestion(ctx(lang), { name: evil, number: '1042', subject: evil, question: evil, trackUrl }),
    contactWelcome: templates.contactWelcome(ctx(lang), { name: evil, email: 'a@b.example', organisation: evil, isAuthorised: true, isAdmin: false, admins: [{ name: evil, email: 'c@b.example' }], portalUrl: `${baseUrl}/portaal/` }),
  })

  test.each(Object.keys(hostile('nl')))('%s escapes <script> in the name, subject and message', (name) => {
    for (const lang of LANGS) {
      const mail = hostile(lang)[name]!
      expect(mail.html).not.toContain('<script')
      expect(mail.html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;')
      // The plain text is not HTML: it keeps what the customer wrote.
      expect(mail.text).toContain(evil)
    }
  })

  test('escapes a quote that would end an attribute in a link', () => {
    const mail = templates.signInLink(ctx('en'), { name: 'Anne', signInUrl: `${baseUrl}/x?a="><img src=x onerror=alert(1)>`, expiresMinutes: 15 })
    expect(mail.html).not.toContain('"><img')
    expect(mail.html).toContain('&#34;&#62;&#60;img')
  })

  test('keeps a multi-line subject on one line in the subject header', () => {
    const mail = templates.incidentRegistered(ctx('nl'), { name: 'Anne', number: '1042', subject: 'Fout\r\nBcc: iedereen@example.nl', trackUrl })
    expect(mail.subject).toBe('Incident 1042 geregistreerd: Fout Bcc: iedereen@example.nl')
  })

  test.each([
    ['<b>&"\'', '&#60;b&#62;&#38;&#34;&#39;'],
    ['gewone tekst', 'gewone tekst'],
    ['', ''],
  ])('escapeHtml(%j) is %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output)
  })
})

describe('one word for the number', () => {
  const every = (lang: Language) => Object.values(mails(lang)).flatMap((m) => [m.subject, m.text])

  test('no mail names it "melding" with a number or "meldingsnummer": it is the incident number', () => {
    for (const text of every('nl')) {
      expect(text).not.toMatch(/meldingsnummer|meldnummer|melding \d/i)
    }
    expect(mails('nl').incidentRegistered!.text).toContain('incidentnummer 1042')
    expect(mails('en').incidentRegistered!.text).toContain('incident number 1042')
  })

  test.each([
    ['nl', 'Incident 1042 – In behandeling: Btw'],
    ['en', 'Incident 1042 – In progress: Btw'],
  ] as const)('a status mail in %s is about incident 1042', (lang, subject) => {
    expect(templates.statusChanged(ctx(lang), { name: 'Anne', number: '1042', subject: 'Btw', status: 'in_progress', trackUrl }).subject).toBe(subject)
  })
})

describe('supportQuestion', () => {
  test.each([
    ['nl', 'Vraag over uw incident 100123: Btw', 'Vraag van support:', 'wacht nu op uw antwoord'],
    ['en', 'Question about your incident 100123: Btw', 'Question from support:', 'waits for your answer'],
  ] as const)('in %s has its own subject, quotes the question and says the incident waits', (lang, subject, title, waits) => {
    const mail = templates.supportQuestion(ctx(lang), { name: 'Anne', number: '100123', subject: 'Btw', question: 'Welke versie?\nSinds wanneer?', trackUrl })
    expect(mail.subject).toBe(subject)
    expect(mail.text).toContain(`${title}\n> Welke versie?\n> Sinds wanneer?`)
    expect(mail.text).toContain(waits)
    expect(mail.text).toContain(trackUrl)
    // Not a status mail: no status name in the subject.
    for (const status of INCIDENT_STATUSES) expect(mail.subject).not.toContain(statusName(status, lang))
  })
})

describe('calling the desk', () => {
  const calendar = loadCalendar(desk, { from: 2026, to: 2027 })
  const registered = (lang: Language, now: string) =>
    templates.incidentRegistered({ ...ctx(lang), calendar, now: new Date(now) }, { name: 'Anne', number: '100123', subject: 'Btw', trackUrl })

  test.each([
    // Monday 30 November 2026, 10:00 in Amsterdam: open.
    ['nl', '2026-11-30T09:00:00Z', 'bel nu'],
    ['en', '2026-11-30T09:00:00Z', 'call'],
  ] as const)('while the desk is open, in %s, invites calling now', (lang, now, call) => {
    const mail = registered(lang, now)
    expect(mail.text).toContain(call)
    expect(mail.text).toContain(desk.phone.display)
  })

  test.each([
    // Saturday 5 December 2026, 11:00: closed until Monday 7 December 08:30.
    ['nl', '2026-12-05T10:00:00Z', 'maandag 7 december om 08:30'],
    ['en', '2026-12-05T10:00:00Z', 'Monday 7 December at 08:30'],
    // Thursday 3 December 2026, 19:00: closed until Friday 08:30.
    ['nl', '2026-12-03T18:00:00Z', 'vrijdag 4 december om 08:30'],
    // Christmas Day (a holiday in desk.yaml), 10:00: closed until Monday 28 December.
    ['en', '2026-12-25T09:00:00Z', 'Monday 28 December at 08:30'],
  ] as const)('while the desk is closed, in %s at %s, never says "call now" but when it opens: %s', (lang, now, opens) => {
    const mail = registered(lang, now)
    for (const content of [mail.text, visible(mail.html)]) {
      expect(content).not.toMatch(/bel nu|call .{0,40}now/i)
      expect(content).toContain(opens)
      expect(content).toContain('100123')
    }
  })

  test('without a clock it speaks as when open, for callers that cannot know the time', () => {
    expect(mails('nl').incidentRegistered!.text).toContain('bel nu')
  })
})

describe('contactWelcome', () => {
  const welcome = (lang: Language, over: Partial<Parameters<typeof templates.contactWelcome>[1]> = {}) => templates.contactWelcome(ctx(lang), {
    name: 'Sem de Jong', email: 'sem@klant.example', organisation: 'Klant B.V.', isAuthorised: true, isAdmin: false,
    admins: [{ name: 'Marieke Jansen', email: 'marieke@klant.example' }, { name: 'Tom Bakker', email: 'tom@klant.example' }], portalUrl: `${baseUrl}/en/portal/`, ...over,
  })

  test.each([
    ['nl', 'Welkom bij', 'inloglink per e-mail', 'gemachtigd om incidenten te melden', 'De beheerders van uw organisatie: Marieke Jansen (marieke@klant.example), Tom Bakker (tom@klant.example)'],
    ['en', 'Welcome to', 'sign-in link by e-mail', 'authorised to file incidents', "Your organisation's admins: Marieke Jansen (marieke@klant.example), Tom Bakker (tom@klant.example)"],
  ] as const)('in %s gives the portal, how signing in works, the authorisation and the admins', (lang, subject, link, authorised, admins) => {
    const mail = welcome(lang)
    expect(mail.subject).toContain(subject)
    expect(mail.subject).toContain(desk.name[lang])
    expect(mail.text).toContain(`${baseUrl}/en/portal/`)
    expect(mail.text).toContain('sem@klant.example')
    expect(mail.text).toContain(link)
    expect(mail.text).toContain(authorised)
    expect(mail.text).toContain(admins)
    expect(mail.text).toContain('Klant B.V.')
  })

  test.each([
    ['nl', 'nog niet gemachtigd'],
    ['en', 'not yet authorised'],
  ] as const)('in %s tells a contact not yet authorised to ask an admin', (lang, notYet) => {
    expect(welcome(lang, { isAuthorised: false }).text).toContain(notYet)
  })

  test('names no admin to an admin who is the only one, and tells them what admins do', () => {
    const mail = welcome('nl', { isAdmin: true, email: 'marieke@klant.example', admins: [{ name: 'Marieke Jansen', email: 'marieke@klant.example' }] })
    expect(mail.text).toContain('U bent beheerder van uw organisatie')
    expect(mail.text).not.toContain('De beheerders van uw organisatie')
  })
})
