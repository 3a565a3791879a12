/** The stylesheet of the API's own pages opened from e-mails (confirm, sign in, their results): the site's own, the few rules of those pages, and the brand's colours from desk.yaml, served as one file under their strict policy. */
import site from '../styles/global.css?inline'
import landing from '../styles/landing.css?inline'
import { brandStyle } from '../lib/config.ts'

/** Written once at build time to `/landing.css` (server/present/pages.ts links it). */
export function GET(): Response {
  return new Response(`${site}\n${landing}\n${brandStyle}`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } })
}
