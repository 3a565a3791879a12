// The brand and the themes: desk.yaml's logo and colour on every surface; axe finds no serious violation in the light or the dark theme; the home page's lists share nothing; the widget follows data-theme.
// People: Lieke Mulder (authorised employee of Hoekstra Logistiek) in the portal; Lotte Smit of support in the console.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { HOST, KB } from './fixtures/env.ts'
import { signIn, signInStaff } from './fixtures/portal.ts'

const SCHEMES = ['light', 'dark'] as const
/** The page colour of each theme (site/styles/global.css --paper, on the root element). */
const PAPER = { light: 'rgb(255, 255, 255)', dark: 'rgb(20, 24, 31)' }

/** Waits until the page's islands have what they asked the API for. */
async function settled(page: Page) {
  await expect(page.locator('main h1').first()).toBeVisible()
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined)
}

const KB_PAGES = [
  ['home', '/'],
  ['category', '/financien/'],
  ['article', '/support/prioriteiten-en-doeltijden/'],
  ['search', '/zoeken/?q=incident'],
  ['opening hours', '/en/opening-hours/'],
  ['portal sign-in', '/portaal/'],
] as const

for (const scheme of SCHEMES) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    for (const [name, path] of KB_PAGES) {
      test(`${name} (${path}) has no serious or critical violation`, async ({ page }) => {
        await page.goto(path)
        await settled(page)
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(PAPER[scheme])
        await expectAccessible(page)
      })
    }

    test('the portal, signed in, has no serious or critical violation', async ({ page }) => {
      await signIn(page, 'lieke@hoekstra-logistiek.example', '/portaal/incidenten/', scheme === 'light' ? 'nl' : 'en')
      await settled(page)
      await expectAccessible(page)
      await page.goto('/portaal/melden/')
      await settled(page)
      await expectAccessible(page)
    })

    test('the console has no serious or critical violation', async ({ page }) => {
      await signInStaff(page)
      for (const path of ['/staff/', '/staff/signalen/', '/staff/inzicht/', '/en/staff/settings/']) {
        await page.goto(path)
        await settled(page)
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(PAPER[scheme])
        await expectAccessible(page)
      }
    })

    test('the widget, open on a host page, has no serious or critical violation', async ({ page }) => {
      await page.goto(`${HOST}/`)
      await page.locator('loket-widget').getByRole('button', { name: 'Hulp nodig?' }).click()
      await page.locator('loket-widget').getByRole('searchbox').fill('btw')
      await expect(page.locator('loket-widget .lw-results li').first()).toBeVisible()
      await expectAccessible(page)
    })
  })
}

test('the header shows the logo and the name from desk.yaml, the logo hidden from screen readers', async ({ page }) => {
  await page.goto('/')
  const brand = page.locator('.site-header a.brand')
  await expect(brand).toHaveAccessibleName('Noordwind Kennisbank')
  await expect(brand.locator('svg')).toHaveAttribute('aria-hidden', 'true')
  // desk.yaml's primary colour, on the buttons.
  expect(await page.locator('.hero button').first().evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(11, 83, 148)')
})

test('the home page\'s popular and recently updated lists share no article', async ({ page }) => {
  for (const path of ['/', '/en/']) {
    await page.goto(path)
    const popular = await page.locator('[data-list="popular"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    const updated = await page.locator('[data-list="updated"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(popular.length).toBeGreaterThan(0)
    expect(updated).toHaveLength(6)
    expect(popular.filter((href) => updated.includes(href))).toEqual([])
  }
})

test('category icons are decorative: hidden from screen readers, on the home page and the category page', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('.card .category-icon')).toHaveCount(8)
  await expect(page.locator('.category-icon:not([aria-hidden="true"])')).toHaveCount(0)
  await page.goto('/financien/')
  await expect(page.locator('h1 .category-icon[aria-hidden="true"]')).toHaveCount(1)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Financiën')
})

test('the widget takes data-theme from its script tag: dark on a light page, light on a dark one, auto follows the system', async ({ page }) => {
  /** Opens the host site's page with `theme` on its script tag (set before the script runs) and returns the panel's colour. */
  const panelColour = async (theme: string | null, scheme: 'light' | 'dark') => {
    const tab = await page.context().newPage()
    await tab.emulateMedia({ colorScheme: scheme })
    if (theme) {
      await tab.addInitScript((value) => {
        new MutationObserver((_, observer) => {
          const script = document.querySelector('script[src$="/widget.js"]')
          if (script) {
            script.setAttribute('data-theme', value)
            observer.disconnect()
          }
        }).observe(document, { childList: true, subtree: true })
      }, theme)
    }
    await tab.goto(`${HOST}/`)
    await tab.locator('loket-widget').getByRole('button', { name: 'Hulp nodig?' }).click()
    if (theme) await expect(tab.locator('loket-widget')).toHaveAttribute('data-theme', theme)
    const colour = await tab.locator('loket-widget .lw-panel').evaluate((p) => getComputedStyle(p).backgroundColor)
    await tab.close()
    return colour
  }
  expect(await panelColour('dark', 'light')).toBe('rgb(24, 29, 37)')
  expect(await panelColour(null, 'light')).toBe('rgb(255, 255, 255)')
  expect(await panelColour('light', 'dark')).toBe('rgb(255, 255, 255)')
  expect(await panelColour(null, 'dark')).toBe('rgb(24, 29, 37)')
})
