/**
 * `npm run screenshots`: pictures of the KB, the widget on a customer's page, the portal and the
 * console, light and dark, on a desktop (1280×900) and a phone (390×844), into docs/screenshots/.
 * Runs the built server (npm run build first; the npm script does) on a free port with a data
 * folder of its own, and the system's Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer as createHttpServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { simpleParser } from 'mailparser'
import { freePort } from './free-port.ts'
import { CHROMIUM_LAUNCH } from './chromium.ts'

const OUT = 'docs/screenshots'
const PORTAL_PERSON = 'marieke@bakkerij-jansen.example'
const STAFF_PERSON = 'lotte@noordwind.example'
const DEMO_STAFF_PASSWORD = 'loket-demo'

const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const
const SCHEMES = ['light', 'dark'] as const


async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (await fetch(url).then((r) => r.ok, () => false)) return
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s: is the site built (npm run build)?`)
}

/** The newest sign-in link the server wrote to `address` in its outbox. */
async function signInLink(outbox: string, address: string): Promise<string> {
  for (let tries = 0; tries < 60; tries++) {
    // The outbox folder appears with the first mail.
    const files = (existsSync(outbox) ? readdirSync(outbox) : []).filter((f) => f.endsWith('.eml')).sort().reverse()
    for (const file of files) {
      const mail = await simpleParser(readFileSync(join(outbox, file)))
      const to = Array.isArray(mail.to) ? mail.to[0] : mail.to
      const link = mail.text?.match(/https?:\/\/\S+\/api\/auth\/callback\?token=\S+/)?.[0]
      if (to?.value[0]?.address === address && link) return link
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no sign-in mail to ${address} arrived in ${outbox}`)
}

/** Lets fonts and the islands' first answers arrive, then takes the picture of the viewport. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined)
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false, animations: 'disabled', caret: 'hide' })
  console.log(`[loket] ${OUT}/${name}.png`)
}

async function main() {
  const port = await freePort()
  const kb = `http://127.0.0.1:${port}`
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-screenshots-'))
  // A customer's site that embeds the widget, on an origin of its own (the API allows it, as ALLOWED_ORIGINS would).
  const shopPort = await freePort()
  const shop = `http://127.0.0.1:${shopPort}`
  const shopServer = await serveShop(shopPort, kb)
  const server = spawn(process.execPath, ['--enable-source-maps', 'dist-server/index.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BASE_URL: kb, ALLOWED_ORIGINS: `${kb},${shop}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  let browser: Browser | undefined
  try {
    await waitFor(`${kb}/api/health`, 120_000)
    mkdirSync(OUT, { recursive: true })
    browser = await chromium.launch(CHROMIUM_LAUNCH)
    // Signed in once each, then every picture's context starts from that: sign-in links are limited per address.
    const portalState = await signedIn(browser, kb, async (page) => {
      await page.request.post(`${kb}/api/auth/link`, { data: { email: PORTAL_PERSON, next: '/portaal/incidenten/' } })
      await page.goto(await signInLink(join(dataDir, 'outbox'), PORTAL_PERSON))
      await page.getByRole('button', { name: /Inloggen/ }).click()
      await page.waitForURL(`${kb}/portaal/incidenten/`)
    })
    const staffState = await signedIn(browser, kb, async (page) => {
      const res = await page.request.post(`${kb}/api/auth/staff`, { data: { email: STAFF_PERSON, password: DEMO_STAFF_PASSWORD } })
      if (!res.ok()) throw new Error(`staff sign-in answered ${res.status()}`)
    })
    for (const scheme of SCHEMES) {
      for (const [device, viewport] of Object.entries(VIEWPORTS)) {
        const suffix = `${device}-${scheme}`
        const customer = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1, storageState: portalState, baseURL: kb })
        const page = await customer.newPage()
        await page.goto('/')
        await shoot(page, `kb-${suffix}`)
        await widgetOnShop(page, shop)
        await shoot(page, `widget-${suffix}`)
        await page.goto('/portaal/incidenten/')
        await page.locator('main table, main .notice').first().waitFor({ timeout: 10_000 }).catch(() => undefined)
        await shoot(page, `portal-${suffix}`)
        await customer.close()
        const staff = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1, storageState: staffState, baseURL: kb })
        const console_ = await staff.newPage()
        await console_.goto('/staff/')
        await console_.locator('main table').first().waitFor({ timeout: 10_000 }).catch(() => undefined)
        await shoot(console_, `console-${suffix}`)
        await staff.close()
      }
    }
  } finally {
    await browser?.close()
    server.kill()
    shopServer.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Signs in once in a fresh context and returns its cookies for the pictures' contexts. */
async function signedIn(browser: Browser, kb: string, signIn: (page: Page) => Promise<void>): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
  const context = await browser.newContext({ baseURL: kb })
  await signIn(await context.newPage())
  const state = await context.storageState()
  await context.close()
  return state
}

/** Serves a customer's page that embeds the widget from `kb`, in the visitor's theme (its own colours, as a real site has). */
function serveShop(port: number, kb: string): Promise<Server> {
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Bakkerij Jansen</title>
<style>:root{color-scheme:light dark}body{margin:0;font:16px/1.5 Georgia,serif;background:#fbf7f0;color:#2b2118}@media (prefers-color-scheme: dark){body{background:#1d1a17;color:#eee}}header{padding:16px 24px;background:#7a3e12;color:#fff}main{padding:24px;max-width:40rem}</style></head>
<body><header><strong>Bakkerij Jansen</strong> · Intranet</header><main><h1>Welkom terug</h1><p>Het rooster van deze week staat klaar. Vragen over Noordwind ERP? Gebruik de knop rechtsonder.</p></main>
<script src="${kb}/widget.js" async></script></body></html>`
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(html)
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

/** The customer's page with the widget opened and searched, as a visitor would. */
async function widgetOnShop(page: Page, shop: string): Promise<void> {
  await page.goto(`${shop}/`)
  await page.locator('loket-widget').getByRole('button', { name: 'Hulp nodig?' }).click()
  await page.locator('loket-widget').getByRole('searchbox').fill('btw-aangifte')
  await page.locator('loket-widget .lw-results li').first().waitFor({ timeout: 15_000 }).catch(() => undefined)
}

main().catch((error) => {
  console.error(`[loket] screenshots failed: ${error instanceof Error ? error.message : error}`)
  process.exitCode = 1
})
