/** Serves the built KnowledgeBase: caching by kind of file, CORS for the search index, a strict CSP per page, localised 404s. */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'
import { Hono, type MiddlewareHandler } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import { CSP_MANIFEST, type CspManifest, type InlineHashes } from '#lib/csp-manifest.ts'
import { localPath } from '../../http/local-path.ts'
import { cachedFiles } from './cached-files.ts'

export interface StaticSiteOptions {
  /** The folder `astro build` wrote, e.g. `dist`. */
  root: string
}

/**
 * A chunk of the widget named by its content, `/widget/<lang>/<name>-<hash>.js` (the widget build's
 * `[name]-[hash]`, e.g. `engine-K74LH6XU.js`): a new release gives it a new name. Each language's
 * `app.js` keeps its name, as `widget.js` does, for it is what a release changes under them.
 */
const HASHED_WIDGET_CHUNK = /^\/widget\/[a-z]{2}\/[\w-]+-[A-Z0-9]{8}\.js$/

/**
 * Cache rules: hashed assets (the site's and the widget's chunks) forever, the search index and the
 * widget's entry points briefly, pages revalidated on every visit.
 * @example cacheControl('/widget/nl/engine-K74LH6XU.js') // 'public, max-age=31536000, immutable'
 */
export function cacheControl(path: string): string {
  if (path.startsWith('/_astro/') || HASHED_WIDGET_CHUNK.test(path)) return 'public, max-age=31536000, immutable'
  // Not content-hashed: a new release must reach embedding sites within minutes.
  if (path.startsWith('/pagefind/') || path === '/widget.js' || path.startsWith('/widget/')) return 'public, max-age=300'
  if (extname(path) === '' || path.endsWith('.html')) return 'no-cache'
  return 'public, max-age=3600'
}

/**
 * The Content-Security-Policy of a KB page: nothing from other origins, never framed, and inline
 * scripts and styles only by the hashes the build wrote for that page. Pagefind compiles
 * WebAssembly, hence 'wasm-unsafe-eval' (which allows no JavaScript eval).
 * @example contentSecurityPolicy({ script: ["'sha256-…'"], style: [] })
 */
export function contentSecurityPolicy(hashes: InlineHashes = { script: [], style: [] }): string {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes.script].join(' '),
    ["style-src 'self'", ...hashes.style].join(' '),
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ')
}

/**
 * The KB as Hono routes. `/pagefind/*`, `/widget.js` and `/widget/*` are readable from any origin (the widget
 * runs on other sites and searches from there; a module import is a CORS request); pages are not
 * framed or sniffed, and each carries the CSP of its own inline scripts and styles.
 */
export function staticSite({ root }: StaticSiteOptions) {
  const notFound = {
    nl: readIfExists(join(root, '404.html')),
    en: readIfExists(join(root, 'en', '404', 'index.html')),
  }
  const manifest = readManifest(join(root, CSP_MANIFEST))
  // One string per page, built once: a request only looks its policy up.
  const policies = new Map(Object.entries(manifest).map(([page, hashes]) => [page, contentSecurityPolicy(hashes)]))
  const policyOf = (page: string) => policies.get(page) ?? contentSecurityPolicy()
  return new Hono()
    .use('/pagefind/*', crossOrigin)
    .use('/widget.js', crossOrigin)
    .use('/widget/*', crossOrigin)
    .use('*', async (c, next) => {
      const path = c.req.path
      // Pages live in folders: /support → /support/ so relative links and the canonical URL agree.
      if (!path.endsWith('/') && extname(path) === '' && isDirectory(join(root, path))) {
        const query = new URL(c.req.url).search
        // `//en` is a folder here, but `Location: //en/` would send the browser to the host "en".
        return c.redirect(`${localPath(path)}/${query}`, 301)
      }
      await next()
      if (c.res.status !== 200) return
      c.header('Cache-Control', cacheControl(path))
      if (c.res.headers.get('Content-Type')?.startsWith('text/html')) c.header('Content-Security-Policy', policyOf(pageOf(path)))
    })
    // The search index from memory: a search waits for its files one after the other.
    .use('/pagefind/*', cachedFiles({ root, prefix: '/pagefind/' }))
    // Brotli copies written at build time (Pagefind's wasm and index) are sent when accepted.
    .use('*', serveStatic({ root, precompressed: true }))
    .get('*', (c) => {
      const isEnglish = c.req.path.startsWith('/en/')
      const page = isEnglish ? notFound.en : notFound.nl
      if (!page) return c.text('Not found', 404)
      c.header('Content-Security-Policy', policyOf(isEnglish ? '/en/404/' : '/404.html'))
      return c.html(page, 404)
    })
}

/** Lets any site load the file: CORS for imports and fetches, CORP for a plain script tag. */
const crossOrigin: MiddlewareHandler = async (c, next) => {
  await next()
  c.header('Access-Control-Allow-Origin', '*')
  c.header('Cross-Origin-Resource-Policy', 'cross-origin')
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** The manifest key of a requested page: `/en/search/index.html` and `/en/search/` are one page. */
function pageOf(path: string): string {
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path
}

/** The build's CSP hashes; none (so every inline script and style is refused) when the build wrote no manifest. */
function readManifest(path: string): CspManifest {
  const text = readIfExists(path)
  return text ? (JSON.parse(text) as CspManifest) : {}
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined
}
