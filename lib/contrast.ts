/** Colour contrast as WCAG 2 measures it, and the brand colours derived from one primary colour. */

/** A colour as `#rrggbb` (or `#rgb`), the form desk.yaml takes. */
export const HEX_COLOUR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i

/** WCAG AA's least contrast for body text. */
export const AA_TEXT = 4.5

type Rgb = [number, number, number]

/** `#0b5394` → [11, 83, 148]; `#fff` → [255, 255, 255]. Throws on anything else. */
export function parseHex(hex: string): Rgb {
  if (!HEX_COLOUR.test(hex)) throw new Error(`expected a colour as #rrggbb, got "${hex}"`)
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1)
  return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as Rgb
}

/** [11, 83, 148] → `#0b5394`. */
export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`
}

/** The relative luminance of a colour (WCAG 2.x): 0 for black, 1 for white. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/**
 * The contrast ratio of two colours, 1 (none) to 21 (black on white), order does not matter.
 * @example contrast('#ffffff', '#000000') === 21
 */
export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (high + 0.05) / (low + 0.05)
}

/** A ratio as people read it: 4.4871 → "4.48:1" (rounded down, so a shown 4.50 always passes). */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`
}

/** `hex` mixed with `toward` by `amount` (0: unchanged, 1: `toward`). */
export function mix(hex: string, toward: string, amount: number): string {
  const a = parseHex(hex)
  const b = parseHex(toward)
  return toHex(a.map((c, i) => c + (b[i] - c) * amount) as Rgb)
}

/**
 * `hex`, mixed with `toward` in small steps until it reaches `ratio` against `background`: the
 * least change that reads. Returns `toward` itself when no mix does.
 * @example readableOn('#0b5394', '#14181f', '#ffffff') → a lighter blue for links on a dark page
 */
export function readableOn(hex: string, background: string, toward: string, ratio = AA_TEXT): string {
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(hex, toward, step / 20)
    if (contrast(candidate, background) >= ratio) return candidate
  }
  return toward
}

/** The page colours both themes are built on; the primary colour is checked against these. */
export const THEME = {
  light: { paper: '#ffffff', ink: '#1b2430' },
  dark: { paper: '#14181f', ink: '#e6e9ee' },
} as const

/** The colours the site, portal, console, widget and mail derive from the brand's primary colour. */
export interface BrandColours {
  /** The primary colour as given: buttons (white text on it) and links on a light page. */
  primary: string
  /** Darker, for hover and the site header (white text on it). */
  primaryDark: string
  /** Links and outlines on the dark page: the primary lightened until it reads there. */
  primaryOnDark: string
  /** A faint wash of the primary on a light page (highlights, hand-off boxes). */
  tint: string
  /** The same wash on the dark page. */
  tintDark: string
}

/** Derives the brand's colours from its primary colour (which must itself pass AA against white). */
export function brandColours(primary: string): BrandColours {
  const hex = toHex(parseHex(primary))
  const tintDark = mix(hex, THEME.dark.paper, 0.82)
  return {
    primary: hex,
    primaryDark: mix(hex, '#000000', 0.3),
    // Measured against the wash, the lighter of the dark backgrounds it sits on, with a margin for rounding.
    primaryOnDark: readableOn(hex, tintDark, '#ffffff', AA_TEXT + 0.3),
    tint: mix(hex, '#ffffff', 0.92),
    tintDark,
  }
}
