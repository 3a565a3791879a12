// Remote view ("meekijken") end to end: an employee starts it from a fresh incident, the requester enters the mailed code on the
// KB's public page with no session, sees who looks along and consents; both sides see it open, the customer's screen reaches the
// console over WebRTC, the customer ends it and the console shows that without a reload. Then a second code on the English page,
// declined for now and ended by the employee; and wrong codes: the alert on the field, and the limit per address.
// People: Marieke Jansen (admin of Bakkerij Jansen) files one incident anonymously and confirms it from the mail, as no other spec
// does for her (one confirmation mail per address per 10 minutes), so none of her sign-in links are used; Lotte Smit of support.
import { expect, test, type Browser, type Page } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import config from '../../playwright.config.ts'
import { KB, TURN } from './fixtures/env.ts'
import { newMail, seenMails, type Mail } from './fixtures/mail.ts'
import { signInStaff } from './fixtures/portal.ts'

const MARIEKE = { name: 'Marieke Jansen', email: 'marieke@bakkerij-jansen.example' }

/**
 * Headless Chromium has no screen to capture and no picker to click. With these two switches its
 * own fake capture device answers getDisplayMedia({ video: true, audio: false }) unchanged, the way
 * the page asks for it, with generated frames (a test pattern, not the tab): the capture call, the
 * handshake through the API and the WebRTC connection between the two browser contexts are real.
 */
test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [...(config.use?.launchOptions?.args ?? []), '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
})

/** An address of its own for each visitor: wrong codes are counted per address. */
const someAddress = () => `203.0.113.${1 + Math.floor(Math.random() * 250)}`

/** A browser context with no session, as the customer's own computer. */
async function customerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': someAddress() } })
  return context.newPage()
}

/** The code in the requester's mail, as they would read it. */
const codeIn = (mail: Mail) => /(?:code is|personal code is) (\d{6})/.exec(mail.text)![1]

/** Files an incident as Marieke from outside the portal and confirms it from the mail, as the widget does. */
async function fileIncident(page: Page, subject: string): Promise<{ id: string; number: string }> {
  const seen = await seenMails()
  const res = await page.request.post(`${KB}/api/incidents`, {
    headers: { 'x-forwarded-for': someAddress() },
    data: { name: MARIEKE.name, email: MARIEKE.email, kind: 'bug', productArea: 'finance', subject, description: 'De kassa-export naar de boekhouding blijft hangen bij de btw-stap.', lang: 'nl' },
  })
  expect(res.status()).toBe(202)
  const mail = await newMail(MARIEKE.email, /\/api\/incidents\/confirm\?token=/, seen)
  const token = /confirm\?token=([\w-]+)/.exec(mail.text)![1]
  const confirmed = await page.request.post(`${KB}/api/incidents/confirm`, { data: { token } })
  expect(confirmed.status()).toBe(201)
  return confirmed.json()
}

test('Lotte starts remote view, the requester consents with the mailed code and shares a screen, and ends it; both pages follow', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const subject = `Kassa-export hangt ${Date.now()}`
  const incident = await fileIncident(page, subject)

  await signInStaff(page, 'lotte@noordwind.example')
  await page.goto(`/staff/incident/?id=${incident.id}`)
  const panel = page.getByRole('region', { name: 'Meekijken', exact: true })
  const panelStatus = panel.locator('.remote-view-state')
  const customer = await customerPage(browser)
  // The page's own part: the contact block beside it has a live region of its own.
  const island = customer.locator('.remote-view')
  let code = ''

  await test.step('Lotte starts it; the code goes to the requester, never to her screen', async () => {
    await expect(panelStatus).toHaveText('Er is bij dit incident nog niet meegekeken.')
    const seen = await seenMails()
    await panel.getByRole('button', { name: 'Meekijken starten' }).click()
    await expect(panelStatus).toContainText('Wacht op toestemming van Marieke Jansen. De code is per e-mail en in het portaal naar de melder gestuurd; u ziet de code zelf niet. De code verloopt om')
    await expect(panelStatus).toBeFocused()
    const mail = await newMail(MARIEKE.email, /Uw persoonlijke code is \d{6}/, seen)
    expect(mail.text).toContain(`${KB}/meekijken/`)
    code = codeIn(mail)
    await expect(page.getByText(code)).toHaveCount(0)
  })

  await test.step('the requester enters it on the KB, with a space, and sees who, for which incident, until when, and what is seen', async () => {
    await customer.goto('/meekijken/')
    await expect(customer.getByRole('heading', { level: 1, name: 'Meekijken' })).toBeVisible()
    const field = customer.getByRole('textbox', { name: 'Uw code van 6 cijfers' })
    await expect(field).toHaveAttribute('inputmode', 'numeric')
    await expect(field).toHaveAttribute('autocomplete', 'one-time-code')
    await field.fill(`${code.slice(0, 3)} ${code.slice(3)}`)
    await field.press('Enter')
    await expect(customer.getByRole('heading', { level: 2, name: 'Wie wil er meekijken?' })).toBeFocused()
    await expect(customer.locator('dt:text-is("Medewerker van support") + dd')).toHaveText('Lotte Smit')
    await expect(customer.locator('dt:text-is("Incident") + dd')).toHaveText(`${incident.number}: ${subject}`)
    await expect(customer.locator('dt:text-is("Organisatie") + dd')).toHaveText('Bakkerij Jansen B.V.')
    await expect(customer.locator('dt:text-is("Code geldig tot") + dd')).toHaveText(/\d\d:\d\d/)
    await expect(customer.getByText('Alleen het scherm, venster of tabblad dat u zelf kiest om te delen.', { exact: false })).toBeVisible()
    await expect(customer.getByText('Alleen kijken: de medewerker kan op uw computer niets bedienen', { exact: false })).toBeVisible()
    await expect(customer.getByText(`Geeft u Lotte Smit toestemming om mee te kijken bij incident ${incident.number}?`)).toBeVisible()
    await expectAccessible(customer)
  })

  await test.step('consent opens it on both pages; the console follows without a reload', async () => {
    await customer.getByRole('button', { name: 'Ik geef toestemming' }).click()
    await expect(island.getByRole('status').getByRole('heading', { name: 'Meekijken is open' })).toBeVisible()
    await expect(customer.getByText('Lotte Smit kan meekijken zodra u uw scherm deelt.', { exact: false })).toBeVisible()
    await expectAccessible(customer)
    await expect(panelStatus).toContainText('Meekijken is open: Marieke Jansen gaf toestemming om', { timeout: 10_000 })
    const video = panel.locator('video[aria-label="Scherm van Marieke Jansen"]')
    await expect(video).toBeVisible()
    expect(await video.evaluate((v: HTMLVideoElement) => [v.muted, v.playsInline])).toEqual([true, true])
    await expect(panel.getByText('Wacht op het scherm van de klant.')).toBeVisible()
    // A reload keeps the session: the token lives in this tab's sessionStorage.
    await customer.reload()
    await expect(island.getByRole('heading', { level: 2, name: 'Meekijken is open' })).toBeVisible()
  })

  await test.step('the customer shares a screen: a frame reaches the console’s video over WebRTC', async () => {
    await customer.getByRole('button', { name: 'Scherm delen' }).click()
    await expect(customer.getByText('Lotte Smit ziet nu wat u deelt.', { exact: false })).toBeVisible({ timeout: 20_000 })
    await expect(panel.getByText('U ziet het scherm van Marieke Jansen.', { exact: false })).toBeVisible({ timeout: 20_000 })
    await expect.poll(() => panel.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 10_000 }).toBeGreaterThan(0)
    // With coturn beside the server (relayed only), the picture provably went through it: the chosen path is a relay.
    if (TURN) await expect(panel.locator('[data-path="relay"]')).toHaveText('Verbinding via de TURN-server van de helpdesk.')
    else await expect(panel.locator('[data-path="direct"]')).toBeVisible()
  })

  await test.step('the customer stops sharing and shares again: the console loses the screen, then shows the new one', async () => {
    await customer.getByRole('button', { name: 'Delen stoppen' }).click()
    await expect(island.getByText('U deelt uw scherm niet meer.', { exact: false })).toBeVisible()
    // Nothing tells the console sooner than its connection dropping: some seconds in Chromium.
    await expect(panel.getByText('Het scherm van de klant is niet meer te zien.', { exact: false })).toBeVisible({ timeout: 20_000 })
    await customer.getByRole('button', { name: 'Scherm delen' }).click()
    await expect(panel.getByText('U ziet het scherm van Marieke Jansen.', { exact: false })).toBeVisible({ timeout: 20_000 })
  })

  await test.step('the customer ends it: her page says so, and the console shows who ended it, without a reload', async () => {
    await customer.getByRole('button', { name: 'Meekijken beëindigen' }).click()
    await expect(island.getByRole('status').getByRole('heading', { name: 'Meekijken is beëindigd' })).toBeVisible()
    await expect(customer.getByText('U hebt het meekijken beëindigd. Lotte Smit kijkt niet meer mee.')).toBeVisible()
    await expect(panelStatus).toContainText('Meekijken is beëindigd door Marieke Jansen om', { timeout: 10_000 })
    await expect(panel.locator('video')).toHaveCount(0)
    await expect(panel.getByRole('button', { name: 'Opnieuw starten' })).toBeVisible()
  })

  await test.step('the used code is refused with a clear message, on the field', async () => {
    await customer.getByRole('button', { name: 'Een andere code invullen' }).click()
    const field = customer.getByRole('textbox', { name: 'Uw code van 6 cijfers' })
    await expect(field).toBeFocused()
    await field.fill(code)
    await customer.getByRole('button', { name: 'Verder' }).click()
    await expect(island.getByRole('alert')).toHaveText('Deze code is al gebruikt: een code werkt één keer. Vraag de medewerker om een nieuwe.')
    await expect(field).toBeFocused()
  })

  await test.step('a second code on the English page: "Not now" starts nothing, and Lotte ends the session', async () => {
    const seen = await seenMails()
    await panel.getByRole('button', { name: 'Opnieuw starten' }).click()
    await expect(panelStatus).toContainText('Wacht op toestemming van Marieke Jansen.')
    const second = codeIn(await newMail(MARIEKE.email, /Uw persoonlijke code is \d{6}/, seen))
    await customer.goto('/en/remote-view/')
    await expect(customer.getByRole('heading', { level: 1, name: 'Remote view' })).toBeVisible()
    await customer.getByRole('textbox', { name: 'Your 6-digit code' }).fill(second)
    await customer.getByRole('button', { name: 'Continue' }).click()
    await expect(customer.getByRole('heading', { level: 2, name: 'Who would like to look along?' })).toBeFocused()
    await expect(customer.locator('dt:text-is("Support employee") + dd')).toHaveText('Lotte Smit')
    await expect(customer.getByText('View only: the employee cannot control, type or click anything on your computer.')).toBeVisible()
    await expectAccessible(customer)
    await customer.getByRole('button', { name: 'Not now' }).click()
    await expect(island.getByRole('status')).toHaveText('You did not consent; nothing has started. While the code is valid you can enter it again.')
    await expect(customer.getByRole('textbox', { name: 'Your 6-digit code' })).toBeFocused()
    await expect(panelStatus).toContainText('Wacht op toestemming van Marieke Jansen.')
    await panel.getByRole('button', { name: 'Beëindigen' }).click()
    await expect(panelStatus).toContainText('Meekijken is beëindigd door Lotte Smit om')
    await customer.getByRole('textbox', { name: 'Your 6-digit code' }).fill(second)
    await customer.getByRole('button', { name: 'Continue' }).click()
    await expect(island.getByRole('alert')).toHaveText('This code has expired: a code works for 10 minutes. Ask the support employee for a new one.')
  })
})

test('a wrong code is refused on the field, and after 5 wrong codes the address waits; in Dutch and English', async ({ browser }) => {
  const customer = await customerPage(browser)
  await customer.goto('/meekijken/')
  await expectAccessible(customer)
  const field = customer.getByRole('textbox', { name: 'Uw code van 6 cijfers' })
  const alert = customer.locator('.remote-view').getByRole('alert')
  /** Sends the code in `input` and waits for the server's answer, so no try is lost to a busy button. */
  const send = async (input: typeof field, code: string) => {
    await input.fill(code)
    await Promise.all([customer.waitForResponse((r) => r.url().endsWith('/api/remote-views/lookup')), input.press('Enter')])
  }

  await test.step('what is not six digits is not sent at all', async () => {
    await field.fill('12 34')
    await customer.getByRole('button', { name: 'Verder' }).click()
    await expect(alert).toHaveText('Vul de 6 cijfers van uw code in, bijvoorbeeld 123 456.')
    await expect(field).toBeFocused()
    await expect(field).toHaveAttribute('aria-invalid', 'true')
  })

  await test.step('an unknown code: the server’s message as an alert on the field, focus kept there', async () => {
    await send(field, '000 000')
    await expect(alert).toHaveText('Deze code kennen we niet. Controleer de zes cijfers in uw e-mail of in het portaal.')
    await expect(field).toBeFocused()
    await expect(field).toHaveAccessibleDescription(/Deze code kennen we niet/)
    await expectAccessible(customer)
  })

  await test.step('the English page says the same in English, and links back to the Dutch one', async () => {
    await customer.goto('/en/remote-view/')
    await expect(customer.locator('.site-nav a[hreflang="nl"]')).toHaveAttribute('href', '/meekijken/')
    const english = customer.getByRole('textbox', { name: 'Your 6-digit code' })
    await send(english, '000001')
    await expect(alert).toHaveText('We do not know this code. Check the six digits in your e-mail or in the portal.')
    await expect(english).toBeFocused()
    await expectAccessible(customer)
  })

  await test.step('the sixth try from the same address waits, whatever the code', async () => {
    const english = customer.getByRole('textbox', { name: 'Your 6-digit code' })
    for (const wrong of ['000002', '000003', '000004']) {
      await send(english, wrong)
      await expect(alert).toHaveText(/We do not know this code/)
    }
    await send(english, '000005')
    await expect(alert).toHaveText('Too many wrong codes from this address. Wait 10 minutes and try again.')
    await expect(english).toBeFocused()
  })
})
