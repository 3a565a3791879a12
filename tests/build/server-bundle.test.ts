// The server as `npm start` runs it: bundled into plain JavaScript, started by node alone, serving the KB, the API and a registration.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildBundle, startBundle, type BundledServer } from './bundle.ts'

const siteDir = mkdtempSync(join(tmpdir(), 'loket-bundle-site-'))
let out = ''
let server: BundledServer

beforeAll(async () => {
  out = await buildBundle('server')
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><html lang="nl"><title>KB</title><h1>Kennisbank</h1></html>')
  server = await startBundle(out, { SITE_DIR: siteDir })
}, 60_000)

afterAll(async () => {
  await server?.stop()
  for (const dir of [out, siteDir]) rmSync(dir, { recursive: true, force: true })
})

describe('the bundled server', () => {
  test('has no TypeScript left to load: one JavaScript file and the migrations beside it', () => {
    expect(readdirSync(out).sort()).toEqual(['index.mjs', 'index.mjs.map', 'migrations'])
    expect(readFileSync(join(out, 'index.mjs'), 'utf8')).not.toMatch(/from ["'][^"']+\.ts["']/)
  })

  test('serves the KnowledgeBase, the API and a registration that sends its confirmation mail', async () => {
    const { base, dataDir } = server
    expect(await (await fetch(`${base}/`)).text()).toContain('<h1>Kennisbank</h1>')
    const desk = await fetch(`${base}/api/desk`)
    expect([desk.status, (await desk.json() as { timeZone: string }).timeZone]).toEqual([200, 'Europe/Amsterdam'])
    const registered = await fetch(`${base}/api/incidents`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance', subject: 'Btw-aangifte geeft fout 500', description: 'Digipoort geeft fout 500 bij het indienen van de aangifte.', lang: 'nl' }),
    })
    expect(registered.status).toBe(202)
    mkdirSync(join(dataDir, 'outbox'), { recursive: true })
    // The demo desk's own mail may be there too (a complaint nearing its due time, depending on the hour): look for Tom's.
    const toTom = () => readdirSync(join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join(dataDir, 'outbox', f), 'utf8')).filter((mail) => /^To: .*tom@bakkerij-jansen\.example/m.test(mail))
    for (let tries = 0; toTom().length === 0; tries++) {
      if (tries > 100) throw new Error(`no mail to Tom in the outbox:\n${server.log()}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(toTom()).toHaveLength(1)
    expect(toTom()[0]).toMatch(/Subject: .*Btw-aangifte geeft fout 500|confirm\?token=/)
  })
})
