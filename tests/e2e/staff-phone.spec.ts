// Phone intake in the console: Lotte Smit finds an authorised caller by the number on her display and registers the incident
// (the caller gets the registration mail with the number); a caller who is not authorised is refused with the reason, and
// the organisation's admin is told how to authorise them. People: Lotte Smit of support (password); Noor Dijkstra and
// Joris Wiersma of Hoekstra Logistiek (demo people of their own: only called about, never signed in); Jelle Hoekstra, their admin.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { mailTo } from './fixtures/mail.ts'
import { signInStaff } from './fixtures/portal.ts'

const NOOR = 'noor@hoekstra-logistiek.example'
const JELLE = 'jelle@hoekstra-logistiek.example'

test('registers an incident for an authorised caller found by phone number; the caller gets the mail with the number', async ({ page }) => {
  const subject = `Magazijnscanner leest geen barcodes ${Date.now()}`
  await signInStaff(page)
  await page.goto('/staff/telefoon/')
  await expect(page.getByRole('heading', { level: 1, name: 'Telefoon' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Telefoon' })).toHaveAttribute('aria-current', 'page')
  await page.getByRole('searchbox', { name: 'Beller zoeken' }).fill('058-2134477')
  await page.getByRole('searchbox', { name: 'Beller zoeken' }).press('Enter')
  const results = page.getByRole('region', { name: 'Gevonden bellers' })
  const noor = results.getByRole('listitem').filter({ hasText: 'Noor Dijkstra' })
  await expect(noor.getByText('Hoekstra Logistiek (klantnummer 104502)')).toBeVisible()
  await expect(noor.getByText('Gemachtigde, actieve contactpersoon: support kan helpen.')).toBeVisible()
  await noor.getByRole('button', { name: 'Kies Noor Dijkstra' }).click()

  const form = page.getByRole('form', { name: 'Incident registreren voor Noor Dijkstra' })
  await expect(form.getByRole('heading', { name: 'Incident registreren voor Noor Dijkstra' })).toBeFocused()
  await expect(form.getByText(`Noor Dijkstra krijgt de registratiemail met het incidentnummer op ${NOOR}.`)).toBeVisible()
  await expectAccessible(page)
  // Sent empty first: our own words beside the fields, nothing registered.
  await form.getByRole('button', { name: 'Registreren' }).click()
  await expect(form.getByText('Minstens 10 tekens.')).toBeVisible()
  await form.getByRole('radio', { name: 'Fout' }).check()
  await form.getByRole('combobox', { name: 'Productgebied' }).selectOption('inventory')
  await form.getByLabel('Onderwerp').fill(subject)
  await form.getByLabel('Omschrijving').fill('Sinds vanochtend leest de magazijnscanner bij inslag geen enkele barcode; uitslag werkt wel.')
  await form.getByRole('button', { name: 'Registreren' }).click()

  const done = page.getByRole('status').filter({ hasText: /^Incident \d+ is geregistreerd voor Noor Dijkstra\./ })
  await expect(done).toBeVisible()
  const number = /Incident (\d+)/.exec((await done.textContent())!)![1]!
  const mail = await mailTo(NOOR, new RegExp(`\\b${number}\\b`))
  expect(mail.subject).toContain(number)
  expect(mail.subject).toContain(subject)
  expect(mail.text).toContain(number)

  // The console shows the incident came in by phone.
  await page.getByRole('link', { name: `Incident ${number} openen` }).click()
  await expect(page).toHaveURL(/\/staff\/incident\/\?id=/)
  await expect(page.getByText('Telefonisch geregistreerd')).toBeVisible()
  const incident = await (await page.request.get(`/api/incidents/${new URL(page.url()).searchParams.get('id')}`)).json()
  expect(incident.incident.channel).toBe('phone')
})

test('refuses a caller who is not authorised, says why, and tells the organisation\'s admin', async ({ page }) => {
  await signInStaff(page)
  await page.goto('/staff/telefoon/')
  await page.getByRole('searchbox', { name: 'Beller zoeken' }).fill('wiersma')
  await page.getByRole('searchbox', { name: 'Beller zoeken' }).press('Enter')
  const joris = page.getByRole('region', { name: 'Gevonden bellers' }).getByRole('listitem').filter({ hasText: 'Joris Wiersma' })
  await expect(joris.getByText('Niet gemachtigd door de organisatie: support kan niet helpen.')).toBeVisible()
  await joris.getByRole('button', { name: 'Kies Joris Wiersma' }).click()

  const refused = page.getByRole('region', { name: 'Support kan Joris Wiersma niet helpen' })
  await expect(refused.getByRole('heading', { name: 'Support kan Joris Wiersma niet helpen' })).toBeFocused()
  await expect(page.getByRole('form', { name: /Incident registreren/ })).toHaveCount(0)
  await expectAccessible(page)
  await refused.getByRole('button', { name: 'Laat de beheerders van Hoekstra Logistiek weten dat Joris Wiersma belde' }).click()
  await expect(refused.getByRole('status')).toHaveText(`Gemaild aan Jelle Hoekstra (${JELLE}), met hoe zij Joris Wiersma kunnen machtigen.`)
  const mail = await mailTo(JELLE, /Joris Wiersma \(joris@hoekstra-logistiek\.example\) belde vandaag/)
  expect(mail.subject).toBe('Joris Wiersma belde support, maar is niet gemachtigd')
  expect(mail.text).toContain('/portaal/organisatie/')

  // In English the console says the same in English.
  await page.goto('/en/staff/phone/')
  await page.getByRole('searchbox', { name: 'Find caller' }).fill('joris@hoekstra')
  await page.getByRole('searchbox', { name: 'Find caller' }).press('Enter')
  await expect(page.getByText('Not authorised by their organisation: support cannot help.')).toBeVisible()
})
