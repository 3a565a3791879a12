// The console's own frame: its header and menu without the KB's or the customer widget, keyboard shortcuts with their help,
// a search page, and the incident page in two columns that fits a phone. axe on every console page.
// People: Bram Kok (employee of De Vries Installatietechniek, a demo person of this spec only) files two incidents by the API
// as a signed-in contact; Ingrid Postma (admin of support) works the console.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { signIn, signInStaff } from './fixtures/portal.ts'

const BRAM = 'bram@devries-installatie.example'
const INGRID = 'ingrid@noordwind.example'

/** The page's incident links that j/k move through, in order. */
/** The console menu's entries but the inbox, whose name carries its unread count. */
const MENU = ['Wachtrij', 'Zoeken', 'Telefoon', 'Klachten', 'Signalen', 'Kennisbank-inzicht', 'Toegang en extra support', 'Instellingen']
const items = (page: Page) => page.locator('a[data-console-item]')

test('the console has its own frame, shortcuts, a search page and an incident page in two columns', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const stamp = Date.now()
  // One word of letters and digits: found by the search, and by nothing else in the run.
  const word = `kraanbaan${stamp}`

  await signIn(page, BRAM, '/portaal/incidenten/')
  const filed: { id: string; number: string }[] = []
  for (const [n, description] of [`De ${word} in hal 3 geeft een storing.`, 'Graag een extra gebruiker.'].entries()) {
    const res = await page.request.post(`${KB}/api/incidents`, {
      data: { name: 'Bram Kok', email: BRAM, kind: 'question', productArea: 'inventory', lang: 'nl', subject: `Console ${stamp} vraag ${n}`, description },
    })
    expect(res.status()).toBe(201)
    filed.push(await res.json())
  }

  const context = await browser.newContext({ baseURL: KB, viewport: { width: 1280, height: 900 } })
  const staff = await context.newPage()
  await signInStaff(staff, INGRID)
  // Bram's organisation and area only: a short list with his two incidents in it.
  await staff.goto('/staff/?organisationId=org-devries&productArea=inventory')
  await expect(staff.getByRole('heading', { level: 1, name: 'Wachtrij' })).toBeVisible()

  await test.step('console pages wear the console header and menu, not the KB frame or the customer widget', async () => {
    const header = staff.getByRole('banner')
    await expect(header.getByRole('link', { name: 'Noordwind Support Console' })).toBeVisible()
    await expect(header.getByText('Ingelogd als Ingrid Postma')).toBeVisible()
    await expect(header.getByRole('button', { name: 'Uitloggen' })).toBeVisible()
    await expect(header.getByRole('link', { name: /English/ })).toHaveAttribute('href', '/en/staff/')
    const menu = staff.getByRole('navigation', { name: 'Console' })
    for (const name of MENU) await expect(menu.getByRole('link', { name, exact: true })).toBeVisible()
    await expect(menu.getByRole('link', { name: /^Meldingen/ })).toBeVisible()
    await expect(menu.getByRole('link', { name: 'Wachtrij' })).toHaveAttribute('aria-current', 'page')
    // The unread count lives in the menu's inbox entry only: the header keeps no second place for it.
    await expect(staff.locator('#console-inbox')).toHaveCount(0)
    await expect(staff.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex')
    // No KB header search, footer or "Hulp nodig?" widget.
    await expect(staff.locator('#header-q')).toHaveCount(0)
    await expect(staff.getByRole('contentinfo')).toHaveCount(0)
    await expect(staff.locator('script[src="/widget.js"]')).toHaveCount(0)
    await expect(staff.locator('loket-widget')).toHaveCount(0)
    await expect(items(staff).first()).toBeVisible()
    await expectAccessible(staff)
  })

  await test.step('"?" opens the shortcuts\' help; Escape closes it and the focus goes back', async () => {
    const open = staff.getByRole('button', { name: 'Sneltoetsen' })
    await open.focus()
    await staff.keyboard.press('?')
    const help = staff.getByRole('dialog', { name: 'Sneltoetsen' })
    await expect(help).toBeVisible()
    await expect(help.locator('dt').filter({ hasText: 'g dan q' }).locator('xpath=following-sibling::dd[1]')).toHaveText('Naar de wachtrij')
    await expectAccessible(staff)
    await staff.keyboard.press('Escape')
    await expect(help).toBeHidden()
    await expect(open).toBeFocused()
    // The same help from the button, closed by its own button.
    await open.click()
    await help.getByRole('button', { name: 'Sluiten' }).click()
    await expect(help).toBeHidden()
    await expect(open).toBeFocused()
  })

  await test.step('j and k move through the queue, Enter opens one, and j on the incident goes to the next of that list', async () => {
    await staff.locator('h1').click()
    await staff.keyboard.press('j')
    await expect(items(staff).nth(0)).toBeFocused()
    await staff.keyboard.press('j')
    await expect(items(staff).nth(1)).toBeFocused()
    await staff.keyboard.press('k')
    await expect(items(staff).nth(0)).toBeFocused()
    const ids = await items(staff).evaluateAll((links) => links.map((a) => (a as HTMLElement).dataset.id))
    await staff.keyboard.press('Enter')
    await staff.waitForURL((url) => url.pathname === '/staff/incident/' && url.searchParams.get('id') === ids[0])
    await expect(staff.getByRole('region', { name: 'Gegevens en acties' })).toBeVisible()
    await staff.keyboard.press('j')
    await staff.waitForURL((url) => url.searchParams.get('id') === ids[1])
    // The shortcuts listen once the page's islands run: the incident's facts show after that.
    await expect(staff.getByRole('region', { name: 'Gegevens en acties' })).toBeVisible()
    await staff.keyboard.press('k')
    await staff.waitForURL((url) => url.searchParams.get('id') === ids[0])
  })

  await test.step('no shortcut fires while typing, and "/" focuses the search box', async () => {
    await staff.goto('/staff/')
    const box = staff.getByRole('searchbox', { name: 'Incidenten zoeken' })
    await expect(box).toBeVisible()
    await staff.locator('h1').click()
    await staff.keyboard.press('/')
    await expect(box).toBeFocused()
    // Typed into the box: "j", "g q" and "?" are letters here.
    await staff.keyboard.type('gq j?')
    await expect(box).toHaveValue('gq j?')
    await expect(staff.getByRole('dialog')).toHaveCount(0)
    expect(new URL(staff.url()).pathname).toBe('/staff/')
  })

  await test.step('a search by a word finds the incident, keeps the search in the URL, and "g q" goes back to the queue', async () => {
    const box = staff.getByRole('searchbox', { name: 'Incidenten zoeken' })
    await box.fill(word)
    await box.press('Enter')
    await staff.waitForURL((url) => url.pathname === '/staff/zoeken/')
    await expect(staff.getByRole('heading', { level: 1, name: 'Zoeken' })).toBeVisible()
    const results = staff.getByRole('region', { name: 'Zoekresultaten' })
    await expect(results.locator('tbody tr')).toHaveCount(1)
    await expect(results.locator('tbody tr')).toContainText(filed[0]!.number)
    expect(new URL(staff.url()).searchParams.get('q')).toBe(word)
    await expect(staff.getByRole('searchbox', { name: 'Zoeken op nummer of woorden' })).toHaveValue(word)
    // A filter beside it narrows the same search, and stays in the URL too.
    await staff.getByRole('combobox', { name: 'Soort' }).selectOption({ label: 'Storing' })
    await expect(results.getByText(`Niets gevonden voor “${word}” met deze filters.`)).toBeVisible()
    expect(new URL(staff.url()).searchParams.get('kind')).toBe('outage')
    await staff.getByRole('combobox', { name: 'Soort' }).selectOption({ label: 'Gebruikersvraag' })
    await expect(results.locator('tbody tr')).toHaveCount(1)
    await expectAccessible(staff)
    // "/" on the search page focuses its own box.
    await staff.locator('h1').click()
    await staff.keyboard.press('/')
    await expect(staff.getByRole('searchbox', { name: 'Zoeken op nummer of woorden' })).toBeFocused()
    await staff.locator('h1').click()
    await staff.keyboard.press('g')
    await staff.keyboard.press('q')
    await staff.waitForURL((url) => url.pathname === '/staff/')
  })

  await test.step('the incident page shows the conversation left of the facts at 1280 px, and nothing scrolls sideways at 360 px', async () => {
    await staff.goto(`/staff/incident/?id=${filed[0]!.id}`)
    const conversation = staff.getByRole('region', { name: 'Gesprek' })
    const facts = staff.getByRole('region', { name: 'Gegevens en acties' })
    await expect(conversation.getByText(word)).toBeVisible()
    await expect(facts.getByRole('form', { name: 'Triage' })).toBeVisible()
    const left = (await conversation.boundingBox())!
    const right = (await facts.boundingBox())!
    expect(left.x + left.width).toBeLessThanOrEqual(right.x)
    expect(Math.abs(left.y - right.y)).toBeLessThan(40)
    // The remote view sits above both columns.
    const remote = (await staff.getByRole('region', { name: 'Meekijken', exact: true }).boundingBox())!
    expect(remote.y + remote.height).toBeLessThanOrEqual(left.y)
    await expectAccessible(staff)

    await staff.setViewportSize({ width: 360, height: 800 })
    await expect(facts).toBeVisible()
    const narrowLeft = (await conversation.boundingBox())!
    const narrowRight = (await facts.boundingBox())!
    expect(narrowRight.y).toBeGreaterThanOrEqual(narrowLeft.y + narrowLeft.height)
    expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
    for (const path of ['/staff/', '/staff/zoeken/', '/staff/signalen/']) {
      await staff.goto(path)
      await expect(staff.getByRole('navigation', { name: 'Console' })).toBeVisible()
      expect(await staff.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360)
    }
    // All nine menu entries and the header's tools fit side by side or wrap, never over each other, at a phone's and at the console's smallest width.
    for (const width of [390, 1024]) {
      await staff.setViewportSize({ width, height: 800 })
      await staff.goto('/staff/')
      await expect(staff.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: /^Meldingen/ })).toBeVisible()
      expect(await staff.evaluate(() => document.documentElement.scrollWidth), `${width}`).toBeLessThanOrEqual(width)
      const boxes = await staff.locator('.console-nav a, .console-top > a, .console-search, .console-tools > *').evaluateAll((els) => els.map((el) => {
        const r = el.getBoundingClientRect()
        return { name: el.textContent?.trim() ?? '', x: r.x, y: r.y, w: r.width, h: r.height }
      }))
      expect(boxes.filter((b) => b.w > 0).length).toBeGreaterThanOrEqual(MENU.length + 2)
      for (const [i, a] of boxes.entries()) {
        expect(a.x + a.w, `${a.name} at ${width}`).toBeLessThanOrEqual(width + 0.5)
        for (const b of boxes.slice(i + 1)) {
          const overlaps = a.w > 0 && b.w > 0 && a.x + a.w - 0.5 > b.x && b.x + b.w - 0.5 > a.x && a.y + a.h - 0.5 > b.y && b.y + b.h - 0.5 > a.y
          expect(overlaps, `${a.name} / ${b.name} at ${width}`).toBe(false)
        }
      }
      // The menu is reached by Tab, with a visible focus ring on the dark header.
      const nav = staff.getByRole('navigation', { name: 'Console' })
      await nav.getByRole('link', { name: /^Meldingen/ }).focus()
      await staff.keyboard.press('Tab')
      const last = nav.getByRole('link', { name: 'Instellingen' })
      await expect(last).toBeFocused()
      expect(await last.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid')
    }
  })

  await test.step('the console pages read in English, the search page too, and pass axe', async () => {
    await staff.setViewportSize({ width: 1024, height: 800 })
    await staff.goto('/en/staff/search/')
    await expect(staff.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
    await expect(staff.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Search' })).toHaveAttribute('aria-current', 'page')
    await expect(staff.getByText('Type a number or a few words and choose Search.')).toBeVisible()
    await expectAccessible(staff)
    for (const [path, heading] of [['/staff/signalen/', 'Signalen'], ['/staff/inzicht/', 'Kennisbank-inzicht'], ['/staff/toegang/', 'Toegang en extra support']] as const) {
      await staff.goto(path)
      await expect(staff.getByRole('heading', { level: 1, name: heading })).toBeVisible()
      await expect(staff.locator('loket-widget')).toHaveCount(0)
      await expectAccessible(staff)
    }
  })
  await context.close()
})
