// Accessibility: axe finds no serious or critical violation on the KB's pages in either language.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'

const PAGES = [
  ['home', '/', '/en/'],
  ['category', '/financien/', '/en/finance/'],
  ['article', '/support/prioriteiten-en-doeltijden/', '/en/support/priorities-and-targets/'],
  ['search with results', '/zoeken/?q=incident', '/en/search/?q=incident'],
  ['search without results', '/zoeken/?q=qzxwvk', '/en/search/?q=qzxwvk'],
  ['opening hours', '/openingstijden/', '/en/opening-hours/'],
  ['priorities', '/prioriteiten/', '/en/priorities/'],
  ['404', '/bestaat-niet/', '/en/does-not-exist/'],
] as const

for (const [name, nl, en] of PAGES) {
  for (const path of [nl, en]) {
    test(`${name} (${path}) has no serious or critical violation`, async ({ page }) => {
      await page.goto(path)
      if (path.includes('?q=')) await expect(page.locator('[data-search-state="done"]')).toBeVisible()
      await expectAccessible(page)
    })
  }
}
