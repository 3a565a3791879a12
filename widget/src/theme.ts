/** The widget's theme: light, dark or the visitor's system setting, and the brand's colours the build wrote in. */

/** The themes a host page may ask for with `data-theme`; `auto` follows `prefers-color-scheme`. */
export const THEMES = ['light', 'dark', 'auto'] as const
export type Theme = (typeof THEMES)[number]

/** `light` or `dark` as asked; anything else (absent, misspelt) → auto. */
export function themeOf(value: string | null | undefined): Theme {
  const theme = value?.trim().toLowerCase()
  return (THEMES as readonly string[]).includes(theme ?? '') ? (theme as Theme) : 'auto'
}

/** Set at build time from desk.yaml's brand (widget/build.ts): custom properties for the shadow root. */
declare const LOKET_BRAND_CSS: string | undefined

/** The brand's colours for the widget's stylesheet; none outside a bundle (the stylesheet's own fallbacks). */
export const BRAND_CSS: string = typeof LOKET_BRAND_CSS !== 'undefined' ? LOKET_BRAND_CSS : ''
