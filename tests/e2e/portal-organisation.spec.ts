// The portal's Organisation page: an employee sees brief company information; an admin sees everything, edits the details and manages contacts, whose withdrawn authorisation then refuses their registrations.
import { expect, test, type Page } from '@playwright/test'
import { seriousViolations } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { mailTo } from './fixtures/mail.ts'
import { detail } from './fixtures/page.ts'
import { signIn } from './fixtures/portal.ts'

// Sign-in links are limited per address: this spec signs in only these two, once each.
const AISHA = 'aisha@devries-installatie.example'
const JELLE = 'jelle@hoekstra-logistiek.example'

/** A contact's row, found by their (unique) address; its cells after the name: e-mail, role, authorised, active, actions. */
const contactRow = (page: Page, email: string) => page.getByRole('table', { name: /Contactpersonen/ }).getByRole('row').filter({ hasText: email })

test('an employee sees only the brief company information, not invoices or contacts', async ({ page }) => {
  await signIn(page, AISHA, '/en/portal/organisation/')
  const details = page.getByRole('region', { name: 'Company details' })
  await expect(detail(details, 'Name')).toHaveText('De Vries Installatietechniek')
  await expect(detail(details, 'Customer number')).toHaveText('104388')
  await expect(detail(details, 'First Class customer')).toHaveText('No')
  await expect(page.getByText("Your organisation's admin sees more here")).toBeVisible()

  await expect(page.getByRole('table')).toHaveCount(0)
  for (const heading of ['Subscriptions', 'Invoices', 'Contacts']) await expect(page.getByRole('heading', { name: heading })).toHaveCount(0)
  await expect(page.getByText('F26-0419')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Change company details' })).toHaveCount(0)
  // The server, not only the page, keeps the rest from her.
  const contacts = await page.request.get(`${KB}/api/organisation/contacts`, { headers: { 'Accept-Language': 'en' } })
  expect(contacts.status()).toBe(403)

  expect(await seriousViolations(page)).toEqual([])
})

test('an admin edits the details and withdraws a new contact, whose registration is then refused; the last admin stays', async ({ page, request }) => {
  test.setTimeout(90_000)
  await signIn(page, JELLE, '/portaal/organisatie/')
  const details = page.getByRole('region', { name: 'Bedrijfsgegevens' })

  await test.step('sees the company details and records', async () => {
    await expect(detail(details, 'Naam')).toHaveText('Hoekstra Logistiek')
    await expect(detail(details, 'Klantnummer')).toHaveText('104502')
    await expect(detail(details, 'Adres')).toHaveText('Havenkade 88, 8911 AA Leeuwarden')
    const subscriptions = page.getByRole('table', { name: 'Abonnementen' })
    await expect(subscriptions.getByRole('columnheader')).toHaveText(['Abonnement', 'Sinds'])
    await expect(subscriptions.getByRole('row').nth(1)).toContainText('Noordwind ERP Logistiek')
    await expect(subscriptions.getByRole('row').nth(1)).toContainText('1 feb 2024')
    await expect(page.getByRole('region', { name: 'Facturen' })).toContainText('Er zijn geen facturen.')
    await expect(page.getByRole('table', { name: 'Projecten' })).toContainText('Implementatie magazijnscanners')
    await expect(page.getByRole('region', { name: 'Cursussen' })).toContainText('Er zijn geen cursussen.')
  })

  const phone = `058 ${String(Date.now()).slice(-7)}`
  await test.step('edits the phone number: a wrong one is named beside the field, a right one persists', async () => {
    await page.getByRole('button', { name: 'Bedrijfsgegevens wijzigen' }).click()
    const field = page.getByRole('textbox', { name: 'Telefoonnummer' })
    await field.fill('bel de receptie')
    await page.getByRole('button', { name: 'Opslaan' }).click()
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(field).toBeFocused()
    await expect(field).toHaveAccessibleDescription(/Gebruik alleen cijfers/)
    await expect(page.getByRole('alert')).toContainText('Zie de velden')

    await field.fill(phone)
    await page.getByRole('button', { name: 'Opslaan' }).click()
    const status = details.getByRole('status')
    await expect(status).toHaveText('De bedrijfsgegevens zijn opgeslagen.')
    await expect(status).toBeFocused()
    await expect(detail(details, 'Telefoonnummer')).toHaveText(phone)
    await page.reload()
    await expect(detail(page.getByRole('region', { name: 'Bedrijfsgegevens' }), 'Telefoonnummer')).toHaveText(phone)
  })

  const email = `sem.${Date.now()}@hoekstra-logistiek.example`
  await test.step('adds a contact; the same address twice is refused beside the field', async () => {
    const form = page.getByRole('form', { name: 'Contactpersoon toevoegen' })
    await form.getByRole('textbox', { name: 'Naam' }).fill('Sem de Jong')
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email)
    await form.getByRole('combobox', { name: 'Rol' }).selectOption('employee')
    await form.getByRole('combobox', { name: 'Taal van de e-mails' }).selectOption('nl')
    await form.getByRole('button', { name: 'Contactpersoon toevoegen' }).click()
    await expect(form.getByRole('status')).toContainText('Sem de Jong is toegevoegd')
    await expect(form.getByRole('status')).toBeFocused()
    const row = contactRow(page, email)
    await expect(row.getByRole('cell')).toHaveText([email, 'Medewerker', 'Ja', 'Ja', /Autorisatie intrekken/])
    await expect(form.getByRole('textbox', { name: 'E-mailadres' })).toHaveValue('')

    await form.getByRole('textbox', { name: 'Naam' }).fill('Sem de Jong')
    await form.getByRole('textbox', { name: 'E-mailadres' }).fill(email)
    await form.getByRole('button', { name: 'Contactpersoon toevoegen' }).click()
    const field = form.getByRole('textbox', { name: 'E-mailadres' })
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(field).toHaveAccessibleDescription(/al in gebruik/)
    await expect(contactRow(page, email)).toHaveCount(1)
  })

  await test.step('withdraws the new contact’s authorisation after confirming; cancelling changes nothing', async () => {
    const row = contactRow(page, email)
    const withdraw = row.getByRole('button', { name: /Autorisatie intrekken/ })
    await withdraw.click()
    const question = row.getByText('De autorisatie van Sem de Jong intrekken?')
    await expect(question).toBeFocused()
    await row.getByRole('button', { name: 'Annuleren' }).click()
    await expect(question).toHaveCount(0)
    await expect(withdraw).toBeFocused()
    await expect(row.getByRole('cell').nth(2)).toHaveText('Ja')

    await withdraw.click()
    await row.getByRole('button', { name: 'Ja', exact: true }).click()
    await expect(row.getByRole('status')).toHaveText('De autorisatie van Sem de Jong is ingetrokken.')
    await expect(row.getByRole('status')).toBeFocused()
    await expect(row.getByRole('cell').nth(2)).toHaveText('Nee')
    await expect(row.getByRole('button', { name: /Autoriseren/ })).toBeVisible()
  })

  await test.step('the withdrawn contact’s registration gets the usual answer, and a mail saying they are not authorised', async () => {
    // As the widget does: anonymous, without the admin's session.
    const res = await request.post(`${KB}/api/incidents`, {
      data: { name: 'Sem de Jong', email, kind: 'question', productArea: 'inventory', subject: 'Scanner koppelen', description: 'Hoe koppel ik een nieuwe scanner aan het magazijn?', lang: 'nl' },
    })
    expect(res.status()).toBe(202)
    const mail = await mailTo(email, /niet gemachtigd/)
    expect(mail.text).toContain('Vraag de beheerder van uw organisatie')
    expect(mail.text).not.toContain('token=')
  })

  await test.step('withdrawing his own authorisation as the only admin is refused and changes nothing', async () => {
    const row = contactRow(page, JELLE)
    await row.getByRole('button', { name: /Autorisatie intrekken/ }).click()
    await row.getByRole('button', { name: 'Ja', exact: true }).click()
    await expect(row.getByRole('alert')).toHaveText(/minstens één beheerder/)
    await expect(row.getByRole('alert')).toBeFocused()
    await expect(row.getByRole('cell').nth(2)).toHaveText('Ja')
    const { contacts } = await (await page.request.get(`${KB}/api/organisation/contacts`)).json()
    expect(contacts.find((c: { email: string }) => c.email === JELLE)).toMatchObject({ role: 'admin', isAuthorised: true, isActive: true })
  })

  expect(await seriousViolations(page)).toEqual([])
})
