/** Redaction for log lines about mail: no e-mail addresses, credentials or tokens reach a log. */

const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+(?::[^\s/@]*)?@/gi
const QUERY_VALUE = /([?&][^=&\s#]+=)[^&\s#"'<>]+/g
const SECRET = /\b(bearer\s+|(?:token|password|secret|pass)\s*[:=]\s*)[^\s,;&]+/gi
const LONG_TOKEN = /[A-Za-z0-9_-]{24,}/g
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Hides what a log must not hold: e-mail addresses keep their first letter and domain
 * (a***@example.nl), URL credentials and query values become ***, and so do long token-like
 * strings. UUIDs (mail ids) stay, so a log line can still be traced to its mail.
 * @example redact('to anne@klant.example: https://x.nl/confirm?token=abc') // 'to a***@klant.example: https://x.nl/confirm?token=***'
 */
export function redact(text: string): string {
  return text
    .replace(URL_CREDENTIALS, '$1***@')
    .replace(EMAIL, '$1***@$2')
    .replace(QUERY_VALUE, '$1***')
    .replace(SECRET, '$1***')
    .replace(LONG_TOKEN, (match) => (UUID.test(match) || !/\d/.test(match) || !/[A-Za-z]/.test(match) ? match : '***'))
}
