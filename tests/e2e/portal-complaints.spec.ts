// The portal's complaints and feedback: an admin files a complaint and an opinion, support answers, the mails lead back; both languages.
// People: Peter de Vries (admin of De Vries Installatietechniek) only, as he may ask for 3 sign-in links per 10 minutes; Lotte Smit of support.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { linkIn, mailTo } from './fixtures/mail.ts'
import { signIn, staffApi } from './fixtures/portal.ts'

const PETER = 'peter@devries-installatie.example'

const rowOf = (page: Page, number: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name: number, exact: true }) })

test('an admin files a complaint about an incident, support answers, the mail leads back; an opinion has no due time; English too', async ({ page, browser }) => {
  const stamp = Date.now()
  await signIn(page, PETER, '/portaal/klachten/')
  await expect(page.getByRole('heading', { level: 2, name: 'Klacht of mening insturen' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Klachten en meningen van uw organisatie' })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Een klacht' })).toBeChecked()
  await expect(page.getByRole('radio', { name: 'Een klacht' })).toHaveAccessibleDescription(/binnen één werkdag een reactie/)
  await expect(page.getByRole('radio', { name: 'Een mening' })).toHaveAccessibleDescription(/reageren waar dat nuttig is/)
  await expectAccessible(page)

  // An incident of his own to complain about, registered as a signed-in contact does.
  const incident = await page.request.post(`${KB}/api/incidents`, {
    data: { name: 'Peter de Vries', email: PETER, kind: 'bug', productArea: 'platform', subject: `Installatie blijft hangen ${stamp}`, description: 'De update blijft op 90% staan.' },
  })
  expect(incident.status()).toBe(201)
  const { number: incidentNumber, id: incidentId } = await incident.json()

  // A number he may not see is refused beside its field; nothing is filed.
  const subject = `Niemand belde terug ${stamp}`
  const text = 'Ik heb drie keer gebeld.\nNiemand belde terug. <img src=x onerror="alert(1)">'
  await page.getByLabel('Onderwerp').fill(subject)
  await page.getByLabel('Uw bericht').fill(text)
  const numberField = page.getByLabel('Incidentnummer (optioneel)')
  await numberField.fill('999999999')
  await page.getByRole('button', { name: 'Versturen' }).click()
  await expect(page.getByRole('alert')).toHaveText('De gegevens zijn niet compleet of niet juist. Zie de velden.')
  await expect(numberField).toHaveAttribute('aria-invalid', 'true')
  await expect(numberField).toHaveAccessibleDescription(/We vinden geen incident met dit nummer/)
  const filed = await (await page.request.get(`${KB}/api/complaints`)).json()
  expect(filed.complaints.filter((c: { subject: string }) => c.subject === subject)).toEqual([])

  // The complaint: its number and when the response is due, with the focus on it.
  await numberField.fill(incidentNumber)
  await page.getByRole('button', { name: 'Versturen' }).click()
  const receipt = page.getByRole('status').filter({ hasText: 'Uw klacht is ontvangen' })
  await expect(receipt).toContainText(/Uw klacht is ontvangen onder nummer K\d+\./)
  await expect(receipt).toContainText(/U krijgt uiterlijk \w+dag \d{1,2} \w+ om \d{2}:\d{2} een reactie van ons\./)
  expect(await receipt.evaluate((el) => el.parentElement === document.activeElement)).toBe(true)
  await expect(numberField).not.toHaveAttribute('aria-invalid', 'true')
  const number = (await receipt.textContent())!.match(/K\d+/)![0]
  await expect(rowOf(page, number)).toContainText('Ontvangen')
  await expect(rowOf(page, number)).toContainText(/\d{2}:\d{2}/)

  const receiptMail = await mailTo(PETER, new RegExp(`onder nummer ${number}\\.`))
  expect(receiptMail.subject).toContain(number)

  // Its page: the text as typed, line breaks kept and markup shown as text, and the incident linked.
  await receipt.getByRole('link', { name: `Bekijk ${number}` }).click()
  await expect(page.getByRole('heading', { level: 2, name: `Klacht ${number}: ${subject}` })).toBeVisible()
  const id = new URL(page.url()).searchParams.get('id')!
  const details = page.locator('.details')
  await expect(details).toContainText('Ontvangen')
  await expect(details.getByRole('link', { name: new RegExp(`^${incidentNumber}: Installatie blijft hangen`) })).toHaveAttribute('href', `/portaal/incidenten/?id=${incidentId}`)
  const message = page.locator('article .prose')
  expect(await message.innerText()).toBe(text)
  await expect(page.locator('article img')).toHaveCount(0)
  await expect(page.getByText('Support heeft nog niet gereageerd.')).toBeVisible()
  await expectAccessible(page)

  // Support takes it up with a reply; the page and a mail say so.
  const staff = await staffApi()
  const reply = 'Excuses, we bellen u vandaag nog.\nMet vriendelijke groet, Lotte'
  const answered = await staff.patch(`/api/complaints/${id}`, { data: { version: 1, status: 'in_progress', reply } })
  expect(answered.status()).toBe(200)
  await page.reload()
  await expect(details).toContainText('In behandeling')
  await expect(details).toContainText('Op tijd beantwoord')
  const timeline = page.locator('.timeline')
  await expect(timeline.locator('li')).toHaveCount(3)
  await expect(timeline.locator('li').nth(1)).toContainText('Status: In behandeling')
  await expect(timeline.locator('li').nth(2)).toContainText('Lotte Smit (support)')
  expect(await timeline.locator('li').nth(2).locator('.text').innerText()).toBe(reply)
  await expectAccessible(page)

  // The change mail's link signs him in, in a browser without a session, on the complaint's page.
  const changeMail = await mailTo(PETER, new RegExp(`${number} "[^"]*" is nu: In behandeling`))
  const fresh = await browser.newContext()
  const peter = await fresh.newPage()
  await peter.goto(linkIn(changeMail, `${KB}/api/auth/callback`))
  await peter.getByRole('button', { name: /Inloggen/ }).click()
  await peter.waitForURL(`${KB}/portaal/klachten/?id=${id}`)
  await expect(peter.getByRole('heading', { level: 2, name: `Klacht ${number}: ${subject}` })).toBeVisible()
  await expect(peter.locator('.timeline')).toContainText('Excuses, we bellen u vandaag nog.')
  await fresh.close()

  // An opinion: a number, no due time, in the list beside the complaint.
  await page.goto('/portaal/klachten/')
  await page.getByRole('radio', { name: 'Een mening' }).check()
  await page.getByLabel('Onderwerp').fill(`Fijne nieuwe kennisbank ${stamp}`)
  await page.getByLabel('Uw bericht').fill('De artikelen over installatie zijn heel duidelijk.')
  await page.getByRole('button', { name: 'Versturen' }).click()
  const thanks = page.getByRole('status').filter({ hasText: 'Uw mening is ontvangen' })
  await expect(thanks).toContainText(/onder nummer K\d+\./)
  await expect(thanks).not.toContainText('U krijgt uiterlijk')
  const opinion = (await thanks.textContent())!.match(/K\d+/)![0]
  await expect(rowOf(page, opinion)).toContainText('Mening')
  await expect(rowOf(page, opinion)).toContainText('Geen termijn')
  await expect(rowOf(page, opinion)).toContainText('Peter de Vries')
  await expect(rowOf(page, number)).toContainText('In behandeling')
  await expect(rowOf(page, number)).toContainText('Op tijd beantwoord')

  // One he may not see reads as the server says.
  await page.goto('/portaal/klachten/?id=does-not-exist')
  await expect(page.getByRole('alert')).toHaveText('Deze klacht of mening bestaat niet of u mag haar niet zien.')

  // The same session in English.
  await page.goto('/en/portal/complaints/')
  await expect(page.getByRole('heading', { level: 2, name: 'Send a complaint or opinion' })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'A complaint' })).toBeChecked()
  await expect(page.getByRole('radio', { name: 'An opinion' })).toBeVisible()
  await expect(page.getByLabel('Subject')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible()
  await expect(rowOf(page, number)).toContainText('In progress')
  await expect(rowOf(page, opinion)).toContainText('No target')
  await rowOf(page, number).getByRole('link').click()
  await expect(page.getByRole('heading', { level: 2, name: `Complaint ${number}: ${subject}` })).toBeVisible()
  await expect(page.locator('.details')).toContainText(/\w+day \d{1,2} \w+ at \d{2}:\d{2}/)
})
