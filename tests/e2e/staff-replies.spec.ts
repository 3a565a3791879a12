// Saved replies and staff files: an admin adds a saved reply on the settings page, an agent inserts it filled into a reply to an
// English-speaking customer and sends it; a file on an internal note stays support's (404 to the customer), one on a reply does not.
// People: Sven de Graaf (employee of Hoekstra Logistiek, English; signed in once, only by this spec), Ingrid Postma (admin) and
// Lotte Smit (agent, teams Eerste lijn and Team Financieel) of support.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './fixtures/axe.ts'
import { KB } from './fixtures/env.ts'
import { inbox, mailTo } from './fixtures/mail.ts'
import { signIn, signInStaff, staffApi } from './fixtures/portal.ts'

const SVEN = 'sven@hoekstra-logistiek.example'
const INGRID = 'ingrid@noordwind.example'
const LOTTE = 'lotte@noordwind.example'

test('an admin adds a saved reply, an agent sends it filled; a file on an internal note is never the customer\'s', async ({ page, browser }) => {
  test.setTimeout(150_000)
  const stamp = Date.now()
  const title = `Certificaat ${stamp}`
  const noteText = `Analyse ${stamp}: oud certificaat in de keten`
  const noteFile = { name: `analyse-${stamp}.txt`, mimeType: 'text/plain', buffer: Buffer.from('Digipoort 500: certificaat onbekend\n') }
  const replyFile = { name: `stappen-${stamp}.txt`, mimeType: 'text/plain', buffer: Buffer.from('1. Open Instellingen\n2. Koppel het certificaat\n') }

  const adminContext = await browser.newContext()
  const admin = await adminContext.newPage()
  await signInStaff(admin, INGRID)

  await test.step('the admin is refused an unknown placeholder, named beside the field, then adds the reply for the finance team', async () => {
    await admin.goto('/staff/instellingen/')
    await expect(admin.getByRole('heading', { name: 'Instellingen', level: 1 })).toBeVisible()
    await expect(admin.getByRole('link', { name: 'Instellingen' })).toHaveAttribute('aria-current', 'page')
    const form = admin.getByRole('form', { name: 'Nieuw opgeslagen antwoord' })
    await form.getByLabel('Voor team').selectOption({ label: 'Team Financieel' })
    await form.getByLabel('Titel (Nederlands)').fill(title)
    await form.getByLabel('Titel (Engels)').fill(`Certificate ${stamp}`)
    await form.getByLabel('Tekst (Nederlands)').fill('Beste {{klantnaam}},\n\nKoppel het certificaat opnieuw.')
    await form.getByLabel('Tekst (Engels)').fill(`Dear {{contact.name}},\n\nIncident {{incident.number}} ({{incident.subject}}): please link the certificate again. We aim to solve it before {{incident.due}}.\n\nKind regards,\n{{staff.name}}`)
    await form.getByRole('button', { name: 'Toevoegen' }).click()
    const dutch = form.getByLabel('Tekst (Nederlands)')
    await expect(dutch).toHaveAttribute('aria-invalid', 'true')
    await expect(dutch).toHaveAccessibleDescription(/Onbekende invulplek \{\{klantnaam\}\} in de Nederlandse tekst/)

    await dutch.fill('Beste {{contact.name}},\n\nIncident {{incident.number}}: koppel het certificaat opnieuw. Wij lossen het op vóór {{incident.due}}.\n\nMet vriendelijke groet,\n{{staff.name}}')
    await form.getByRole('button', { name: 'Toevoegen' }).click()
    await expect(form.getByText(`Toegevoegd: ${title}.`)).toBeFocused()
    const row = admin.getByRole('table', { name: 'Opgeslagen antwoorden' }).getByRole('row').filter({ hasText: title })
    await expect(row.getByRole('cell').nth(1)).toHaveText('Team Financieel')
    await expectAccessible(admin)

    await admin.goto('/en/staff/settings/')
    await expect(admin.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
    const english = admin.getByRole('table', { name: 'Saved replies' }).getByRole('row').filter({ hasText: `Certificate ${stamp}` })
    await expect(english.getByRole('cell').nth(1)).toHaveText('Finance team')
    await expectAccessible(admin)
  })

  await test.step('an agent sees the list but cannot change it', async () => {
    const lotte = await staffApi(LOTTE)
    const listed = await (await lotte.get('/api/saved-replies')).json()
    expect(listed.mayManage).toBe(false)
    expect(listed.savedReplies.map((r: { title: { nl: string } }) => r.title.nl)).toContain(title)
    expect((await lotte.post('/api/saved-replies', { data: { title: { nl: 'x', en: 'x' }, body: { nl: 'x', en: 'x' } } })).status()).toBe(403)
    await lotte.dispose()
  })
  await adminContext.close()

  // Sven files an incident about the VAT return in the portal, as a signed-in contact.
  await signIn(page, SVEN, '/en/portal/incidents/', 'en')
  const filed = await page.request.post(`${KB}/api/incidents`, {
    data: { name: 'Sven de Graaf', email: SVEN, kind: 'bug', productArea: 'finance', subject: `VAT return fails ${stamp}`, description: 'Digipoort answers error 500 when we file.', lang: 'en' },
  })
  expect(filed.status()).toBe(201)
  const incident = (await filed.json()) as { id: string; number: string }

  const consoleContext = await browser.newContext()
  const staff = await consoleContext.newPage()
  await signInStaff(staff, LOTTE)
  await staff.goto(`/staff/incident/?id=${incident.id}`)
  let sent = ''

  await test.step('the agent finds the saved reply by title and inserts it filled in the customer\'s language, then sends it', async () => {
    await staff.getByLabel('Antwoord aan de klant (wordt naar de klant gemaild)').check()
    await staff.getByLabel('Zoek op titel').fill(`certificaat ${stamp}`)
    await staff.getByRole('button', { name: `${title} invoegen` }).click()
    await expect(staff.getByRole('status').filter({ hasText: 'Ingevoegd in het Engels, de taal van de klant.' })).toBeVisible()
    const text = staff.getByLabel('Antwoord aan de klant', { exact: true })
    await expect(text).toBeFocused()
    await expect(text).toHaveValue(new RegExp(`^Dear Sven de Graaf,\\n\\nIncident ${incident.number} \\(VAT return fails ${stamp}\\): please link the certificate again\\. We aim to solve it before (not known yet|\\w+day \\d+ \\w+ at \\d\\d:\\d\\d)\\.\\n\\nKind regards,\\nLotte Smit$`))
    expect(await text.inputValue()).not.toContain('{{')
    sent = await text.inputValue()
    await staff.getByRole('button', { name: 'Antwoord naar de klant sturen' }).click()
    await expect(staff.getByText('Het antwoord is naar de klant gestuurd.')).toBeFocused()
  })

  await test.step('the customer\'s mail has the filled text', async () => {
    const mail = await mailTo(SVEN, new RegExp(`Incident ${incident.number} \\(VAT return fails ${stamp}\\): please link`))
    for (const line of sent.split('\n').filter(Boolean)) expect(mail.text).toContain(`> ${line}`)
  })

  let noteFileId = ''
  let replyFileId = ''
  await test.step('a file on an internal note, and a file on a reply', async () => {
    await staff.getByLabel('Interne notitie (nooit zichtbaar voor de klant)').check()
    await expect(staff.getByText('Blijft bij de interne notitie: de klant ziet of downloadt het nooit.', { exact: false })).toBeVisible()
    await staff.getByLabel('Interne notitie', { exact: true }).fill(noteText)
    await staff.getByLabel('Bijlage (niet verplicht)').setInputFiles(noteFile)
    await staff.getByRole('button', { name: 'Interne notitie opslaan' }).click()
    await expect(staff.getByText('De interne notitie is opgeslagen. De klant ziet haar niet.')).toBeFocused()
    const noteItem = staff.locator('.timeline > li').filter({ hasText: noteText })
    await expect(noteItem.getByRole('link', { name: noteFile.name })).toBeVisible()
    await expect(noteItem.locator('.badge')).toHaveText('Intern')

    await staff.getByLabel('Antwoord aan de klant (wordt naar de klant gemaild)').check()
    await staff.getByLabel('Antwoord aan de klant', { exact: true }).fill(`Steps ${stamp} attached.`)
    await staff.getByLabel('Bijlage (niet verplicht)').setInputFiles(replyFile)
    await staff.getByRole('button', { name: 'Antwoord naar de klant sturen' }).click()
    await expect(staff.getByText('Het antwoord is naar de klant gestuurd.')).toBeFocused()
    await expect(staff.locator('.timeline > li').filter({ hasText: `Steps ${stamp} attached.` }).getByRole('link', { name: replyFile.name })).toBeVisible()

    const { timeline } = await (await staff.request.get(`${KB}/api/incidents/${incident.id}`)).json()
    const fileOn = (text: string) => timeline.find((e: { type: string; text?: string }) => e.type === 'message' && e.text === text).attachments[0].id as string
    noteFileId = fileOn(noteText)
    replyFileId = fileOn(`Steps ${stamp} attached.`)
    expect((await staff.request.get(`${KB}/api/incidents/${incident.id}/attachments/${noteFileId}`)).status()).toBe(200)
  })
  await consoleContext.close()

  await test.step('the customer downloads the reply\'s file; the note\'s answers 404, as a file that does not exist', async () => {
    const reply = await page.request.get(`${KB}/api/incidents/${incident.id}/attachments/${replyFileId}`)
    expect(reply.status()).toBe(200)
    expect(await reply.text()).toBe(replyFile.buffer.toString())
    const note = await page.request.get(`${KB}/api/incidents/${incident.id}/attachments/${noteFileId}`)
    const missing = await page.request.get(`${KB}/api/incidents/${incident.id}/attachments/00000000-0000-4000-8000-000000000000`)
    expect([note.status(), await note.json()]).toEqual([404, await missing.json()])

    await page.goto(`/en/portal/incidents/?id=${incident.id}`)
    await expect(page.getByRole('link', { name: replyFile.name })).toBeVisible()
    await expect(page.getByText(noteFile.name)).toHaveCount(0)
    await expect(page.getByText(noteText)).toHaveCount(0)
    expect((await inbox()).filter((m) => m.text.includes(noteText))).toEqual([])
  })
})
