// Staff notifications: an incident assigned to Fatima reaches her inbox and her mail; the customer reacts in the portal, the queue marks the incident and Fatima is mailed; axe on the inbox.
// People: Wouter Bos (employee of Hoekstra Logistiek, signed in by no other spec) files and reacts in the portal;
// Ingrid Postma (admin) assigns through the API; Fatima Yilmaz (agent, team Platform), in no other spec, works the console.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { linkIn, newMail, seenMails } from './fixtures/mail.ts'
import { signIn, signInStaff, staffApi } from './fixtures/portal.ts'

const WOUTER = 'wouter@hoekstra-logistiek.example'
const FATIMA = 'fatima@noordwind.example'

test('a customer reaction marks the incident in the queue and mails the handler, who was told of the assignment too', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const subject = `Inloggen lukt niet na update ${Date.now()}`

  // Wouter files an incident in the portal's way, signed in: platform routes to team Platform.
  await signIn(page, WOUTER, '/portaal/incidenten/')
  const filed = await page.request.post(`${KB}/api/incidents`, {
    data: { name: 'Wouter Bos', email: WOUTER, kind: 'bug', productArea: 'platform', subject, description: 'Sinds de update van vanochtend krijgt niemand in het magazijn een inlogscherm.', lang: 'nl' },
  })
  expect(filed.status()).toBe(201)
  const incident = (await filed.json()) as { id: string; number: string }

  await test.step('assigned to Fatima: a mail with a link into the console, and an entry in her inbox', async () => {
    // The demo desk's history leaves Fatima notifications of her own: read first, so the counts below are this journey's.
    const own = await staffApi(FATIMA)
    expect((await own.post('/api/staff/notifications/read')).status()).toBe(200)
    await own.dispose()
    const seen = await seenMails()
    const ingrid = await staffApi('ingrid@noordwind.example')
    const assigned = await ingrid.patch(`/api/incidents/${incident.id}`, { data: { version: 1, priority: 3, status: 'in_progress', assigneeId: 's-fatima' } })
    expect(assigned.status()).toBe(200)
    await ingrid.dispose()
    const mail = await newMail(FATIMA, (m) => m.subject === `Aan u toegewezen: incident ${incident.number} – ${subject}`, seen)
    expect(linkIn(mail, KB)).toBe(`${KB}/staff/incident/?id=${incident.id}`)
  })

  const consoleContext = await browser.newContext()
  const fatima = await consoleContext.newPage()
  await signInStaff(fatima, FATIMA)
  const menu = fatima.getByRole('navigation', { name: 'Console' })

  await test.step('the inbox lists it with a link and the count in the menu; marked read, the count goes', async () => {
    await fatima.goto('/staff/meldingen/')
    await expect(fatima.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible()
    await expect(menu.getByRole('link', { name: 'Meldingen (1)' })).toBeVisible()
    const entry = fatima.getByRole('link', { name: `Incident ${incident.number} is aan u toegewezen: ${subject}` })
    await expect(entry).toHaveAttribute('href', `/staff/incident/?id=${incident.id}`)
    await expectAccessible(fatima)
    await fatima.getByRole('button', { name: `Gelezen: Incident ${incident.number} is aan u toegewezen: ${subject}` }).click()
    await expect(fatima.getByText('Alles gelezen.')).toBeVisible()
    await expect(menu.getByRole('link', { name: 'Meldingen', exact: true })).toBeVisible()
  })

  const seen = await seenMails()
  await test.step('Wouter reacts in the portal', async () => {
    await page.goto(`/portaal/incidenten/?id=${incident.id}`)
    await page.getByLabel('Uw reactie').fill('Ook na opnieuw opstarten blijft het scherm wit.')
    await page.getByRole('button', { name: 'Reactie versturen' }).click()
    await expect(page.getByText('Uw reactie is toegevoegd.')).toBeVisible()
  })

  await test.step('Fatima is mailed, and the queue marks the incident until she opens it', async () => {
    const mail = await newMail(FATIMA, (m) => m.subject === `Reactie van de klant op incident ${incident.number} – ${subject}`, seen)
    expect(linkIn(mail, KB)).toBe(`${KB}/staff/incident/?id=${incident.id}`)
    await fatima.goto('/staff/')
    const row = fatima.locator('table tbody tr').filter({ hasText: subject })
    await expect(row.getByText('Nieuwe reactie van de klant')).toBeAttached()
    await expect(row.locator('[data-unread-reaction]')).toBeVisible()
    await expect(menu.getByRole('link', { name: 'Meldingen (1)' })).toBeVisible()
    await row.getByRole('link', { name: incident.number }).click()
    await expect(fatima.getByRole('heading', { name: `Incident ${incident.number}: ${subject}` })).toBeVisible()
    // The reaction the queue's mark stood for is marked on the incident page too, and only that one.
    await expect(fatima.locator('li.message').filter({ hasText: 'Ook na opnieuw opstarten blijft het scherm wit.' }).getByText('Nieuwe reactie van de klant')).toBeVisible()
    await expect(fatima.locator('li.new-reaction')).toHaveCount(1)
    await fatima.goto('/staff/')
    await expect(fatima.locator('table tbody tr').filter({ hasText: subject })).toBeVisible()
    await expect(fatima.locator('table tbody tr').filter({ hasText: subject }).locator('[data-unread-reaction]')).toHaveCount(0)
  })

  await test.step('the inbox in English: opening a notification reads it; the mail preferences are on the settings page', async () => {
    await fatima.goto('/en/staff/notifications/')
    await expect(menu.getByRole('link', { name: 'Notifications (1)' })).toBeVisible()
    await fatima.getByRole('link', { name: `The customer reacted on incident ${incident.number}: ${subject}` }).click()
    await expect(fatima.getByRole('heading', { name: `Incident ${incident.number}: ${subject}` })).toBeVisible()
    await expect(menu.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible()
    await fatima.goto('/en/staff/notifications/')
    await expect(fatima.getByText('All read.')).toBeVisible()
    await expect(fatima.getByRole('checkbox')).toHaveCount(0)
    await fatima.getByRole('link', { name: 'Choose which notifications also come by e-mail' }).click()
    await expect(fatima.getByRole('heading', { level: 2, name: 'Notifications by e-mail' })).toBeVisible()
    // The desk notice is an admin's: an agent's settings page does not offer it.
    await expect(fatima.getByRole('heading', { name: 'Exceptional busyness' })).toHaveCount(0)
    await fatima.getByLabel('The customer reacts on an incident I handle').uncheck()
    await fatima.getByRole('button', { name: 'Save preferences' }).click()
    await expect(fatima.getByText('Your preferences are saved.')).toBeVisible()
    await expectAccessible(fatima)
  })
  await consoleContext.close()
})
