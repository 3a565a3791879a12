// The widget costs a host page one script until a visitor asks: a plain page view loads only widget.js; hover, focus, Loket.open() or Loket.ask() load the app, and a click or key before it arrives is not lost.
import { expect, test, type Page } from '@playwright/test'
import { HOST, KB } from './fixtures/env.ts'

/** Every path the page asks of the KB's origin (the widget's files, Pagefind, the API), in order. */
function kbRequests(page: Page): string[] {
  const paths: string[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(`${KB}/`)) paths.push(new URL(request.url()).pathname)
  })
  return paths
}

const widgetOf = (page: Page) => page.locator('loket-widget')

test.describe('the widget is a button until asked', () => {
  test('a plain page view loads only widget.js; hover loads the app and warms the search index; a click opens it', async ({ page }) => {
    const requests = kbRequests(page)
    await page.goto(`${HOST}/`)
    const launcher = widgetOf(page).getByRole('button', { name: 'Hulp nodig?' })
    await expect(launcher).toBeVisible()
    await expect(launcher).toHaveAttribute('aria-expanded', 'false')
    // The loader's launcher wears the brand's colour (desk.yaml), as the app's does.
    expect(await launcher.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(11, 83, 148)')
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(500)
    expect(requests).toEqual(['/widget.js'])

    await launcher.hover()
    await expect.poll(() => requests.includes('/widget/nl/app.js')).toBe(true)
    // Warmed on intent, before any search: Pagefind's script and its index entry.
    await expect.poll(() => requests.filter((p) => p.startsWith('/pagefind/')).length).toBeGreaterThanOrEqual(2)
    expect(requests.filter((p) => p.startsWith('/api/'))).toEqual([])
    await launcher.click()
    const box = widgetOf(page).getByRole('searchbox', { name: 'Zoek in de kennisbank' })
    await expect(box).toBeFocused()
    await expect(launcher).toHaveAttribute('aria-expanded', 'true')
    await box.pressSequentially('btw-aangifte')
    await expect(widgetOf(page).locator('.lw-results a').first()).toHaveAttribute('href', `${KB}/financien/btw-aangifte/`)
  })

  test('focus loads the app; Enter pressed before it arrives opens the widget once it is here', async ({ page }) => {
    const requests = kbRequests(page)
    // The app is held back until after the key press: the press must not be lost.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/widget/en/app.js', async (route) => {
      await held
      await route.continue()
    })
    await page.goto(`${HOST}/?lang=en`)
    const launcher = widgetOf(page).getByRole('button', { name: 'Need help?' })
    await expect(launcher).toBeVisible()
    expect(requests).toEqual(['/widget.js'])
    await launcher.focus()
    await expect.poll(() => requests.includes('/widget/en/app.js')).toBe(true)
    await page.keyboard.press('Enter')
    release()
    await expect(widgetOf(page).getByRole('searchbox', { name: 'Search the knowledge base' })).toBeFocused()
    await expect(launcher).toHaveAttribute('aria-expanded', 'true')
    // Escape closes it and the focus is back on the launcher: the keyboard's place kept through the swap.
    await page.keyboard.press('Escape')
    await expect(launcher).toBeFocused()
  })

  test('Loket.open() and Loket.ask() load the app themselves', async ({ page }) => {
    const requests = kbRequests(page)
    await page.goto(`${HOST}/`)
    await expect(widgetOf(page).getByRole('button', { name: 'Hulp nodig?' })).toBeVisible()
    await page.evaluate(() => window.Loket!.ask('kassabon printer piept'))
    await expect(widgetOf(page).getByLabel('Onderwerp')).toHaveValue('kassabon printer piept')
    expect(requests).toContain('/widget/nl/app.js')

    await page.goto(`${HOST}/?lang=en`)
    await expect(widgetOf(page).getByRole('button', { name: 'Need help?' })).toBeVisible()
    await page.evaluate(() => window.Loket!.open())
    await expect(widgetOf(page).getByRole('searchbox', { name: 'Search the knowledge base' })).toBeFocused()
  })
})
