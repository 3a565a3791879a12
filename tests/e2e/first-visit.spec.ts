// A first visit as Lighthouse sees it, in Chromium: the home page, an article and the portal's sign-in page log no error,
// do not shift as they settle, and every visible label is part of its element's accessible name.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

/** Lighthouse's own limit for a good cumulative layout shift. */
const MAX_CLS = 0.1
/** How late the API's answers come: after the first paint, as on a slow mobile connection. */
const API_DELAY_MS = 800

const PAGES = [
  { name: 'the home page', path: '/', ready: (page: Page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible() },
  { name: 'an article', path: '/financien/btw-aangifte/', ready: (page: Page) => expect(page.getByRole('group', { name: 'Was dit artikel nuttig?' })).toBeVisible() },
  { name: 'the portal\'s sign-in page', path: '/portaal/', ready: (page: Page) => expect(page.getByRole('button', { name: 'Stuur mij een inloglink' })).toBeVisible() },
  { name: 'the English sign-in page', path: '/en/portal/', ready: (page: Page) => expect(page.getByRole('button', { name: 'Send me a sign-in link' })).toBeVisible() },
  { name: 'the console\'s sign-in page', path: '/staff/', ready: (page: Page) => expect(page.getByRole('button', { name: 'Inloggen' })).toBeVisible() },
  {
    name: 'the widget opened on the KB',
    path: '/openingstijden/',
    // Opening it asks who is signed in, to fill in the form: nobody is an answer, not an error.
    ready: async (page: Page) => {
      await page.locator('loket-widget').getByRole('button', { name: 'Hulp nodig?' }).click()
      await expect(page.locator('loket-widget').getByRole('searchbox', { name: 'Zoek in de kennisbank' })).toBeFocused()
    },
  },
] as const

/** Counts layout shifts from the first paint on, as Lighthouse does: those without recent input, summed. */
async function watchLayoutShift(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number; __shifts: string[] }
    w.__cls = 0
    w.__shifts = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (entry.hadRecentInput) continue
        w.__cls += entry.value
        w.__shifts.push(`${entry.value.toFixed(3)} ${(entry.sources ?? []).map((s) => (s.node as Element | undefined)?.outerHTML?.slice(0, 80) ?? '?').join(' | ')}`)
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
}

// Lighthouse's phone: where the footer is in view as the sign-in form arrives.
test.use({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true })

for (const { name, path, ready } of PAGES) {
  test(`${name}: no console error, no layout shift, labels in the accessible names`, async ({ page }) => {
    const errors: string[] = []
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()) })
    page.on('pageerror', (error) => errors.push(error.message))
    await watchLayoutShift(page)
    // A slow network, as Lighthouse's: the page paints before the API answers who is signed in.
    await page.route('**/api/auth/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, API_DELAY_MS))
      await route.continue()
    })
    await page.goto(path)
    await ready(page)
    // Settled: every request answered, and a moment for a late render.
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(300)
    expect(errors).toEqual([])
    const { cls, shifts } = await page.evaluate(() => {
      const w = window as unknown as { __cls: number; __shifts: string[] }
      return { cls: w.__cls, shifts: w.__shifts }
    })
    expect(cls, shifts.join('\n')).toBeLessThan(MAX_CLS)
    // axe's rule behind Lighthouse's "label-content-name-mismatch" (experimental in axe, so asked for by name).
    const { violations } = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze()
    expect(violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`))).toEqual([])
  })
}
