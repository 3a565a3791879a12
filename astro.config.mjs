// @ts-check
import { defineConfig } from 'astro/config'
import mdx from '@astrojs/mdx'
import preact from '@astrojs/preact'
import { kbBuild } from './site/integrations/kb-build.ts'
import { buildPaths } from './site/integrations/kb-state.ts'

// The folders as `npm run build` finds them too (LOKET_CONTENT_DIR, LOKET_ARTICLES_DIR, LOKET_OUT_DIR, LOKET_CACHE_DIR).
const paths = buildPaths()
// "/" is Vite's base path, which vitest puts in the environment of what it runs, not an address.
const baseUrl = process.env.BASE_URL && process.env.BASE_URL !== '/' ? process.env.BASE_URL : undefined

export default defineConfig({
  // The public address, as the server reads it (BASE_URL, default http://localhost:PORT): pages name
  // their translations by absolute URL (hreflang), so build with the BASE_URL the site is served at.
  site: baseUrl ?? `http://localhost:${process.env.PORT ?? 4321}`,
  srcDir: './site',
  outDir: paths.outDir,
  cacheDir: paths.cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  prefetch: false,
  // Shiki colours code with style attributes, which the pages' Content-Security-Policy refuses;
  // code blocks are plain text, styled by the site's stylesheet.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  integrations: [mdx(), preact(), kbBuild(paths)],
})
