/** The widget's settings, read from its script tag or element attributes, every default written out. */
import { isLanguage, type Language } from '#lib/language.ts'
import { type Theme, themeOf } from './theme.ts'

export interface WidgetConfig {
  /** Origin of the KnowledgeBase (Pagefind index and article links). Default: the script's own origin. */
  kb: string
  /** Origin of the support API. Default: the KB's origin. */
  api: string
  /** Language of the widget and of the index it searches. Default: `data-lang`, else the page's `lang`, else Dutch. */
  lang: Language
  /** Product area chosen beforehand in the form, a desk.yaml key. Default: none, the visitor chooses. */
  productArea: string
  /** `light`, `dark`, or `auto` to follow the visitor's system (prefers-color-scheme). Default auto. */
  theme: Theme
}

/** The attributes a host page may set, as they come from `dataset` or the element. */
export interface WidgetAttributes {
  api?: string | null
  kb?: string | null
  lang?: string | null
  productArea?: string | null
  theme?: string | null
}

/**
 * Settings from attributes. `scriptUrl` is where widget.js came from; `pageLang` the host page's
 * `<html lang>`. An attribute that is not a usable URL or language falls back to its default.
 * @example resolveConfig({ lang: 'en' }, 'https://kb.example/widget.js', 'nl') → kb https://kb.example, lang en
 */
export function resolveConfig(attributes: WidgetAttributes, scriptUrl: string, pageLang: string | null): WidgetConfig {
  const own = originOf(scriptUrl) ?? ''
  const kb = originOf(attributes.kb) ?? own
  return {
    kb,
    api: originOf(attributes.api) ?? kb,
    lang: pickLanguage(attributes.lang, pageLang),
    productArea: attributes.productArea?.trim() || '',
    theme: themeOf(attributes.theme),
  }
}

/**
 * The settings of a `<loket-widget>`: its attributes (`api`, `kb`, `lang`, `product-area`,
 * `data-theme`) over the script tag's `tag`, the page's `<html lang>` last.
 */
export function configOfElement(host: Element, tag: WidgetAttributes, scriptUrl: string): WidgetConfig {
  const attribute = (name: string) => host.getAttribute(name)
  return resolveConfig({
    api: attribute('api') ?? tag.api,
    kb: attribute('kb') ?? tag.kb,
    lang: attribute('lang') ?? tag.lang,
    productArea: attribute('product-area') ?? tag.productArea,
    theme: attribute('data-theme') ?? tag.theme,
  }, scriptUrl, document.documentElement.getAttribute('lang'))
}

function originOf(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined
  } catch {
    return undefined
  }
}

/**
 * The widget's language: the attribute's, else the page's `<html lang>`, else Dutch.
 * @example pickLanguage(null, 'en-GB') === 'en'
 */
export function pickLanguage(attribute: string | null | undefined, pageLang: string | null): Language {
  return languageOf(attribute) ?? languageOf(pageLang) ?? 'nl'
}

/** `en`, `en-GB` → en; `nl-BE` → nl; anything else → undefined. */
function languageOf(tag: string | null | undefined): Language | undefined {
  const primary = tag?.trim().toLowerCase().split('-')[0]
  return isLanguage(primary) ? primary : undefined
}

/**
 * Where the widget's app in `lang` is: beside widget.js on the KB (`data-kb`, else the script's
 * own origin). @example appUrl({}, 'https://kb.example/widget.js', 'en') === 'https://kb.example/widget/en/app.js'
 */
export function appUrl(attributes: WidgetAttributes, scriptUrl: string, lang: Language): string {
  return new URL(`/widget/${lang}/app.js`, originOf(attributes.kb) || scriptUrl).href
}
