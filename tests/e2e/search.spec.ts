// Searching the KnowledgeBase in Chromium: both languages, filters, keyboard, and the hand-off.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { signInStaff } from './fixtures/portal.ts'

test.describe('search', () => {
  test('a Dutch query finds the Dutch article', async ({ page }) => {
    await page.goto('/zoeken/')
    await page.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).fill('btw-aangifte')
    const first = page.locator('.search-results a').first()
    await expect(first).toHaveAttribute('href', '/financien/btw-aangifte/')
    await expect(page.getByRole('status').filter({ hasText: 'voor “btw-aangifte”' })).toBeVisible()
    await expect(page.locator('.search-results mark').first()).toBeVisible()
    await expect(page).toHaveURL(/\?q=btw-aangifte$/)
  })

  test('the URL follows the query once it rests, and a result opened before that still brings Back to the search as it was', async ({ page }) => {
    await page.clock.install()
    await page.goto('/zoeken/')
    // The island awake and Pagefind loaded (the filter values come with it): both wait for time to pass.
    await expect(page.getByLabel('Categorie').getByRole('option', { name: 'Portaal en contactpersonen' })).toBeAttached()
    // From here the page's time stands still unless the test moves it.
    await page.clock.pauseAt(Date.now() + 1_000)
    const box = page.getByRole('searchbox', { name: 'Zoek in de kennisbank' })
    await box.fill('creditnota')
    await expect(page.locator('.search-results a').first()).toHaveAttribute('href', '/verkoop/creditnota-maken/')
    await expect(page).toHaveURL('/zoeken/')
    await page.clock.runFor(300)
    await expect(page).toHaveURL('/zoeken/?q=creditnota')

    await box.fill('btw-aangifte')
    await expect(page.getByRole('status').filter({ hasText: 'voor “btw-aangifte”' })).toBeVisible()
    await expect(page).toHaveURL('/zoeken/?q=creditnota')
    await page.locator('.search-results a').first().click()
    await expect(page).toHaveURL('/financien/btw-aangifte/')
    // Time runs again: the search page coming back wakes its island when the browser is idle.
    await page.clock.resume()
    await page.goBack()
    await expect(page).toHaveURL('/zoeken/?q=btw-aangifte')
    await expect(box).toHaveValue('btw-aangifte')
  })

  test('the same topic in English finds the English article', async ({ page }) => {
    await page.goto('/en/search/')
    await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('VAT return')
    await expect(page.locator('.search-results a').first()).toHaveAttribute('href', '/en/finance/vat-return/')
    const hrefs = await page.locator('.search-results a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs.every((href) => href?.startsWith('/en/'))).toBe(true)
  })

  test('filters narrow the results to one category', async ({ page }) => {
    await page.goto('/zoeken/?q=incident')
    const results = page.locator('.search-results li')
    await expect(results.first()).toBeVisible()
    const before = await page.locator('.search-count').textContent()
    await page.getByLabel('Categorie').selectOption('Portaal en contactpersonen')
    await expect(page.locator('.search-count')).not.toHaveText(before!)
    const hrefs = await page.locator('.search-results a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs.length).toBeGreaterThan(0)
    expect(hrefs.every((href) => href?.startsWith('/klantportaal/'))).toBe(true)
    await expect(page).toHaveURL(/category=Portaal/)
  })

  test('a product area filter alone lists that area', async ({ page }) => {
    await page.goto('/en/search/')
    await page.getByRole('searchbox').focus()
    await page.getByLabel('Product area').selectOption('Inventory and logistics')
    await expect(page.locator('.search-count')).toHaveText(/^\d+ articles found$/)
    const hrefs = await page.locator('.search-results a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs.length).toBeGreaterThanOrEqual(3)
    expect(hrefs.every((href) => href?.startsWith('/en/inventory/'))).toBe(true)
  })

  test('without the widget, a nonsense query leads to the article on registering an incident', async ({ page }) => {
    await page.route('**/widget.js', (route) => route.abort())
    await page.goto('/zoeken/')
    await page.getByRole('searchbox').fill('qzxwvk plorf')
    await expect(page.getByRole('status')).toHaveText('Geen resultaten voor “qzxwvk plorf”')
    const handoff = page.locator('[data-handoff="no-results"]')
    await expect(handoff.getByRole('heading', { name: 'Niet gevonden wat u zocht?' })).toBeVisible()
    const ask = handoff.getByRole('link', { name: 'Vraag het support' })
    await expect(ask).toHaveAttribute('href', '/support/incident-melden/?q=qzxwvk%20plorf')
    await ask.click()
    await expect(page).toHaveURL('/support/incident-melden/?q=qzxwvk%20plorf')
  })

  test('a widget on the page may take the question over', async ({ page }) => {
    await page.goto('/en/search/?q=qzxwvk')
    await page.evaluate(() => {
      window.addEventListener('loket:ask', (event) => {
        event.preventDefault()
        document.body.dataset.asked = (event as CustomEvent<{ query: string }>).detail.query
      })
    })
    await page.getByRole('link', { name: 'Ask support' }).click()
    await expect(page.locator('body')).toHaveAttribute('data-asked', 'qzxwvk')
    await expect(page).toHaveURL(/\/en\/search\//)
  })

  test('works by keyboard: arrows through results, Escape back to the box', async ({ page }) => {
    await page.goto('/en/search/')
    const box = page.getByRole('searchbox')
    await box.fill('priority')
    await expect(page.locator('.search-results a').nth(1)).toBeVisible()
    await box.press('ArrowDown')
    await expect(page.locator('.search-results a').first()).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(page.locator('.search-results a').nth(1)).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(box).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(page.locator('article h1')).toBeVisible()
  })

  test('the home page searches as you type and links to all results', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('searchbox').pressSequentially('voorraad', { delay: 30 })
    await expect(page.locator('.search-results li').first()).toBeVisible()
    expect(await page.locator('.search-results li').count()).toBeLessThanOrEqual(5)
    await page.getByRole('link', { name: 'Alle resultaten bekijken' }).click()
    await expect(page).toHaveURL('/zoeken/?q=voorraad')
    await expect(page.getByRole('searchbox')).toHaveValue('voorraad')
  })

  test('the header search form leads to the search page', async ({ page }) => {
    await page.goto('/prioriteiten/')
    await page.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).fill('creditnota')
    await page.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).press('Enter')
    await expect(page).toHaveURL('/zoeken/?q=creditnota')
    await expect(page.locator('.search-results a').first()).toHaveAttribute('href', '/verkoop/creditnota-maken/')
  })
})

test.describe('search in the customer\'s own words', () => {
  test('a question with problem words finds the article', async ({ page }) => {
    await page.goto('/zoeken/')
    await page.getByRole('searchbox', { name: 'Zoek in de kennisbank' }).fill('inloggen mislukt')
    await expect(page.locator('.search-results a').first()).toHaveAttribute('href', '/klantportaal/inloggen-met-een-link/')
  })

  test('a typo is corrected, searched at once and offered as “Did you mean”', async ({ page }) => {
    await page.goto('/en/search/?q=bakorders')
    await expect(page.locator('.search-results a').first()).toHaveAttribute('href', '/en/inventory/backorders/')
    const offer = page.locator('.search-did-you-mean')
    await expect(offer).toHaveText('Did you mean backorders?')
    await offer.getByRole('button', { name: 'backorders' }).click()
    await expect(page.getByRole('searchbox')).toHaveValue('backorders')
    await expect(offer).toHaveCount(0)
  })

  test('“Nee” on an article offers to ask support with the article and the search carried over', async ({ page }) => {
    await page.route('**/widget.js', (route) => route.abort())
    await page.goto('/zoeken/?q=creditfactuur')
    await page.locator('.search-results a[href="/verkoop/creditnota-maken/"]').click()
    await expect(page.locator('article h1')).toHaveText('Een creditnota maken')
    const ask = page.locator('[data-helpful-ask]')
    await expect(ask).toBeHidden()
    await page.locator('form[data-helpful][data-ready]').waitFor()
    await page.getByRole('button', { name: 'Nee' }).click()
    await expect(ask).toBeVisible()
    await ask.getByRole('link', { name: 'Vraag het support' }).click()
    await expect(page).toHaveURL('/support/incident-melden/?q=creditfactuur&article=credit-note')
  })

  test('after “Nee” a reader says what was missing, by keyboard, and an editor reads it as plain text on the insight page', async ({ page }) => {
    // Unique to this run: a reused server keeps earlier runs' texts. Markup in it must reach staff as text.
    const text = `<b>Hoe</b> maak ik een creditnota voor een deel van de factuur? ${Date.now()}`
    await page.route('**/widget.js', (route) => route.abort())
    await page.goto('/verkoop/creditnota-maken/')
    const field = page.getByRole('textbox', { name: 'Wat miste u?' })
    await expect(field).toBeHidden()
    await page.locator('form[data-helpful][data-ready]').waitFor()
    await page.getByRole('button', { name: 'Nee' }).click()
    await expect(field).toBeVisible()
    await expect(field).toHaveAttribute('maxlength', '500')
    await expect(field).toHaveAccessibleDescription(/hooguit 500 tekens/)

    // Sending nothing says so and records nothing.
    await page.getByRole('button', { name: 'Versturen' }).focus()
    await page.keyboard.press('Enter')
    await expect(page.getByText('Schrijf eerst wat u miste.')).toBeVisible()
    await expect(field).toBeFocused()

    await page.keyboard.type(text)
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'Versturen' })).toBeFocused()
    const [response] = await Promise.all([page.waitForResponse('**/api/kb/missing'), page.keyboard.press('Enter')])
    expect(response.status()).toBe(201)
    expect(response.request().postDataJSON()).toEqual({ article: 'credit-note', lang: 'nl', text })
    await expect(page.getByText('Bedankt. Uw opmerking gaat naar de redacteuren van de kennisbank.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Versturen' })).toBeDisabled()
    await expectAccessible(page)

    await signInStaff(page, 'ingrid@noordwind.example')
    await page.goto('/staff/inzicht/')
    const missed = page.getByRole('region', { name: 'Wat lezers misten' })
    const table = missed.getByRole('table', { name: 'Wat lezers misten in credit-note' })
    const cell = table.getByRole('cell', { name: text, exact: true })
    await expect(cell).toBeVisible()
    await expect(cell.locator('b')).toHaveCount(0)
    // Newest first: this run's text heads the article's list.
    await expect(table.locator('tbody tr').first()).toContainText(text)
    await expectAccessible(page)
  })
})
