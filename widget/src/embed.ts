/**
 * widget.js, the one script a site embeds: reads its tag, then loads the widget's app in the
 * widget's language. Kept tiny: the host page pays for it on every view, even without a click.
 */
import { appUrl, resolveConfig, type WidgetAttributes } from './config.ts'
import type {} from './global.ts'

// Read at once: `currentScript` is only set while this script first runs.
const script = document.currentScript as HTMLScriptElement | null
const scriptUrl = script?.src || document.querySelector<HTMLScriptElement>('script[src$="/widget.js"]')?.src || location.href
/** The tag's settings: `data-api`, `data-kb`, `data-lang`, `data-product-area`, `data-theme`; each absent by default. */
const attributes: WidgetAttributes = {
  api: script?.dataset.api ?? null,
  kb: script?.dataset.kb ?? null,
  lang: script?.dataset.lang ?? null,
  productArea: script?.dataset.productArea ?? null,
  theme: script?.dataset.theme ?? null,
}

function start() {
  // A page may place <loket-widget lang="en"> itself; its language then chooses the bundle.
  const placed = document.querySelector('loket-widget')
  const { lang } = resolveConfig({ ...attributes, lang: placed?.getAttribute('lang') ?? attributes.lang }, scriptUrl, document.documentElement.getAttribute('lang'))
  const app = appUrl(attributes, scriptUrl, lang)
  import(/* @vite-ignore */ app).catch((error) => console.error('[loket] the widget could not load', error))
}

if (!window.Loket) {
  window.Loket = {
    ask: (query = '') => void window.dispatchEvent(new CustomEvent('loket:ask', { detail: { query }, cancelable: true })),
    boot: { scriptUrl, attributes },
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true })
  else start()
}
