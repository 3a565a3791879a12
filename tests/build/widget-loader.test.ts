// widget.js as built: the one script every page view of an embedding site pays for stays within 2 KB gzip and carries the launcher itself.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { brandColours } from '#lib/contrast.ts'
import { widget as en } from '#lib/i18n/en/widget.ts'
import { widget as nl } from '#lib/i18n/nl/widget.ts'
import { buildWidget } from '../../widget/build.ts'

describe('the built loader', () => {
  const out = mkdtempSync(join(tmpdir(), 'loket-widget-loader-'))
  let loader: string
  beforeAll(async () => {
    await buildWidget(out, brandColours('#7a1f5c'))
    loader = readFileSync(join(out, 'widget.js'), 'utf8')
  }, 60_000)
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  test('is at most 2 KB gzip', () => {
    expect(gzipSync(loader, { level: 9 }).length).toBeLessThanOrEqual(2048)
  })

  test("carries the launcher's word in both languages from the catalogue, and the brand's colour", () => {
    expect(loader).toContain(JSON.stringify(nl.launcher))
    expect(loader).toContain(JSON.stringify(en.launcher))
    expect(loader).toContain('--lw-brand:#7a1f5c')
  })

  test("opens with Chromium's compile hint, so its functions compile as it streams in, off the host's main thread", () => {
    expect(loader.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad')
  })

  test('has no framework in it and imports the app only on demand', () => {
    expect(loader).not.toMatch(/preact|__H|createElement\("div",\{/)
    expect(loader.match(/\bimport\(/g)).toHaveLength(1)
    expect(loader).not.toMatch(/^import |\bimport ["{*]/m)
  })
})
