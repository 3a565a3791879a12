/** Widget benchmark: the weight of each file of the embeddable widget, what a host page fetches and spends before a visitor shows intent, and from intent to the first results (time, longest task). */
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type Page } from '@playwright/test'
import { STRINGS } from '../../widget/src/strings.ts'
import { stopServer, waitUntilHealthy } from './api.ts'
import { generateArticles } from './generate-articles.ts'
import { s } from './stats.ts'
import { CHROMIUM_LAUNCH } from '../chromium.ts'

export const WIDGET_LANGUAGES = ['nl', 'en'] as const
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number]

/** The files the widget is made of, in the order a visitor's browser fetches them. */
export const WIDGET_PARTS = ['loader', 'app', 'chunk', 'engine', 'form'] as const
export type WidgetPart = (typeof WIDGET_PARTS)[number]

/** Bytes of one file (or the sum of several), as built and after gzip at level 9. */
export interface Size {
  bytes: number
  gzipBytes: number
}

/** One KnowledgeBase the browser figures were taken on: the repository's own articles, or N generated ones. */
export type KbChoice = 'content' | number

/** Figures of the widget on one KB, each a list with one value per fresh page load. */
export interface WidgetLoads {
  /** What the KB held, e.g. "own content (56 articles)". */
  kb: string
  /** Main-thread time of the host page spent in the widget's own tasks until the launcher showed. */
  scriptMs: number[]
  /** Style, layout, paint and commit on the host's main thread after the widget's element arrived. */
  renderMs: number[]
  /** `scriptMs` plus `renderMs`, per load. */
  hostMs: number[]
  /**
   * The CPU time of the main thread in the same tasks and events: below the wall time when the
   * thread waited for a CPU (tracing, the browser's other processes and the server share the machine).
   */
  hostCpuMs: number[]
  /** From the host page's navigation start to the launcher's first frame committed, network included (from the trace). */
  shownAtMs: number[]
  /**
   * The floor: the same figure as `hostMs` for a script of another origin that only puts a button
   * with the launcher's word in a shadow root, on the same host page, in the same run.
   */
  floorMs: number[]
  floorCpuMs: number[]
  /** Paths of the KB's origin the page fetched before intent (with time to settle), over all loads: widget.js alone is the aim. */
  fetchedBeforeIntent: string[]
  /** From intent (the pointer over the launcher, then at once a click and the term typed) to the first results shown. */
  intentToResultsMs: number[]
  /** The longest main-thread task from intent to 500 ms after the first results: app, Pagefind and index load, search. */
  firstSearchMs: number[]
  /** The longest main-thread task while typing a second term in the same page, to 500 ms after its results. */
  secondSearchMs: number[]
  /** The CPU time of the main thread in those longest tasks. */
  firstSearchCpuMs: number[]
  secondSearchCpuMs: number[]
  /** The worst task of each search over all loads. */
  worstFirst: TaskSummary
  worstSecond: TaskSummary
}

export interface WidgetFigures {
  /** Each part per language (the loader is one file for both). */
  sizes: Record<WidgetPart, Record<WidgetLanguage, Size>>
  /** widget.js alone: what a page pays on every view, before a visitor shows intent. */
  beforeIntent: Record<WidgetLanguage, Size>
  /** That and the engine chunk: the widget's own code through the first search, Pagefind not counted. */
  throughSearch: Record<WidgetLanguage, Size>
  runs: number
  loads: WidgetLoads[]
}

/** The timeline, and user timing for the host page's navigation start. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing']
/** Terms with results in the own content and in generated articles alike. */
const FIRST_TERM = 'factuur'
const SECOND_TERM = 'btw'
/** Between keystrokes: a brisk typist, slow enough that each keystroke starts a search of its own. */
const TYPING_DELAY_MS = 60
/** After results show, what the search still does (excerpts, "did this help?") lands in the trace too. */
const SETTLE_MS = 500
/** The bench's own ports, so other servers on this machine keep theirs; `BENCH_PORTS=4600-4699` moves them. */
const [PORT_FROM, PORT_TO] = (process.env.BENCH_PORTS ?? '4500-4599').split('-').map(Number)

/**
 * Builds the site once per KB in `kbs` (the widget is bundled by the build), measures the widget's
 * files, then loads a bare host page on another origin `runs` times in a fresh context each, traced.
 */
export async function benchWidget(kbs: KbChoice[], options: { runs?: number } = {}): Promise<WidgetFigures> {
  const runs = options.runs ?? 9
  const work = mkdtempSync(join(tmpdir(), 'loket-bench-widget-'))
  let host: HostPage | undefined
  let browser: Browser | undefined
  try {
    host = await startHostPage()
    browser = await chromium.launch(CHROMIUM_LAUNCH)
    let sizes: WidgetFigures['sizes'] | undefined
    const loads: WidgetLoads[] = []
    for (const choice of kbs) {
      const dir = join(work, String(choice))
      const articlesDir = choice === 'content' ? undefined : join(dir, 'articles')
      if (articlesDir) generateArticles(articlesDir, choice as number)
      const kb = choice === 'content' ? `own content (${countArticles('content/articles')} articles)` : `${choice} generated articles`
      console.log(`[bench] widget on ${kb}: building…`)
      const buildMs = await buildSite(dir, articlesDir)
      console.log(`[bench]   built in ${s(buildMs)}; ${runs} page loads with two searches each…`)
      sizes ??= measureSizes(join(dir, 'site'))
      loads.push({ kb, ...await measureLoads(browser, host, dir, runs) })
    }
    return { sizes: sizes!, beforeIntent: total(sizes!, ['loader']), throughSearch: total(sizes!, ['loader', 'app', 'chunk', 'engine']), runs, loads }
  } finally {
    await browser?.close()
    await host?.close()
    if (process.env.BENCH_KEEP) console.log(`[bench] kept ${work} (traces in */traces)`)
    else rmSync(work, { recursive: true, force: true })
  }
}

/** `astro build` into `<dir>/site` with a cache of its own, as a child process; its wall time. */
async function buildSite(dir: string, articlesDir: string | undefined): Promise<number> {
  const started = performance.now()
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/astro/astro.js', 'build'], {
      env: { ...process.env, LOKET_OUT_DIR: join(dir, 'site'), LOKET_CACHE_DIR: join(dir, 'cache'), ...(articlesDir ? { LOKET_ARTICLES_DIR: articlesDir } : {}) },
    })
    let text = ''
    child.stdout.on('data', (d) => (text += d))
    child.stderr.on('data', (d) => (text += d))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed:\n${text.slice(-3000)}`))))
  })
  return performance.now() - started
}

/** Files of the widget by part, read from the built site; a file the bench does not know stops it, rather than go uncounted. */
function measureSizes(siteDir: string): WidgetFigures['sizes'] {
  const loader = sizeOf([join(siteDir, 'widget.js')])
  const sizes = Object.fromEntries(WIDGET_PARTS.map((part) => [part, {}])) as WidgetFigures['sizes']
  for (const lang of WIDGET_LANGUAGES) {
    const dir = join(siteDir, 'widget', lang)
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'))
    const byPart = (pattern: RegExp) => files.filter((f) => pattern.test(f)).map((f) => join(dir, f))
    const known = { app: /^app\.js$/, chunk: /^chunk-.+\.js$/, engine: /^engine-.+\.js$/, form: /^IncidentForm-.+\.js$/ }
    const unknown = files.filter((f) => !Object.values(known).some((pattern) => pattern.test(f)))
    if (unknown.length) throw new Error(`the widget build wrote ${unknown.join(', ')} in widget/${lang}/, which the widget bench does not count: give it a part in scripts/bench/widget.ts`)
    sizes.loader[lang] = loader
    for (const [part, pattern] of Object.entries(known)) sizes[part as WidgetPart][lang] = sizeOf(byPart(pattern))
  }
  return sizes
}

function sizeOf(files: string[]): Size {
  return files.map((file) => readFileSync(file)).reduce(
    (sum, contents) => ({ bytes: sum.bytes + contents.length, gzipBytes: sum.gzipBytes + gzipSync(contents, { level: 9 }).length }),
    { bytes: 0, gzipBytes: 0 },
  )
}

function total(sizes: WidgetFigures['sizes'], parts: WidgetPart[]): Record<WidgetLanguage, Size> {
  return Object.fromEntries(WIDGET_LANGUAGES.map((lang) => [lang, parts.reduce(
    (sum, part) => ({ bytes: sum.bytes + sizes[part][lang].bytes, gzipBytes: sum.gzipBytes + sizes[part][lang].gzipBytes }),
    { bytes: 0, gzipBytes: 0 },
  )])) as Record<WidgetLanguage, Size>
}

/** Serves the built site with the API (`server/index.ts`) and loads the host page `runs` times against it. */
async function measureLoads(browser: Browser, host: HostPage, dir: string, runs: number): Promise<Omit<WidgetLoads, 'kb'>> {
  const port = await freePort()
  const kbOrigin = `http://127.0.0.1:${port}`
  const logFile = join(dir, 'server.log')
  const server = startServer(logFile, {
    PORT: String(port), HOST: '127.0.0.1', SITE_DIR: join(dir, 'site'), DATA_DIR: join(dir, 'data'), ALLOWED_ORIGINS: host.origin,
  })
  try {
    await waitUntilHealthy(kbOrigin, server, logFile)
    host.kbOrigin = kbOrigin
    const traces = process.env.BENCH_KEEP ? join(dir, 'traces') : undefined
    if (traces) mkdirSync(traces, { recursive: true })
    const loads: Load[] = []
    const floors: HostCost[] = []
    for (let run = 0; run < runs; run++) {
      // Alternating, so the floor and the widget see the same load on the machine.
      floors.push(await floorOnce(browser, host, traces && join(traces, String(run))))
      loads.push(await loadOnce(browser, host.origin, kbOrigin, traces && join(traces, String(run))))
    }
    const worst = (key: 'first' | 'second') => loads.reduce((a, b) => (b[key].ms > a[key].ms ? b : a))[key]
    return {
      scriptMs: loads.map((l) => l.scriptMs),
      renderMs: loads.map((l) => l.renderMs),
      hostMs: loads.map((l) => l.scriptMs + l.renderMs),
      hostCpuMs: loads.map((l) => l.cpuMs),
      shownAtMs: loads.map((l) => l.shownAtMs),
      floorMs: floors.map((f) => f.scriptMs + f.renderMs),
      floorCpuMs: floors.map((f) => f.cpuMs),
      fetchedBeforeIntent: [...new Set(loads.flatMap((l) => l.fetchedBeforeIntent))],
      intentToResultsMs: loads.map((l) => l.intentToResultsMs),
      firstSearchMs: loads.map((l) => l.first.ms),
      secondSearchMs: loads.map((l) => l.second.ms),
      firstSearchCpuMs: loads.map((l) => l.first.cpuMs),
      secondSearchCpuMs: loads.map((l) => l.second.cpuMs),
      worstFirst: worst('first'),
      worstSecond: worst('second'),
    }
  } finally {
    await stopServer(server)
  }
}

interface Load extends HostCost {
  shownAtMs: number
  fetchedBeforeIntent: string[]
  intentToResultsMs: number
  first: TaskSummary
  second: TaskSummary
}

/**
 * One visit in a fresh context (empty cache, new renderer): the host page until the launcher shows,
 * traced, and what it fetches until then and a moment after; then intent (the pointer over the
 * launcher), the click and a first search typed at once, traced; then a second term in the same page, traced.
 */
async function loadOnce(browser: Browser, hostOrigin: string, kbOrigin: string, keepAs: string | undefined): Promise<Load> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const fetched: string[] = []
    page.on('request', (request) => {
      if (request.url().startsWith(`${kbOrigin}/`)) fetched.push(new URL(request.url()).pathname)
    })
    const widget = page.locator('loket-widget')
    const launcher = widget.getByRole('button', { name: STRINGS.nl.launcher })
    const results = widget.locator('.lw-results li').first()
    const traced = async (name: string, action: () => Promise<void>) => mainThreadTasks(await traceOf(browser, page, action, keepAs && `${keepAs}-${name}.json`), kbOrigin)

    const loadEvents = await traceOf(browser, page, async () => {
      await page.goto(`${hostOrigin}/`)
      await launcher.waitFor()
    }, keepAs && `${keepAs}-load.json`)
    const loadCost = hostCost(mainThreadTasks(loadEvents, kbOrigin), kbOrigin)
    // Nothing but the loader until intent: a moment for anything else that would load.
    await page.waitForTimeout(SETTLE_MS)
    const fetchedBeforeIntent = [...fetched]

    let intentToResultsMs = NaN
    const firstTasks = await traced('first-search', async () => {
      // Timed in the page, without the test driver's own waits between its actions: the pointer
      // enters the launcher, clicks at once, and the term is typed the moment the box has focus
      // (the panel focuses it itself); the machinery's time, not a visitor's.
      intentToResultsMs = await page.evaluate(async (term) => {
        // No named helpers in here: the bench's transpiler would wrap them in a function the page lacks.
        const root = document.querySelector('loket-widget')!.shadowRoot!
        const startedAt = performance.now()
        const button = root.querySelector<HTMLButtonElement>('.lw-launcher')!
        button.dispatchEvent(new PointerEvent('pointerenter'))
        button.click()
        let box = root.querySelector<HTMLInputElement>('#lw-q:focus')
        while (!box) {
          await new Promise((resolve) => requestAnimationFrame(resolve))
          box = root.querySelector<HTMLInputElement>('#lw-q:focus')
        }
        box.value = term
        box.dispatchEvent(new Event('input', { bubbles: true }))
        while (!root.querySelector('.lw-results li')) await new Promise((resolve) => requestAnimationFrame(resolve))
        return performance.now() - startedAt
      }, FIRST_TERM)
      await page.waitForTimeout(SETTLE_MS)
    })

    await widget.locator('#lw-q').fill('')
    await results.waitFor({ state: 'hidden' })
    const secondTasks = await traced('second-search', async () => {
      await page.keyboard.type(SECOND_TERM, { delay: TYPING_DELAY_MS })
      await results.waitFor()
      await page.waitForTimeout(SETTLE_MS)
    })

    return { ...loadCost, shownAtMs: (loadCost.shownAt - navigationStart(loadEvents, hostOrigin)) / 1000, fetchedBeforeIntent, intentToResultsMs, first: longest(firstTasks, kbOrigin), second: longest(secondTasks, kbOrigin) }
  } finally {
    await context.close()
  }
}

/**
 * The floor for the launcher figure: the host page with a script of another origin that does the
 * least any launcher must (a `<loket-widget>` with a shadow root, the corner, a button with the
 * launcher's word), in a fresh context, traced and counted as the widget is.
 */
async function floorOnce(browser: Browser, host: HostPage, keepAs: string | undefined): Promise<HostCost> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const events = await traceOf(browser, page, async () => {
      await page.goto(`${host.origin}/floor`)
      await page.locator('loket-widget').getByRole('button', { name: STRINGS.nl.launcher }).waitFor()
    }, keepAs && `${keepAs}-floor.json`)
    return hostCost(mainThreadTasks(events, host.floorOrigin), host.floorOrigin)
  } finally {
    await context.close()
  }
}

/** The events Chromium traced in `page` while `action` ran; kept as a file when `keepAs` names one. */
async function traceOf(browser: Browser, page: Page, action: () => Promise<void>, keepAs: string | undefined): Promise<TraceEvent[]> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES })
  await action()
  const trace = await browser.stopTracing()
  if (keepAs) writeFileSync(keepAs, trace)
  return (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
}

/** When the navigation to a page of `origin` started, in the trace's clock (µs). */
function navigationStart(events: TraceEvent[], origin: string): number {
  const start = events.findLast((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(`${origin}/`))
  return start?.ts ?? NaN
}

/** One event of a Chrome trace, as far as this bench reads it. */
interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  /** Time the thread was on a CPU, where `dur` is wall time. */
  tdur?: number
  pid: number
  tid: number
  args?: {
    name?: string
    worldId?: number
    fileName?: string
    data?: { url?: string; documentLoaderURL?: string }
    /** Long-animation-frame data on the scripts of a slow frame. */
    animation_frame_script_timing_info?: { source_location_url?: string; invoker_type?: string; class_like_name?: string; property_like_name?: string }
  }
}

/** A top-level task of the renderer's main thread, with every event that happened inside it. */
interface Task {
  start: number
  ms: number
  cpuMs: number
  inner: TraceEvent[]
}

/** A task by its wall time, its thread's CPU time, and what ran in it. */
export interface TaskSummary {
  ms: number
  cpuMs: number
  what: string
}

/** Script events that may name the script they run or compile. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'AnimationFrame::Script::Execute', 'v8.produceCache', 'v8.produceModuleCache'])
/** The main thread's part of putting a frame on screen. */
const RENDER_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer'])

const urlOf = (e: TraceEvent) => e.args?.data?.url ?? e.args?.fileName ?? e.args?.animation_frame_script_timing_info?.source_location_url
const isFrom = (origin: string) => (e: TraceEvent) => urlOf(e)?.startsWith(`${origin}/`) ?? false

/**
 * The top-level RunTask events of the page's renderer main thread: the CrRendererMain thread that
 * ran scripts of the KB (a spare renderer Chromium keeps has none).
 */
function mainThreadTasks(events: TraceEvent[], kbOrigin: string): Task[] {
  const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread))
  const fromKb = isFrom(kbOrigin)
  const hits = new Map<string, number>()
  for (const e of events) if (mains.has(thread(e)) && SCRIPT_EVENTS.has(e.name) && fromKb(e)) hits.set(thread(e), (hits.get(thread(e)) ?? 0) + 1)
  const main = [...hits].sort((a, b) => b[1] - a[1])[0]?.[0]
  if (!main) throw new Error(`the trace shows no renderer main thread running a script of ${kbOrigin}`)
  // A parent before the children that start with it, so each event lands in the task around it.
  const own = events.filter((e) => thread(e) === main && e.ph !== 'M').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const tasks: Task[] = []
  let end = -Infinity
  for (const e of own) {
    if (e.ts < end) tasks.at(-1)!.inner.push(e)
    else if (e.name === 'RunTask' && e.ph === 'X') {
      tasks.push({ start: e.ts, ms: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? 0) / 1000, inner: [] })
      end = e.ts + (e.dur ?? 0)
    }
  }
  return tasks
}

/** What a script costs the host's main thread until its launcher shows (ms), and when it showed (the trace's clock, µs). */
interface HostCost {
  scriptMs: number
  renderMs: number
  cpuMs: number
  shownAt: number
}

/**
 * What the widget costs the host's main thread until its launcher shows, in two parts.
 *
 * Scripts: whole tasks (compile, run, and the task's own overhead and garbage collection) that
 * compile or run a script of the KB's origin, or evaluate a module: Chromium does not name the
 * module in `v8.evaluateModule`, and the bare host page has no modules of its own. Tasks that
 * merely receive the widget's files from the network are not counted; Playwright's own tasks
 * (its injected script, its polling) run no KB script and are not counted either.
 *
 * Rendering: from the widget's first task on (widget.js, which adds `<loket-widget>` and draws the
 * launcher) to the first frame committed after it, the one that shows the launcher: the style,
 * layout, paint and commit events outside the widget's script tasks, outermost only. The host page
 * painted before the tag was added, so that frame is the widget's; frames after it come only from
 * the test driver's requestAnimationFrame polling and are not counted. Events rather than whole
 * tasks, because a frame may also run that polling, and its visibility check may force the
 * widget's first layout inside a task of its own.
 */
function hostCost(tasks: Task[], kbOrigin: string): HostCost {
  const fromKb = isFrom(kbOrigin)
  const evaluatesModule = (t: Task) => t.inner.some((e) => e.name === 'v8.evaluateModule' && e.args?.worldId === 0)
  const isWidget = (t: Task) => evaluatesModule(t) || t.inner.some((e) => SCRIPT_EVENTS.has(e.name) && fromKb(e))
  const mountedAt = tasks.find(isWidget)?.start ?? Infinity
  const cost = { scriptMs: 0, renderMs: 0, cpuMs: 0, shownAt: NaN }
  let isShown = false
  for (const task of tasks) {
    if (isWidget(task)) {
      cost.scriptMs += task.ms
      cost.cpuMs += task.cpuMs
    } else if (task.start >= mountedAt && !isShown) {
      for (const e of outermost(task.inner.filter((e) => RENDER_EVENTS.has(e.name) && e.ph === 'X'))) {
        cost.renderMs += (e.dur ?? 0) / 1000
        cost.cpuMs += (e.tdur ?? 0) / 1000
        // The launcher's first frame is on screen once committed.
        if (e.name === 'Commit') {
          isShown = true
          cost.shownAt = e.ts + (e.dur ?? 0)
        }
      }
    }
  }
  return cost
}

/** Events not inside another of the list (Paint nests Paint), from a list in trace order. */
function outermost(events: TraceEvent[]): TraceEvent[] {
  let end = -Infinity
  return events.filter((e) => {
    if (e.ts < end) return false
    end = e.ts + (e.dur ?? 0)
    return true
  })
}

/**
 * The longest task, whoever's it is, and what ran in it: the script Chromium's long-animation-frame
 * data names (what invoked it, and where), else the longest event inside and a script of the KB.
 */
function longest(tasks: Task[], kbOrigin: string): TaskSummary {
  if (tasks.length === 0) throw new Error('the trace of the search holds no main-thread task')
  const task = tasks.reduce((a, b) => (b.ms > a.ms ? b : a))
  const fileOf = (url: string | undefined) => url && new URL(url).pathname.split('/').pop()
  const script = task.inner.find((e) => e.name === 'AnimationFrame::Script::Execute' && e.args?.animation_frame_script_timing_info?.source_location_url)
  const info = script?.args?.animation_frame_script_timing_info
  if (info) {
    const invoked = [info.invoker_type?.toLowerCase().replaceAll('_', ' '), [info.class_like_name, info.property_like_name].filter(Boolean).join('.')].filter(Boolean).join(' ')
    return { ms: task.ms, cpuMs: task.cpuMs, what: `${invoked} in ${fileOf(info.source_location_url)}` }
  }
  const busiest = task.inner.filter((e) => e.ph === 'X').reduce<TraceEvent | undefined>((a, b) => ((b.dur ?? 0) > (a?.dur ?? 0) ? b : a), undefined)
  const file = fileOf(task.inner.filter((e) => SCRIPT_EVENTS.has(e.name)).map(urlOf).find((url) => url?.startsWith(`${kbOrigin}/`)))
  return { ms: task.ms, cpuMs: task.cpuMs, what: [busiest?.name ?? 'nothing traced inside', file && `in ${file}`].filter(Boolean).join(' ') }
}

/** The bare page of a site that embeds the widget; `kbOrigin` says where the widget comes from, `floorOrigin` the floor's script. */
interface HostPage {
  origin: string
  kbOrigin: string
  floorOrigin: string
  close(): Promise<void>
}

/**
 * The least any launcher costs: a script that puts `<loket-widget>` with a shadow root in the
 * corner and a button with the launcher's word in it; no styles beyond the corner, no logic.
 */
const FLOOR_SCRIPT = `const host = document.createElement('loket-widget'), root = host.attachShadow({ mode: 'open' }), sheet = new CSSStyleSheet(), button = document.createElement('button')
sheet.replaceSync(':host{position:fixed;inset:auto 16px 16px auto}')
root.adoptedStyleSheets = [sheet]
button.textContent = ${JSON.stringify(STRINGS.nl.launcher)}
root.append(button)
document.body.append(host)`

/**
 * A host page on a port of its own, so the widget runs cross-origin as on a customer's site: `/`
 * embeds widget.js, `/floor` the floor's script, served from a third origin.
 */
async function startHostPage(): Promise<HostPage> {
  const page: HostPage = { origin: '', kbOrigin: '', floorOrigin: '', close: async () => {} }
  const server = createHttpServer((request, response) => {
    const src = request.url === '/' ? `${page.kbOrigin}/widget.js` : request.url === '/floor' ? `${page.floorOrigin}/floor.js` : undefined
    if (!src) return void response.writeHead(404).end()
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    // The tag is added once the page has painted, as an async third-party script mostly arrives on a real
    // page: the host's own first frame is then not counted as the widget's.
    const tag = `const s=document.createElement('script');s.src='${src}';s.async=true;s.dataset.lang='nl';document.body.append(s)`
    response.end(`<!doctype html><html lang="nl"><body><h1>Host</h1><script>requestAnimationFrame(()=>setTimeout(()=>{${tag}}))</script></body></html>`)
  })
  const floor = createHttpServer((request, response) => {
    if (request.url !== '/floor.js') return void response.writeHead(404).end()
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(FLOOR_SCRIPT)
  })
  page.origin = `http://127.0.0.1:${await listenInRange(server)}`
  page.floorOrigin = `http://127.0.0.1:${await listenInRange(floor)}`
  page.close = () => Promise.all([server, floor].map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(() => {})
  return page
}

/** Listens on the first free port of the bench's range. */
async function listenInRange(server: Server): Promise<number> {
  for (let port = PORT_FROM; port <= PORT_TO; port++) {
    const isListening = await new Promise<boolean>((resolve) => {
      const onError = () => resolve(false)
      server.once('error', onError).listen(port, '127.0.0.1', () => {
        server.off('error', onError)
        resolve(true)
      })
    })
    if (isListening) return port
  }
  throw new Error(`no free port in ${PORT_FROM}–${PORT_TO}; set BENCH_PORTS=from-to`)
}

/** A port of the bench's range that was free a moment ago: the server needs a fixed PORT. */
async function freePort(): Promise<number> {
  const probe = createServer()
  const port = await listenInRange(probe)
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** `server/index.ts` as `npm run dev:api` runs it (the same code as the bundle `npm start` runs), its output in a log file; without mail or origins of the caller's shell. */
function startServer(logFile: string, env: Record<string, string>): ChildProcess {
  const log = openSync(logFile, 'a')
  const { SMTP_URL: _smtp, BASE_URL: _base, ALLOWED_ORIGINS: _origins, ...inherited } = process.env
  try {
    // Node itself rather than npx: the process to stop is then the server, not a wrapper around it.
    return spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { env: { ...inherited, ...env }, stdio: ['ignore', log, log] })
  } finally {
    closeSync(log)
  }
}

function countArticles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.mdx?$/.test(e.name)).length
}
