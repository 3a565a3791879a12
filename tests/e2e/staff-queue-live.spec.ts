// The console's queue follows the server's event stream: a customer's registration in another browser appears in Lotte's open queue without a reload, and no timed poll asked for it.
// People: Lotte Smit (agent, first line and finance); Tom Bakker (Bakkerij Jansen; portal-incidents signs him in twice, so this is his third and last link of the ten minutes) files in the portal.
import { expect, test } from '@playwright/test'
import { signIn, signInStaff } from './fixtures/portal.ts'

/** A GET of the queue itself (the page's reads), not of its event stream. */
const isQueueRead = (url: string) => new URL(url).pathname === '/api/staff/queue'

test('a customer’s new incident appears in the open queue through the stream, not by polling', async ({ page, browser }) => {
  test.setTimeout(90_000)
  const subject = `Koppeling bank loopt vast ${Date.now()}`
  // Every queue event the page's EventSource receives is counted, so each read can be matched to one.
  await page.addInitScript(() => {
    const Native = window.EventSource
    const counted = window as unknown as { queueEvents: number }
    counted.queueEvents = 0
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init)
        this.addEventListener('queue', () => counted.queueEvents++)
      }
    }
  })
  const reads: string[] = []
  page.on('request', (req) => { if (req.method() === 'GET' && isQueueRead(req.url())) reads.push(req.url()) })
  const events = () => page.evaluate(() => (window as unknown as { queueEvents: number }).queueEvents)

  await signInStaff(page, 'lotte@noordwind.example')
  const stream = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/staff/queue/stream')
  await page.goto('/staff/')
  const opened = await stream
  expect([opened.status(), opened.headers()['content-type']]).toEqual([200, 'text/event-stream'])
  await expect(page.getByText(/Bijgewerkt om \d\d:\d\d/)).toBeVisible()
  // Marks this document: a reload would lose it.
  await page.evaluate(() => document.documentElement.setAttribute('data-queue-test', 'same-page'))

  await test.step('quiet: longer than the old 5-second poll, and no read without an event', async () => {
    await page.waitForTimeout(1_000)
    reads.length = 0
    const before = await events()
    await page.waitForTimeout(6_500)
    expect(reads.length).toBeLessThanOrEqual((await events()) - before)
  })

  await test.step('Tom registers an incident in the portal, in a browser of his own; it appears in Lotte’s queue without a reload', async () => {
    reads.length = 0
    const before = await events()
    const tom = await (await browser.newContext()).newPage()
    await signIn(tom, 'tom@bakkerij-jansen.example', '/portaal/melden/')
    await tom.getByLabel('Waar gaat uw vraag over?').fill('bankkoppeling')
    await tom.getByRole('button', { name: /melding maken/ }).click()
    await tom.getByLabel(/^Fout/).check()
    await tom.getByLabel('Productgebied').selectOption({ label: 'Financiën' })
    await tom.getByLabel('Onderwerp').fill(subject)
    await tom.getByLabel('Omschrijving').fill('De bankkoppeling haalt sinds vanochtend geen afschriften meer op.')
    await tom.getByRole('button', { name: 'Melding versturen' }).click()
    await expect(tom.getByRole('heading', { name: /Uw melding is geregistreerd onder incidentnummer \d+/ })).toBeVisible()
    await tom.context().close()

    await expect(page.locator('table tbody tr').filter({ hasText: subject })).toBeVisible({ timeout: 10_000 })
    await expect(page.locator('html')).toHaveAttribute('data-queue-test', 'same-page')
    // The stream said so, and every read of the queue answered an event: none came from a timer.
    const heard = (await events()) - before
    expect(heard).toBeGreaterThanOrEqual(1)
    expect(reads.length).toBeGreaterThanOrEqual(1)
    expect(reads.length).toBeLessThanOrEqual(heard)
  })
})
