// Articles the portal suggested go along with the incident, even when the form's own suggestions later differ, and the console lists them.
// People: Marieke Jansen (admin of Bakkerij Jansen), signed in by an English link (another spec signs her in by a Dutch one); Lotte Smit of support.
import { expect, test } from '@playwright/test'
import { KB } from './fixtures/env.ts'
import { detail } from './fixtures/page.ts'
import { signIn, signInStaff } from './fixtures/portal.ts'

const MARIEKE = 'marieke@bakkerij-jansen.example'

test('an article the portal suggested before the form is on the incident in the console', async ({ page, browser }) => {
  const stamp = Date.now()
  await signIn(page, MARIEKE, '/portaal/melden/', 'en')

  // The search suggests the VAT return article.
  await page.getByLabel('Waar gaat uw vraag over?').fill('btw-aangifte')
  await expect(page.locator('.search-results a').first()).toHaveAttribute('href', '/financien/btw-aangifte/')
  await page.getByRole('button', { name: /melding maken/ }).click()

  // The form's own suggestions follow what is typed now, about something else: the article shown before must not be lost.
  await page.getByLabel(/^Gebruikersvraag/).check()
  await page.getByLabel('Productgebied').selectOption({ label: 'Voorraad en logistiek' })
  await page.getByLabel('Onderwerp').fill(`Voorraad tellen per magazijn ${stamp}`)
  await page.getByLabel('Omschrijving').fill('Hoe tel ik de voorraad van één magazijn apart?')
  await expect(page.locator('.search-results a').first()).not.toHaveAttribute('href', /btw-aangifte/)
  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url() === `${KB}/api/incidents`)
  await page.getByRole('button', { name: 'Melding versturen' }).click()
  const kbArticles: string[] = (await sent).postDataJSON().kbArticles
  expect(kbArticles[0]).toBe('vat-return')
  expect(kbArticles.length).toBeGreaterThan(1)
  await expect(page.getByRole('heading', { name: /Uw melding is geregistreerd onder incidentnummer \d+/ })).toBeVisible()
  await page.getByRole('link', { name: 'Bekijk en volg uw melding' }).click()
  await expect(page.getByRole('heading', { name: new RegExp(`Voorraad tellen per magazijn ${stamp}`) })).toBeVisible()
  const id = new URL(page.url()).searchParams.get('id')!

  // Support reads, on the incident, every article the customer was shown.
  const consoleContext = await browser.newContext()
  const staff = await consoleContext.newPage()
  await signInStaff(staff)
  await staff.goto(`/staff/incident/?id=${encodeURIComponent(id)}`)
  const shown = detail(staff, 'Artikelen die de klant zag')
  await expect(shown).toContainText('vat-return')
  for (const key of kbArticles) await expect(shown.getByText(key, { exact: true })).toBeVisible()
  await consoleContext.close()
})
