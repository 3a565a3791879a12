// The portal's access page: an admin gives support temporary access and revokes it, approves a backup support asked for, sees
// the remote-view code as it comes in, and requests extra support outside hours (too soon refused with the earliest start, a Saturday taken);
// each step on the incident's timeline. An employee, in English, sees the access on her incident but no form to give it.
// People: Peter de Vries (admin of De Vries Installatietechniek, not First Class) and Aisha el Amrani (employee there, English),
// each signed in once from a link asked for in their other language: the complaints, staff-access and organisation specs sign
// them in too, perhaps at the same moment, and the language tells this spec's mail apart (3 links per address per 10 minutes:
// Peter gets one each from complaints, staff-access and this spec). Lotte Smit of support through the API.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { signIn, staffApi } from './fixtures/portal.ts'

const PETER = 'peter@devries-installatie.example'
const AISHA = 'aisha@devries-installatie.example'
const DAY = 24 * 3_600_000

/** The date of an instant on the desk's calendar, as a date-time field takes it ("2026-05-02"). */
const amsterdamDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
const amsterdamWeekday = (at: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short' }).format(at)

/** The first Saturday at least `days` days from now, on the desk's calendar. */
function saturdayFrom(days: number): string {
  const at = new Date(Date.now() + days * DAY)
  while (amsterdamWeekday(at) !== 'Sat') at.setTime(at.getTime() + DAY)
  return amsterdamDate(at)
}

/**
 * Signs `contact` in on `page` and lands on `next`, from a link asked for in the other language than their own, so this
 * spec never takes a link another spec asked for the same person at the same moment.
 */
const signInApart = (page: Page, contact: { email: string; lang: 'nl' | 'en' }, next: string) => signIn(page, contact.email, next, contact.lang === 'nl' ? 'en' : 'nl')

/** Files an incident as the contact signed in on `api`, as the portal's form does. */
async function file(api: APIRequestContext, contact: { name: string; email: string; lang: 'nl' | 'en' }, subject: string) {
  const res = await api.post(`${KB}/api/incidents`, {
    data: { name: contact.name, email: contact.email, kind: 'bug', productArea: 'platform', subject, description: 'De koppeling met de groothandel geeft geen prijzen meer.', lang: contact.lang },
  })
  expect(res.status()).toBe(201)
  return (await res.json()) as { id: string; number: string }
}

test('an admin gives and revokes access, decides on backups, sees the remote-view code and requests extra support; an employee only sees', async ({ page, browser }) => {
  test.setTimeout(180_000)
  const stamp = Date.now()
  const subject = `Prijzen groothandel ontbreken ${stamp}`
  const aisha = await (await browser.newContext()).newPage()
  const herSubject = `Price import stalls ${stamp}`
  const hers = await test.step('an employee, in English, sees no form to give access and no decisions', async () => {
    await signInApart(aisha, { email: AISHA, lang: 'en' }, '/en/portal/access/')
    const filed = await file(aisha.request, { name: 'Aisha el Amrani', email: AISHA, lang: 'en' }, herSubject)
    await expect(aisha.locator('html')).toHaveAttribute('lang', 'en')
    await expect(aisha.getByRole('heading', { level: 1, name: 'Access and extra support' })).toBeVisible()
    await expect(aisha.getByText('Your organisation\'s admin gives access and approves backups.')).toBeVisible()
    await expect(aisha.getByRole('heading', { level: 2, name: 'Temporary access' })).toBeVisible()
    await expect(aisha.getByRole('heading', { name: 'Give access' })).toHaveCount(0)
    await expect(aisha.getByRole('heading', { level: 2, name: 'Backups for investigation' })).toBeVisible()
    const extra = aisha.getByRole('region', { name: 'Extra support outside business hours' })
    await expect(extra.getByRole('heading', { name: 'Request extra support' })).toBeVisible()
    await expect(extra.getByLabel('Start')).toHaveAccessibleDescription('Date and time in Dutch time, at least 5 days ahead.')
    await expect(extra).toContainText('Extra support is billed afterwards.')
    await expect(extra.getByRole('heading', { name: 'Your requests' })).toBeVisible()
    await expectAccessible(aisha)
    return filed
  })

  await signInApart(page, { email: PETER, lang: 'nl' }, '/portaal/toegang/')
  const incident = await file(page.request, { name: 'Peter de Vries', email: PETER, lang: 'nl' }, subject)
  const staff = await staffApi()
  await page.reload()

  const grants = page.getByRole('region', { name: 'Tijdelijke toegang' })
  const grantRow = grants.getByRole('row').filter({ hasText: `${incident.number}: ${subject}` })

  await test.step('the admin’s page: in the menu, each level explained, the latest end named, accessible', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Toegang en extra support' })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Mijn Noordwind' }).getByRole('link', { name: 'Toegang en extra support' })).toHaveAttribute('aria-current', 'page')
    await expect(grants.getByRole('heading', { level: 3, name: 'Toegang geven' })).toBeVisible()
    await expect(page.getByRole('radio', { name: 'Alleen lezen' })).toBeChecked()
    await expect(page.getByRole('radio', { name: 'Beheerder' })).toHaveAccessibleDescription('Support kan ook instellingen en gebruikers wijzigen. Kies dit alleen als het nodig is.')
    await expect(page.getByLabel('Toegang tot en met')).toHaveAccessibleDescription(/Uiterlijk 14 dagen vooruit: \d{1,2} \w+ \d{4}, \d{2}:\d{2}\./)
    await expectAccessible(page)
  })

  await test.step('an end past 14 days is refused on its field; a nearer one gives access', async () => {
    await page.getByLabel('Incident', { exact: true }).selectOption({ label: `${incident.number}: ${subject}` })
    await page.getByRole('radio', { name: 'Functionele gebruiker' }).check()
    const end = page.getByLabel('Toegang tot en met')
    await end.fill(`${amsterdamDate(new Date(Date.now() + 15 * DAY))}T12:00`)
    await page.getByRole('button', { name: 'Toegang geven' }).click()
    await expect(end).toHaveAttribute('aria-invalid', 'true')
    await expect(end).toBeFocused()
    await expect(end).toHaveAccessibleDescription(/Tijdelijke toegang loopt hoogstens 14 dagen en eindigt in de toekomst\. Kies een eerder einde\./)
    await expect(grantRow).toHaveCount(0)

    await end.fill(`${amsterdamDate(new Date(Date.now() + 2 * DAY))}T17:00`)
    await page.getByRole('button', { name: 'Toegang geven' }).click()
    const given = page.getByRole('status').filter({ hasText: 'Support heeft nu toegang' })
    await expect(given).toHaveText(new RegExp(`^Support heeft nu toegang \\(functionele gebruiker\\) voor incident ${incident.number}, tot \\d{1,2} \\w+ \\d{4}, 17:00\\.$`))
    await expect(given).toBeFocused()
    await expect(grantRow).toContainText('Functionele gebruiker')
    await expect(grantRow).toContainText('17:00')
    await expect(grantRow).toContainText('Peter de Vries')
    await expect(grantRow.locator('.badge')).toHaveText('Actief')
  })

  await test.step('revoking it: the row says so and the focus is on the message', async () => {
    await grantRow.getByRole('button', { name: `Toegang tot ${incident.number} intrekken` }).click()
    await expect(grantRow.locator('.badge')).toHaveText('Ingetrokken')
    await expect(grantRow.getByRole('button')).toHaveCount(0)
    const revoked = page.getByRole('status').filter({ hasText: 'is ingetrokken' })
    await expect(revoked).toHaveText(`De toegang tot incident ${incident.number} is ingetrokken. Support kan er niet meer in.`)
    await expect(revoked).toBeFocused()
    // The server agrees: support can no longer use it.
    const [grant] = (await (await staff.get(`/api/consents?incidentId=${incident.id}&kind=grant`)).json()).consents
    expect((await staff.post(`/api/grants/${grant.id}/use`)).status()).toBe(410)
  })

  const backups = page.getByRole('region', { name: 'Back-ups voor onderzoek' })
  const reason = `Onderzoek ${stamp}: prijsimport vergelijken met productie`
  await test.step('the admin approves a backup support asked for, with a note', async () => {
    const asked = await staff.post(`/api/incidents/${incident.id}/backups`, { data: { reason } })
    expect(asked.status()).toBe(201)
    await page.reload()
    const item = backups.getByRole('listitem').filter({ hasText: reason })
    await expect(item.locator('.badge')).toHaveText('Wacht op besluit')
    await expect(item).toContainText('Aangevraagd door Lotte Smit (support)')
    await expect(item).toContainText('Wordt uiterlijk 30 dagen na het sluiten van het incident verwijderd.')
    await item.getByLabel('Toelichting bij uw besluit (optioneel)').fill('Graag binnen een week.')
    await item.getByRole('button', { name: `Goedkeuren (back-up voor ${incident.number})` }).click()
    const approved = page.getByRole('status').filter({ hasText: 'goedgekeurd' })
    await expect(approved).toHaveText(`U hebt de back-up voor incident ${incident.number} goedgekeurd.`)
    await expect(approved).toBeFocused()
    await expect(item.locator('.badge')).toHaveText('Goedgekeurd')
    await expect(item).toContainText('Besluit van Peter de Vries')
    await expect(item).toContainText('Graag binnen een week.')
    await expect(item.getByRole('button')).toHaveCount(0)
  })

  await test.step('a backup decided elsewhere meanwhile: the refusal, and the list as it now stands', async () => {
    const second = `Tweede onderzoek ${stamp}`
    const asked = await staff.post(`/api/incidents/${incident.id}/backups`, { data: { reason: second } })
    const { backup } = await asked.json()
    await page.reload()
    const item = backups.getByRole('listitem').filter({ hasText: second })
    await expect(item.locator('.badge')).toHaveText('Wacht op besluit')
    // The same admin declines it from another tab.
    expect((await page.request.post(`${KB}/api/backups/${backup.id}/decision`, { data: { decision: 'decline', version: backup.version } })).status()).toBe(200)
    await item.getByRole('button', { name: `Goedkeuren (back-up voor ${incident.number})` }).click()
    const refused = backups.getByRole('alert')
    await expect(refused).toHaveText('Deze stap is vanuit de huidige stand niet mogelijk.')
    await expect(refused).toBeFocused()
    await expect(item.locator('.badge')).toHaveText('Afgewezen')
  })

  await test.step('the remote-view code appears on this page without a reload, and waits on the incident’s too', async () => {
    const started = await staff.post(`/api/incidents/${incident.id}/remote-views`)
    expect(started.status()).toBe(201)
    const { remoteView } = await started.json()
    // The page asks every 5 seconds while it is visible: the customer on the phone with support sees the code come in.
    const region = page.getByRole('region', { name: 'Meekijken' })
    await expect(region).toContainText(/Uw meekijkcode: \d{3} \d{3}/, { timeout: 12_000 })
    await expect(region).toContainText(`Lotte Smit (support) wil meekijken bij incident ${incident.number}: ${subject}.`)
    await expect(region.getByRole('link', { name: 'Vul de code in op de meekijkpagina' })).toHaveAttribute('href', '/meekijken/')
    await expectAccessible(page)

    await page.goto(`/portaal/incidenten/?id=${incident.id}`)
    await expect(page.locator('.code-notice')).toContainText(/Uw meekijkcode: \d{3} \d{3}/)
    const timeline = page.locator('.timeline')
    await expect(timeline).toContainText(/U hebt tijdelijke toegang gegeven \(functionele gebruiker\) tot \d{1,2} \w+ \d{4}, 17:00/)
    await expect(timeline).toContainText('U hebt de toegang ingetrokken')
    await expect(timeline).toContainText('Lotte Smit (support) wilde de toegang gebruiken, maar die gold niet meer')
    await expect(timeline).toContainText('Back-up aangevraagd door Lotte Smit (support)')
    await expect(timeline).toContainText('U hebt de back-up goedgekeurd')
    await expect(timeline).toContainText('U hebt de back-up afgewezen')
    await expect(timeline).toContainText('Lotte Smit (support) wil meekijken en heeft de melder een persoonlijke code gestuurd')
    await expectAccessible(page)

    // Once support ends it, the code is gone, also without a reload.
    expect((await staff.post(`/api/remote-views/${remoteView.id}/end`)).status()).toBe(200)
    await expect(page.locator('.code-notice')).toHaveCount(0, { timeout: 12_000 })
    await page.reload()
    await expect(page.locator('.timeline')).toContainText('Lotte Smit (support) heeft het meekijken beëindigd')
  })

  await test.step('extra support 4 days ahead is refused with the earliest start; a Saturday 6 days ahead is taken, billed afterwards', async () => {
    await page.goto('/portaal/toegang/')
    const extra = page.getByRole('region', { name: 'Extra ondersteuning buiten kantooruren' })
    await expect(extra).toContainText('Extra ondersteuning wordt achteraf gefactureerd (nacalculatie).')
    const start = extra.getByLabel('Begin')
    const purpose = `Jaarafsluiting ${stamp}`
    const soon = amsterdamDate(new Date(Date.now() + 4 * DAY))
    await start.fill(`${soon}T10:00`)
    await extra.getByLabel('Einde').fill(`${soon}T14:00`)
    await extra.getByLabel('Waarvoor hebt u support nodig?').fill(purpose)
    await extra.getByRole('button', { name: 'Aanvragen' }).click()
    await expect(start).toHaveAttribute('aria-invalid', 'true')
    await expect(start).toBeFocused()
    await expect(start).toHaveAccessibleDescription(/De vroegste start die u nu kunt aanvragen is \w+ \d{1,2} \w+ om \d{2}:\d{2}\./)
    const requested = (await (await page.request.get(`${KB}/api/consents?kind=extra_support`)).json()).consents as { reason: string }[]
    expect(requested.filter((r) => r.reason === purpose)).toEqual([])

    const saturday = saturdayFrom(6)
    await start.fill(`${saturday}T10:00`)
    await extra.getByLabel('Einde').fill(`${saturday}T14:00`)
    await extra.getByRole('button', { name: 'Aanvragen' }).click()
    const sent = extra.getByRole('status').filter({ hasText: 'is ontvangen' })
    await expect(sent).toContainText(/Uw aanvraag voor \d{1,2} \w+ \d{4}, 10:00 tot \d{1,2} \w+ \d{4}, 14:00 is ontvangen\./)
    await expect(sent).toContainText('Deze ondersteuning wordt achteraf gefactureerd.')
    await expect(sent).toBeFocused()
    await expect(start).not.toHaveAttribute('aria-invalid', 'true')
    const row = extra.getByRole('row').filter({ hasText: purpose })
    await expect(row).toContainText(/10:00 tot .*14:00/)
    await expect(row.locator('.badge')).toHaveText('Aangevraagd')
    await expect(row).toContainText('Achteraf gefactureerd')
    await expect(row).toContainText('Peter de Vries')
    await expect(row).toContainText('Nog geen besluit')
    await expectAccessible(page)
  })

  await test.step('the employee sees the access her admin gave on her incident, but cannot revoke it; Peter’s stays out of view', async () => {
    const given = await page.request.post(`${KB}/api/incidents/${hers.id}/grants`, { data: { level: 'read_only', endsAt: new Date(Date.now() + DAY).toISOString() } })
    expect(given.status()).toBe(201)
    await aisha.reload()
    const access = aisha.getByRole('region', { name: 'Temporary access' })
    const row = access.getByRole('row').filter({ hasText: `${hers.number}: ${herSubject}` })
    await expect(row).toContainText('Read only')
    await expect(row).toContainText('Peter de Vries')
    await expect(row.locator('.badge')).toHaveText('Active')
    await expect(access.getByRole('button')).toHaveCount(0)
    await expect(aisha.getByText(subject)).toHaveCount(0)
    await expect(aisha.getByRole('region', { name: 'Backups for investigation' }).getByRole('button')).toHaveCount(0)
    await expectAccessible(aisha)

    await aisha.goto(`/en/portal/incidents/?id=${hers.id}`)
    await expect(aisha.locator('.timeline')).toContainText(/Peter de Vries gave temporary access \(read only\) until \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/)
    await aisha.context().close()
  })
})
