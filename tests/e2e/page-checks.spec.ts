// What Lighthouse checks on the first pages a visitor meets, in Chromium: valid hreflang, no console errors, no layout shift, names that match the labels.
import { expect, test, type Page } from '@playwright/test'
import { KB } from './fixtures/env.ts'

/** The home page, an article and the portal's sign-in page, with their translations. */
const PAGES = [
  { name: 'the home page', nl: '/', en: '/en/' },
  { name: 'an article', nl: '/financien/btw-aangifte/', en: '/en/finance/vat-return/' },
  { name: 'the portal\'s sign-in page', nl: '/portaal/', en: '/en/portal/' },
] as const

/** The page's `<link rel="alternate" hreflang>`, as `hreflang → href`. */
const hreflangOf = (page: Page) => page.locator('head link[rel="alternate"][hreflang]').evaluateAll((links) =>
  Object.fromEntries(links.map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!])))

for (const { name, nl, en } of PAGES) {
  test(`${name} and its translation name each other by absolute URL, with x-default`, async ({ page }) => {
    const expected = { nl: `${KB}${nl}`, en: `${KB}${en}`, 'x-default': `${KB}${nl}` }
    for (const path of [nl, en]) {
      await page.goto(path)
      expect(await hreflangOf(page)).toEqual(expected)
    }
    // Each URL named is a page that answers.
    for (const href of new Set(Object.values(expected))) expect((await page.request.get(href)).status()).toBe(200)
  })
}
