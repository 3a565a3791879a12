// The staff console's triage queue: an incident filed from the widget on another site appears live in Lotte's queue; filters narrow it and stay in the URL; English; axe.
// People: Lotte Smit (agent, first line and finance); Jelle Hoekstra (authorised admin of Hoekstra Logistiek) files through the widget.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { HOST, KB } from './fixtures/env.ts'
import { confirmFromMail } from './fixtures/mail.ts'
import { signInStaff, staffApi } from './fixtures/portal.ts'
import { asAPerson } from './fixtures/person.ts'

const JELLE = { name: 'Jelle Hoekstra', email: 'jelle@hoekstra-logistiek.example' }

/** The queue's table rows (not its header), once the queue has answered. */
const rowsOf = (page: Page) => page.locator('table tbody tr')
const rowOf = (page: Page, subject: string) => rowsOf(page).filter({ hasText: subject })

/** The numbers the table shows, in order. */
async function numbersShown(page: Page): Promise<string[]> {
  return rowsOf(page).locator('td:first-child a').allTextContents()
}

/** Waits until the queue has answered for the current filters: a count line or nothing to show. */
async function queueLoaded(page: Page, updated: RegExp) {
  await expect(page.getByText(updated)).toBeVisible()
}

/** Files an incident from the widget on the host site, anonymously, and confirms it from the mail; returns its number. */
async function fileFromWidget(page: Page, subject: string): Promise<string> {
  await page.goto(`${HOST}/`)
  const widget = page.locator('loket-widget')
  await widget.getByRole('button', { name: 'Hulp nodig?' }).click()
  await widget.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).pressSequentially('zqxwvy')
  await widget.getByRole('button', { name: 'Melding maken bij support' }).click()
  const openedAt = Date.now()
  await widget.getByLabel('Naam').fill(JELLE.name)
  await widget.getByLabel('E-mailadres').fill(JELLE.email)
  await widget.getByLabel('Onderwerp').fill(subject)
  await widget.getByRole('radio', { name: /Fout/ }).check()
  // Finance routes to the finance team, one of Lotte's.
  await widget.getByRole('combobox', { name: 'Onderdeel *' }).selectOption('finance')
  await widget.getByLabel('Omschrijving').fill('De grootboekexport naar de accountant stopt halverwege zonder foutmelding.')
  await asAPerson(page, openedAt)
  await widget.getByRole('button', { name: 'Melding versturen' }).click()
  await expect(widget.getByRole('heading', { name: 'Kijk in uw e-mail' })).toBeVisible()

  return confirmFromMail(page, JELLE.email)
}

/** Every row shown carries `badge`, and the table shows just what the API answers for `query`. */
async function expectOnly(page: Page, api: Awaited<ReturnType<typeof staffApi>>, query: string, badge: (row: Locator) => Locator) {
  const expected = (await (await api.get(`/api/staff/queue?${query}`)).json()).incidents.map((i: { number: string }) => i.number)
  await expect.poll(() => numbersShown(page)).toEqual(expected)
  for (const row of await rowsOf(page).all()) await expect(badge(row)).toBeVisible()
  if (expected.length === 0) await expect(page.getByText('Geen incidenten in deze wachtrij met deze filters.')).toBeVisible()
}

test('Lotte sees an incident from the widget appear live, narrows the queue with filters kept in the URL, in Dutch and English', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const subject = `Grootboekexport hapert ${Date.now()}`
  let number = ''
  await signInStaff(page, 'lotte@noordwind.example')
  // The page's reads of the queue (not its event stream), and whether each asked with If-None-Match.
  const statuses: number[] = []
  const conditional: boolean[] = []
  const isQueueRead = (url: string) => new URL(url).pathname === '/api/staff/queue'
  page.on('request', (req) => { if (isQueueRead(req.url())) conditional.push(req.headers()['if-none-match'] !== undefined) })
  page.on('response', (res) => { if (isQueueRead(res.url())) statuses.push(res.status()) })

  await test.step('opens her queue: every team she sees, labelled controls, no serious axe violation', async () => {
    await page.goto('/staff/')
    await expect(page.getByRole('heading', { level: 1, name: 'Wachtrij' })).toBeVisible()
    const queue = page.getByRole('combobox', { name: 'Wachtrij' })
    await expect(queue).toHaveValue('all')
    await expect(queue.getByRole('option')).toHaveText(['Mijn incidenten', 'Eerste lijn', 'Team Financieel', 'Al mijn teams'])
    await queueLoaded(page, /Bijgewerkt om \d\d:\d\d/)
    await expectAccessible(page)
  })

  await test.step('an incident filed and confirmed from the widget on another site appears without a reload, announced politely', async () => {
    // Marks this document: a reload would lose it.
    await page.evaluate(() => document.documentElement.setAttribute('data-queue-test', 'same-page'))
    const visitor = await browser.newContext()
    number = await fileFromWidget(await visitor.newPage(), subject)
    await visitor.close()

    const row = rowOf(page, subject)
    await expect(row).toBeVisible({ timeout: 15_000 })
    await expect(page.locator('html')).toHaveAttribute('data-queue-test', 'same-page')
    await expect(row.getByRole('link', { name: number })).toHaveAttribute('href', /^\/staff\/incident\/\?id=/)
    await expect(row.getByRole('cell')).toHaveText([number, subject, 'Hoekstra Logistiek', 'Nieuw', 'Nieuw: prioriteit instellen', 'Team Financieel', 'Niet toegewezen', 'Geen doeltijd'])
    await expect(page.locator('[aria-live="polite"]')).toHaveText(/^\d+ nieuwe? incident(en)?$/)
    // Reads after the first ask with If-None-Match: an unchanged queue costs a 304 and no body.
    expect(conditional.slice(1).length).toBeGreaterThan(0)
    expect(conditional.slice(1).every(Boolean)).toBe(true)
  })

  const api = await staffApi('lotte@noordwind.example')
  await test.step('a hidden tab does not read a change the stream announces, and catches up at once when shown again', async () => {
    const setVisibility = (state: 'hidden' | 'visible') => page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value })
      document.dispatchEvent(new Event('visibilitychange'))
    }, state)
    await setVisibility('hidden')
    // A request already on its way may still land; after it, nothing for longer than the old poll interval.
    await page.waitForTimeout(1_000)
    statuses.length = 0
    const id = new URL(await rowOf(page, subject).getByRole('link').getAttribute('href') ?? '', KB).searchParams.get('id')!
    const current = await (await api.get(`/api/incidents/${id}`)).json()
    expect((await api.patch(`/api/incidents/${id}`, { data: { version: current.incident.version, priority: 3 } })).status()).toBe(200)
    await page.waitForTimeout(6_500)
    expect(statuses).toEqual([])
    await setVisibility('visible')
    await expect.poll(() => statuses.length, { timeout: 2_000 }).toBeGreaterThan(0)
    await expect(rowOf(page, subject).getByRole('cell').nth(4)).toHaveText('3')
  })

  await test.step('a priority set by support shows live as business time left, with the due moment', async () => {
    const id = new URL(await rowOf(page, subject).getByRole('link').getAttribute('href') ?? '', KB).searchParams.get('id')!
    const current = await (await api.get(`/api/incidents/${id}`)).json()
    expect((await api.patch(`/api/incidents/${id}`, { data: { version: current.incident.version, priority: 2 } })).status()).toBe(200)
    const row = rowOf(page, subject)
    await expect(row.getByRole('cell').nth(4)).toHaveText('2', { timeout: 15_000 })
    // A fresh priority-2 incident has its 8.5 business hours ahead: neither due soon nor breached.
    await expect(row.getByRole('cell').nth(7)).toHaveText(/^nog 8 u 30 min\s*doel \d+ \w+\.? \d{4}, \d\d:\d\d$/)
    await expect(row).not.toHaveClass(/breached|due-soon/)
  })

  await test.step('"over tijd" and "binnen 2 kantooruren" narrow the list to what is breached or due soon, and stay in the URL', async () => {
    const due = page.getByRole('combobox', { name: 'Doeltijd' })
    await due.selectOption({ label: 'Over tijd' })
    await expect(page).toHaveURL(/\/staff\/\?due=breached$/)
    await expectOnly(page, api, 'due=breached', (row) => row.locator('.badge.breached').filter({ hasText: /over tijd$/ }))
    await expect(rowOf(page, subject)).toHaveCount(0)

    await due.selectOption({ label: 'Binnen 2 kantooruren' })
    await expect(page).toHaveURL(/\/staff\/\?due=soon$/)
    await expectOnly(page, api, 'due=soon', (row) => row.locator('.badge.soon').filter({ hasText: /^bijna over tijd: nog / }))
    await expect(rowOf(page, subject)).toHaveCount(0)

    await due.selectOption({ label: 'Alle' })
    await page.getByRole('combobox', { name: 'Prioriteit' }).selectOption({ label: '2 – Productieverstorend' })
    await page.getByRole('combobox', { name: 'Organisatie' }).selectOption({ label: 'Hoekstra Logistiek' })
    await expect(page).toHaveURL(/\/staff\/\?priority=2&organisationId=org-hoekstra$/)
    await expect(rowOf(page, subject)).toBeVisible()
    await expect(rowsOf(page).locator('td:nth-child(3)')).toHaveText(Array(await rowsOf(page).count()).fill('Hoekstra Logistiek'))
  })

  await test.step('the queue selector: her own incidents (none assigned), then the finance team; a reload keeps it all', async () => {
    const queue = page.getByRole('combobox', { name: 'Wachtrij' })
    await queue.selectOption({ label: 'Mijn incidenten' })
    await expect(page).toHaveURL(/\?mine=1&priority=2&organisationId=org-hoekstra$/)
    await expect(rowOf(page, subject)).toHaveCount(0)
    await queue.selectOption({ label: 'Team Financieel' })
    await expect(page).toHaveURL(/\?team=finance&priority=2&organisationId=org-hoekstra$/)
    await expect(rowOf(page, subject)).toBeVisible()
    await expect(page.locator('caption')).toHaveText('Incidenten in de wachtrij: Team Financieel')

    await page.reload()
    await expect(page.getByRole('combobox', { name: 'Wachtrij' })).toHaveValue('team:finance')
    await expect(page.getByRole('combobox', { name: 'Prioriteit' })).toHaveValue('2')
    await expect(page.getByRole('combobox', { name: 'Organisatie' })).toHaveValue('org-hoekstra')
    await expect(rowOf(page, subject)).toBeVisible()
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Filters wissen' }).click()
    await expect(page).toHaveURL(/\/staff\/\?team=finance$/)
  })

  await test.step('a shared link to another team’s queue opens all her teams instead, saying why', async () => {
    await page.goto('/staff/?team=platform&kind=bug')
    await expect(page.getByText('Dit is niet de wachtrij van uw team.')).toBeVisible()
    await expect(page).toHaveURL(/\/staff\/\?kind=bug$/)
    await expect(page.getByRole('combobox', { name: 'Wachtrij' })).toHaveValue('all')
    await expect(rowOf(page, subject)).toBeVisible()
  })

  await test.step('the English page: the same queue in English, by keyboard, without a serious axe violation', async () => {
    await page.goto('/en/staff/?team=finance&kind=bug')
    await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Queue' })).toHaveValue('team:finance')
    await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('bug')
    await queueLoaded(page, /Updated at \d\d:\d\d/)
    const row = rowOf(page, subject)
    await expect(row.getByRole('cell').nth(3)).toHaveText('New')
    await expect(row.getByRole('cell').nth(5)).toHaveText('Finance team')
    await expect(row.getByRole('cell').nth(7)).toHaveText(/^8 h 30 min left\s*due \d+ \w+ \d{4}, \d\d:\d\d$/)
    await expectAccessible(page)

    // By keyboard: from the queue selector to a filter, changed with the arrow keys.
    await page.getByRole('combobox', { name: 'Queue' }).focus()
    await page.keyboard.press('Tab')
    await expect(page.getByRole('combobox', { name: 'Status' })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(page).toHaveURL(/\/en\/staff\/\?team=finance&status=new&kind=bug$/)
    await expect(row).toBeVisible()
    await row.getByRole('link', { name: number }).focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/en\/staff\/incident\/\?id=/)
  })
})
