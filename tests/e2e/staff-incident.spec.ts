// The console's incident page: an agent triages by the priority guidance, notes, replies and logs a call; the customer sees and gets only the reply.
// People: Jelle Hoekstra (admin of Hoekstra Logistiek, not First Class), signed in once, files by the API as a signed-in contact
// (another spec uses his address for a widget registration); Daan Mulder (agent, team Logistiek) of support.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { inbox, mailTo } from './fixtures/mail.ts'
import { detail } from './fixtures/page.ts'
import { signIn, signInStaff } from './fixtures/portal.ts'

const JELLE = 'jelle@hoekstra-logistiek.example'
const DAAN = 'daan@noordwind.example'

/** A due time as the console writes it: the page's own Intl in the desk's zone, so the browser's ICU decides, not Node's. */
const shownAs = (page: Page, iso: string) => page.evaluate((at) => new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
}).format(new Date(at)), iso)

test('an agent triages without priority 1, notes, replies and logs a call; only the reply reaches the customer', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const stamp = Date.now()
  const note = `Intern ${stamp}: waarschijnlijk de printerdriver van het magazijn`
  const reply = `Antwoord ${stamp}: wilt u de pakbon opnieuw printen na de update?`
  const callSummary = `Gebeld ${stamp}: klant probeert het morgen opnieuw`
  const description = 'Na het printen is de pakbon leeg. <b>Geen</b> regels zichtbaar.'

  // Jelle files two incidents as a signed-in contact: inventory routes to team Logistiek.
  await signIn(page, JELLE, '/portaal/incidenten/')
  const file = async (subject: string) => {
    const res = await page.request.post(`${KB}/api/incidents`, {
      data: { name: 'Jelle Hoekstra', email: JELLE, kind: 'bug', productArea: 'inventory', subject, description, kbQuery: 'pakbon leeg', kbArticles: ['backorders', 'goods-receipt'], lang: 'nl' },
    })
    expect(res.status()).toBe(201)
    return (await res.json()) as { id: string; number: string }
  }
  const earlier = await file(`Scanner telt dubbel ${stamp}`)
  const incident = await file(`Pakbon blijft leeg ${stamp}`)

  const consoleContext = await browser.newContext()
  const staff = await consoleContext.newPage()
  await signInStaff(staff, DAAN)
  await staff.goto(`/staff/incident/?id=${incident.id}`)

  await test.step('shows who filed it, from which search, and the description as text', async () => {
    await expect(staff.getByRole('heading', { name: `Incident ${incident.number}: Pakbon blijft leeg ${stamp}` })).toBeVisible()
    await expect(detail(staff, 'Organisatie')).toHaveText('Hoekstra Logistiek (geen First Class)')
    await expect(detail(staff, 'Klantnummer')).toHaveText('104502')
    await expect(detail(staff, 'Melder')).toHaveText('Jelle Hoekstra')
    await expect(detail(staff, 'E-mailadres')).toHaveText(JELLE)
    await expect(detail(staff, 'Rol van de melder')).toHaveText('Beheerder van de organisatie')
    await expect(detail(staff, 'Zoekvraag in de kennisbank')).toHaveText('pakbon leeg')
    await expect(detail(staff, 'Artikelen die de klant zag')).toContainText('backorders')
    await expect(detail(staff, 'Team')).toHaveText('Team Logistiek')
    await expect(staff.getByText(description)).toBeVisible()
    await expect(staff.locator('.prose b')).toHaveCount(0)
    const history = staff.getByRole('table', { name: 'Andere incidenten van Hoekstra Logistiek' })
    await expect(history.getByRole('link', { name: `Scanner telt dubbel ${stamp}` })).toHaveAttribute('href', `/staff/incident/?id=${earlier.id}`)
  })

  await test.step('priority 1 is not offered to a customer without First Class, and the server refuses it too', async () => {
    await expect(staff.getByRole('radio', { name: '1 – Productie ligt stil' })).toBeDisabled()
    await expect(staff.getByText('Niet te kiezen: Hoekstra Logistiek is geen First Class-klant.')).toBeVisible()
    const before = (await (await staff.request.get(`${KB}/api/incidents/${incident.id}`)).json()).incident
    const forced = await staff.request.patch(`${KB}/api/incidents/${incident.id}`, { data: { version: before.version, priority: 1 } })
    expect(forced.status()).toBe(422)
    expect((await forced.json()).code).toBe('priority_first_class_only')
    const after = (await (await staff.request.get(`${KB}/api/incidents/${incident.id}`)).json()).incident
    expect([after.priority, after.version]).toEqual([null, before.version])
  })

  await test.step('priority 2 and in progress: the due time shown is the server’s', async () => {
    await expect(staff.getByText('Binnen 1 werkdag (8,5 kantooruren)')).toBeVisible()
    await staff.getByRole('radio', { name: '2 – Productieverstorend' }).check()
    await staff.getByLabel('Status', { exact: true }).selectOption({ label: 'In behandeling' })
    await staff.getByLabel('Behandelaar').selectOption({ label: 'Daan Mulder' })
    await staff.getByRole('button', { name: 'Triage opslaan' }).click()
    const saved = staff.getByText(/^Opgeslagen\. Doeltijd: /)
    await expect(saved).toBeFocused()
    const { incident: current } = await (await staff.request.get(`${KB}/api/incidents/${incident.id}`)).json()
    expect([current.priority, current.status, current.assigneeId]).toEqual([2, 'in_progress', 's-daan'])
    const due = await shownAs(staff, current.sla.dueAt)
    await expect(saved).toHaveText(`Opgeslagen. Doeltijd: ${due}.`)
    await expect(detail(staff, 'Doeltijd').locator('time')).toHaveAttribute('datetime', current.sla.dueAt)
    await expect(detail(staff, 'Doeltijd').locator('time')).toHaveText(due)
    await expect(detail(staff, 'Status')).toHaveText('In behandeling')
    // Only the moves allowed from in progress are offered now.
    await expect(staff.getByLabel('Status', { exact: true }).locator('option')).toHaveText(['In behandeling (huidige status)', 'Wacht op de klant', 'Opgelost'])
  })

  await test.step('a change made elsewhere first is shown, and the typed note is kept', async () => {
    await expect(staff.getByRole('button', { name: 'Interne notitie opslaan' })).toBeVisible()
    await staff.getByLabel('Interne notitie', { exact: true }).fill(note)
    const { incident: current } = await (await staff.request.get(`${KB}/api/incidents/${incident.id}`)).json()
    expect((await staff.request.patch(`${KB}/api/incidents/${incident.id}`, { data: { version: current.version, assigneeId: 's-admin' } })).status()).toBe(200)
    await staff.getByRole('radio', { name: '3 – Niet productieverstorend' }).check()
    await staff.getByRole('button', { name: 'Triage opslaan' }).click()
    await expect(staff.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit incident intussen gewijzigd.' })).toBeFocused()
    await expect(detail(staff, 'Behandelaar')).toHaveText('Ingrid Postma')
    await expect(staff.getByRole('radio', { name: '2 – Productieverstorend' })).toBeChecked()
    await expect(staff.getByLabel('Interne notitie', { exact: true })).toHaveValue(note)
  })

  await test.step('an internal note, a public reply and a logged call, each marked as what it is', async () => {
    await staff.getByRole('button', { name: 'Interne notitie opslaan' }).click()
    await expect(staff.getByText('De interne notitie is opgeslagen. De klant ziet haar niet.')).toBeFocused()
    const noteItem = staff.locator('.timeline > li').filter({ hasText: note })
    await expect(noteItem.locator('.badge')).toHaveText('Intern')

    await staff.getByLabel('Antwoord aan de klant (wordt naar de klant gemaild)').check()
    await expect(staff.getByText(`krijgt het per e-mail op ${JELLE}`)).toBeVisible()
    await staff.getByLabel('Antwoord aan de klant', { exact: true }).fill(reply)
    await staff.getByRole('button', { name: 'Antwoord naar de klant sturen' }).click()
    await expect(staff.getByText('Het antwoord is naar de klant gestuurd.')).toBeFocused()
    await expect(staff.locator('.timeline > li').filter({ hasText: reply }).locator('.badge')).toHaveText('Antwoord aan de klant')

    await staff.getByLabel('Uitgaand: wij belden de klant').check()
    await staff.getByLabel('Samenvatting van het gesprek').fill(callSummary)
    await staff.getByRole('button', { name: 'Gesprek vastleggen' }).click()
    await expect(staff.getByText('Het gesprek is vastgelegd.')).toBeFocused()
    await expect(staff.locator('.timeline > li').filter({ hasText: callSummary }).locator('.badge')).toHaveText(['Telefoon: wij belden', 'Intern'])
    await expectAccessible(staff)
  })

  await test.step('the customer gets and sees the reply, never the note or the call', async () => {
    await mailTo(JELLE, new RegExp(`Antwoord ${stamp}`))
    const mails = await inbox()
    expect(mails.filter((m) => m.text.includes(note) || m.text.includes(callSummary))).toEqual([])
    await page.goto(`/portaal/incidenten/?id=${incident.id}`)
    const timeline = page.locator('.timeline')
    await expect(timeline.getByText(reply)).toBeVisible()
    await expect(page.getByText(note)).toHaveCount(0)
    await expect(page.getByText(callSummary)).toHaveCount(0)
  })

  await test.step('the same page in English', async () => {
    await staff.goto(`/en/staff/incident/?id=${incident.id}`)
    await expect(staff.getByRole('radio', { name: '1 – Production down' })).toBeDisabled()
    await expect(staff.getByRole('button', { name: 'Save internal note' })).toBeVisible()
    await expect(staff.locator('.timeline > li').filter({ hasText: note }).locator('.badge')).toHaveText('Internal')
  })
  await consoleContext.close()
})
