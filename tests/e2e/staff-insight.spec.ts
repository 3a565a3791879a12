// The console's KB insight page: searches that found nothing become article templates, searches that ended in an incident
// and unhelpful articles are listed, and a chart shows what share of searching visits did without support.
// People: Ingrid Postma (admin of support). Data is recorded through the public API as the widget and the KB pages do,
// from an address of this spec's own. Other specs record searches and votes in the same run, and a reused server keeps
// earlier runs' records: assertions stay on this run's unique queries and article and say "at least" where others count too.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { signInStaff } from './fixtures/portal.ts'

const INGRID = 'ingrid@noordwind.example'

/** A visit's id as the widget makes it: random, 32 hex digits. */
const newSession = () => randomBytes(16).toString('hex')

/** Posts to the public KB insight API as a reader's browser does, from one address of this spec. */
async function post(request: APIRequestContext, path: '/api/kb/events' | '/api/kb/votes', data: Record<string, unknown>, from: string) {
  const res = await request.post(`${KB}${path}`, { data, headers: { 'x-forwarded-for': from } })
  expect(res.status(), `${path} ${JSON.stringify(data)}`).toBe(201)
}

const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`
const NL_QUERY = `onvindbare-term-${stamp}`
const EN_QUERY = `unfindable-term-${stamp}`
const ARTICLE = `onbehulpzaam-artikel-${stamp}`

// The records are made once and both tests read them: in a fully parallel run each test would be its own group and
// repeat the hook with the same stamp, so this file's tests run in order in one worker.
test.describe.configure({ mode: 'default' })

test.beforeAll(async ({ request }) => {
  const from = `203.0.113.${1 + Math.floor(Math.random() * 250)}`
  // Three visits search the Dutch term in vain (one of them twice: it counts once); the last one then files an incident.
  const sessions = [newSession(), newSession(), newSession()]
  for (const session of sessions) {
    await post(request, '/api/kb/events', { type: 'search', session, source: 'widget', lang: 'nl', query: NL_QUERY, results: 0 }, from)
  }
  await post(request, '/api/kb/events', { type: 'search', session: sessions[0], source: 'widget', lang: 'nl', query: `  ${NL_QUERY.toUpperCase()} `, results: 0 }, from)
  await post(request, '/api/kb/events', { type: 'incident', session: sessions[2], source: 'widget', lang: 'nl', query: NL_QUERY }, from)
  // Two visits search the English term on the KB's search page.
  for (const session of [newSession(), newSession()]) {
    await post(request, '/api/kb/events', { type: 'search', session, source: 'search', lang: 'en', query: EN_QUERY, results: 0 }, from)
  }
  // One reader found the article helpful, three did not.
  for (const isHelpful of [true, false, false, false]) {
    await post(request, '/api/kb/votes', { article: ARTICLE, lang: 'nl', isHelpful }, from)
  }
})

test('an editor sees what was searched in vain, downloads a template for it, and sees the unhelpful article and the weekly deflection', async ({ page }) => {
  await signInStaff(page, INGRID)
  await page.goto('/staff/inzicht/')
  await expect(page.getByRole('heading', { level: 1, name: 'Kennisbank-inzicht' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /^Van .+ \d{4} tot en met .+ \d{4}\.$/ })).toBeVisible()

  const deflection = page.getByRole('region', { name: 'Beantwoord door de kennisbank' })
  const noResults = page.getByRole('region', { name: 'Zoekopdrachten zonder resultaat' })
  const incidents = page.getByRole('region', { name: 'Zoekopdrachten die eindigden in een melding' })
  const articles = page.getByRole('region', { name: 'Artikelen die het minst hielpen' })

  await test.step('the deflection rate is a percentage with its counts in words, and a chart of twelve weeks', async () => {
    await expect(deflection.getByText(/^\d+% zonder melding$/)).toBeVisible()
    await expect(deflection.getByText(/^[\d.]+ van [\d.]+ zoekende bezoeken eindigde(n)? zonder melding\.$/)).toBeVisible()
    const chart = deflection.getByRole('img', { name: 'Aandeel zonder melding per week, laatste 12 weken' })
    await expect(chart).toBeVisible()
    await expect(chart.locator('rect.bar')).toHaveCount(12)
    // This week is the last row of the chart's table: it has searches (this spec's own), with the counts behind its rate.
    await deflection.locator('figure.chart summary').click()
    const thisWeek = deflection.getByRole('table').getByRole('row').last()
    await expect(thisWeek.getByRole('rowheader')).toHaveText(/^week \d+ \(.+ \d{4}\): [\d.]+ van [\d.]+ zonder melding$/)
    await expect(thisWeek.getByRole('cell')).toHaveText(/^\d+%$/)
  })

  await test.step('the Dutch search that found nothing is listed with its visits, each visit once', async () => {
    const dutch = noResults.getByRole('table', { name: 'Zoekopdrachten zonder resultaat, Nederlands' })
    const row = dutch.getByRole('row').filter({ has: page.getByRole('rowheader', { name: NL_QUERY, exact: true }) })
    await expect(row.getByRole('cell').first()).toHaveText('3')
    await expect(noResults.getByText('content/articles/nl/<categorie>/', { exact: true })).toBeVisible()
    const english = noResults.getByRole('table', { name: 'Zoekopdrachten zonder resultaat, Engels' })
    await expect(english.getByRole('row').filter({ hasText: EN_QUERY }).getByRole('cell').first()).toHaveText('2')
  })

  await test.step('its template link downloads a Markdown article prefilled with the query', async () => {
    const link = noResults.getByRole('link', { name: `Artikel beginnen over „${NL_QUERY}”` })
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toBe(`${NL_QUERY}.md`)
    const markdown = await readFile((await download.path())!, 'utf8')
    expect(markdown).toContain(`title: "O${NL_QUERY.slice(1)}"`)
    expect(markdown).toContain(`translationKey: ${NL_QUERY}`)
    expect(markdown).toContain('3 sessions found nothing')

    const res = await page.request.get(`${KB}${await link.getAttribute('href')}`)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toMatch(/^text\/markdown/)
    expect(await res.text()).toContain(`content/articles/nl/<category>/${NL_QUERY}.md`)
  })

  await test.step('the search that ended in an incident and the unhelpful article are listed', async () => {
    const incident = incidents.getByRole('row').filter({ has: page.getByRole('rowheader', { name: NL_QUERY, exact: true }) })
    await expect(incident.getByRole('cell')).toHaveText(['Nederlands', '1', /\d\d:\d\d$/])
    const article = articles.getByRole('row').filter({ has: page.getByRole('rowheader', { name: ARTICLE, exact: true }) })
    await expect(article.getByRole('cell')).toHaveText(['Nederlands', '1', '3', '25%'])
    await expectAccessible(page)
  })

  await test.step('a shorter period charts four weeks', async () => {
    await page.getByRole('combobox', { name: 'Periode' }).selectOption({ label: 'Laatste 4 weken' })
    const chart = deflection.getByRole('img', { name: 'Aandeel zonder melding per week, laatste 4 weken' })
    await expect(chart.locator('rect.bar')).toHaveCount(4)
    await expect(noResults.getByRole('rowheader', { name: NL_QUERY, exact: true })).toBeVisible()
  })
})

test('the page reads in English, English searches first', async ({ page }) => {
  await signInStaff(page, INGRID)
  await page.goto('/en/staff/insight/')
  await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base insight' })).toBeVisible()
  const deflection = page.getByRole('region', { name: 'Answered by the knowledge base' })
  await expect(deflection.getByText(/^\d+% without an incident$/)).toBeVisible()
  await expect(deflection.getByRole('img', { name: 'Share without an incident per week, last 12 weeks' })).toBeVisible()

  const noResults = page.getByRole('region', { name: 'Searches without results' })
  await expect(noResults.getByRole('heading', { level: 3 })).toHaveText(['English', 'Dutch'])
  const english = noResults.getByRole('table', { name: 'Searches without results, English' })
  await expect(english.getByRole('row').filter({ hasText: EN_QUERY }).getByRole('cell').first()).toHaveText('2')
  await expect(english.getByRole('link', { name: `Start an article about “${EN_QUERY}”` }))
    .toHaveAttribute('href', `/api/kb/insight/template?query=${EN_QUERY}&lang=en`)
  await expect(noResults.getByText('content/articles/en/<category>/', { exact: true })).toBeVisible()

  const article = page.getByRole('region', { name: 'Articles that helped least' }).getByRole('row').filter({ hasText: ARTICLE })
  await expect(article.getByRole('cell')).toHaveText(['Dutch', '1', '3', '25%'])
  await expectAccessible(page)
})
