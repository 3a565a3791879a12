// The portal's incidents: an employee files, follows and answers their own; an admin sees the organisation's.
// People: Tom Bakker (employee) and Marieke Jansen (admin) of Bakkerij Jansen; Lotte Smit of support.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { linkIn, mailTo } from './fixtures/mail.ts'
import { signIn, staffApi } from './fixtures/portal.ts'

test('an employee files from the portal, follows the mail link back, and reacts with a file; markup stays text', async ({ page, browser }) => {
  const stamp = Date.now()
  await signIn(page, 'tom@bakkerij-jansen.example', '/portaal/melden/')

  // The knowledge base first, with suggestions; then the form, with the search as its subject.
  await page.getByLabel('Waar gaat uw vraag over?').fill('btw-aangifte')
  await expect(page.getByRole('heading', { name: 'Misschien helpen deze artikelen' })).toBeVisible()
  await expect(page.locator('.search-results li').first()).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: /melding maken/ }).click()
  await expect(page.getByLabel('Onderwerp')).toHaveValue('btw-aangifte')
  await expect(page.getByLabel('Onderwerp')).toBeFocused()
  await page.getByRole('button', { name: 'Melding versturen' }).click()
  await expect(page.getByText('Vul dit veld in.').first()).toBeVisible()
  await page.getByLabel(/^Fout/).check()
  await page.getByLabel('Productgebied').selectOption({ label: 'Financiën' })
  await page.getByLabel('Onderwerp').fill(`Btw-aangifte weigert ${stamp}`)
  await page.getByLabel('Omschrijving').fill('Bij het indienen via Digipoort krijg ik fout 500.')
  await page.getByRole('button', { name: 'Melding versturen' }).click()
  const registered = page.getByRole('heading', { name: /Uw melding is geregistreerd onder incidentnummer \d+/ })
  await expect(registered).toBeVisible()
  const number = (await registered.textContent())!.match(/\d+/)![0]
  await page.getByRole('link', { name: 'Bekijk en volg uw melding' }).click()
  await expect(page.getByRole('heading', { name: `Incident ${number}: Btw-aangifte weigert ${stamp}` })).toBeVisible()
  const id = new URL(page.url()).searchParams.get('id')!

  // Support asks for more; the mail's link signs Tom in, in a browser without a session, on the incident.
  const staff = await staffApi()
  const current = await (await staff.get(`/api/incidents/${id}`)).json()
  expect((await staff.patch(`/api/incidents/${id}`, { data: { version: current.incident.version, status: 'waiting_for_customer' } })).status()).toBe(200)
  expect((await staff.post(`/api/incidents/${id}/messages`, { data: { text: 'Welke foutcode ziet u precies?' } })).status()).toBe(201)
  expect((await staff.post(`/api/incidents/${id}/messages`, { data: { text: 'Intern: certificaat verlopen?', visibility: 'internal' } })).status()).toBe(201)
  const mail = await mailTo('tom@bakkerij-jansen.example', /Welke foutcode ziet u precies\?/)
  // A question, not a status mail: its own subject.
  expect(mail.subject).toMatch(/^Vraag over uw incident \d+: /)
  const fresh = await browser.newContext()
  const tom = await fresh.newPage()
  await tom.goto(linkIn(mail, `${KB}/api/auth/callback`))
  await tom.getByRole('button', { name: /Inloggen/ }).click()
  await tom.waitForURL(`${KB}/portaal/incidenten/?id=${id}`)
  const timeline = tom.locator('.timeline')
  await expect(timeline.getByText('Welke foutcode ziet u precies?')).toBeVisible()
  await expect(timeline.getByText('Lotte Smit (support)').first()).toBeVisible()
  await expect(tom.getByText('Intern: certificaat verlopen?')).toHaveCount(0)
  await expect(tom.locator('.details')).toContainText('Wacht op uw reactie')

  // The reaction, with markup that must never run, and a file.
  let dialogs = 0
  tom.on('dialog', (dialog) => { dialogs++; void dialog.dismiss() })
  const hostile = '<img src=x onerror="alert(1)"> foutcode 500'
  await tom.getByLabel('Uw reactie').fill(hostile)
  await tom.getByLabel('Bijlage (optioneel)').setInputFiles({ name: 'digipoort.log', mimeType: 'text/plain', buffer: Buffer.from('12:01 fout 500\n') })
  await tom.getByRole('button', { name: 'Reactie versturen' }).click()
  await expect(tom.getByText('Uw reactie is toegevoegd.')).toBeVisible()
  await expect(timeline.getByText(hostile)).toBeVisible()
  await expect(timeline.locator('img')).toHaveCount(0)
  expect(dialogs).toBe(0)
  const file = timeline.getByRole('link', { name: 'digipoort.log' })
  await expect(file).toBeVisible()
  const download = await tom.request.get(`${KB}${await file.getAttribute('href')}`)
  expect(await download.text()).toBe('12:01 fout 500\n')
  await expect(tom.locator('.details')).toContainText('In behandeling')
  await expectAccessible(tom)
  await fresh.close()
})

test('an employee sees only their own incidents; the admin all of the organisation, filtered by contact', async ({ page, browser }) => {
  const stamp = Date.now()
  await signIn(page, 'marieke@bakkerij-jansen.example', '/portaal/incidenten/')
  const filed = await page.request.post(`${KB}/api/incidents`, {
    data: { name: 'Marieke Jansen', email: 'marieke@bakkerij-jansen.example', kind: 'question', productArea: 'inventory', subject: `Vraag van de beheerder ${stamp}`, description: 'Hoe tel ik de voorraad per magazijn?', lang: 'nl' },
  })
  expect(filed.status()).toBe(201)

  const employee = await browser.newContext()
  const tom = await employee.newPage()
  await signIn(tom, 'tom@bakkerij-jansen.example', '/portaal/incidenten/')
  await expect(tom.getByText('Hier ziet u de incidenten die u zelf hebt gemeld.')).toBeVisible()
  await expect(tom.getByRole('status').filter({ hasText: /incident/ })).toBeVisible()
  await expect(tom.getByText(`Vraag van de beheerder ${stamp}`)).toHaveCount(0)
  await expect(tom.getByLabel('Gemeld door')).toHaveCount(0)
  // An incident of another person is not there to be opened either.
  await tom.goto(`/portaal/incidenten/?id=${(await filed.json()).id}`)
  await expect(tom.getByRole('alert')).toContainText('bestaat niet of u mag het niet zien')
  await employee.close()

  await page.reload()
  await expect(page.getByRole('link', { name: `Vraag van de beheerder ${stamp}` })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Gemeld door' })).toBeVisible()
  await page.getByLabel('Gemeld door').selectOption({ label: 'Tom Bakker' })
  await expect(page.getByRole('link', { name: `Vraag van de beheerder ${stamp}` })).toHaveCount(0)
  await page.getByLabel('Gemeld door').selectOption({ label: 'Marieke Jansen' })
  await page.getByLabel('Soort').selectOption({ label: 'Gebruikersvraag' })
  await expect(page.getByRole('link', { name: `Vraag van de beheerder ${stamp}` })).toBeVisible()
  await expectAccessible(page)

  // The same session in English.
  await page.goto('/en/portal/incidents/')
  await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Registered by' })).toBeVisible()
  await page.goto('/en/portal/')
  await expect(page.getByText('Welcome, Marieke Jansen.')).toBeVisible()
  await expect(page.getByText('First Class')).toBeVisible()
  await expectAccessible(page)
})

test('a visitor who is not signed in gets the sign-in form, with the same answer for any address', async ({ page }) => {
  await page.goto('/portaal/')
  await expect(page.getByRole('heading', { name: 'Inloggen' })).toBeVisible()
  await page.getByLabel('E-mailadres').fill('onbekend@nergens.example')
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click()
  await expect(page.getByText('Als dit adres bij ons bekend is, staat er een inloglink in uw e-mail.')).toBeVisible()
  await expectAccessible(page)
})
