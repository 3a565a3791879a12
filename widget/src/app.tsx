/** The widget's app, one bundle per language: defines `<loket-widget>` (the first bundle does) and mounts one unless the page placed its own. */
import { h, render } from 'preact'
import { createApi } from './api.ts'
import { appUrl, resolveConfig, type WidgetConfig } from './config.ts'
import type { WidgetApp } from './global.ts'
import type { Engine } from './engine.ts'
import { BUNDLE_LANG, BUNDLE_STRINGS } from './strings.ts'
import { Widget } from './components/Widget.tsx'
import css from './styles.css'
import { adoptStyles } from './styles.ts'
import { BRAND_CSS } from './theme.ts'

const { scriptUrl, attributes: scriptAttributes } = window.Loket!.boot

/** The element's settings: its attributes over the script tag's, every default written out. */
function configOf(host: HTMLElement): WidgetConfig {
  const attribute = (name: string) => host.getAttribute(name)
  return resolveConfig({
    api: attribute('api') ?? scriptAttributes.api,
    kb: attribute('kb') ?? scriptAttributes.kb,
    lang: attribute('lang') ?? scriptAttributes.lang,
    productArea: attribute('product-area') ?? scriptAttributes.productArea,
    theme: attribute('data-theme') ?? scriptAttributes.theme,
  }, scriptUrl, document.documentElement.getAttribute('lang'))
}

/** Draws this bundle's widget for `host` into `root`; drawn again, a new product area starts afresh. */
function mount(host: HTMLElement, root: ShadowRoot) {
  const config = configOf(host)
  // The stylesheet reads the theme from the element itself (:host([data-theme])); auto leaves it to the system's setting.
  if (host.getAttribute('data-theme') !== config.theme) host.setAttribute('data-theme', config.theme)
  // This bundle speaks one language; the element chose it by the same rule.
  config.lang = BUNDLE_LANG
  // Every call waits on the same promise, so calls keep their order once the engine is there.
  let loading: Promise<Engine> | undefined
  const engine = () => (loading ??= import('./engine.ts').then((m) => m.createEngine(config)))
  const report = <K extends keyof Engine['insight']>(kind: K) => (...args: Parameters<Engine['insight'][K]>) =>
    void engine().then((e) => (e.insight[kind] as (...a: typeof args) => void)(...args)).catch(() => {})
  render(h(Widget, {
    // The form takes the product area when it opens: a new area is a new widget, not a half-changed one.
    key: config.productArea,
    config,
    strings: BUNDLE_STRINGS,
    api: createApi(config.api, config.lang),
    insight: { searched: report('searched'), clicked: report('clicked'), filed: report('filed') },
    search: async (term, limit) => (await engine()).search(term, limit),
    suggest: async (subject, description, limit) => (await engine()).suggest(subject, description, limit),
    warm: () => void engine().then((e) => e.warm()).catch((error) => console.warn('[loket] search unavailable', error)),
  }), root)
}

const apps = (window.Loket!.apps ??= {})
apps[BUNDLE_LANG] = { mount, unmount: (root) => render(null, root) }

/**
 * `<loket-widget api kb lang product-area>`: attributes override the script tag's. A new `lang`
 * or `product-area` draws the widget again; another language loads that language's bundle first.
 */
class LoketWidget extends HTMLElement {
  static observedAttributes = ['lang', 'product-area']
  /** The bundle whose widget is drawn now. */
  #shown: WidgetApp | undefined
  /** Counts draws, so a bundle that finishes loading after a later change does not draw. */
  #draws = 0

  connectedCallback() {
    if (this.shadowRoot) return
    adoptStyles(this.attachShadow({ mode: 'open' }), css + BRAND_CSS)
    void this.#draw()
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null) {
    // Attributes set before the element is connected are read by its first draw; a change while
    // a bundle still loads draws anew, and the load that finishes first does not draw.
    if (old !== value && this.shadowRoot && this.isConnected) void this.#draw()
  }

  disconnectedCallback() {
    // The bundle that drew takes its widget out: each language's bundle has its own Preact.
    if (this.shadowRoot) this.#shown?.unmount(this.shadowRoot)
  }

  /** Draws in the language the attributes ask for now, loading its bundle when none is here yet. */
  async #draw() {
    const root = this.shadowRoot!
    const draw = ++this.#draws
    const { lang } = configOf(this)
    if (!apps[lang]) {
      try {
        await import(/* @vite-ignore */ appUrl(scriptAttributes, scriptUrl, lang))
      } catch (error) {
        return console.error('[loket] the widget could not load', error)
      }
    }
    const app = apps[lang] ?? apps[BUNDLE_LANG]!
    if (draw !== this.#draws) return
    if (this.#shown && this.#shown !== app) this.#shown.unmount(root)
    this.#shown = app
    app.mount(this, root)
    performance.mark('loket:widget:ready')
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
