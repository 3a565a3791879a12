/**
 * Bundles the widget: `widget.js`, the tiny loader a site embeds (it draws the launcher, with the
 * launcher's word in both languages and the brand's colours), and the app per language in
 * `widget/<lang>/`, loaded on intent, with Preact inside, the form in a chunk of its own, nothing global but `Loket`.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import { promisify } from 'node:util'
import { build, transform, type BuildOptions, type Plugin } from 'esbuild'
import { brandColours, type BrandColours } from '#lib/contrast.ts'
import { widget as en } from '#lib/i18n/en/widget.ts'
import { widget as nl } from '#lib/i18n/nl/widget.ts'

const brotli = promisify(zlib.brotliCompress)
const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url))
const LANGUAGES = ['nl', 'en'] as const

/** CSS arrives as minified text, adopted into the shadow root. */
const cssAsText: Plugin = {
  name: 'css-as-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(await readFile(args.path, 'utf8'), { loader: 'css', minify: true })
      return { contents: code, loader: 'text' }
    })
  },
}

const COMMON: BuildOptions = {
  bundle: true,
  write: false,
  // Browsers of the last few years: shadow DOM, custom elements and adopted stylesheets all there.
  target: ['chrome109', 'firefox115', 'safari16.4'],
  minify: true,
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  plugins: [cssAsText],
  logLevel: 'silent',
}

/** What the build wrote, in bytes: the loader and each language's files. */
export interface WidgetFiles {
  loader: number
  apps: Record<(typeof LANGUAGES)[number], Record<string, number>>
}

/**
 * The brand's colours as the widget's custom properties, for each theme the way styles.css chooses
 * it (data-theme, else the system's setting); later in the shadow root than styles.css, so they win.
 */
export function widgetBrandCss(c: BrandColours): string {
  const dark = `--lw-link:${c.primaryOnDark};--lw-link-hover:${c.primaryOnDark};--lw-tint:${c.tintDark}`
  return [
    `:host{--lw-brand:${c.primary};--lw-brand-hover:${c.primaryDark};--lw-link:${c.primary};--lw-link-hover:${c.primaryDark};--lw-tint:${c.tint}}`,
    `:host([data-theme="dark"]){${dark}}`,
    `@media (prefers-color-scheme: dark){:host(:not([data-theme="light"]):not([data-theme="dark"])){${dark}}}`,
  ].join('')
}

/** The brand's colours the launcher needs, for the loader: the button's, the same in either theme. */
export function launcherBrandCss(c: BrandColours): string {
  return `:host{--lw-brand:${c.primary};--lw-brand-hover:${c.primaryDark}}`
}

/**
 * Writes `<outDir>/widget.js`, `<outDir>/widget/<lang>/…` and brotli copies of each, in the
 * brand's colours (desk.yaml's; default the Loket blue).
 */
export async function buildWidget(outDir: string, colours: BrandColours = brandColours('#0b5394')): Promise<WidgetFiles> {
  await rm(join(outDir, 'widget'), { recursive: true, force: true })
  const brandCss = JSON.stringify(widgetBrandCss(colours))
  const loader = await build({
    ...COMMON,
    entryPoints: [src('embed.ts')],
    format: 'iife',
    outfile: join(outDir, 'widget.js'),
    // Chromium's compile hint: every function of the loader runs as the launcher is drawn, so it compiles
    // them all while the script streams in, off the host's main thread, rather than one by one on it.
    banner: { js: '//# allFunctionsCalledOnLoad' },
    define: { LOKET_LAUNCHER_LABELS: JSON.stringify({ nl: nl.launcher, en: en.launcher }), LOKET_BRAND_CSS: JSON.stringify(launcherBrandCss(colours)) },
  })
  const apps = await Promise.all(LANGUAGES.map((lang) => build({
    ...COMMON,
    entryPoints: { app: src('app.tsx') },
    format: 'esm',
    splitting: true,
    outdir: join(outDir, 'widget', lang),
    chunkNames: '[name]-[hash]',
    define: { LOKET_BUNDLE_LANG: JSON.stringify(lang), LOKET_BRAND_CSS: brandCss, 'process.env.NODE_ENV': '"production"' },
  })))
  const files = [...loader.outputFiles!, ...apps.flatMap((a) => a.outputFiles!)]
  await Promise.all(files.map(async (f) => {
    await mkdir(join(f.path, '..'), { recursive: true })
    await writeFile(f.path, f.contents)
    await writeFile(`${f.path}.br`, await brotli(f.contents, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }))
  }))
  const sizes = (outputs: { path: string; contents: Uint8Array }[]) => Object.fromEntries(outputs.map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), f.contents.length]))
  return {
    loader: loader.outputFiles![0].contents.length,
    apps: Object.fromEntries(LANGUAGES.map((lang, i) => [lang, sizes(apps[i].outputFiles!)])) as WidgetFiles['apps'],
  }
}
