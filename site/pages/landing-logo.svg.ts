/** The brand's logo as a file, for the API's pages opened from e-mails: their policy lets them load an image of this site, not carry markup of the build's. */
import { brand } from '../lib/config.ts'

/** Written once at build time to `/landing-logo.svg` (server/present/pages.ts shows it when desk.yaml names a logo). */
export function GET(): Response {
  // Without a logo the pages show none; the file is then an empty picture.
  const svg = brand.logoSvg ?? '<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"/>'
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
}
