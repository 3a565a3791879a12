// Exceptional busyness: a support admin sets a desk notice; it shows in the widget on another site and in the KB's help box,
// and disappears from the open widget when it ends, without anyone clearing it. People: Ingrid Postma, support admin (password).
import { expect, test } from '@playwright/test'
import { HOST, KB } from './fixtures/env.ts'
import { staffApi } from './fixtures/portal.ts'

test('the notice shows in the widget on another origin and in the KB\'s help box, and goes by itself at its end', async ({ page }) => {
  test.setTimeout(150_000)
  const ingrid = await staffApi('ingrid@noordwind.example')
  const text = { nl: `Door de jaarafsluiting is het uitzonderlijk druk (${Date.now()}).`, en: 'Year-end closing makes us exceptionally busy.' }
  // Short: other specs running beside this one see it only briefly.
  const endsAt = new Date(Date.now() + 25_000).toISOString()
  const set = await ingrid.put(`${KB}/api/staff/desk-notice`, { data: { text, endsAt } })
  expect(set.status()).toBe(200)
  // An agent may not change it.
  const lotte = await staffApi()
  expect((await lotte.delete(`${KB}/api/staff/desk-notice`)).status()).toBe(403)

  await page.goto(`${HOST}/`)
  const widget = page.locator('loket-widget')
  await widget.getByRole('button', { name: 'Hulp nodig?' }).click()
  const note = widget.getByRole('note').filter({ hasText: text.nl })
  await expect(note).toBeVisible()

  const kb = await page.context().newPage()
  await kb.goto(`${KB}/`)
  await expect(kb.getByRole('note').filter({ hasText: text.nl })).toBeVisible()

  // At its end it goes from the open widget by itself, as its minute ticks.
  await expect(note).toHaveCount(0, { timeout: 100_000 })
  expect((await (await ingrid.get(`${KB}/api/desk/notice`)).json()).notice).toBeNull()
  expect(Date.now()).toBeGreaterThanOrEqual(new Date(endsAt).getTime())
})
