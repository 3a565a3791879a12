// The widget on another origin: search, a failed search becomes an incident confirmed by e-mail, in both languages; hostile CSS and a strict CSP; keyboard and axe.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { seriousViolations } from './fixtures/axe.ts'
import { DATA_DIR, HOST, KB } from './fixtures/env.ts'
import { confirmFromMail, linkIn, mailTo } from './fixtures/mail.ts'
import { PERSON_FILL_MS, asAPerson } from './fixtures/person.ts'

const widgetOf = (page: Page) => page.locator('loket-widget')

/** Opens the widget by its launcher and returns the panel's search box, focused. */
async function openWidget(page: Page, launcher: string, searchLabel: string) {
  await widgetOf(page).getByRole('button', { name: launcher }).click()
  const box = widgetOf(page).getByRole('searchbox', { name: searchLabel })
  await expect(box).toBeFocused()
  return box
}

/** The form's labels per language, as a visitor reads them. */
const FORM = {
  nl: { name: 'Naam', email: 'E-mailadres', area: 'Onderdeel *', description: 'Omschrijving', send: 'Melding versturen' },
  en: { name: 'Name', email: 'E-mail address', area: 'Product area *', description: 'Description', send: 'Send request' },
} as const

/** Fills the incident form (the subject is already there) and sends it no sooner than a person could. */
async function fileIncident(page: Page, lang: 'nl' | 'en', fields: { name?: string; email?: string; kind: RegExp; area: string; description: string }) {
  const widget = widgetOf(page)
  const startedAt = Date.now()
  const labels = FORM[lang]
  if (fields.name) await widget.getByLabel(labels.name).fill(fields.name)
  if (fields.email) await widget.getByLabel(labels.email).fill(fields.email)
  await widget.getByRole('radio', { name: fields.kind }).check()
  await widget.getByRole('combobox', { name: labels.area }).selectOption(fields.area)
  await widget.getByLabel(labels.description).fill(fields.description)
  await asAPerson(page, startedAt)
  await widget.getByRole('button', { name: labels.send }).click()
}

/** The incident as support sees it, signed in with the demo staff password. */
async function asStaff(page: Page, number: string) {
  const signIn = await page.request.post(`${KB}/api/auth/staff`, { data: { email: 'lotte@noordwind.example', password: 'loket-demo' } })
  expect(signIn.status()).toBe(200)
  const list = await (await page.request.get(`${KB}/api/incidents`)).json()
  return list.incidents.find((i: { number: string }) => i.number === number)
}

async function insightRecords(): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(DATA_DIR, 'kb-insight.jsonl'), 'utf8').catch(() => '')
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line))
}

test.describe('the widget on another site', () => {
  test('finds an article, then turns a failed search into an incident confirmed by e-mail (Dutch)', async ({ page }) => {
    await page.goto(`${HOST}/`)
    const box = await openWidget(page, 'Hulp nodig?', 'Zoek in de kennisbank')
    const widget = widgetOf(page)
    // Always in view: open or closed, the phone number with its advice, what the priorities mean.
    await expect(widget.getByText(/^Nu (open|gesloten)/)).toBeVisible()
    await expect(widget.getByRole('link', { name: '050 760 41 00' })).toBeVisible()
    await widget.getByText('Wat betekenen de prioriteiten?').click()
    await expect(widget.getByText(/Prioriteit 1: Productie ligt stil \(alleen First Class\)/)).toBeVisible()

    await box.pressSequentially('btw-aangifte')
    const first = widget.locator('.lw-results a').first()
    await expect(first).toHaveAttribute('href', `${KB}/financien/btw-aangifte/`)
    await expect(widget.locator('.lw-results mark').first()).toBeVisible()
    await expect(widget.getByText('Heeft dit uw vraag beantwoord?')).toBeVisible()

    await box.fill('')
    await box.pressSequentially('kassabon printer piept')
    await expect(widget.getByRole('status').filter({ hasText: 'Geen artikelen gevonden voor “kassabon printer piept”' })).toBeVisible()
    await widget.getByRole('button', { name: 'Melding maken bij support' }).click()

    const name = widget.getByLabel('Naam')
    await expect(name).toBeFocused()
    await expect(widget.getByLabel('Onderwerp')).toHaveValue('kassabon printer piept')
    // Sent empty, the form says what is missing in the widget's language, beside each field.
    await widget.getByRole('button', { name: 'Melding versturen' }).click()
    await expect(widget.getByRole('alert')).toHaveText('Controleer de gemarkeerde velden.')
    await expect(name).toBeFocused()
    await expect(name).toHaveAttribute('aria-invalid', 'true')
    await expect(widget.getByText('Kies het soort melding.')).toBeVisible()

    await fileIncident(page, 'nl', { name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: /Fout/, area: 'sales', description: 'De kassabonprinter piept bij elke bon en drukt niets af.' })
    await expect(widget.getByRole('heading', { name: 'Kijk in uw e-mail' })).toBeVisible()

    const number = await confirmFromMail(page, 'tom@bakkerij-jansen.example')
    const incident = await asStaff(page, number)
    expect(incident).toMatchObject({ subject: 'kassabon printer piept', kind: 'bug', productArea: 'sales', kbQuery: 'kassabon printer piept', status: 'new' })

    // The KB learned, anonymously, that this search found nothing and ended in an incident.
    await expect.poll(async () => (await insightRecords()).filter((r) => r.query === 'kassabon printer piept').map((r) => r.type).sort())
      .toEqual(['incident', 'search'])
    const records = await insightRecords()
    expect(records.find((r) => r.type === 'search' && r.query === 'kassabon printer piept')).toMatchObject({ results: 0, source: 'widget', lang: 'nl' })
    expect(JSON.stringify(records)).not.toContain('127.0.0.1')
  })

  test('an English widget on a Dutch page searches English articles and files in English', async ({ page }) => {
    await page.goto(`${HOST}/?lang=en`)
    const box = await openWidget(page, 'Need help?', 'Search the knowledge base')
    const widget = widgetOf(page)
    await box.pressSequentially('VAT return')
    await expect(widget.locator('.lw-results a').first()).toHaveAttribute('href', `${KB}/en/finance/vat-return/`)
    // The host page's own language is untouched.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl')

    // Results, but not the answer: "No" leads to the form with the search as subject.
    await box.fill('')
    await box.pressSequentially('stock count')
    await expect(widget.getByText('Did this answer your question?')).toBeVisible()
    await widget.getByRole('button', { name: 'No', exact: true }).click()
    await expect(widget.getByLabel('Subject')).toHaveValue('stock count')
    // The last chance to find the answer: articles matching what is typed, beside the form.
    const suggestions = widget.getByRole('complementary', { name: 'Is the answer perhaps here?' }).getByRole('link')
    await expect(suggestions.first()).toHaveAttribute('href', new RegExp(`^${KB}/en/`))
    expect(await suggestions.count()).toBeLessThanOrEqual(5)
    const request = page.waitForRequest((r) => r.method() === 'POST' && r.url() === `${KB}/api/incidents`)
    await fileIncident(page, 'en', { name: 'Aisha el Amrani', email: 'aisha@devries-installatie.example', kind: /Question/, area: 'inventory', description: 'The barcode scanner beeps twice and does not book the article.' })
    await expect(widget.getByText(/check your e-mail and confirm your request/)).toBeVisible()
    // The form says how long it was open, so the server can tell a person from a script.
    expect((await request).postDataJSON().fillMs).toBeGreaterThanOrEqual(PERSON_FILL_MS)

    const number = await confirmFromMail(page, 'aisha@devries-installatie.example')
    const incident = await asStaff(page, number)
    expect(incident).toMatchObject({ kbQuery: 'stock count', lang: 'en', productArea: 'inventory' })
    // Support sees which articles the customer was shown before asking.
    expect(incident.kbArticles.length).toBeGreaterThan(0)
  })

  test('sends every article it showed: an earlier search\'s and the form\'s suggestions, not only the last answer\'s', async ({ page }) => {
    await page.goto(`${HOST}/`)
    const box = await openWidget(page, 'Hulp nodig?', 'Zoek in de kennisbank')
    const widget = widgetOf(page)
    await box.pressSequentially('btw-aangifte')
    await expect(widget.locator('.lw-results a').first()).toHaveAttribute('href', `${KB}/financien/btw-aangifte/`)
    await box.fill('')
    await box.pressSequentially('voorraad tellen')
    await expect(widget.locator('.lw-results a').first()).not.toHaveAttribute('href', `${KB}/financien/btw-aangifte/`)
    await widget.getByRole('button', { name: 'Nee', exact: true }).click()
    await expect(widget.getByLabel('Onderwerp')).toHaveValue('voorraad tellen')
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url() === `${KB}/api/incidents`)
    await fileIncident(page, 'nl', { name: 'Bea Bezoeker', email: 'bea@bezoeker.example', kind: /Vraag/, area: 'inventory', description: 'Hoe tel ik de voorraad van één magazijn apart?' })
    const kbArticles: string[] = (await sent).postDataJSON().kbArticles
    // The first search's article stays, beside the second's.
    expect(kbArticles[0]).toBe('vat-return')
    expect(kbArticles.length).toBeGreaterThan(1)
    expect(new Set(kbArticles).size).toBe(kbArticles.length)
  })

  test('survives hostile CSS and works under a strict Content-Security-Policy', async ({ page }) => {
    const violations: string[] = []
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.log(`csp-violation ${e.violatedDirective} ${e.blockedURI}`)))
    page.on('console', (m) => m.text().startsWith('csp-violation') && violations.push(m.text()))
    await page.goto(`${HOST}/strict`)
    const launcher = widgetOf(page).getByRole('button', { name: 'Hulp nodig?' })
    await expect(launcher).toBeVisible()
    // The host's rules reach neither the widget's inside nor its place in the corner.
    const look = await launcher.evaluate((el) => {
      const style = getComputedStyle(el)
      return { font: style.fontFamily, color: style.color, display: style.display, letterSpacing: style.letterSpacing }
    })
    expect(look.font).not.toContain('Comic')
    expect(look.color).toBe('rgb(255, 255, 255)')
    expect(look.letterSpacing).toBe('normal')
    const box = await widgetOf(page).boundingBox()
    const viewport = page.viewportSize()!
    expect(box!.y + box!.height).toBeGreaterThan(viewport.height - 40)

    const search = await openWidget(page, 'Hulp nodig?', 'Zoek in de kennisbank')
    await search.pressSequentially('creditnota')
    await expect(widgetOf(page).locator('.lw-results a').first()).toBeVisible()
    await search.fill('')
    await search.pressSequentially('qqzzyyxx')
    const widget = widgetOf(page)
    await widget.getByRole('button', { name: 'Melding maken bij support' }).click()
    await fileIncident(page, 'nl', { name: 'Peter de Vries', email: 'peter@devries-installatie.example', kind: /Storing/, area: 'platform', description: 'Sinds vanochtend kan niemand meer inloggen op de omgeving.' })
    await expect(widget.getByRole('heading', { name: 'Kijk in uw e-mail' })).toBeVisible()
    expect(violations).toEqual([])
  })

  test('a page may place the element itself, with its own language and product area', async ({ page }) => {
    await page.goto(`${HOST}/element`)
    expect(await page.locator('loket-widget').count()).toBe(1)
    const box = await openWidget(page, 'Need help?', 'Search the knowledge base')
    await box.pressSequentially('zzqqxxyy')
    await widgetOf(page).getByRole('button', { name: 'Contact support' }).click()
    await expect(widgetOf(page).getByRole('combobox', { name: 'Product area *' })).toHaveValue('finance')
  })

  test('by keyboard and screen reader: focus in and back, results announced, no serious axe violation', async ({ page }) => {
    await page.goto(`${HOST}/`)
    const launcher = widgetOf(page).getByRole('button', { name: 'Hulp nodig?' })
    await launcher.focus()
    await page.keyboard.press('Enter')
    const box = widgetOf(page).getByRole('searchbox', { name: 'Zoek in de kennisbank' })
    await expect(box).toBeFocused()
    await expect(launcher).toHaveAttribute('aria-expanded', 'true')
    expect(await seriousViolations(page, 'loket-widget')).toEqual([])

    await page.keyboard.type('incident')
    const status = widgetOf(page).locator('.lw-status')
    await expect(status).toHaveAttribute('aria-live', 'polite')
    await expect(status).toHaveText(/\d+ artikelen gevonden/)
    await page.keyboard.press('ArrowDown')
    await expect(widgetOf(page).locator('.lw-results a').first()).toBeFocused()
    expect(await seriousViolations(page, 'loket-widget')).toEqual([])

    await page.keyboard.press('Escape')
    await expect(launcher).toBeFocused()
    await expect(launcher).toHaveAttribute('aria-expanded', 'false')
    await expect(box).toBeHidden()

    await page.keyboard.press('Enter')
    await widgetOf(page).getByRole('button', { name: 'Nee' }).click()
    await expect(widgetOf(page).getByLabel('Naam')).toBeFocused()
    await widgetOf(page).getByRole('button', { name: 'Melding versturen' }).click()
    await expect(widgetOf(page).getByRole('alert')).toBeVisible()
    expect(await seriousViolations(page, 'loket-widget')).toEqual([])
  })
})

test.describe('the widget on the KB itself', () => {
  test("the KB's search page reports what readers search and open, anonymously", async ({ page }) => {
    await page.goto('/en/search/')
    await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('VAT return')
    await page.locator('.search-results a').first().click()
    await expect(page).toHaveURL(/\/en\/finance\/vat-return\/$/)
    // Other tests search the same words: this visit is told apart by its tab's random id.
    const session = await page.evaluate(() => sessionStorage.getItem('loket.session'))
    expect(session).toMatch(/^[0-9a-f]{32}$/)
    const ours = async () => (await insightRecords()).filter((r) => r.session === session)
    await expect.poll(async () => (await ours()).map((r) => r.type).sort()).toEqual(['click', 'search'])
    expect((await ours()).find((r) => r.type === 'click')).toMatchObject({ source: 'search', query: 'VAT return', article: '/en/finance/vat-return/', lang: 'en' })
  })

  test('takes over the search page hand-off, with the question as subject', async ({ page }) => {
    await page.goto('/zoeken/?q=qzxwvk%20plorf')
    await page.locator('[data-handoff="no-results"]').getByRole('link', { name: 'Vraag het support' }).click()
    await expect(widgetOf(page).getByLabel('Onderwerp')).toHaveValue('qzxwvk plorf')
    await expect(page).toHaveURL(/\/zoeken\//)
  })

  test('a signed-in contact gets the incident number at once, with the link to follow it', async ({ page }) => {
    await page.request.post(`${KB}/api/auth/link`, { data: { email: 'marieke@bakkerij-jansen.example' } })
    const mail = await mailTo('marieke@bakkerij-jansen.example', /\/api\/auth\/callback\?token=/)
    await page.goto(linkIn(mail, `${KB}/api/auth/callback?token=`))
    await page.getByRole('button').click()
    await page.goto('/')
    const box = await openWidget(page, 'Hulp nodig?', 'Zoek in de kennisbank')
    await box.pressSequentially('incident')
    await widgetOf(page).getByRole('button', { name: 'Nee', exact: true }).click()
    await expect(widgetOf(page).getByLabel('Naam')).toHaveValue('Marieke Jansen')
    await expect(widgetOf(page).getByLabel('E-mailadres')).toHaveValue('marieke@bakkerij-jansen.example')
    await fileIncident(page, 'nl', { kind: /Wens/, area: 'inventory', description: 'Graag een melding wanneer de oventemperatuur afwijkt.' })
    await expect(widgetOf(page).getByText(/Uw melding is geregistreerd onder incidentnummer \d{6}\./)).toBeVisible()
    await expect(widgetOf(page).getByRole('link', { name: 'Volg uw melding' })).toHaveAttribute('href', new RegExp(`^${KB}/portaal/incidenten/\\?id=`))
  })
})
