/** `npm run bench [-- kb|api]`: runs the benchmarks and prints their tables. Speed is measured here, never in tests. */
import { loadavg } from 'node:os'
import { benchApi, type ApiFigures } from './api.ts'
import { benchKb } from './kb.ts'
import { kb, mb, ms, printTable, s } from './stats.ts'

const scenarios = process.argv.slice(2)
const wants = (name: string) => scenarios.length === 0 || scenarios.includes(name)

if (wants('kb')) {
  const sizes = (process.env.BENCH_KB_SIZES ?? '1000,5000').split(',').map(Number)
  const rows = []
  for (const size of sizes) {
    console.log(`[bench] KB with ${size} articles…`)
    const f = await benchKb(size)
    rows.push([
      f.articles, s(f.buildMs), ms(f.indexMs), mb(f.peakRssBytes), kb(f.indexBytes).replace(' KB', '') + ' KB',
      ms(f.coldMs), ms(f.pageLoadMs), ms(f.warmMs), kb(f.firstQueryBytes), kb(f.articlePageBytes), f.articlePageScripts.length,
    ])
  }
  printTable(
    'KnowledgeBase (medians; cold: first keystroke on a freshly loaded home page, empty cache, Pagefind loaded on demand, of 5; page with ?q=: navigation start to first result, of 5; warm: new term with Pagefind loaded, of 9). Targets at 5,000: build+index ≤ 60 s, ≤ 2 GB, cold ≤ 250 ms, warm ≤ 50 ms, first query ≤ 120 KB, article ≤ 60 KB',
    ['articles', 'build+index', 'index', 'peak memory', 'index size', 'cold search', 'page with ?q=', 'warm search', 'first query', 'article page', 'scripts'],
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
