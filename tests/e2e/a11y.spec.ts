// Accessibility: axe finds no serious or critical violation on the KB's pages in either language.
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'

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
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      const serious = violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
      expect(serious).toEqual([])
    })
  }
}
