/** The widget's app, one bundle per language: defines `<loket-widget>` and mounts one unless the page placed its own. */
import { h, render } from 'preact'
import { createApi } from './api.ts'
import { resolveConfig } from './config.ts'
import type {} from './global.ts'
import type { Engine } from './engine.ts'
import { BUNDLE_LANG, BUNDLE_STRINGS } from './strings.ts'
import { Widget } from './components/Widget.tsx'
import css from './styles.css'
import { adoptStyles } from './styles.ts'

const { scriptUrl, attributes: scriptAttributes } = window.Loket!.boot

/** `<loket-widget api kb lang product-area>`: attributes override the script tag's. */
class LoketWidget extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return
    const root = this.attachShadow({ mode: 'open' })
    adoptStyles(root, css)
    const attribute = (name: string) => this.getAttribute(name)
    const config = resolveConfig({
      api: attribute('api') ?? scriptAttributes.api,
      kb: attribute('kb') ?? scriptAttributes.kb,
      lang: attribute('lang') ?? scriptAttributes.lang,
      productArea: attribute('product-area') ?? scriptAttributes.productArea,
    }, scriptUrl, document.documentElement.getAttribute('lang'))
    // This bundle speaks one language; widget.js chose it by the same rule.
    config.lang = BUNDLE_LANG
    // Every call waits on the same promise, so calls keep their order once the engine is there.
    let loading: Promise<Engine> | undefined
    const engine = () => (loading ??= import('./engine.ts').then((m) => m.createEngine(config)))
    const report = <K extends keyof Engine['insight']>(kind: K) => (...args: Parameters<Engine['insight'][K]>) =>
      void engine().then((e) => (e.insight[kind] as (...a: typeof args) => void)(...args)).catch(() => {})
    render(h(Widget, {
      config,
      strings: BUNDLE_STRINGS,
      api: createApi(config.api, config.lang),
      insight: { searched: report('searched'), clicked: report('clicked'), filed: report('filed') },
      search: async (term, limit) => (await engine()).search(term, limit),
      suggest: async (term, limit) => (await engine()).suggest(term, limit),
      warm: () => void engine().then((e) => e.warm()).catch((error) => console.warn('[loket] search unavailable', error)),
    }), root)
    performance.mark('loket:widget:ready')
  }

  disconnectedCallback() {
    if (this.shadowRoot) render(null, this.shadowRoot)
  }
}

if (!customElements.get('loket-widget')) {
  customElements.define('loket-widget', LoketWidget)
  const mount = () => {
    if (!document.querySelector('loket-widget')) document.body.append(document.createElement('loket-widget'))
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true })
  else mount()
}
