/** KB against a peer: Starlight (Astro's docs theme, also on Pagefind) builds the same generated articles as Loket, clean and with one article changed, in the same run. */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { generateArticles } from './generate-articles.ts'
import { buildSite, changeOneArticleText, timedAstroBuild } from './kb.ts'

/** The Starlight line that fits Astro 5 (0.38 onwards wants Astro 6). */
export const STARLIGHT_VERSION = '0.37'

/** One site's two builds of the same articles. */
export interface PeerBuilds {
  cleanMs: number
  changedMs: number
  peakRssBytes: number
  contentSyncMs?: number
}

export interface PeerFigures {
  articles: number
  loket: PeerBuilds
  starlight: PeerBuilds
}

/**
 * Generates `count` articles, builds them with Loket and with Starlight, then changes the same
 * article's text in both and builds again with each one's caches kept.
 */
export async function benchKbPeer(count: number): Promise<PeerFigures> {
  const work = mkdtempSync(join(tmpdir(), `loket-bench-peer-${count}-`))
  const site = installStarlight()
  try {
    generateArticles(join(work, 'articles'), count)
    writeStarlightSite(site, join(work, 'articles'))

    console.log(`[bench] kb-peer: Loket builds ${count} articles…`)
    const loketClean = await buildSite(work)
    changeOneArticleText(join(work, 'articles'))
    const loketChanged = await buildSite(work)

    console.log(`[bench] kb-peer: Starlight ${STARLIGHT_VERSION} builds the same ${count} articles…`)
    const { PATH, HOME, TMPDIR, LANG } = process.env
    const env = { PATH, HOME, TMPDIR, LANG, ASTRO_TELEMETRY_DISABLED: '1' }
    const args = [join(site, 'node_modules', 'astro', 'astro.js'), 'build']
    const peerClean = await timedAstroBuild({ cwd: site, args, env, rssFile: join(work, 'rss-starlight') })
    // The same Dutch file as in Loket's folder: Dutch paths are kept.
    changeOneArticleText(join(site, 'src', 'content', 'docs'))
    const peerChanged = await timedAstroBuild({ cwd: site, args, env, rssFile: join(work, 'rss-starlight') })

    const sync = (phases: { name: string; ms: number }[]) => phases.find((p) => p.name === 'content sync')?.ms
    return {
      articles: count,
      loket: { cleanMs: loketClean.buildMs, changedMs: loketChanged.buildMs, peakRssBytes: Math.max(loketClean.peakRssBytes, loketChanged.peakRssBytes), contentSyncMs: sync(loketClean.phases) },
      starlight: { cleanMs: peerClean.buildMs, changedMs: peerChanged.buildMs, peakRssBytes: Math.max(peerClean.peakRssBytes, peerChanged.peakRssBytes), contentSyncMs: sync(peerClean.phases) },
    }
  } finally {
    if (process.env.BENCH_KEEP) console.log(`[bench] kept ${work} and ${site}`)
    else rmSync(work, { recursive: true, force: true })
  }
}

/**
 * Installs Starlight and this project's Astro version from the registry into a scratch folder
 * that is also the Starlight site's root (Astro compiles components only from under the root);
 * once, later runs reuse it.
 */
function installStarlight(): string {
  const astro = (JSON.parse(readFileSync(resolve('node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version
  const dir = join(tmpdir(), `loket-bench-starlight-${STARLIGHT_VERSION}-astro-${astro}`)
  const installed = (name: string) => existsSync(join(dir, 'node_modules', name, 'package.json'))
  if (!installed('@astrojs/starlight') || !installed('astro')) {
    console.log(`[bench] kb-peer: installing @astrojs/starlight@${STARLIGHT_VERSION} and astro@${astro} into ${dir}…`)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'loket-bench-starlight', private: true, type: 'module' }))
    execFileSync('npm', ['install', '--no-audit', '--no-fund', `@astrojs/starlight@${STARLIGHT_VERSION}`, `astro@${astro}`], { cwd: dir, stdio: 'inherit' })
  }
  // A clean site each run: no articles, pages or content cache of an earlier one.
  for (const leftover of ['src', 'dist', '.astro', join('node_modules', '.astro')]) rmSync(join(dir, leftover), { recursive: true, force: true })
  return dir
}

/**
 * A Starlight site with the generated articles as docs, Dutch and English, each with only the
 * title and description Starlight knows (the other fields are Loket's). The sidebar is one link:
 * Starlight's default lists every page on every page, which at thousands of articles no KB would ship.
 */
function writeStarlightSite(site: string, articles: string): void {
  const docs = join(site, 'src', 'content', 'docs')
  for (const lang of ['nl', 'en']) {
    mkdirSync(join(docs, lang), { recursive: true })
    writeFileSync(join(docs, lang, 'index.md'), `---\ntitle: ${lang === 'nl' ? 'Kennisbank' : 'Knowledge base'}\n---\n\n${lang === 'nl' ? 'Welkom.' : 'Welcome.'}\n`)
  }
  // Each English article at the path of its Dutch translation (same translationKey): Starlight
  // pairs translations by path and would otherwise add a fallback page for every one "missing".
  const files = readdirSync(articles, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((path) => {
    const text = readFileSync(join(articles, path), 'utf8')
    const front = /^---\n([\s\S]*?)\n---\n/.exec(text)!
    const [lang, ...rest] = path.split(sep)
    return { lang, rest: rest.join('/'), text, front, key: /^translationKey: (.*)$/m.exec(front[1])?.[1] }
  })
  const dutchPath = new Map(files.filter((f) => f.lang === 'nl').map((f) => [f.key, f.rest]))
  for (const f of files) {
    const kept = f.front[1].split('\n').filter((line) => /^(title|description):/.test(line)).join('\n')
    const target = join(docs, f.lang, f.lang === 'nl' ? f.rest : dutchPath.get(f.key) ?? f.rest)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, `---\n${kept}\n---\n${f.text.slice(f.front[0].length)}`)
  }
  mkdirSync(dirname(join(site, 'src', 'content.config.mjs')), { recursive: true })
  writeFileSync(join(site, 'src', 'content.config.mjs'), [
    "import { defineCollection } from 'astro:content'",
    "import { docsLoader } from '@astrojs/starlight/loaders'",
    "import { docsSchema } from '@astrojs/starlight/schema'",
    'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) }',
    '',
  ].join('\n'))
  writeFileSync(join(site, 'astro.config.mjs'), [
    "import { defineConfig } from 'astro/config'",
    "import starlight from '@astrojs/starlight'",
    'export default defineConfig({',
    '  integrations: [starlight({',
    "    title: 'Noordwind', defaultLocale: 'nl',",
    "    locales: { nl: { label: 'Nederlands', lang: 'nl' }, en: { label: 'English', lang: 'en' } },",
    "    sidebar: [{ label: 'Start', link: '/nl/' }],",
    '  })],',
    '})',
    '',
  ].join('\n'))
}
