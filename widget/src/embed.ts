/**
 * widget.js, the one script a site embeds: draws the launcher itself (plain DOM in the shadow root
 * of `<loket-widget>`, no framework) and loads the widget's app, Pagefind and the search code only
 * on intent: pointer over, focus on or touch of the launcher, a click, `Loket.open()` or
 * `Loket.ask()`. Kept tiny: the host page pays for it on every view, even without a click.
 */
import { appUrl, pickLanguage, type WidgetAttributes } from './config.ts'
import type { DrawnWidget, WidgetApp } from './global.ts'
import { LAUNCHER_LABELS, PendingWishes, type AskDetail } from './launcher.ts'
import css from './launcher.css'
import { BRAND_CSS, themeOf } from './theme.ts'

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

/** The language `host` speaks: its `lang`, the tag's, the page's, as the app chooses (config.ts). */
const langOf = (host: Element) => pickLanguage(host.getAttribute('lang') ?? attributes.lang, document.documentElement.getAttribute('lang'))

/** The launcher's stylesheet, made once and shared by every widget on the page. */
let launcherSheet: CSSStyleSheet | undefined

/** Whether an app has drawn a widget on this page: from then on the app answers `loket:ask` itself. */
let isDrawn = false

/**
 * `<loket-widget api kb lang product-area data-theme>`: attributes override the script tag's. Until
 * a visitor shows intent it is a button the loader draws; then the app of its language draws it.
 * A new `lang` or `product-area` draws it again; another language loads that language's app first.
 */
class LoketWidget extends HTMLElement {
  static observedAttributes = ['lang', 'product-area']
  /** The app whose widget is drawn now. */
  #shown: WidgetApp | undefined
  #drawn: DrawnWidget | undefined
  /** Counts draws, so an app that finishes loading after a later change does not draw. */
  #draws = 0
  /** Whether a visitor showed intent: from then on the app draws, not the loader. */
  #isAwake = false
  /** Clicks and questions that came before the app: none is lost. */
  #wishes = new PendingWishes()

  connectedCallback() {
    if (this.shadowRoot) return
    // Adopted, so a strict style-src on the host page does not block it; every browser the build targets can.
    if (!launcherSheet) {
      launcherSheet = new CSSStyleSheet()
      launcherSheet.replaceSync(css + BRAND_CSS)
    }
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [launcherSheet]
    this.#drawLauncher()
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null) {
    // Attributes set before the element is connected are read by its first draw.
    if (old === value || !this.shadowRoot || !this.isConnected) return
    if (this.#isAwake) void this.#draw()
    else this.#drawLauncher()
  }

  disconnectedCallback() {
    // The app that drew takes its widget out: each language's app has its own Preact.
    if (this.shadowRoot) this.#shown?.unmount(this.shadowRoot)
  }

  /** The launcher as the app draws it, without the app: the same class, words and state. */
  #drawLauncher() {
    const lang = langOf(this)
    const theme = themeOf(this.getAttribute('data-theme') ?? attributes.theme)
    // The stylesheet reads the theme from the element itself (:host([data-theme])); auto leaves it to the system's setting.
    if (this.getAttribute('data-theme') !== theme) this.setAttribute('data-theme', theme)
    const box = document.createElement('div')
    const button = document.createElement('button')
    box.className = 'lw-root'
    box.lang = lang
    button.type = 'button'
    button.className = 'lw-launcher'
    button.setAttribute('aria-expanded', 'false')
    button.textContent = LAUNCHER_LABELS[lang]
    // Handler properties rather than listeners: the fewest bytes; the button is the loader's own.
    button.onpointerenter = button.onfocus = () => this.wake()
    // Mouse, touch, Enter and Space alike: the widget opens once its app is here. A press counts
    // already: the app may draw its own launcher between the press and the release, and a click
    // whose button was replaced under the pointer never comes.
    button.onclick = button.onpointerdown = () => this.wake(true)
    box.append(button)
    this.shadowRoot!.replaceChildren(box)
  }

  /** A visitor's intent: loads the app. `open` (a click, `Loket.open()`) opens the widget, now or once the app has drawn it. */
  wake(open?: boolean) {
    if (open) {
      if (this.#drawn) return this.#drawn.open()
      this.#wishes.open()
    }
    if (this.#isAwake) return
    this.#isAwake = true
    void this.#draw()
  }

  /** A question handed over before any app was here: the app's form gets it once drawn. */
  ask(detail: AskDetail) {
    this.#wishes.ask(detail)
    this.wake()
  }

  /** Draws in the language the attributes ask for now, loading its app when none is here yet. */
  async #draw() {
    const root = this.shadowRoot!
    const draw = ++this.#draws
    const lang = langOf(this)
    const apps = (window.Loket!.apps ??= {})
    if (!apps[lang]) {
      try {
        await import(/* @vite-ignore */ appUrl(attributes, scriptUrl, lang))
      } catch (error) {
        // Intent may come again (another hover): the next one tries anew.
        if (draw === this.#draws && !this.#shown) this.#isAwake = false
        return console.error('[loket] the widget could not load', error)
      }
    }
    const app = apps[lang]
    if (draw !== this.#draws || !app) return
    // The keyboard's place is kept: a focused launcher (focus was the intent) is focused again once redrawn.
    const hadFocus = root.activeElement?.classList.contains('lw-launcher')
    if (this.#shown) {
      if (this.#shown !== app) this.#shown.unmount(root)
    } else root.replaceChildren()
    this.#shown = app
    const drawn = (this.#drawn = app.mount(this, root))
    isDrawn = true
    if (hadFocus) root.querySelector<HTMLElement>('.lw-launcher')?.focus()
    const { open, asks } = this.#wishes.take()
    if (open) drawn.open()
    for (const detail of asks) window.dispatchEvent(new CustomEvent('loket:ask', { detail, cancelable: true }))
    performance.mark('loket:widget:ready')
  }
}

const firstWidget = () => document.querySelector<LoketWidget>('loket-widget')

function start() {
  if (!customElements.get('loket-widget')) customElements.define('loket-widget', LoketWidget)
  // A page may place <loket-widget> itself (with its own lang); otherwise there is one at the end of the body.
  if (!firstWidget()) document.body.append(document.createElement('loket-widget'))
}

if (!window.Loket) {
  window.Loket = {
    ask: (query = '') => void window.dispatchEvent(new CustomEvent('loket:ask', { detail: { query }, cancelable: true })),
    open: () => firstWidget()?.wake(true),
    boot: { scriptUrl, attributes },
  }
  // Before any app is here the loader takes the question (the KB's "ask support" then keeps its page), and loads the app for it.
  window.addEventListener('loket:ask', (event) => {
    const widget = firstWidget()
    if (isDrawn || event.defaultPrevented || !(widget instanceof LoketWidget)) return
    event.preventDefault()
    widget.ask((event as CustomEvent<AskDetail | null>).detail ?? {})
  })
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true })
  else start()
}
