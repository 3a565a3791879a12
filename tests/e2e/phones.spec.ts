// Phones: every page the README lists fits a 360 px screen without sideways scrolling and passes axe (light and dark); tables become cards; the widget opens full-screen and leaves the footer clickable.
// People: Linda Meijer (admin of De Vries Installatietechniek, a demo contact of this spec's own) signs in once; staff sign in with the demo password.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { seriousViolations } from './fixtures/axe.ts'
import { signIn, signInStaff, staffApi } from './fixtures/portal.ts'
import { readmePages, type Audience } from './fixtures/readme-pages.ts'

const PHONE = { width: 360, height: 740 }
const LINDA = 'linda@devries-installatie.example'
const PAGES = readmePages()

/** Elements that reach past the right edge of the screen, named for the failure message. */
async function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
      // The innermost only: a parent that sticks out because of its child says nothing new.
      .filter((el, _, all) => !all.some((other) => other !== el && el.contains(other)))
      .slice(0, 8)
      .map((el) => `${name(el)} (${Math.round(el.getBoundingClientRect().right)} px)`)
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits }
  })
}

/** Waits until the page's islands have shown what they load: no "loading" line left, a search finished. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load')
  await expect(page.getByText(/^(Bezig met laden|Loading)…$/)).toHaveCount(0, { timeout: 10_000 })
  if (new URL(page.url()).searchParams.has('q')) await expect(page.locator('[data-search-state="done"]')).toBeVisible({ timeout: 10_000 })
}

/** Opens `path`, then checks it has no sideways scrolling and no serious or critical axe violation, light and dark; soft, so one test names every page that fails. */
async function checkPage(page: Page, path: string): Promise<void> {
  await test.step(path, async () => {
    const response = await page.goto(path)
    expect.soft(response?.status(), `${path} answers`).toBeLessThan(path.includes('bestaat-niet') || path.includes('does-not-exist') ? 500 : 400)
    await settle(page)
    const { scrollWidth, innerWidth, culprits } = await overflow(page)
    expect.soft(scrollWidth, `${path} scrolls sideways: ${culprits.join(', ')}`).toBeLessThanOrEqual(innerWidth)
    expect.soft(await seriousViolations(page), `${path} has serious or critical axe violations`).toEqual([])
    // And in a dark colour scheme (prefers-color-scheme), as a phone set to dark shows it.
    await page.emulateMedia({ colorScheme: 'dark' })
    expect.soft(await seriousViolations(page), `${path} in dark has serious or critical axe violations`).toEqual([])
    await page.emulateMedia({ colorScheme: 'light' })
  })
}

/** A table shown as cards: a cell is a block that shows its column's name (data-label) before its value, and the table keeps its header row for screen readers. */
async function expectCards(table: Locator): Promise<void> {
  await expect(table.locator('thead th').first()).toBeAttached()
  const cell = table.locator('tbody td[data-label]').first()
  const label = await cell.getAttribute('data-label')
  expect(label).toBeTruthy()
  expect(await cell.evaluate((el) => getComputedStyle(el).display)).toBe('block')
  expect(await cell.evaluate((el) => getComputedStyle(el, '::before').content)).toBe(`"${label}"`)
  const box = (await table.boundingBox())!
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width)
}

/** The README's pages for one audience, both languages, with an `?id=` filled in by `ids`. */
function pathsFor(audience: Audience, ids: Record<string, string> = {}): string[] {
  return PAGES.filter((p) => p.audience === audience).flatMap((p) => [p.nl, p.en]).map((path) => (path.endsWith('?id=') ? `${path}${ids[path.replace(/\?id=$/, '')] ?? ''}` : path))
}

test.describe('on a 360×740 phone', () => {
  test.use({ viewport: PHONE })

  test('the README lists pages of every kind', () => {
    // The list is the README's: a parse that found nothing would pass every check below.
    expect(PAGES.length).toBeGreaterThanOrEqual(20)
    for (const audience of ['anyone', 'contact', 'staff'] as const) expect(PAGES.some((p) => p.audience === audience)).toBe(true)
  })

  for (const path of pathsFor('anyone')) {
    test(`${path} fits the screen and passes axe`, async ({ page }) => {
      await checkPage(page, path)
    })
  }

  test('the portal fits the screen and passes axe, signed in as a customer admin', async ({ page }) => {
    test.setTimeout(240_000)
    await signIn(page, LINDA)
    // One incident's page too: its timeline and reaction form are what a contact reads most on a phone.
    const list = await (await page.request.get('/api/incidents')).json()
    const paths = pathsFor('contact')
    const first = list.incidents?.[0]?.id
    if (first) paths.push(`/portaal/incidenten/?id=${first}`, `/en/portal/incidents/?id=${first}`)
    for (const path of paths) await checkPage(page, path)
    // The contacts become cards, and every button of every card is on the screen.
    await page.goto('/portaal/organisatie/')
    const contacts = page.getByRole('table', { name: 'Contactpersonen' })
    await expectCards(contacts)
    const buttons = await contacts.getByRole('button', { name: /^Deactiveren/ }).all()
    expect(buttons.length).toBeGreaterThan(0)
    for (const button of buttons) {
      // Scrolled to the middle: "if needed" may stop with a fraction of a pixel below the edge, which says nothing of the layout.
      await button.evaluate((b) => b.scrollIntoView({ block: 'center', inline: 'nearest' }))
      await expect(button).toBeInViewport({ ratio: 1 })
    }
  })

  test('the console fits the screen and passes axe, signed in as a support admin', async ({ page }) => {
    test.setTimeout(300_000)
    await signInStaff(page, 'ingrid@noordwind.example')
    const api = await staffApi('ingrid@noordwind.example')
    const queue = await (await api.get('/api/staff/queue')).json()
    const incident = queue.incidents[0].id as string
    for (const path of pathsFor('staff', { '/staff/incident/': incident, '/en/staff/incident/': incident })) await checkPage(page, path)
  })

  test('the queue becomes cards, each value beside its column name', async ({ page }) => {
    await signInStaff(page, 'ingrid@noordwind.example')
    await page.goto('/en/staff/')
    await settle(page)
    const table = page.getByRole('table', { name: /./ }).first()
    await expect(table).toHaveClass(/\bstack\b/)
    await expectCards(table)
    // From 640 px it is a plain table again.
    await page.setViewportSize({ width: 1024, height: 740 })
    expect(await table.locator('tbody td').first().evaluate((el) => getComputedStyle(el).display)).toBe('table-cell')
  })
})

test.describe('the widget on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('opens full-screen with a close button, and closes by keyboard', async ({ page }) => {
    await page.goto('/en/')
    const launcher = page.getByRole('button', { name: 'Need help?' })
    await launcher.focus()
    await page.keyboard.press('Enter')
    const panel = page.getByRole('dialog', { name: /./ })
    await expect(panel).toBeVisible()
    await expect(panel.getByRole('searchbox')).toBeFocused()
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 })
    const close = panel.getByRole('button', { name: 'Close' })
    await expect(close).toBeInViewport({ ratio: 1 })
    // Escape closes, and focus returns to the launcher.
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()
    await expect(launcher).toBeFocused()
    // So does the close button, reached with the keyboard from the search box.
    await page.keyboard.press('Enter')
    await expect(panel.getByRole('searchbox')).toBeFocused()
    await page.keyboard.press('Shift+Tab')
    await expect(close).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(panel).toBeHidden()
    await expect(launcher).toBeFocused()
  })
})

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
  test(`the widget's launcher leaves the footer's links clickable at ${viewport.width} px`, async ({ page }) => {
    await page.setViewportSize(viewport)
    await page.goto('/')
    await expect(page.getByRole('button', { name: 'Hulp nodig?' })).toBeVisible()
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    const links = page.locator('.site-footer a')
    expect(await links.count()).toBeGreaterThan(0)
    for (const link of await links.all()) {
      // What a tap at the link's centre reaches: the link itself, not the widget over it.
      const hit = await link.evaluate((el) => {
        // Its first line's box: a link that wraps has its overall centre between its lines.
        const box = el.getClientRects()[0]!
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
        return top === el || el.contains(top)
      })
      expect(hit, await link.textContent() ?? '').toBe(true)
    }
  })
}
