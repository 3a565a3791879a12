/** KB benchmark: build and index N synthetic articles, then measure search and page weight in Chromium. */
import { spawn } from 'node:child_process'
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { chromium, type Browser, type Page, type Request } from '@playwright/test'
import { createApp } from '../../server/app.ts'
import { testDesk } from '../../server/testing.ts'
import { generateArticles } from './generate-articles.ts'
import { median } from './stats.ts'
import { CHROMIUM_LAUNCH } from '../chromium.ts'

export interface KbFigures {
  articles: number
  buildMs: number
  indexMs: number
  peakRssBytes: number
  indexBytes: number
  coldMs: number
  /** Opening /zoeken/?q=… in a fresh context: navigation start to first rendered result. */
  pageLoadMs: number
  warmMs: number
  firstQueryBytes: number
  articlePageBytes: number
  articlePageScripts: string[]
  /** Seconds of the clean build per phase, from its log lines as they arrived. */
  phases: BuildPhase[]
  /** One article's text changed, content cache kept: the rebuild, its phases, and whether search finds the new word. */
  incremental?: { buildMs: number; phases: BuildPhase[]; found: boolean }
}

/** A stretch of `astro build` between two of its log lines. */
export interface BuildPhase { name: string; ms: number }

/** The log lines that open each phase of `astro build` (with the kb-build hook), in the order they come. */
const PHASE_MARKS: { name: string; line: RegExp }[] = [
  { name: 'start-up (config, Vite)', line: /^/ },
  { name: 'content sync', line: /\[content\] Syncing content/ },
  { name: 'types, build info', line: /\[content\] Synced content/ },
  { name: 'server bundle', line: /Building static entrypoints/ },
  { name: 'client bundle', line: /building client/ },
  { name: 'rendering pages', line: /generating static routes/ },
  // Astro's own "✓ Completed" after the routes carries no [build] tag; then the kb-build hook runs.
  { name: 'widget bundle', line: /^\S+ ✓ Completed in/ },
  { name: 'link checks, search copies', line: /\[loket-kb-build\] widget:/ },
  { name: 'Pagefind, brotli, vocabulary beside CSP hashes', line: /\[loket-kb-build\] indexing the search copies/ },
  { name: 'exit', line: /\[loket-kb-build\] Pagefind indexed/ },
]
const RSS_REPORT = resolve('scripts/bench/rss-report.mjs')
/** The KB's part of `npm run build`: an update when only article bodies changed, else `astro build`. */
const KB_BUILD = ['--import', 'tsx', resolve('scripts/build-kb.ts')]
const ASTRO_BUILD = [resolve('node_modules/astro/astro.js'), 'build']

/** A word no generated article contains, written into one article for the incremental build. */
const NEW_WORD = 'kwartelkoning'

/** Words the synthetic articles contain, one new term per warm measurement. */
const WARM_TERMS = ['creditnota', 'pakbon', 'loonstrook', 'incassorun', 'kostenplaats', 'serienummer', 'offerte', 'koppeling', 'retourorder']

export async function benchKb(count: number, runs = 5): Promise<KbFigures> {
  const work = mkdtempSync(join(tmpdir(), `loket-bench-kb-${count}-`))
  try {
    generateArticles(join(work, 'articles'), count)
    const build = await buildSite(work)
    const site = await serveSite(join(work, 'dist'))
    const base = site.base
    const browser = await chromium.launch(CHROMIUM_LAUNCH)
    try {
      const cold = [] as number[]
      const pageLoad = [] as number[]
      for (let i = 0; i < runs; i++) {
        cold.push(await coldSearch(browser, base, WARM_TERMS[i % WARM_TERMS.length]))
        pageLoad.push(await searchPageLoad(browser, base, WARM_TERMS[(i + 3) % WARM_TERMS.length]))
      }
      const warm = await warmSearches(browser, base, WARM_TERMS)
      const firstQueryBytes = await firstQueryWeight(browser, base)
      const article = await articleWeight(browser, base, firstArticleUrl(join(work, 'dist')))
      const incremental = process.env.BENCH_KB_INCREMENTAL === '0' ? undefined : await changeOneArticle(work, browser, base)
      return {
        articles: count,
        ...build,
        indexBytes: folderSize(join(work, 'dist', 'pagefind')),
        coldMs: median(cold),
        pageLoadMs: median(pageLoad),
        warmMs: median(warm),
        firstQueryBytes,
        articlePageBytes: article.bytes,
        articlePageScripts: article.scripts,
        incremental,
      }
    } finally {
      await browser.close()
      await site.close()
    }
  } finally {
    if (process.env.BENCH_KEEP) console.log(`[bench] kept ${work}`)
    else rmSync(work, { recursive: true, force: true })
  }
}

/**
 * Changes the text of one generated article, builds again as `npm run build` does (the clean build's caches kept),
 * and searches the new word on the server that served the clean build all along: live without a restart.
 */
async function changeOneArticle(work: string, browser: Browser, base: string): Promise<{ buildMs: number; phases: BuildPhase[]; found: boolean }> {
  const file = changeOneArticleText(join(work, 'articles'))
  const build = await buildSite(work)
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${base}/zoeken/?q=${NEW_WORD}`)
  await page.locator('[data-search-state="done"]').waitFor()
  const found = await page.locator(`a[href*="/${file.replace(/\.md$/, '')}/"]`).count() > 0
  await context.close()
  return { buildMs: build.buildMs, phases: build.phases, found }
}

/** The API serving a built site on a free loopback port, on a test desk. */
async function serveSite(siteDir: string): Promise<{ base: string; close: () => Promise<void> }> {
  const desk = await testDesk()
  const server = serve({ fetch: createApp({ ...desk.deps, clock: () => new Date(), siteDir }).fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.close()
      await desk.store.close()
    },
  }
}

/** Appends a sentence with a new word to the first Dutch support article under `articles`; returns its file name. */
export function changeOneArticleText(articles: string): string {
  const folder = join(articles, 'nl', 'support')
  const file = readdirSync(folder).sort()[0]
  appendFileSync(join(folder, file), `\nDit artikel noemt nu ook de ${NEW_WORD}.\n`)
  return file
}

/**
 * Runs Loket's build as `npm run build` does (an update when only article bodies changed, else `astro build`, which also
 * indexes) on `<work>/articles`; wall time, index time, peak memory, time per phase.
 */
export async function buildSite(work: string): Promise<{ buildMs: number; indexMs: number; peakRssBytes: number; phases: BuildPhase[] }> {
  const env = { ...process.env, LOKET_ARTICLES_DIR: join(work, 'articles'), LOKET_OUT_DIR: join(work, 'dist'), LOKET_CACHE_DIR: join(work, 'cache') }
  const build = await timedAstroBuild({ env, rssFile: join(work, 'rss'), args: KB_BUILD })
  const update = updateSteps(build.output)
  if (update) return { buildMs: build.buildMs, indexMs: update.find((p) => p.name === 'Pagefind')?.ms ?? NaN, peakRssBytes: build.peakRssBytes, phases: [{ name: 'start-up (Node, modules)', ms: build.buildMs - update.reduce((sum, p) => sum + p.ms, 0) }, ...update] }
  const indexMs = Number(build.output.match(/Pagefind indexed \d+ pages .* in (\d+) ms/)?.[1] ?? NaN)
  return { buildMs: build.buildMs, indexMs, peakRssBytes: build.peakRssBytes, phases: build.phases }
}

/** The steps of an update (`[kb] steps: compare sources 0.77 s · …`), or undefined for a full build. */
function updateSteps(output: string): BuildPhase[] | undefined {
  const line = /\[kb\] steps: (.*)/.exec(output)?.[1]
  return line?.split(' · ').map((part) => {
    const [, name, seconds] = /^(.*) ([\d.]+) s$/.exec(part)!
    return { name, ms: Number(seconds) * 1000 }
  })
}

/**
 * Runs a build in a child process: `args` after node (default: `astro build` of this project), in `cwd`; its wall
 * time, output, peak memory of the largest of its node processes, and the time per phase from the log lines as they arrive.
 */
export async function timedAstroBuild(options: { cwd?: string; args?: string[]; env: NodeJS.ProcessEnv; rssFile: string }): Promise<{ buildMs: number; output: string; peakRssBytes: number; phases: BuildPhase[] }> {
  const started = performance.now()
  // When each phase's first log line arrived, so a phase is measured to the millisecond, not to Astro's whole-second timestamps.
  const opened = new Map<string, number>([[PHASE_MARKS[0].name, started]])
  const output = await new Promise<string>((resolve, reject) => {
    rmSync(options.rssFile, { force: true })
    const child = spawn(process.execPath, options.args ?? ASTRO_BUILD, {
      cwd: options.cwd,
      env: { ...options.env, LOKET_RSS_FILE: options.rssFile, NODE_OPTIONS: `${options.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(RSS_REPORT).href}`.trim() },
    })
    let text = ''
    const onData = (d: Buffer) => {
      const at = performance.now()
      for (const line of String(d).replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
        const mark = PHASE_MARKS[opened.size]
        if (mark?.line.test(line)) opened.set(mark.name, at)
      }
      text += d
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`astro build failed:\n${text.slice(-3000)}`))))
  })
  const ended = performance.now()
  const marks = PHASE_MARKS.filter((m) => opened.has(m.name)).map((m) => ({ name: m.name, at: opened.get(m.name)! }))
  const phases = marks.map((m, i) => ({ name: m.name, ms: (marks[i + 1]?.at ?? ended) - m.at }))
  return { buildMs: ended - started, output, peakRssBytes: Number(readFileSync(options.rssFile, 'utf8')), phases }
}

/**
 * Cold search: a fresh browser context (empty cache) loads the home page, whose search box loads
 * Pagefind lazily; from the first keystroke to the first rendered result, Pagefind's import,
 * wasm, index chunks and fragments included.
 */
async function coldSearch(browser: Browser, base: string, term: string): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${base}/`)
  await page.waitForLoadState('networkidle')
  const elapsed = await typeAndWait(page, term)
  await context.close()
  return elapsed
}

/** A fresh context opens the search page with ?q=: from navigation start to the first rendered result. */
async function searchPageLoad(browser: Browser, base: string, term: string): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${base}/zoeken/?q=${encodeURIComponent(term)}`)
  await page.locator('[data-search-state="done"]').waitFor()
  const at = await page.evaluate(() => performance.getEntriesByName('loket:results')[0]?.startTime ?? NaN)
  await context.close()
  return at
}

/** Fresh search pages the warm terms are searched on, each from an empty cache: the median is of their every term. */
const WARM_PAGES = 3

/** From a keystroke to its first rendered result, with Pagefind loaded on focus; one new term each, on each of WARM_PAGES fresh pages. */
async function warmSearches(browser: Browser, base: string, terms: string[]): Promise<number[]> {
  const times: number[] = []
  for (let k = 0; k < WARM_PAGES; k++) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${base}/zoeken/`)
    await page.getByRole('searchbox').focus()
    await page.waitForLoadState('networkidle')
    for (const term of terms) {
      times.push(await typeAndWait(page, term))
    }
    await context.close()
  }
  return times
}

async function typeAndWait(page: Page, term: string): Promise<number> {
  return page.evaluate(async (value) => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!
    const before = performance.getEntriesByName('loket:results').length
    const started = performance.now()
    input.value = value
    input.dispatchEvent(new Event('input', { bubbles: true }))
    for (let i = 0; i < 500; i++) {
      // The first answer of this term put on the page (results show as they arrive: the first is what counts).
      const first = performance.getEntriesByName('loket:results').slice(before)
        .find((mark) => (mark as PerformanceMark).detail?.query === value)
      const status = document.querySelector('.search-count')?.textContent ?? ''
      if (first && status.includes(value)) return first.startTime - started
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    return NaN
  }, term)
}

/**
 * Bytes of /pagefind/ on the wire for the first query on a fresh home page: Pagefind's script
 * and wasm, the index meta, the index chunks and the fragments of the results shown.
 */
async function firstQueryWeight(browser: Browser, base: string): Promise<number> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const bytes = await countBytes(page, async () => {
    await page.goto(`${base}/`)
    await page.getByRole('searchbox').fill('factuur')
    await page.locator('[data-search-state="done"]').waitFor()
    await page.waitForLoadState('networkidle')
  }, (url) => url.includes('/pagefind/'))
  await context.close()
  return bytes
}

/** Bytes on the wire for an article page and the scripts it loads. */
async function articleWeight(browser: Browser, base: string, path: string): Promise<{ bytes: number; scripts: string[] }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const scripts: string[] = []
  page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname) })
  const bytes = await countBytes(page, async () => {
    await page.goto(`${base}${path}`)
    await page.waitForLoadState('networkidle')
  }, () => true)
  await context.close()
  return { bytes, scripts }
}

/**
 * Sums bytes on the wire (headers and encoded body) of matching requests while `action` runs,
 * including those of Pagefind's web worker, which Playwright reports on the page too.
 */
async function countBytes(page: Page, action: () => Promise<void>, include: (url: string) => boolean): Promise<number> {
  const pending: Promise<number>[] = []
  const onFinished = (request: Request) => {
    if (include(request.url())) pending.push(request.sizes().then((s) => s.responseHeadersSize + s.responseBodySize))
  }
  page.on('requestfinished', onFinished)
  await action()
  page.off('requestfinished', onFinished)
  return (await Promise.all(pending)).reduce((a, b) => a + b, 0)
}

function firstArticleUrl(dist: string): string {
  const category = readdirSync(join(dist, 'financien')).find((f) => statSync(join(dist, 'financien', f)).isDirectory())
  return `/financien/${category}/`
}

function folderSize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0)
}
