/** The desk's brand (desk.yaml `name` and `brand`): its colours in both themes, and the rules an inline SVG logo must keep. */
import { brandColours, type BrandColours } from '#lib/contrast.ts'
import type { Language } from '#lib/language.ts'
import type { DeskConfig } from './desk.ts'

/** What every surface (KB, portal, console, widget, mail, the API's pages) shows of the desk. */
export interface Brand {
  /** The desk's name per language, e.g. "Noordwind Support". */
  name: Record<Language, string>
  /** The KnowledgeBase's name per language, e.g. "Noordwind Kennisbank": desk.yaml's brand.siteName, else the desk's name. */
  siteName: Record<Language, string>
  /** The logo as inline-safe SVG markup (decorative: aria-hidden), or null when desk.yaml names none. */
  logoSvg: string | null
  colours: BrandColours
}

/**
 * The brand of `desk`, with the logo's markup as `loadLogo` read it (none by default).
 * @example brandOf(desk).colours.primary === '#0b5394'
 */
export function brandOf(desk: DeskConfig, logoSvg: string | null = null): Brand {
  return { name: desk.name, siteName: siteNameOf(desk), logoSvg, colours: brandColours(desk.brand.primaryColor) }
}

/**
 * The KnowledgeBase's name: desk.yaml's `brand.siteName`, else the desk's `name`.
 * @example siteNameOf(desk).en === 'Noordwind Knowledge Base'
 */
export function siteNameOf(desk: Pick<DeskConfig, 'name' | 'brand'>): Record<Language, string> {
  return desk.brand.siteName ?? desk.name
}

/**
 * The brand's colours as CSS custom properties, light first and dark under
 * `prefers-color-scheme: dark`, for the stylesheets' `--brand` (links, accents), `--brand-dark`
 * (their hover), `--brand-button` and `--brand-strong` (white text on them, both themes) and
 * `--brand-tint` (a wash). `html:root` outweighs the stylesheets' own `:root` fallbacks wherever
 * the rule lands in the page.
 */
export function brandCss(colours: BrandColours, selector = 'html:root'): string {
  const light = { brand: colours.primary, 'brand-dark': colours.primaryDark, 'brand-button': colours.primary, 'brand-button-hover': colours.primaryDark, 'brand-strong': colours.primaryDark, 'brand-tint': colours.tint }
  const dark = { brand: colours.primaryOnDark, 'brand-dark': colours.primaryOnDark, 'brand-tint': colours.tintDark }
  const rule = (vars: Record<string, string>) => `${selector}{${Object.entries(vars).map(([name, value]) => `--${name}:${value}`).join(';')}}`
  return `${rule(light)}@media (prefers-color-scheme: dark){${rule(dark)}}`
}

/** What makes an SVG unsafe to put into a page as it is, each with the words an editor reads. */
const UNSAFE: [RegExp, string][] = [
  [/<script[\s>/]/i, 'a <script> element'],
  [/<foreignObject[\s>/]/i, 'a <foreignObject> element (HTML inside the SVG)'],
  [/<(iframe|embed|object|image|audio|video|animate|set|handler|listener)[\s>/]/i, 'an embedded, animated or external element (<iframe>, <image>, <animate>, …)'],
  [/<style[\s>/]/i, 'a <style> element (it would style the whole page; use fill/stroke attributes)'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute (on…=)'],
  [/\sstyle\s*=/i, 'a style attribute (the Content-Security-Policy blocks it; use fill/stroke attributes)'],
  [/\s(xlink:)?href\s*=(?!\s*["']?\s*#)/i, 'a link to something outside the SVG (href that does not start with #)'],
  [/javascript:|data:|url\((?!\s*["']?\s*#)/i, 'a javascript:, data: or external url() reference'],
  [/<!(DOCTYPE|ENTITY)/i, 'a DOCTYPE or ENTITY declaration'],
]

/**
 * Checks that `svg` is a plain drawing that may be inlined into every page, and returns it ready
 * for that: without XML prolog and comments, marked decorative (`aria-hidden`, not focusable).
 * Throws an Error whose message lists each thing that must go.
 */
export function inlineSafeSvg(svg: string): string {
  const text = svg.replace(/<\?xml[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').trim()
  const problems = UNSAFE.filter(([pattern]) => pattern.test(text)).map(([, words]) => words)
  if (!/^<svg[\s>]/i.test(text) || !/<\/svg>$/i.test(text)) problems.unshift('not one <svg> element (the file must start with <svg and end with </svg>)')
  if (problems.length > 0) throw new Error(`it has ${problems.join('; ')}`)
  const open = /^<svg[^>]*>/i.exec(text)![0]
  const root = open.replace(/\s(aria-hidden|focusable|role)\s*=\s*("[^"]*"|'[^']*')/gi, '').replace(/^<svg/i, '<svg aria-hidden="true" focusable="false"')
  return root + text.slice(open.length)
}
