// The complaints desk: a complaint filed in the portal reaches the handlers by mail and the console's complaints, where support
// notes, assigns and answers it; the customer is mailed the answer, never the note; axe on both console pages; English too.
// People: Femke de Jong (employee of Hoekstra Logistiek), signed in once, only by this spec; Lotte Smit of support.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { linkIn, mailTo } from './fixtures/mail.ts'
import { signIn, signInStaff } from './fixtures/portal.ts'

const FEMKE = 'femke@hoekstra-logistiek.example'
const HANDLER = 'ruud@noordwind.example'

const rowOf = (page: Page, number: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: number, exact: true }) })

test('a complaint from the portal appears in the console, is noted, assigned and answered; the handler and the customer are mailed', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const stamp = Date.now()
  await signIn(page, FEMKE, '/portaal/klachten/')

  // An incident of her own to complain about, registered as a signed-in contact does.
  const incident = await page.request.post(`${KB}/api/incidents`, {
    data: { name: 'Femke de Jong', email: FEMKE, kind: 'bug', productArea: 'inventory', subject: `Scanner koppelt niet ${stamp}`, description: 'De handscanner maakt geen verbinding meer.' },
  })
  expect(incident.status()).toBe(201)
  const { number: incidentNumber, id: incidentId } = await incident.json()

  const subject = `Niemand belde terug over de scanner ${stamp}`
  await page.getByLabel('Onderwerp').fill(subject)
  await page.getByLabel('Uw bericht').fill('Mij werd gisteren beloofd dat iemand zou terugbellen. Niemand belde.')
  await page.getByLabel('Incidentnummer (optioneel)').fill(incidentNumber)
  await page.getByRole('button', { name: 'Versturen' }).click()
  const receipt = page.getByRole('status').filter({ hasText: 'Uw klacht is ontvangen' })
  await expect(receipt).toContainText(/onder nummer K\d+\./)
  const number = (await receipt.textContent())!.match(/K\d+/)![0]
  const complaintId = await receipt.getByRole('link', { name: `Bekijk ${number}` }).getAttribute('href').then((href) => new URL(href!, KB).searchParams.get('id')!)

  // Each handler named in desk.yaml is mailed, with the console's link to it.
  const handlerMail = await mailTo(HANDLER, new RegExp(`onder nummer ${number}`))
  expect(handlerMail.subject).toBe(`Nieuwe klacht ${number} van Hoekstra Logistiek: ${subject}`)
  expect(linkIn(handlerMail, `${KB}/staff/klachten/`)).toBe(`${KB}/staff/klachten/?id=${complaintId}`)

  // Support finds it in the console's complaints, open and due within a working day.
  const support = await browser.newContext()
  const staffPage = await support.newPage()
  await signInStaff(staffPage)
  await staffPage.goto('/staff/klachten/')
  await expect(staffPage.getByRole('heading', { level: 1, name: 'Klachten' })).toBeVisible()
  await expect(staffPage.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Klachten' })).toHaveAttribute('aria-current', 'page')
  const row = rowOf(staffPage, number)
  await expect(row).toContainText(subject)
  await expect(row).toContainText('Hoekstra Logistiek')
  await expect(row).toContainText('Ontvangen')
  await expect(row).toContainText(/nog \d+ u|nog \d+ min|over tijd/)
  await expectAccessible(staffPage)

  // The filters live in the URL: nobody's yet holds it; "mine" does not.
  await staffPage.getByRole('combobox', { name: 'Behandelaar' }).selectOption({ label: 'Mijn klachten' })
  await expect(staffPage).toHaveURL(/\/staff\/klachten\/\?assignee=me$/)
  await expect(rowOf(staffPage, number)).toHaveCount(0)
  await staffPage.getByRole('combobox', { name: 'Behandelaar' }).selectOption({ label: 'Nog niemand' })
  await expect(staffPage).toHaveURL(/\?assignee=none$/)
  await rowOf(staffPage, number).getByRole('link', { name: number }).click()

  // One complaint: the incident it is about links to the console's incident page.
  await expect(staffPage.getByRole('heading', { level: 2, name: `Klacht ${number}: ${subject}` })).toBeVisible()
  await expect(staffPage.getByRole('link', { name: new RegExp(`^${incidentNumber}: Scanner koppelt niet`) })).toHaveAttribute('href', `/staff/incident/?id=${incidentId}`)

  // An internal note (the default), then assignment.
  const note = `Intern ${stamp}: klant is al twee keer niet teruggebeld`
  await expect(staffPage.getByRole('radio', { name: 'Interne notitie (alleen voor support)' })).toBeChecked()
  await staffPage.getByLabel('Notitie', { exact: true }).fill(note)
  await staffPage.getByRole('button', { name: 'Notitie opslaan' }).click()
  await expect(staffPage.getByText('Notitie opgeslagen. De klant ziet haar niet.')).toBeVisible()
  await expect(staffPage.locator('.timeline')).toContainText(note)
  await staffPage.getByRole('combobox', { name: 'Behandelaar' }).selectOption({ label: 'Lotte Smit' })
  await staffPage.getByRole('button', { name: 'Toewijzen' }).click()
  await expect(staffPage.getByText('Toegewezen aan Lotte Smit.')).toBeVisible()

  // The public answer, with a new status: mailed to the customer.
  const answer = `Excuses, ik bel u vandaag vóór 16:00. ${stamp}`
  await staffPage.getByRole('radio', { name: 'Antwoord aan de klant (wordt gemaild)' }).check()
  await expect(staffPage.getByLabel('Antwoord', { exact: true })).toHaveAccessibleDescription(`De klant ziet dit in het portaal en krijgt het per e-mail (${FEMKE}).`)
  await staffPage.getByLabel('Antwoord', { exact: true }).fill(answer)
  await staffPage.getByRole('combobox', { name: 'Status daarna' }).selectOption({ label: 'In behandeling' })
  await staffPage.getByRole('button', { name: 'Antwoord versturen' }).click()
  await expect(staffPage.getByText('Antwoord verstuurd en gemaild aan de klant.')).toBeVisible()
  const details = staffPage.locator('.details')
  await expect(details).toContainText('In behandeling')
  await expect(details).toContainText('Lotte Smit')
  await expect(details).toContainText('Beantwoord')
  await expectAccessible(staffPage)

  const answerMail = await mailTo(FEMKE, new RegExp(`${number} "[^"]*" is nu: In behandeling`))
  expect(answerMail.text).toContain(answer)
  expect(answerMail.text).not.toContain(note)

  // The customer reads the answer in the portal, never the note.
  await page.goto(`/portaal/klachten/?id=${complaintId}`)
  await expect(page.locator('.timeline')).toContainText(answer)
  await expect(page.locator('body')).not.toContainText(note)
  const seen = await (await page.request.get(`${KB}/api/complaints/${complaintId}`)).text()
  expect(seen).not.toContain(note)
  expect((await page.request.get(`${KB}/api/staff/complaints/${complaintId}`)).status()).toBe(403)

  // The queue in English, answered now.
  await staffPage.goto('/en/staff/complaints/?status=in_progress')
  await expect(staffPage.getByRole('heading', { level: 1, name: 'Complaints' })).toBeVisible()
  await expect(rowOf(staffPage, number)).toContainText('In progress')
  await expect(rowOf(staffPage, number)).toContainText('Answered')
  await expect(rowOf(staffPage, number)).toContainText('Lotte Smit')
  await support.close()
})
