// The KnowledgeBase's pages in Chromium: navigation, translations, desk pages, the 404.
import { expect, test } from '@playwright/test'

test.describe('pages', () => {
  test('the language switch on an article lands on its translation', async ({ page }) => {
    await page.goto('/support/incident-melden/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
    await page.getByRole('link', { name: 'Deze pagina in het Engels' }).click()
    await expect(page).toHaveURL('/en/support/register-an-incident/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.getByRole('link', { name: 'Lees dit artikel in het Nederlands' }).click()
    await expect(page).toHaveURL('/support/incident-melden/')
  })

  test('an article has breadcrumbs, contents, its date, related articles and help', async ({ page }) => {
    await page.goto('/en/finance/vat-return/')
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
    await expect(crumbs.getByRole('link', { name: 'Finance' })).toHaveAttribute('href', '/en/finance/')
    await expect(page.getByRole('navigation', { name: 'On this page' }).getByRole('link').first()).toBeVisible()
    await expect(page.locator('article .meta')).toContainText(/Updated on \d+ \w+ 2026/)
    await expect(page.getByRole('region', { name: 'Related articles' }).getByRole('link').first()).toBeVisible()
    await expect(page.getByRole('group', { name: 'Was this article helpful?' })).toBeVisible()
    await expect(page.locator('.contact .status')).toHaveText(/^(Open now until \d\d:\d\d|Closed now — opens .+ at \d\d:\d\d)$/)
  })

  test('a category page lists its articles, newest first', async ({ page }) => {
    await page.goto('/voorraad/')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Voorraad en logistiek')
    const links = page.locator('.article-list a')
    expect(await links.count()).toBeGreaterThanOrEqual(3)
  })

  test('the home page shows categories with counts, popular and updated articles', async ({ page }) => {
    await page.goto('/en/')
    await expect(page.getByRole('heading', { name: 'Categories' })).toBeVisible()
    await expect(page.locator('.card').first()).toContainText(/\d+ articles?/)
    await expect(page.getByRole('heading', { name: 'Frequently read' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Recently updated' })).toBeVisible()
  })

  test('the hours page shows the live status, the week and the coming special days', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-24T13:00:00Z'))
    await page.goto('/openingstijden/')
    await expect(page.locator('.status')).toHaveText('Nu geopend tot 15:00')
    await expect(page.getByText('Vandaag aangepaste tijden: Kerstavond')).toBeVisible()
    await expect(page.getByRole('row', { name: /maandag – donderdag\s+08:30 – 17:00/ })).toBeVisible()
    await expect(page.getByRole('row', { name: /Tweede kerstdag/ })).toBeVisible()
  })

  test('the status says when a closed desk opens again', async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-12-25T09:00:00Z'))
    await page.goto('/en/opening-hours/')
    await expect(page.locator('.status')).toHaveText('Closed now — opens Monday at 08:30')
    await expect(page.getByText('Closed today: Christmas Day')).toBeVisible()
  })

  test('the priorities page renders the five priorities from desk.yaml', async ({ page }) => {
    await page.goto('/en/priorities/')
    const rows = page.locator('tbody tr')
    await expect(rows).toHaveCount(5)
    await expect(rows.first()).toContainText('Production down')
    await expect(rows.first()).toContainText('First Class customers only')
    await expect(rows.nth(1)).toContainText('Within 1 working day (8.5 business hours)')
  })

  test('an unknown page answers 404 in its language and offers search', async ({ page }) => {
    const response = await page.goto('/en/nothing-here/')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible()
    await page.getByRole('searchbox').fill('credit note')
    await expect(page.locator('.search-results a').first()).toHaveAttribute('href', '/en/sales/credit-note/')
  })

  test('a vote reaches the API, and a failure is said, not hidden', async ({ page }) => {
    await page.goto('/support/incident-melden/')
    const [response] = await Promise.all([
      page.waitForResponse('**/api/kb/votes'),
      page.getByRole('button', { name: 'Ja' }).click(),
    ])
    expect(response.status()).toBe(201)
    await expect(page.getByText('Bedankt voor uw reactie.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Ja' })).toBeDisabled()
    await page.route('**/api/kb/votes', (route) => route.fulfill({ status: 503, json: { code: 'unavailable', message: 'x' } }))
    await page.goto('/en/support/register-an-incident/')
    await page.getByRole('button', { name: 'No' }).click()
    await expect(page.getByText('Your feedback could not be saved.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'No' })).toBeEnabled()
  })
})
