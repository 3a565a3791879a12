// The pages e-mailed links open, as a person meets them on a phone: the mail's language only, the site's frame, the next step; a confirmation link used twice leads to the incident; sign-in that explains itself.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { inbox, linkIn, newMail, seenMails } from './fixtures/mail.ts'
import { PERSON_FILL_MS } from './fixtures/person.ts'

// People of this spec only (server/seed.ts): Lisa (English, authorised) and Kees (not authorised).
const LISA = 'lisa@devries-installatie.example'
const KEES = 'kees@devries-installatie.example'

test.use({ viewport: { width: 360, height: 740 } })

/** An address of its own per request: the server trusts X-Forwarded-For here, and sign-in requests are limited per address. */
const from = () => ({ 'x-forwarded-for': `203.0.113.${1 + Math.floor(Math.random() * 250)}` })

/** The page fits a 360 px screen, is drawn with the site's stylesheet and has no serious or critical axe violation. */
async function expectLandingPageFits(page: Page, lang: 'nl' | 'en') {
  await expect(page.locator('html')).toHaveAttribute('lang', lang)
  // The site's header, as its stylesheet draws it: the brand colour behind the name.
  await expect(page.locator('.site-header')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)')
  // The brand's logo beside the name, loaded under the page's policy.
  await expect.poll(() => page.locator('.site-header img.brand-logo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectAccessible(page)
}

test('a confirmation link used twice leads to the incident; every page on the way speaks the mail\'s English only', async ({ page }) => {
  const seen = await seenMails()
  const subject = `Stock count export stays empty ${Date.now()}`
  const registered = await page.request.post(`${KB}/api/incidents`, {
    headers: from(),
    data: { name: 'Lisa Meijer', email: LISA, kind: 'bug', productArea: 'finance', subject, description: 'The stock count export gives an empty file since this morning.', lang: 'en', fillMs: PERSON_FILL_MS },
  })
  expect(registered.status()).toBe(202)
  const mail = await newMail(LISA, /\/api\/incidents\/confirm\?token=/, seen)
  const link = linkIn(mail, `${KB}/api/incidents/confirm?token=`)
  expect(link).toMatch(/&lang=en$/)

  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your request')
  await expect(page.getByText(/Bevestig|Kennisbank/)).toHaveCount(0)
  await expectLandingPageFits(page, 'en')
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request registered')
  const number = (await page.locator('main strong').textContent())!
  expect(number).toMatch(/^\d{6}$/)
  await expectLandingPageFits(page, 'en')

  // The same link again, as someone who clicks the mail once more: no "ask for a new link", the incident.
  await page.goto(link)
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This request is registered already')
  await expect(page.locator('main strong')).toHaveText(number)
  await expect(page.getByText(/new link|new one/i)).toHaveCount(0)
  await expectLandingPageFits(page, 'en')
  const toIncident = page.getByRole('link', { name: 'See the incident in the portal' })
  await expect(toIncident).toHaveAttribute('href', /^\/en\/portal\/incidents\/\?id=[\w-]+$/)
  const incidentPath = (await toIncident.getAttribute('href'))!

  // Signed in from the English sign-in mail, the link leads to the incident itself.
  const signInSeen = await seenMails()
  expect((await page.request.post(`${KB}/api/auth/link`, { headers: from(), data: { email: LISA, next: incidentPath } })).status()).toBe(202)
  const signInMail = await newMail(LISA, (m) => m.subject.startsWith('Your sign-in link'), signInSeen)
  const signInLink = linkIn(signInMail, `${KB}/api/auth/callback?token=`)
  expect(signInLink).toMatch(/&lang=en$/)
  await page.goto(signInLink)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Noordwind Support')
  await expectLandingPageFits(page, 'en')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => `${url.pathname}${url.search}` === incidentPath)
  await expect(page.getByRole('heading', { name: new RegExp(`${number}.*${subject}`) })).toBeVisible()

  // The sign-in link used twice: the way to the sign-in page, in English.
  await page.goto(signInLink)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link no longer works')
  await expect(page.getByRole('link', { name: 'To the sign-in page' })).toHaveAttribute('href', '/en/portal/')
  await expectLandingPageFits(page, 'en')
})

test('a contact who may not sign in reads what everyone reads, and gets the mail that says why and whom to ask, and nothing else', async ({ page }) => {
  await page.setExtraHTTPHeaders(from())
  const seen = await seenMails()
  await page.goto('/portaal/')
  const form = page.locator('form.sign-in')
  await form.getByLabel('E-mailadres').fill(KEES)
  // Not sooner than a person fills it in: a quicker form is a bot's, and nothing would be sent.
  await page.waitForTimeout(PERSON_FILL_MS)
  await form.getByRole('button', { name: 'Stuur mij een inloglink' }).click()
  await expect(page.getByRole('status').getByText('Als dit adres bij ons bekend is, staat er een inloglink in uw e-mail.')).toBeVisible()

  const whyNot = await newMail(KEES, () => true, seen)
  expect(whyNot.subject).toBe('Inloggen bij Noordwind Support lukt niet met dit adres')
  expect(whyNot.text).toContain('niet gemachtigd')
  expect(whyNot.text).toContain('Peter de Vries (peter@devries-installatie.example)')
  expect(whyNot.text).not.toContain('/api/auth/callback')
  // The outbox sends in the order mails were made: a sign-in link made with it would be there by now.
  await page.waitForTimeout(1_000)
  expect((await inbox()).filter((m) => m.to === KEES && !seen.has(m.text))).toHaveLength(1)
})

test('the fourth sign-in request within ten minutes says a link went a moment ago and from when to ask again, for an address nobody knows', async ({ page }) => {
  await page.setExtraHTTPHeaders(from())
  const nobody = `niemand-${Date.now()}@elders.example`
  for (let i = 0; i < 3; i++) expect((await page.request.post(`${KB}/api/auth/link`, { headers: from(), data: { email: nobody, lang: 'en' } })).status()).toBe(202)
  await page.goto('/en/portal/')
  const form = page.locator('form.sign-in')
  await form.getByLabel('E-mail address').fill(nobody)
  await page.waitForTimeout(PERSON_FILL_MS)
  await form.getByRole('button', { name: 'Send me a sign-in link' }).click()
  const status = page.getByRole('status')
  await expect(status.getByRole('heading', { name: 'A sign-in link was sent a moment ago' })).toBeVisible()
  await expect(status).toContainText(/You can ask for a new link from \d{2}:\d{2}\./)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  await expectAccessible(page)
})

test('a confirmation link that no longer works says, in Dutch by default, how to send the request again', async ({ page }) => {
  await page.goto('/api/incidents/confirm?token=not-a-real-token-at-all')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Melding bevestigen')
  await expectLandingPageFits(page, 'nl')
  await page.getByRole('button', { name: 'Bevestigen' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Link werkt niet meer')
  await expect(page.getByText(/Doe uw melding opnieuw via het helpvenster/)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Opnieuw melden in het portaal' })).toHaveAttribute('href', '/portaal/melden/')
  await expectLandingPageFits(page, 'nl')
})
