/** Sites whose pages called the API without being in ALLOWED_ORIGINS: what is kept of them, and which origins are worth keeping. */

/** One refused site, as staff see it on the console's embedding page. */
export interface RefusedOrigin {
  /** The page's origin as the browser sent it, e.g. `https://partner.example`; `null` for a file or sandboxed page. */
  origin: string
  /** How many requests from it were refused. */
  count: number
  /** When the first and the last were refused (ISO). */
  firstSeen: string
  lastSeen: string
}

/** Refused origins kept at most: a new one beyond this pushes out the one refused longest ago, so a client sending made-up origins cannot grow the list. */
export const REFUSED_ORIGINS_KEPT = 100

/** Longest origin kept; a longer header is refused but not recorded. */
const MAX_ORIGIN_LENGTH = 200

/**
 * The origin to record for an `Origin` header, or undefined when it is not one a browser sends
 * (then it is refused all the same, but not kept): `scheme://host[:port]` of http or https, or `null`.
 * @example recordableOrigin('https://Partner.example') // 'https://partner.example'
 */
export function recordableOrigin(header: string): string | undefined {
  if (header === 'null') return header
  if (header.length > MAX_ORIGIN_LENGTH || !/^https?:\/\/[^/?#\s]+$/i.test(header)) return undefined
  try {
    const { origin } = new URL(header)
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}
