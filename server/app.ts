/** The Loket HTTP app: the API under /api and the KnowledgeBase's static files, behind shared middleware. */
import { Hono } from 'hono'
import { compress } from 'hono/compress'
import { secureHeaders } from 'hono/secure-headers'
import { staticSite } from './middleware/static-site/index.ts'

export interface Deps {
  /** The built KB (`astro build` output); default none, for API-only use. */
  siteDir?: string
}

export function createApp(deps: Deps) {
  const app = new Hono()
    .use('*', secureHeaders({
      // The search index and the widget are loaded by other sites; their own routes say so.
      crossOriginResourcePolicy: false,
      crossOriginEmbedderPolicy: false,
      xFrameOptions: 'SAMEORIGIN',
      referrerPolicy: 'strict-origin-when-cross-origin',
    }))
    .use('*', compress())
    .get('/api/health', (c) => c.json({ status: 'ok' }))
    .all('/api/*', (c) => c.json({ code: 'not_found', message: messageFor(c.req.header('accept-language'), 'notFound') }, 404))
  if (deps.siteDir) app.route('/', staticSite({ root: deps.siteDir }))
  return app
}

export type AppType = ReturnType<typeof createApp>

const MESSAGES = {
  notFound: { nl: 'Dit adres bestaat niet in de API.', en: 'This address does not exist in the API.' },
}

/** The message in the caller's language: English when the request prefers it, Dutch otherwise. */
function messageFor(acceptLanguage: string | undefined, key: keyof typeof MESSAGES): string {
  return /^\s*en\b/i.test(acceptLanguage ?? '') ? MESSAGES[key].en : MESSAGES[key].nl
}
