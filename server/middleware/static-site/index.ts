/** Serves the built KnowledgeBase: caching by kind of file, CORS for the search index, localised 404s. */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'
import { Hono, type MiddlewareHandler } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'

export interface StaticSiteOptions {
  /** The folder `astro build` wrote, e.g. `dist`. */
  root: string
}

/** Cache rules: hashed assets forever, the search index briefly, pages revalidated on every visit. */
function cacheControl(path: string): string {
  if (path.startsWith('/_astro/')) return 'public, max-age=31536000, immutable'
  // Not content-hashed: a new release must reach embedding sites within minutes.
  if (path.startsWith('/pagefind/') || path === '/widget.js' || path.startsWith('/widget/')) return 'public, max-age=300'
  if (extname(path) === '' || path.endsWith('.html')) return 'no-cache'
  return 'public, max-age=3600'
}

/**
 * The KB as Hono routes. `/pagefind/*`, `/widget.js` and `/widget/*` are readable from any origin (the widget
 * runs on other sites and searches from there; a module import is a CORS request); pages are not
 * framed or sniffed.
 */
export function staticSite({ root }: StaticSiteOptions) {
  const notFound = {
    nl: readIfExists(join(root, '404.html')),
    en: readIfExists(join(root, 'en', '404', 'index.html')),
  }
  return new Hono()
    .use('/pagefind/*', crossOrigin)
    .use('/widget.js', crossOrigin)
    .use('/widget/*', crossOrigin)
    .use('*', async (c, next) => {
      const path = c.req.path
      // Pages live in folders: /support → /support/ so relative links and the canonical URL agree.
      if (!path.endsWith('/') && extname(path) === '' && isDirectory(join(root, path))) {
        const query = new URL(c.req.url).search
        return c.redirect(`${path}/${query}`, 301)
      }
      await next()
      if (c.res.status === 200) c.header('Cache-Control', cacheControl(path))
    })
    // Brotli copies written at build time (Pagefind's wasm and index) are sent when accepted.
    .use('*', serveStatic({ root, precompressed: true }))
    .get('*', (c) => {
      const page = c.req.path.startsWith('/en/') ? notFound.en : notFound.nl
      return page ? c.html(page, 404) : c.text('Not found', 404)
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

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined
}
