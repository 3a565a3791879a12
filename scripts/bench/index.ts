/** `npm run bench [-- kb|kb-peer|api|pg|pg-files|widget|scale]`: runs the benchmarks and prints their tables (`pg` includes `pg-files`; kb-peer and scale only when named). Speed is measured here, never in tests. */
import { cpus, loadavg } from 'node:os'
import { benchApi, WARM_UP_SECONDS, type ApiFigures } from './api.ts'
import { benchAttachments } from './attachments.ts'
import { benchKb, type BuildPhase, type KbFigures } from './kb.ts'
import { benchKbPeer, STARLIGHT_VERSION } from './kb-peer.ts'
import { benchPostgres, BENCH_DATABASE_URL, postgresUnreachable, type StoreRun } from './postgres.ts'
import { benchScale, type ScaleRun } from './scale.ts'
import { kb, mb, median, ms, printTable, s } from './stats.ts'
import { benchWidget, WIDGET_LANGUAGES, WIDGET_PARTS, type KbChoice, type Size, type TaskSummary, type WidgetPart } from './widget.ts'

const scenarios = process.argv.slice(2)
const wants = (name: string) => scenarios.length === 0 || scenarios.includes(name)

if (wants('kb')) {
  const sizes = (process.env.BENCH_KB_SIZES ?? '1000,5000').split(',').map(Number)
  const rows = []
  const builds: KbFigures[] = []
  for (const size of sizes) {
    console.log(`[bench] KB with ${size} articles…`)
    const f = await benchKb(size)
    builds.push(f)
    rows.push([
      f.articles, s(f.buildMs), ms(f.indexMs), mb(f.peakRssBytes), kb(f.indexBytes).replace(' KB', '') + ' KB',
      ms(f.coldMs), ms(f.pageLoadMs), ms(f.warmMs), kb(f.firstQueryBytes), kb(f.articlePageBytes), f.articlePageScripts.length,
    ])
  }
  printTable(
    'KnowledgeBase (medians; cold: first keystroke on a freshly loaded home page, empty cache, Pagefind loaded on demand, of 5; page with ?q=: navigation start to first result, of 5; warm: new term with Pagefind loaded, of 27 on three fresh pages). Targets at 5,000: build+index ≤ 60 s, ≤ 2 GB, cold ≤ 250 ms, warm ≤ 50 ms, first query ≤ 120 KB, article ≤ 60 KB',
    ['articles', 'build+index', 'index (beside CSP)', 'peak memory', 'index size', 'cold search', 'page with ?q=', 'warm search', 'first query', 'article page', 'scripts'],
    rows,
  )
  // Where the seconds of each build go; "one changed": one article's text changed, the content cache of the clean build kept.
  const names = [...new Set(builds.flatMap((f) => [...f.phases, ...(f.incremental?.phases ?? [])].map((p) => p.name)))]
  const phaseOf = (phases: BuildPhase[] | undefined, name: string) => {
    const phase = phases?.find((p) => p.name === name)
    return phase ? s(phase.ms) : ''
  }
  printTable(
    'KnowledgeBase build per phase (wall time between the log lines that open each phase; one run each). Target at 5,000: one article changed live (page and search entry) ≤ 10 s',
    ['phase', ...builds.flatMap((f) => [`clean, ${f.articles}`, ...(f.incremental ? [`one changed, ${f.articles}`] : [])])],
    [
      ...names.map((name) => [name, ...builds.flatMap((f) => [phaseOf(f.phases, name), ...(f.incremental ? [phaseOf(f.incremental.phases, name)] : [])])]),
      ['total', ...builds.flatMap((f) => [s(f.buildMs), ...(f.incremental ? [s(f.incremental.buildMs)] : [])])],
      ['changed word found by search', ...builds.flatMap((f) => ['', ...(f.incremental ? [f.incremental.found ? 'yes' : 'NO'] : [])])],
    ],
  )
}

if (scenarios.includes('kb-peer')) {
  // Installs Starlight and Astro from the registry into a scratch folder on its first run, so only when named.
  const sizes = (process.env.BENCH_PEER_SIZES ?? '5000').split(',').map(Number)
  const rows: (string | number)[][] = []
  const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}×`
  for (const size of sizes) {
    const f = await benchKbPeer(size)
    const sync = (ms?: number) => (ms === undefined ? '' : s(ms))
    rows.push(
      [size, 'clean build + index', s(f.loket.cleanMs), s(f.starlight.cleanMs), ratio(f.loket.cleanMs, f.starlight.cleanMs), '≤ 0.5×', f.loket.cleanMs <= 0.5 * f.starlight.cleanMs ? 'met' : 'MISSED'],
      [size, '  of which content sync', sync(f.loket.contentSyncMs), sync(f.starlight.contentSyncMs), '', '', 'informative'],
      [size, 'one article changed, caches kept', s(f.loket.changedMs), s(f.starlight.changedMs), ratio(f.loket.changedMs, f.starlight.changedMs), '≤ 10 s', f.loket.changedMs <= 10_000 ? 'met' : 'MISSED'],
      [size, 'peak memory', mb(f.loket.peakRssBytes), mb(f.starlight.peakRssBytes), ratio(f.loket.peakRssBytes, f.starlight.peakRssBytes), '≤ 1.5 GB', f.loket.peakRssBytes <= 1.5 * 1024 ** 3 ? 'met' : 'MISSED'],
    )
  }
  printTable(
    `KnowledgeBase against Starlight ${STARLIGHT_VERSION} (Astro's docs theme, also on Pagefind), the same generated articles in the same run, one build each, Loket first; `
      + 'Starlight with a one-link sidebar (its default lists every page on every page), English articles at the path of their Dutch translation (no fallback pages), the same Astro version. Targets at 5,000: clean ≤ 0.5× Starlight, one changed ≤ 10 s, ≤ 1.5 GB',
    ['articles', 'figure', 'Loket', 'Starlight', 'Loket/Starlight', 'target', 'verdict'],
    rows,
  )
}

if (wants('api')) {
  const sizes = (process.env.BENCH_API_SIZES ?? '1000,10000,100000').split(',').map(Number)
  const seconds = Number(process.env.BENCH_API_SECONDS ?? 8)
  const figures: ApiFigures[] = []
  for (const size of sizes) {
    console.log(`[bench] API with ${size} incidents stored (load average ${loadavg()[0].toFixed(1)})…`)
    const f = await benchApi(size, { seconds })
    console.log(`[bench]   server ready in ${s(f.startUpMs)}; ${f.storedAfter} incidents found after a restart, every 201 among them`)
    figures.push(f)
  }
  const base = figures[0]
  const ms1 = (value: number) => `${value.toFixed(1)} ms`
  const errors = (f: ApiFigures) => [f.get.errors && `GET ${f.get.errors}`, f.post.errors && `POST ${f.post.errors}`].filter(Boolean).join('; ') || 'none'
  printTable(
    `Support API on loopback (autocannon, 20 connections, ${seconds} s per phase after a 2 s warm-up; POST /api/incidents as a signed-in contact, each 201 sent after its journal flush; GET /api/health on the same server as the framework's ceiling; loop delay in the server during the POST phase). Targets at 100,000 stored: POST p99 ≤ 1.5× that at 1,000, POST ≥ 25% of GET, no event-loop stall over 50 ms`,
    ['stored', 'start-up', 'GET req/s', 'POST req/s', 'POST/GET', 'POST p50', 'POST p99', `p99 vs ${base?.stored}`, 'max loop delay', 'less CPU wait', 'loop p99', 'errors'],
    figures.map((f) => [
      f.stored, s(f.startUpMs), Math.round(f.get.perSecond), Math.round(f.post.perSecond), `${((f.post.perSecond / f.get.perSecond) * 100).toFixed(0)}%`,
      ms1(f.post.p50Ms), ms1(f.post.p99Ms), `${(f.post.p99Ms / base.post.p99Ms).toFixed(2)}×`, ms1(f.loop.maxDelayMs), ms1(f.loop.ownMaxDelayMs), ms1(f.loop.p99DelayMs), errors(f),
    ]),
  )
  const top = figures.at(-1)!
  const p99Ratio = top.post.p99Ms / base.post.p99Ms
  const share = top.post.perSecond / top.get.perSecond
  const longestStall = Math.max(...figures.map((f) => f.loop.maxDelayMs))
  const verdict = (isMet: boolean) => (isMet ? 'met' : 'MISSED')
  console.log(`\nAt ${top.stored} stored: p99 ${p99Ratio.toFixed(2)}× that at ${base.stored} (≤ 1.5×: ${verdict(p99Ratio <= 1.5)}); `
    + `POST ${(share * 100).toFixed(0)}% of GET (≥ 25%: ${verdict(share >= 0.25)}); longest loop stall ${ms1(longestStall)} (≤ 50 ms: ${verdict(longestStall <= 50)})`)
}

if (wants('pg')) {
  const size = Number(process.env.BENCH_PG_SIZE ?? 100_000)
  const seconds = Number(process.env.BENCH_PG_SECONDS ?? 8)
  const connections = 20
  const unreachable = await postgresUnreachable(BENCH_DATABASE_URL)
  // A plain `npm run bench` goes on without PostgreSQL; `-- pg` asked for it.
  if (unreachable && scenarios.includes('pg')) throw new Error(unreachable)
  if (unreachable) console.log(`[bench] pg skipped: ${unreachable}`)
  else {
    console.log(`[bench] lowdb and PostgreSQL with ${size} incidents stored (load average ${loadavg()[0].toFixed(1)})…`)
    const f = await benchPostgres(size, { seconds, connections })
    const base = f.runs[0]
    const ms1 = (value: number) => `${value.toFixed(1)} ms`
    const ratio = (value: number) => `${value.toFixed(2)}×`
    printTable(
      `Stores under registrations (autocannon, ${connections} connections in all, ${seconds} s after a ${WARM_UP_SECONDS} s warm-up; POST /api/incidents as a signed-in contact; `
        + `with 2 processes: two API servers on one database, each sent half the connections at the same moment, req/s summed, p50 and p99 of all their answers pooled; `
        + `ratios against lowdb with 1 process in this run; on ${cpus().length} cores the servers, PostgreSQL and the load generator share the CPUs)`,
      ['store', 'processes', 'stored', 'POST req/s', 'p50', 'p99', 'errors (non-2xx)', 'req/s vs lowdb-1', 'p99 vs lowdb-1'],
      f.runs.map((r: StoreRun) => [
        r.store, r.processes, r.stored, Math.round(r.post.perSecond), ms1(r.post.p50Ms), ms1(r.post.p99Ms), r.post.errors || 'none',
        ratio(r.post.perSecond / base.post.perSecond), ratio(r.post.p99Ms / base.post.p99Ms),
      ]),
    )
    console.log(`\nPostgreSQL: ${size.toLocaleString('en')} incidents loaded in ${s(f.loadMs)} (${Math.round(size / (f.loadMs / 1000)).toLocaleString('en')} rows/s); VACUUM ANALYZE and CHECKPOINT after it ${s(f.settleMs)}`)
  }
}

if (wants('pg') || scenarios.includes('pg-files')) {
  const runs = Number(process.env.BENCH_FILES_RUNS ?? 20)
  const megabytes = Number(process.env.BENCH_FILES_MB ?? 5)
  const unreachable = await postgresUnreachable(BENCH_DATABASE_URL)
  if (unreachable && (scenarios.includes('pg') || scenarios.includes('pg-files'))) throw new Error(unreachable)
  if (unreachable) console.log(`[bench] pg-files skipped: ${unreachable}`)
  else {
    console.log(`[bench] a ${megabytes} MB attachment up and down, lowdb and PostgreSQL (load average ${loadavg()[0].toFixed(1)})…`)
    const figures = await benchAttachments({ runs, bytes: megabytes * 1024 * 1024 })
    const [base] = figures
    const ms1 = (value: number) => `${value.toFixed(1)} ms`
    const rate = (value: number) => `${(megabytes / (value / 1000)).toFixed(0)} MB/s`
    printTable(
      `Attachments through the API (one ${megabytes} MB file at a time, ${runs} uploads as a signed-in contact, then ${runs} downloads of them, each checked byte for byte, after 2 of each to warm up; `
        + `lowdb: a file in DATA_DIR, flushed before the 201; PostgreSQL: 256 KB chunks in the database, streamed out chunk by chunk; ratios against lowdb in this run)`,
      ['store', 'upload p50', 'upload p99', 'download p50', 'download p99', 'upload at p50', 'download at p50', 'upload p50 vs lowdb', 'download p50 vs lowdb', 'server peak RSS'],
      figures.map((f) => [
        f.store, ms1(f.upload.p50Ms), ms1(f.upload.p99Ms), ms1(f.download.p50Ms), ms1(f.download.p99Ms), rate(f.upload.p50Ms), rate(f.download.p50Ms),
        `${(f.upload.p50Ms / base.upload.p50Ms).toFixed(2)}×`, `${(f.download.p50Ms / base.download.p50Ms).toFixed(2)}×`, f.peakRssBytes === undefined ? 'n/a' : mb(f.peakRssBytes),
      ]),
    )
  }
}

if (wants('widget')) {
  // `content` is the repository's own articles; a number that many generated ones (a build of 1,000 takes some 20 s).
  const kbs = (process.env.BENCH_WIDGET_KBS ?? 'content,1000').split(',').map((k): KbChoice => (k === 'content' ? k : Number(k)))
  const f = await benchWidget(kbs, { runs: Number(process.env.BENCH_WIDGET_RUNS ?? 9) })
  const MAX_BEFORE_INTENT = 2 * 1024
  const MAX_HOST_MS = 3
  const MAX_INTENT_MS = 300
  const MAX_TASK_MS = 50
  const verdict = (isMet: boolean) => (isMet ? 'met' : 'MISSED')
  const size = (x: Size) => `${kb(x.bytes)} · ${kb(x.gzipBytes)} gz`
  const files: Record<WidgetPart, string> = {
    loader: 'widget.js (the loader a site embeds; draws the launcher)', app: 'widget/<lang>/app.js (on intent)', chunk: 'widget/<lang>/chunk-*.js (shared, on intent)',
    engine: 'widget/<lang>/engine-*.js (on intent, with Pagefind)', form: 'widget/<lang>/IncidentForm-*.js (when the form opens)',
  }
  const ms1 = (value: number) => `${value.toFixed(1)} ms`
  const spread = (values: number[], unit: (v: number) => string) => `${unit(median(values))} (max ${unit(Math.max(...values))})`
  const beforeGzip = WIDGET_LANGUAGES.map((lang) => f.beforeIntent[lang].gzipBytes)
  const rows: (string | number)[][] = [
    ...WIDGET_PARTS.map((part) => [files[part], '', size(f.sizes[part].nl), size(f.sizes[part].en), '', '', '']),
    ['before intent: widget.js alone', '', size(f.beforeIntent.nl), size(f.beforeIntent.en), '', '≤ 2 KB gz',
      `${verdict(Math.max(...beforeGzip) <= MAX_BEFORE_INTENT)} (${beforeGzip.map((b) => b.toLocaleString('en')).join(' / ')} of ${MAX_BEFORE_INTENT.toLocaleString('en')} B)`],
    ['through the first search, Pagefind excluded: + app, chunk, engine', '', size(f.throughSearch.nl), size(f.throughSearch.en), '', '', 'informative'],
  ]
  for (const l of f.loads) {
    const hostMedian = median(l.hostMs)
    const others = l.fetchedBeforeIntent.filter((path) => path !== '/widget.js')
    rows.push(
      ['fetched from the KB before intent', l.kb, l.fetchedBeforeIntent.join(', ') || 'nothing', '', f.runs, 'widget.js only', verdict(others.length === 0 && l.fetchedBeforeIntent.includes('/widget.js'))],
      ['host main thread until the launcher shows: widget script', l.kb, spread(l.scriptMs, ms1), '', f.runs, '', 'in the total'],
      ['  style, layout, paint after the widget drew', l.kb, spread(l.renderMs, ms1), '', f.runs, '', 'in the total'],
      ['  total', l.kb, `${spread(l.hostMs, ms1)}; CPU ${ms1(median(l.hostCpuMs))}`, '', f.runs, `≤ ${MAX_HOST_MS} ms`, verdict(hostMedian <= MAX_HOST_MS)],
      ['  floor: a bare button in a shadow root on the same page, same count', l.kb, `${spread(l.floorMs, ms1)}; CPU ${ms1(median(l.floorCpuMs))}`, '', f.runs, '', 'informative'],
      // A load whose trace holds no frame committed after the widget drew has no such moment.
      ['launcher on screen at (navigation start to its first frame, network included)', l.kb, spread(l.shownAtMs.filter(Number.isFinite), ms), '', l.shownAtMs.filter(Number.isFinite).length, '', 'informative'],
      ['intent (pointer over the launcher) to first results, click and term at once', l.kb, spread(l.intentToResultsMs, ms), '', f.runs, `≤ ${MAX_INTENT_MS} ms`, verdict(median(l.intentToResultsMs) <= MAX_INTENT_MS)],
      ['longest task, intent through first search (app, Pagefind, index, results)', l.kb, `${spread(l.firstSearchMs, ms)}; CPU ${ms(median(l.firstSearchCpuMs))}`, '', f.runs, `≤ ${MAX_TASK_MS} ms`, verdict(median(l.firstSearchMs) <= MAX_TASK_MS)],
      ['longest task, second search in the same page', l.kb, `${spread(l.secondSearchMs, ms)}; CPU ${ms(median(l.secondSearchCpuMs))}`, '', f.runs, `≤ ${MAX_TASK_MS} ms`, verdict(median(l.secondSearchMs) <= MAX_TASK_MS)],
    )
  }
  printTable(
    `Widget (sizes: raw and gzip -9 of the built files; browser figures: medians of ${f.runs} fresh page loads in Chromium, each a new context with an empty cache, traced, `
      + `of a bare host page on another origin with <html lang="nl">, so the nl bundle; "max" is the worst load; CPU: the main thread's own CPU time in the same `
      + `tasks, the wall time less its waits for a CPU that Chromium's other processes, the tracing and the server also use). Targets: before intent ≤ 2 KB gzip and nothing but widget.js, `
      + `host main thread until the launcher ≤ ${MAX_HOST_MS} ms, intent to first results ≤ ${MAX_INTENT_MS} ms on 1,000 articles, no task over ${MAX_TASK_MS} ms while searching`,
    ['figure', 'KB', 'nl', 'en', 'runs', 'target', 'verdict'],
    rows,
  )
  const task = (t: TaskSummary) => `${ms(t.ms)} (CPU ${ms(t.cpuMs)}), ${t.what}`
  console.log('')
  for (const l of f.loads) console.log(`Worst task on ${l.kb}: first search ${task(l.worstFirst)}; second search ${task(l.worstSecond)}`)
}

if (scenarios.includes('scale')) {
  // SCALE_LARGE sets both large sizes at once (e.g. 20000 for a quick try); PostgreSQL is also measured at 100,000 when its large size is above it, for the registrations' ratio.
  const sizes = (name: string, fallback: number[]) => (process.env[name] ?? fallback.join(',')).split(',').map(Number).filter((n) => n > 0)
  const small = Number(process.env.SCALE_SMALL ?? 10_000)
  const large = process.env.SCALE_LARGE ? Number(process.env.SCALE_LARGE) : undefined
  const embeddedSizes = sizes('SCALE_EMBEDDED_SIZES', [small, large ?? 100_000])
  const pgLarge = large ?? 1_000_000
  const postgresSizes = sizes('SCALE_POSTGRES_SIZES', [small, ...(pgLarge > 100_000 ? [100_000] : []), pgLarge])
  const options = {
    samples: Number(process.env.SCALE_SAMPLES ?? 100), callSeconds: Number(process.env.SCALE_CALL_SECONDS ?? 10),
    seconds: Number(process.env.SCALE_SECONDS ?? 8), connections: Number(process.env.SCALE_CONNECTIONS ?? 20),
    ...(process.env.SCALE_INSIGHT_EVENTS ? { insightEvents: Number(process.env.SCALE_INSIGHT_EVENTS) } : {}),
    reads: process.env.SCALE_READS !== '0', timeoutSeconds: Number(process.env.SCALE_TIMEOUT_SECONDS ?? 60),
  }
  const unreachable = postgresSizes.length ? await postgresUnreachable(BENCH_DATABASE_URL) : undefined
  if (unreachable) throw new Error(unreachable)
  const runs: ScaleRun[] = []
  for (const [store, list] of [['embedded', embeddedSizes], ['PostgreSQL', postgresSizes]] as const) {
    for (const size of [...new Set(list)].sort((a, b) => a - b)) {
      console.log(`[bench] scale: ${store} with ${size.toLocaleString('en')} incidents (load average ${loadavg()[0].toFixed(1)})…`)
      runs.push(await benchScale(store, size, options))
    }
  }
  const MAX_P99_MS = 100
  const MAX_BYTES = 100 * 1024
  const ms1 = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—')
  const verdict = (isMet: boolean) => (isMet ? 'met' : 'MISSED')
  const rows: (string | number)[][] = []
  for (const run of runs) {
    const base = runs.find((r) => r.store === run.store && r.stored === Math.min(...runs.filter((x) => x.store === run.store).map((x) => x.stored)))!
    for (const call of run.calls) {
      const smallCall = base.calls.find((c) => c.call === call.call)
      const ratio = smallCall && base !== run && Number.isFinite(call.p99Ms) ? call.p99Ms / smallCall.p99Ms : undefined
      const misses = [!(call.p99Ms <= MAX_P99_MS) && 'p99', call.bytes > MAX_BYTES && 'bytes', ratio !== undefined && ratio > 2 && 'growth'].filter(Boolean)
      rows.push([
        run.store, run.stored, call.call, ms1(call.p50Ms), ms1(call.p99Ms), kb(call.bytes), ratio === undefined ? '' : `${ratio.toFixed(2)}×`, call.samples,
        `${misses.length ? `MISSED (${misses.join(', ')})` : 'met'}${call.note ? `; ${call.note}` : ''}`,
      ])
    }
    const r = run.registrations
    rows.push([run.store, run.stored, `registrations: ${Math.round(r.perSecond)} req/s (POST, ${options.connections} connections, ${options.seconds} s)`, ms1(r.p50Ms), ms1(r.p99Ms), '', '', r.ok, r.errors || 'no errors'])
    if (run.memory) rows.push([run.store, run.stored, 'server memory after the reads: RSS (peak)', '', '', `${mb(run.memory.rssBytes)} (${mb(run.memory.peakBytes)})`, '', '', 'informative'])
  }
  printTable(
    `Lists and search at scale (the real server on loopback, one request at a time, no compression; p50/p99 of up to ${options.samples} requests per call within ${options.callSeconds} s, after 2 warm-up ones; `
      + `size: the body of the last answer; p99 vs the smallest size of the same store). Targets: every list and search call p99 ≤ ${MAX_P99_MS} ms and ≤ 100 KB at the large size, p99 ≤ 2× that at ${small.toLocaleString('en')}; `
      + 'PostgreSQL registrations ≥ 0.6× the embedded store\'s at 100,000 stored',
    ['store', 'stored', 'call', 'p50', 'p99', 'size', 'p99 vs small', 'samples', 'verdict'],
    rows,
  )
  console.log('')
  for (const run of runs) console.log(`${run.store} at ${run.stored.toLocaleString('en')}: seeded in ${s(run.seedMs)}, server healthy after ${s(run.startUpMs)}`)
  const common = runs.filter((r) => r.store === 'embedded').map((r) => r.stored).filter((n) => runs.some((x) => x.store === 'PostgreSQL' && x.stored === n))
  const at = common.includes(100_000) ? 100_000 : common.at(-1)
  if (at !== undefined) {
    const embedded = runs.find((r) => r.store === 'embedded' && r.stored === at)!.registrations.perSecond
    const postgres = runs.find((r) => r.store === 'PostgreSQL' && r.stored === at)!.registrations.perSecond
    console.log(`Registrations at ${at.toLocaleString('en')} stored: PostgreSQL ${Math.round(postgres)}/s, embedded ${Math.round(embedded)}/s: ${(postgres / embedded).toFixed(2)}× (≥ 0.6×: ${verdict(postgres / embedded >= 0.6)})`)
  }
}
