/** Paths this site redirects to: always on this site, never an address browsers read as another one. */

/**
 * `path` as a redirect target on this site: leading slashes and backslashes collapse into one
 * slash, since `//host/…` and `/\host/…` are protocol-relative addresses of another site to a browser.
 * @example localPath('//en') === '/en'; localPath('/\\evil.example') === '/evil.example'
 */
export function localPath(path: string): string {
  return `/${path.replace(/^[/\\]+/, '')}`
}
