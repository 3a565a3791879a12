// Lists a page at a time, and search: an admin pages through and searches the portal list; support finds the incident by a word from the customer's reaction.
// People: Marieke Jansen (admin of Bakkerij Jansen; portal-incidents signs her in once too); Lotte Smit of support.
// Filed for the logistics team (inventory), which no other spec's queue shows, so the 52 incidents crowd no one's first page.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { signIn, signInStaff } from './fixtures/portal.ts'

/** The list's table rows (not its header). */
const rowsOf = (page: Page) => page.locator('table tbody tr')

test('an admin pages through and searches the portal list; support finds the incident by a word from her reaction', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const stamp = Date.now()
  // One word of letters and digits: found by the search, and by nothing else in the run.
  const tag = `pallet${stamp}`
  await signIn(page, 'marieke@bakkerij-jansen.example', '/portaal/incidenten/')

  const filed: { id: string; number: string }[] = []
  await test.step('52 incidents of the organisation, more than one page', async () => {
    for (let n = 0; n < 52; n++) {
      const res = await page.request.post(`${KB}/api/incidents`, {
        data: {
          name: 'Marieke Jansen', email: 'marieke@bakkerij-jansen.example', kind: 'wish', productArea: 'inventory', lang: 'nl',
          subject: `Voorraadtelling ${tag} ronde ${n}`,
          description: n === 7 ? 'De etiketprinters afdrukken niets meer sinds de update.' : 'Graag een telling per magazijn.',
        },
      })
      expect(res.status()).toBe(201)
      filed.push(await res.json())
    }
  })

  await test.step('searches by a word, pages with "more", and keeps the search in the URL', async () => {
    await page.goto('/portaal/incidenten/')
    const search = page.getByRole('searchbox', { name: 'Nummer of woorden' })
    await search.fill(tag)
    await search.press('Enter')
    await expect(page.getByRole('status').filter({ hasText: 'getoond' })).toHaveText('50 van 52 getoond')
    await expect(rowsOf(page)).toHaveCount(50)
    expect(new URL(page.url()).searchParams.get('q')).toBe(tag)
    // Newest first.
    await expect(rowsOf(page).first()).toContainText(filed[51]!.number)
    const more = page.getByRole('button', { name: 'Meer incidenten tonen' })
    await more.focus()
    await page.keyboard.press('Enter')
    await expect(rowsOf(page)).toHaveCount(52)
    await expect(page.getByRole('status').filter({ hasText: 'incidenten' })).toHaveText('52 incidenten')
    await expect(more).toHaveCount(0)
    // The keyboard goes on at the first row that came in.
    await expect(rowsOf(page).nth(50).getByRole('link')).toBeFocused()
    await expect(rowsOf(page).last()).toContainText(filed[0]!.number)
    await expectAccessible(page)
  })

  await test.step('finds by Dutch word forms and by number; a reload shows the same', async () => {
    const search = page.getByRole('searchbox', { name: 'Nummer of woorden' })
    await search.fill('etiketprinter afdruk')
    await page.getByRole('search', { name: 'Zoeken in de incidenten' }).getByRole('button', { name: 'Zoeken', exact: true }).click()
    await expect(rowsOf(page)).toHaveCount(1)
    await expect(rowsOf(page).first()).toContainText(`Voorraadtelling ${tag} ronde 7`)
    await search.fill(filed[20]!.number)
    await search.press('Enter')
    await expect(rowsOf(page)).toHaveCount(1)
    await expect(rowsOf(page).first()).toContainText(`ronde 20`)
    await page.getByLabel('Status').selectOption({ label: 'Nieuw' })
    await page.reload()
    await expect(page.getByRole('searchbox', { name: 'Nummer of woorden' })).toHaveValue(filed[20]!.number)
    await expect(page.getByLabel('Status')).toHaveValue('new')
    await expect(rowsOf(page)).toHaveCount(1)
    await page.getByRole('button', { name: 'Zoekopdracht wissen' }).click()
    await expect(page.getByRole('searchbox', { name: 'Nummer of woorden' })).toHaveValue('')
    expect(new URL(page.url()).searchParams.get('q')).toBeNull()
  })

  const reacted = filed[3]!
  const word = `heftruckaccu${stamp}`
  await test.step('the admin reacts on one incident', async () => {
    const res = await page.request.post(`${KB}/api/incidents/${reacted.id}/messages`, { data: { text: `De ${word} in hal 2 laadt niet meer op.` } })
    expect(res.status()).toBe(201)
  })

  await test.step('support finds it on the console\'s search page by a word from her reaction', async () => {
    const context = await browser.newContext({ baseURL: KB })
    const lotte = await context.newPage()
    await signInStaff(lotte, 'lotte@noordwind.example')
    await lotte.goto('/staff/zoeken/')
    await expect(lotte.getByRole('heading', { level: 1, name: 'Zoeken' })).toBeVisible()
    const search = lotte.getByRole('searchbox', { name: 'Zoeken op nummer of woorden' })
    await search.fill(word)
    await search.press('Enter')
    const results = lotte.getByRole('region', { name: 'Zoekresultaten' })
    await expect(results.locator('tbody tr')).toHaveCount(1)
    await expect(results.locator('tbody tr').first()).toContainText(reacted.number)
    expect(new URL(lotte.url()).searchParams.get('q')).toBe(word)
    await expectAccessible(lotte)
    // The link opens the incident.
    await results.getByRole('link', { name: reacted.number }).click()
    await expect(lotte.getByRole('heading', { name: new RegExp(`${reacted.number}`) }).first()).toBeVisible()
    await lotte.goBack()
    await expect(lotte.getByRole('searchbox', { name: 'Zoeken op nummer of woorden' })).toHaveValue(word)
    await lotte.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Wachtrij' }).click()
    await expect(lotte.getByText(/Bijgewerkt om \d\d:\d\d/)).toBeVisible()
    await context.close()
  })
})
