// The console's Signals page: an organisation that asks many questions is flagged for Customer Care, who see why and record a follow-up; an agent does not get the page.
// People: Jelle Hoekstra (admin of Hoekstra Logistiek, signed in once: another spec signs him in too); Ruud de Boer (Customer Care),
// Ingrid Postma (admin) and Lotte Smit (agent) of support. Other specs file incidents for other organisations in the same run,
// and a reused server keeps earlier runs' incidents: assertions stay on Hoekstra and say "at least".
import { expect, test } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { signIn, signInStaff, staffApi } from './fixtures/portal.ts'

const JELLE = 'jelle@hoekstra-logistiek.example'
const RUUD = 'ruud@noordwind.example'
const INGRID = 'ingrid@noordwind.example'
const LOTTE = 'lotte@noordwind.example'

test('eight questions flag an organisation; Customer Care sees why, charts its weeks and records a follow-up that stays', async ({ page, browser }) => {
  test.setTimeout(90_000)
  const stamp = Date.now()

  await test.step('a contact of Hoekstra Logistiek files eight questions from the portal, each after a search', async () => {
    await signIn(page, JELLE, '/portaal/')
    for (let i = 1; i <= 8; i++) {
      const res = await page.request.post(`${KB}/api/incidents`, {
        data: {
          name: 'Jelle Hoekstra', email: JELLE, kind: 'question', productArea: 'inventory',
          subject: `Vraag over scanners ${i} (${stamp})`, description: 'Hoe koppel ik een handscanner aan het magazijn?',
          kbQuery: i <= 5 ? '  Scanner KOPPELEN ' : 'pakbon printen', lang: 'nl',
        },
      })
      expect(res.status()).toBe(201)
    }
  })

  const context = await browser.newContext()
  const ruud = await context.newPage()
  await signInStaff(ruud, RUUD)
  await ruud.goto('/staff/signalen/')
  const hoekstra = ruud.getByRole('region', { name: 'Hoekstra Logistiek' })

  await test.step('the page says the rule, and Hoekstra is flagged with the threshold it crossed', async () => {
    await expect(ruud.getByText('Een organisatie wordt gesignaleerd bij 8 contactmomenten over gebruikersvragen of 20 contactmomenten in 30 dagen.')).toBeVisible()
    await expect(ruud.getByText(/Het signaal blijft staan zolang de afgelopen 30 dagen boven een drempel liggen/)).toBeVisible()
    await expect(ruud.getByRole('status').filter({ hasText: /Gesignaleerde organisaties: \d+\./ })).toBeVisible()
    await expect(hoekstra.getByRole('heading', { level: 2, name: 'Hoekstra Logistiek' })).toBeVisible()
    await expect(hoekstra.getByText('Gesignaleerd', { exact: true })).toBeVisible()
    await expect(hoekstra.getByRole('listitem').filter({ hasText: /^Contactmomenten over gebruikersvragen: \d+ in 30 dagen \(drempel 8\)$/ })).toBeVisible()
    // Incidents and contact moments per kind in columns of their own: a reaction is no second incident.
    const questions = hoekstra.getByRole('table', { name: /^Per soort melding/ }).getByRole('row', { name: /Gebruikersvragen/ }).getByRole('cell')
    await expect(questions).toHaveCount(2)
    expect(Number(await questions.nth(0).textContent())).toBeGreaterThanOrEqual(8)
    expect(Number(await questions.nth(1).textContent())).toBeGreaterThanOrEqual(Number(await questions.nth(0).textContent()))
  })

  await test.step('its weekly contacts are a chart, with the numbers as a table; its top area and searches are listed', async () => {
    const chart = hoekstra.getByRole('img', { name: 'Contactmomenten per week, laatste 12 weken' })
    await expect(chart).toBeVisible()
    await expect(chart.locator('rect.bar')).toHaveCount(12)
    // This week is the last bar, and its row in the table holds the eight just filed.
    const figure = hoekstra.locator('figure.chart')
    await figure.locator('summary').click()
    const lastWeek = figure.getByRole('row').last()
    await expect(lastWeek.getByRole('rowheader')).toHaveText(/^week \d+ \(\d+ \w+\)$/)
    expect(Number(await lastWeek.getByRole('cell').textContent())).toBeGreaterThanOrEqual(8)

    await expect(hoekstra.getByRole('heading', { name: 'Meest genoemde productgebieden' })).toBeVisible()
    await expect(hoekstra.getByRole('listitem').filter({ hasText: /^Voorraad en logistiek \(\d+ contactmomenten\)$/ })).toBeVisible()
    await expect(hoekstra.getByRole('heading', { name: 'Meest gezochte termen in de kennisbank' })).toBeVisible()
    await expect(hoekstra.getByRole('listitem').filter({ hasText: /^“?scanner koppelen”? \(\d+ meldingen\)$/ })).toBeVisible()
    await expect(hoekstra.getByRole('listitem').filter({ hasText: /^“?pakbon printen”? \(\d+ meldingen\)$/ })).toBeVisible()
    await expectAccessible(ruud)
  })

  const note = `Adviseur langs voor de magazijnscanners (${stamp})`
  await test.step('records an advisor visit: an empty note is named beside the field, then it is listed and announced', async () => {
    const form = hoekstra.getByRole('form', { name: 'Opvolging vastleggen Hoekstra Logistiek' })
    await form.getByRole('combobox', { name: 'Soort opvolging' }).selectOption({ label: 'Adviseursbezoek' })
    await form.getByLabel('Datum').fill('2026-12-14')
    const field = form.getByRole('textbox', { name: 'Notitie' })
    await field.fill('   ')
    await form.getByRole('button', { name: 'Opvolging vastleggen' }).click()
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    await expect(field).toBeFocused()
    await expect(field).toHaveAccessibleDescription(/Schrijf een notitie van 1 tot 2000 tekens\./)
    await expect(form.getByRole('alert')).toBeVisible()
    await expect(hoekstra.getByText(note)).toHaveCount(0)

    await field.fill(note)
    await form.getByRole('button', { name: 'Opvolging vastleggen' }).click()
    const status = form.getByRole('status')
    await expect(status).toHaveText('Opvolging vastgelegd: Adviseursbezoek op 14 dec 2026.')
    await expect(status).toBeFocused()
    await expect(field).toHaveValue('')
    await expect(field).not.toHaveAttribute('aria-invalid', 'true')
    await expect(hoekstra.getByRole('listitem').filter({ hasText: note })).toContainText('Adviseursbezoek op 14 dec 2026')
    await expectAccessible(ruud)
  })

  await test.step('after a reload the follow-up is there, with who recorded it, and the flag stays', async () => {
    await ruud.reload()
    const item = hoekstra.getByRole('listitem').filter({ hasText: note })
    await expect(item).toContainText('Adviseursbezoek op 14 dec 2026')
    await expect(item).toContainText('Vastgelegd door Ruud de Boer op')
    await expect(hoekstra.getByText('Gesignaleerd', { exact: true })).toBeVisible()
  })
  await context.close()
})

test('an admin reads the page in English and can show every organisation, flagged or not', async ({ page }) => {
  await signInStaff(page, INGRID)
  await page.goto('/en/staff/signals/')
  await expect(page.getByRole('heading', { level: 1, name: 'Signals' })).toBeVisible()
  await expect(page.getByText('An organisation is flagged at 8 contact moments about user questions or 20 contact moments in 30 days.')).toBeVisible()
  await expect(page.getByText(/The flag stays as long as the last 30 days are above a threshold/)).toBeVisible()
  const status = page.getByRole('status').filter({ hasText: /flagged/i })
  await expect(status).toHaveText(/^(No organisation is flagged at the moment\.|Flagged organisations: \d+\.)$/)

  await page.getByRole('checkbox', { name: 'Also show organisations without a flag' }).check()
  await expect(status).toHaveText(/^Organisations: \d+, of which \d+ flagged\.$/)
  for (const name of ['Bakkerij Jansen', 'De Vries Installatietechniek', 'Hoekstra Logistiek']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible()
  }
  const devries = page.getByRole('region', { name: 'De Vries Installatietechniek' })
  await expect(devries.getByRole('img', { name: 'Contact moments per week, last 12 weeks' })).toBeVisible()
  await expect(devries.getByRole('form', { name: 'Record a follow-up De Vries Installatietechniek' })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('checkbox', { name: 'Also show organisations without a flag' }).uncheck()
  await expect(status).toHaveText(/^(No organisation is flagged at the moment\.|Flagged organisations: \d+\.)$/)
})

test('an agent gets a notice instead of the signals, and the API refuses her too', async ({ page }) => {
  await signInStaff(page, LOTTE)
  await page.goto('/staff/signalen/')
  await expect(page.getByText('Deze pagina is voor Customer Care en beheerders.')).toBeVisible()
  await expect(page.getByRole('region')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(0)
  await expectAccessible(page)

  const api = await staffApi(LOTTE)
  const list = await api.get('/api/signals', { headers: { 'Accept-Language': 'en' } })
  expect(list.status()).toBe(403)
  expect((await list.json()).code).toBe('role_not_allowed')
  const followUp = await api.post('/api/signals/org-hoekstra/follow-ups', { data: { kind: 'course', date: '2026-12-14', note: 'Not mine to record' } })
  expect(followUp.status()).toBe(403)
  await api.dispose()
})
