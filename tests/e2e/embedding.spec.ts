// The widget on a site the API does not allow yet: it still searches the KB, and gives support's phone and e-mail instead
// of a connection error; the site's owner reads one [loket] error in the console naming the origin and ALLOWED_ORIGINS;
// staff see the refused site on the console's embedding page, beside the script tag to copy.
// The host site answers on 127.0.0.1 (allowed) and on localhost, which is another origin and not in ALLOWED_ORIGINS.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { HOST_PORT, KB } from './fixtures/env.ts'
import { signInStaff } from './fixtures/portal.ts'

/** The host site under a name the API does not allow. */
const REFUSED = `http://localhost:${HOST_PORT}`

test('on a site not allowed, the widget searches the KB and gives support\'s phone and e-mail instead of a connection error', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())))
  await page.goto(`${REFUSED}/`)
  const widget = page.locator('loket-widget')
  await widget.getByRole('button', { name: 'Hulp nodig?' }).click()
  // Where the opening hours would be: how to reach support.
  await expect(widget.getByRole('link', { name: 'support@noordwind.example' })).toHaveAttribute('href', 'mailto:support@noordwind.example')
  await expect(widget.getByRole('link', { name: '050 760 41 00' })).toHaveAttribute('href', 'tel:+31507604100')

  // Pagefind is static: the search works as on any site.
  const box = widget.getByRole('searchbox', { name: 'Zoek in de kennisbank' })
  await box.pressSequentially('btw-aangifte')
  await expect(widget.locator('.lw-results a').first()).toHaveAttribute('href', `${KB}/financien/btw-aangifte/`)

  // Nothing found: instead of a form that cannot be sent from here, the way to support.
  await box.fill('')
  await box.pressSequentially('kassabon printer piept')
  await widget.getByRole('button', { name: 'Melding maken bij support' }).click()
  const unreachable = widget.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Support bereiken' }) })
  await expect(unreachable).toBeFocused()
  await expect(unreachable).toContainText('Een melding versturen kan vanaf deze site nog niet.')
  await expect(unreachable.getByRole('link', { name: 'support@noordwind.example' })).toBeVisible()
  await expect(unreachable.getByRole('link', { name: '050 760 41 00' })).toBeVisible()
  await expect(widget.getByText(/verbinding/)).toHaveCount(0)
  await expect(widget.getByRole('combobox')).toHaveCount(0)

  // Closed and opened again, the widget does not ask again: one error for the site's owner, naming what to do.
  await unreachable.getByRole('button', { name: 'Terug naar zoeken' }).click()
  await page.keyboard.press('Escape')
  await widget.getByRole('button', { name: 'Hulp nodig?' }).click()
  await expect(widget.getByRole('link', { name: 'support@noordwind.example' })).toBeVisible()
  const told = errors.filter((text) => text.startsWith('[loket]'))
  expect(told).toHaveLength(1)
  expect(told[0]).toContain(REFUSED)
  expect(told[0]).toContain('ALLOWED_ORIGINS')

  // Staff see the site on the console's embedding page, with a script tag to copy.
  await signInStaff(page)
  await page.goto(`${KB}/staff/insluiten/`)
  await expect(page.getByRole('heading', { level: 1, name: 'Insluiten' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Insluiten' })).toHaveAttribute('aria-current', 'page')
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: REFUSED, exact: true }) })
  await expect(row).toBeVisible()
  // The desk status was asked once: the count is what this page caused, unless another run on a reused server added more.
  expect(Number(await row.getByRole('cell').first().textContent())).toBeGreaterThanOrEqual(1)
  await expect(page.getByRole('listitem').filter({ hasText: 'http://127.0.0.1:' })).not.toHaveCount(0)
  await expect(page.getByLabel('Scripttag om in te sluiten')).toHaveValue(`<script src="${KB}/widget.js" async></script>`)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: KB })
  await page.getByRole('button', { name: 'Kopiëren' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'De scripttag is gekopieerd.' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`<script src="${KB}/widget.js" async></script>`)
  await expectAccessible(page)
})

test('the embedding page in English', async ({ page }) => {
  await signInStaff(page)
  await page.goto(`${KB}/en/staff/embedding/`)
  await expect(page.getByRole('heading', { level: 1, name: 'Embedding' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Refused sites' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible()
  await expectAccessible(page)
})
