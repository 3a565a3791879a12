/** The CSP manifest the build writes and the server reads: its file name and shape (no Node, no framework). */

/** The manifest's file name in the build output; the server reads it at start. */
export const CSP_MANIFEST = '_csp.json'

/** The hashes, in CSP source form (`'sha256-…'`), that allow one page's inline elements. */
export interface InlineHashes {
  /** One per distinct inline `<script>` (no `src`), in document order. */
  script: string[]
  /** One per distinct `<style>` element, in document order. */
  style: string[]
}

/** Page path (`/`, `/en/search/`, `/404.html`) → the hashes that page needs. */
export type CspManifest = Record<string, InlineHashes>
