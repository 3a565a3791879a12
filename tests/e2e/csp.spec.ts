// The KB's pages and the API's own under their strict Content-Security-Policy: nothing refused, islands hydrated, search and widget working, in both languages.
import { expect, test, type Page, type Response } from '@playwright/test'

declare global {
  interface Window {
    /** What the browser refused on this page, recorded from the first line of the document on. */
    cspViolations: string[]
  }
}

/** Records every `securitypolicyviolation` and every console error the browser gives for the CSP. */
async function watchPolicy(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    window.cspViolations = []
    // Capturing, so violations inside the widget's shadow root and on any element are seen here.
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (sample: ${event.sample})`)
    }, true)
  })
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text())
  })
  return async () => [...(await page.evaluate(() => window.cspViolations)), ...consoleErrors]
}

/** The page's policy, as sent: strict, and allowing its inline code by hash only. */
function expectStrictPolicy(response: Response | null) {
  const policy = response?.headers()['content-security-policy'] ?? ''
  expect(policy).toContain("default-src 'self'")
  expect(policy).toContain("frame-ancestors 'none'")
  expect(policy).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+;/)
  expect(policy).not.toContain('unsafe-inline')
}

const LANGUAGES = [
  { lang: 'nl', home: '/', article: '/financien/btw-aangifte/', search: '/zoeken/', query: 'btw-aangifte', launcher: 'Hulp nodig?', box: 'Zoek in de kennisbank' },
  { lang: 'en', home: '/en/', article: '/en/finance/vat-return/', search: '/en/search/', query: 'VAT return', launcher: 'Need help?', box: 'Search the knowledge base' },
] as const

test.describe('the Content-Security-Policy', () => {
  for (const site of LANGUAGES) {
    test(`refuses nothing on the ${site.lang} home page, whose search island hydrates and finds articles`, async ({ page }) => {
      const violations = await watchPolicy(page)
      expectStrictPolicy(await page.goto(site.home))
      await page.getByRole('main').getByRole('searchbox').fill(site.query)
      await expect(page.locator('.search-results li').first()).toBeVisible()
      expect(await violations()).toEqual([])
    })

    test(`refuses nothing on a ${site.lang} article, nor in the widget searching from it`, async ({ page }) => {
      const violations = await watchPolicy(page)
      expectStrictPolicy(await page.goto(site.article))
      await expect(page.locator('article h1')).toBeVisible()
      // The opening status is written by a script: it ran.
      await expect(page.locator('.contact .status')).not.toBeEmpty()
      const widget = page.locator('loket-widget')
      await widget.getByRole('button', { name: site.launcher }).click()
      await widget.getByRole('searchbox', { name: site.box }).fill(site.query)
      await expect(widget.locator('.lw-results a').first()).toBeVisible()
      expect(await violations()).toEqual([])
    })

    test(`refuses nothing on the ${site.lang} search page, which finds the article`, async ({ page }) => {
      const violations = await watchPolicy(page)
      expectStrictPolicy(await page.goto(site.search))
      await page.getByRole('main').getByRole('searchbox', { name: site.box }).fill(site.query)
      await expect(page.locator('.search-results a').first()).toHaveAttribute('href', site.article)
      expect(await violations()).toEqual([])
    })
  }

  test('refuses nothing on the localised 404 page', async ({ page }) => {
    const violations = await watchPolicy(page)
    const response = await page.goto('/en/does-not-exist/')
    expect(response?.status()).toBe(404)
    expectStrictPolicy(response)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    expect(await violations()).toEqual([])
  })

  test('refuses nothing on the API\'s own pages: the site\'s stylesheet applies, the button posts, never framed', async ({ page }) => {
    const violations = await watchPolicy(page)
    for (const path of ['/api/auth/callback?token=not-a-real-token', '/api/incidents/confirm?token=not-a-real-token']) {
      const response = await page.goto(path)
      const policy = response?.headers()['content-security-policy'] ?? ''
      expect(policy).toBe("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
      // The site's stylesheet applied: its header, and the landing pages' own width.
      await expect(page.locator('.site-header')).toBeVisible()
      await expect(page.locator('.landing-page')).toHaveCSS('max-width', '640px')
    }
    // The confirmation button posts under form-action 'self' and lands on the result page (this token is unknown).
    await page.getByRole('button', { name: /Bevestigen/ }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Link werkt niet meer')
    await expect(page.locator('.landing-page')).toHaveCSS('max-width', '640px')
    expect(await violations()).toEqual([])
  })

  test('refuses nothing on the API reference, whose one style applies', async ({ page }) => {
    const violations = await watchPolicy(page)
    const response = await page.goto('/api/docs')
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    await expect(page.locator('.wrap').first()).toHaveCSS('max-width', '1056px')
    expect(await violations()).toEqual([])
  })

  test('does blow the whistle when an inline script is not in the manifest', async ({ page }) => {
    // The listener must see a refusal, or the tests above prove nothing.
    const violations = await watchPolicy(page)
    await page.goto('/en/')
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.injected = true'
      document.body.append(script)
    })
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src-elem refused inline/))
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined()
  })
})
