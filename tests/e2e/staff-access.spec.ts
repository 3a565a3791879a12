// The console's side of consented access: an agent requests a backup the customer's admin approves, records its receipt and
// purge; a grant the admin gives is used, and once revoked shows inactive without a reload and is refused; extra support
// a contact asks for is approved, billed afterwards; every step on the timeline; both pages in both languages.
// People: Peter de Vries (admin of De Vries Installatietechniek, not First Class), signed in once, acts through the API
// as the portal would (he may ask for 3 sign-in links per 10 minutes; the complaints spec uses one); Lotte Smit of support.
import { expect, test, type APIRequestContext } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { signIn, signInStaff } from './fixtures/portal.ts'

const PETER = 'peter@devries-installatie.example'
const LOTTE = 'lotte@noordwind.example'
const DAY = 24 * 3_600_000
/** The panel asks every 5 s; a change shows within one interval and a bit. */
const WITHIN_A_POLL = 7_000

/** The incident's consent records of `kind` as the signed-in side of `api` sees them, newest first. */
async function consentsOf(api: APIRequestContext, incidentId: string, kind: string) {
  const res = await api.get(`${KB}/api/consents?incidentId=${incidentId}&kind=${kind}`)
  expect(res.status()).toBe(200)
  return (await res.json()).consents as { id: string; version: number; level?: string }[]
}

/** The next Saturday at least a week ahead, 08:00–12:00 UTC: wholly outside business hours, well past the 5 days' notice. */
function saturdayWindow() {
  const start = new Date(Date.now() + 7 * DAY)
  while (start.getUTCDay() !== 6) start.setTime(start.getTime() + DAY)
  start.setUTCHours(8, 0, 0, 0)
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 4 * 3_600_000).toISOString() }
}

/** The hour an instant falls on in Amsterdam, as the console must show it (winter 09:00, summer 10:00 for 08:00 UTC). */
const amsterdamTime = (iso: string) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))

test('backups, grants and extra support from the console, each step with the customer’s consent and on the timeline', async ({ page, browser }) => {
  test.setTimeout(180_000)
  const stamp = Date.now()
  const subject = `Journaalpost verdwijnt ${stamp}`
  const reason = `Onderzoek ${stamp}: de journaalposten verdwijnen na de nachtelijke verwerking`

  // Peter files an incident as a signed-in contact; his session is the portal's for every consent below.
  await signIn(page, PETER, '/portaal/')
  const filed = await page.request.post(`${KB}/api/incidents`, {
    data: { name: 'Peter de Vries', email: PETER, kind: 'bug', productArea: 'finance', subject, description: 'Na de nachtelijke verwerking zijn journaalposten weg.', lang: 'nl' },
  })
  expect(filed.status()).toBe(201)
  const incident = (await filed.json()) as { id: string; number: string }

  const consoleContext = await browser.newContext()
  const staff = await consoleContext.newPage()
  await signInStaff(staff, LOTTE)
  await staff.goto(`/staff/incident/?id=${incident.id}`)
  const access = staff.getByRole('region', { name: 'Toegang en toestemming' })
  const timeline = staff.locator('.timeline > li.consent-step')
  const backupItem = access.locator('.consent-item').filter({ hasText: reason })

  await test.step('an agent requests a backup with a reason; the admin’s approval shows without a reload', async () => {
    // Remote view stands above the page's two columns, on its own; access and consent are beside the conversation.
    await expect(staff.getByRole('region', { name: 'Meekijken', exact: true }).getByRole('heading', { name: 'Meekijken' })).toBeVisible()
    await expect(access.getByRole('heading', { name: 'Tijdelijke toegang' })).toBeVisible()
    await expect(access.getByText('De Vries Installatietechniek heeft voor dit incident geen toegang gegeven.')).toBeVisible()
    await access.getByLabel('Reden voor de back-up').fill(reason)
    await access.getByRole('button', { name: 'Back-up aanvragen' }).click()
    await expect(access.getByText('De back-up is aangevraagd. De beheerder van De Vries Installatietechniek krijgt een e-mail.')).toBeFocused()
    await expect(backupItem.locator('.badge')).toHaveText('Aangevraagd')
    await expect(backupItem).toContainText('Verwijderen: 30 dagen na het sluiten van het incident')
    await expect(timeline.filter({ hasText: 'Back-up aangevraagd door Lotte Smit' })).toHaveCount(1)

    const [backup] = await consentsOf(page.request, incident.id, 'backup')
    const decided = await page.request.post(`${KB}/api/backups/${backup.id}/decision`, { data: { decision: 'approve', version: backup.version } })
    expect(decided.status()).toBe(200)
    await expect(backupItem.locator('.badge')).toHaveText('Goedgekeurd', { timeout: WITHIN_A_POLL })
    await expect(backupItem).toContainText('Besluit van Peter de Vries')
    await expect(timeline.filter({ hasText: 'Back-up goedgekeurd door Peter de Vries' })).toHaveCount(1)
  })

  const grantItem = (level: string) => access.locator('.consent-item').filter({ hasText: `Toegang als ${level}` })

  await test.step('a grant the admin gives is active, and using it is checked and logged', async () => {
    const given = await page.request.post(`${KB}/api/incidents/${incident.id}/grants`, { data: { level: 'functional_user', endsAt: new Date(Date.now() + 3 * DAY).toISOString() } })
    expect(given.status()).toBe(201)
    const functional = grantItem('functionele gebruiker')
    await expect(functional.locator('.badge')).toHaveText('Actief', { timeout: WITHIN_A_POLL })
    await expect(functional).toContainText('Gegeven door Peter de Vries')
    await functional.getByRole('button', { name: 'Toegang gebruiken' }).click()
    await expect(access.getByText(/^Toegang is actief tot .+\. U werkt als functionele gebruiker; het gebruik staat in het verloop\.$/)).toBeFocused()
    await expect(timeline.filter({ hasText: /^.*Tijdelijke toegang gegeven \(functionele gebruiker\) tot / })).toHaveCount(1)
    await expect(timeline.filter({ hasText: 'Toegang gebruikt' })).toHaveCount(1)
    await expect(timeline.first().locator('.badge')).toHaveText('Toestemming')
  })

  await test.step('the admin revokes it: the open page shows it inactive within a poll, and its use is refused', async () => {
    const [grant] = await consentsOf(page.request, incident.id, 'grant')
    const revoked = await page.request.post(`${KB}/api/grants/${grant.id}/revoke`, { data: { version: grant.version } })
    expect(revoked.status()).toBe(200)
    const functional = grantItem('functionele gebruiker')
    await expect(functional.locator('.badge')).toHaveText('Ingetrokken', { timeout: WITHIN_A_POLL })
    await expect(functional).toContainText('Ingetrokken door Peter de Vries op ')
    await expect(functional.getByRole('button', { name: 'Toegang gebruiken' })).toHaveCount(0)
    await expect(timeline.filter({ hasText: 'Toegang ingetrokken' })).toHaveCount(1)
    const use = await staff.request.post(`${KB}/api/grants/${grant.id}/use`)
    expect([use.status(), (await use.json()).code]).toEqual([410, 'grant_inactive'])
  })

  await test.step('a use between a revocation and the next poll is refused by the server, and the page says so', async () => {
    const given = await page.request.post(`${KB}/api/incidents/${incident.id}/grants`, { data: { level: 'read_only', endsAt: new Date(Date.now() + DAY).toISOString() } })
    expect(given.status()).toBe(201)
    const readOnly = grantItem('alleen lezen')
    await expect(readOnly.locator('.badge')).toHaveText('Actief', { timeout: WITHIN_A_POLL })
    // The page goes on seeing the grant as it was: the revocation has not reached it yet.
    const asItWas = await (await staff.request.get(`${KB}/api/consents?incidentId=${incident.id}`)).text()
    await staff.route('**/api/consents?*', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: asItWas }))
    const [grant] = await consentsOf(page.request, incident.id, 'grant')
    expect((await page.request.post(`${KB}/api/grants/${grant.id}/revoke`, { data: { version: grant.version } })).status()).toBe(200)
    await readOnly.getByRole('button', { name: 'Toegang gebruiken' }).click()
    await expect(staff.getByRole('alert').filter({ hasText: 'Deze toegang is verlopen of ingetrokken en geeft geen toegang meer.' })).toBeFocused()
    await expect(readOnly.locator('.badge')).toHaveText('Ingetrokken')
    // This refusal and the earlier one by the API.
    await expect(timeline.filter({ hasText: 'Gebruik van toegang geweigerd: niet actief' })).toHaveCount(2)
    await staff.unroute('**/api/consents?*')
    await expectAccessible(staff)
  })

  const window = saturdayWindow()
  const extraReason = `Jaarafsluiting ${stamp}: de boekhouding sluit het jaar op zaterdag af`

  await test.step('the console’s access page: the backup’s receipt and purge, active grants, and extra support approved', async () => {
    const requested = await page.request.post(`${KB}/api/extra-support`, { data: { ...window, reason: extraReason } })
    expect(requested.status()).toBe(201)

    await staff.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Toegang en extra support' }).click()
    await expect(staff.getByRole('heading', { level: 1, name: 'Toegang en extra support' })).toBeVisible()

    const pending = staff.getByRole('region', { name: 'Back-ups die actie vragen' }).locator('.consent-item').filter({ hasText: reason })
    await expect(pending.getByRole('link', { name: `Incident ${incident.number}: ${subject}` })).toHaveAttribute('href', `/staff/incident/?id=${incident.id}`)
    await pending.getByRole('button', { name: 'Ontvangen' }).click()
    await expect(staff.getByText('De ontvangst van de back-up is vastgelegd.')).toBeFocused()
    await expect(pending.locator('.badge')).toHaveText('Ontvangen')
    await expect(pending).toContainText('Ontvangen door Lotte Smit')
    await pending.getByRole('button', { name: 'Verwijderd' }).click()
    await expect(staff.getByText('Vastgelegd dat de back-up is verwijderd.')).toBeFocused()
    await expect(pending).toHaveCount(0)

    const extra = staff.getByRole('region', { name: 'Extra ondersteuning buiten kantooruren' })
    const request = extra.locator('.consent-item').filter({ hasText: extraReason })
    await expect(request.getByRole('heading')).toHaveText(new RegExp(`^De Vries Installatietechniek: za \\d+ \\S+ \\d{4}, ${amsterdamTime(window.startsAt)}–${amsterdamTime(window.endsAt)}$`))
    await expect(request).toContainText('Peter de Vries')
    await expect(request.locator('dd').filter({ hasText: 'Nacalculatie' })).toHaveCount(1)
    await expect(request.locator('.badge').filter({ hasText: 'Wacht op besluit' })).toHaveCount(1)
    await expectAccessible(staff)

    await request.getByLabel('Toelichting voor de klant (niet verplicht)').fill('Lotte is bereikbaar op 201.')
    await request.getByRole('button', { name: 'Goedkeuren' }).click()
    await expect(extra.getByText('Goedgekeurd. Het venster telt als kantoortijd voor de incidenten van De Vries Installatietechniek; de klant krijgt een e-mail.')).toBeFocused()
    // Only requests awaiting a decision show by default; all of them on request.
    await expect(request).toHaveCount(0)
    await extra.getByLabel('Alleen aanvragen die op een besluit wachten').uncheck()
    await expect(request.locator('.badge').filter({ hasText: 'Goedgekeurd' })).toHaveCount(1)
    await expect(request).toContainText('Besluit van Lotte Smit')
    await expect(request).toContainText('Toelichting: Lotte is bereikbaar op 201.')
    await expect(request.getByRole('button', { name: 'Goedkeuren' })).toHaveCount(0)
  })

  await test.step('the timeline holds every step, in order', async () => {
    await staff.goto(`/staff/incident/?id=${incident.id}`)
    await expect(timeline.locator('p')).toHaveText([
      'Back-up aangevraagd door Lotte Smit',
      'Back-up goedgekeurd door Peter de Vries',
      /^Tijdelijke toegang gegeven \(functionele gebruiker\) tot /,
      'Toegang gebruikt',
      'Toegang ingetrokken',
      'Gebruik van toegang geweigerd: niet actief',
      /^Tijdelijke toegang gegeven \(alleen lezen\) tot /,
      'Toegang ingetrokken',
      'Gebruik van toegang geweigerd: niet actief',
      'Back-up ontvangen',
      'Back-up verwijderd',
    ])
    await expect(backupItem.locator('.badge')).toHaveText('Verwijderd')
    await expect(backupItem).toContainText('Verwijderd door Lotte Smit')
  })

  await test.step('both pages in English', async () => {
    await staff.goto(`/en/staff/incident/?id=${incident.id}`)
    const english = staff.getByRole('region', { name: 'Access and consent' })
    await expect(staff.getByRole('region', { name: 'Remote view', exact: true }).getByRole('heading', { name: 'Remote view' })).toBeVisible()
    await expect(english.locator('.consent-item').filter({ hasText: 'Access as functional user' }).locator('.badge')).toHaveText('Revoked')
    await expect(english.locator('.consent-item').filter({ hasText: reason }).locator('.badge')).toHaveText('Purged')
    await expect(staff.locator('.timeline > li.consent-step').filter({ hasText: 'Use of access refused: not active' })).toHaveCount(2)

    await staff.goto('/en/staff/access/')
    await expect(staff.getByRole('heading', { level: 1, name: 'Access and extra support' })).toBeVisible()
    const extra = staff.getByRole('region', { name: 'Extra support outside business hours' })
    await extra.getByLabel('Only requests awaiting a decision').uncheck()
    const request = extra.locator('.consent-item').filter({ hasText: extraReason })
    await expect(request.getByRole('heading')).toHaveText(/^De Vries Installatietechniek: Sat,? \d+ \S+ \d{4}, /)
    await expect(request.locator('dd').filter({ hasText: 'Billed afterwards' })).toHaveCount(1)
    await expect(request.locator('.badge').filter({ hasText: 'Approved' })).toHaveCount(1)
    await expectAccessible(staff)
  })
  await consoleContext.close()
})
