/** `npm run bench [-- kb]`: runs the benchmarks and prints their tables. Speed is measured here, never in tests. */
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
