// The widget as built, file by file: what the static server caches for a year is exactly what is named by its content.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { cacheControl } from '../../server/middleware/static-site/index.ts'
import { buildWidget } from '../../widget/build.ts'

const FOREVER = 'public, max-age=31536000, immutable'
const MINUTES = 'public, max-age=300'

describe('cache lifetimes of the built widget', () => {
  const out = mkdtempSync(join(tmpdir(), 'loket-widget-cache-'))
  let files: Record<string, string[]>
  beforeAll(async () => {
    await buildWidget(out)
    files = Object.fromEntries(['nl', 'en'].map((lang) => [lang, readdirSync(join(out, 'widget', lang)).filter((f) => f.endsWith('.js'))]))
  }, 60_000)
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  test.each(['nl', 'en'])('in %s: every chunk is cached for a year, app.js and widget.js for minutes', (lang) => {
    const chunks = files[lang]!.filter((f) => f !== 'app.js')
    // The build's own chunks: the shared one, the search engine and the form.
    expect(chunks.map((f) => f.replace(/-[A-Z0-9]+\.js$/, ''))).toEqual(expect.arrayContaining(['chunk', 'engine', 'IncidentForm']))
    for (const file of chunks) expect([file, cacheControl(`/widget/${lang}/${file}`)]).toEqual([file, FOREVER])
    expect(files[lang]).toContain('app.js')
    expect(cacheControl(`/widget/${lang}/app.js`)).toBe(MINUTES)
    expect(cacheControl('/widget.js')).toBe(MINUTES)
  })
})
