// <loket-widget> follows its attributes: a new lang draws it in that language (loading that bundle), a new product-area preselects it.
import { expect, test } from '@playwright/test'
import { HOST } from './fixtures/env.ts'

test('a placed widget switches language and product area when its attributes change', async ({ page }) => {
  await page.goto(`${HOST}/element`)
  const widget = page.locator('loket-widget')
  await expect(widget.getByRole('button', { name: 'Need help?' })).toBeVisible()

  await widget.evaluate((element) => element.setAttribute('lang', 'nl'))
  await expect(widget.getByRole('button', { name: 'Hulp nodig?' })).toBeVisible()
  await expect(widget.getByRole('button', { name: 'Need help?' })).toHaveCount(0)

  await widget.evaluate((element) => element.setAttribute('product-area', 'payroll'))
  await widget.getByRole('button', { name: 'Hulp nodig?' }).click()
  await widget.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).pressSequentially('zzqqxxyy')
  await widget.getByRole('button', { name: 'Melding maken bij support' }).click()
  await expect(widget.getByRole('combobox', { name: 'Onderdeel *' })).toHaveValue('payroll')

  // Back to English: the bundle loaded first draws again, with the area kept.
  await widget.evaluate((element) => element.setAttribute('lang', 'en'))
  await widget.getByRole('button', { name: 'Need help?' }).click()
  await widget.getByRole('searchbox', { name: 'Search the knowledge base' }).pressSequentially('zzqqxxyy')
  await widget.getByRole('button', { name: 'Contact support' }).click()
  await expect(widget.getByRole('combobox', { name: 'Product area *' })).toHaveValue('payroll')
})
