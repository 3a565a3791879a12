/**
 * The widget's app, one bundle per language, loaded by widget.js on a visitor's intent: draws the
 * widget into the shadow root of a `<loket-widget>` the loader made, and starts loading the search
 * index at once, so the first search after intent is fast.
 */
import { createRef, render } from 'preact'
import { createApi } from './api.ts'
import { configOfElement } from './config.ts'
import type { DrawnWidget } from './global.ts'
import type { Engine } from './engine.ts'
import { BUNDLE_LANG, BUNDLE_STRINGS } from './strings.ts'
import { Widget } from './components/Widget.tsx'
import css from './styles.css'
import { adoptStyles } from './styles.ts'
import { BRAND_CSS } from './theme.ts'

const { scriptUrl, attributes: scriptAttributes } = window.Loket!.boot

/** Draws this bundle's widget for `host` into `root`; drawn again, a new product area starts afresh. */
function mount(host: HTMLElement, root: ShadowRoot): DrawnWidget {
  // After the loader's launcher.css: the open widget's styles, then the brand's colours over both.
  adoptStyles(root, css + BRAND_CSS)
  const config = configOfElement(host, scriptAttributes, scriptUrl)
  if (host.getAttribute('data-theme') !== config.theme) host.setAttribute('data-theme', config.theme)
  // This bundle speaks one language; the element chose it by the same rule.
  config.lang = BUNDLE_LANG
  // Every call waits on the same promise, so calls keep their order once the engine is there.
  let loading: Promise<Engine> | undefined
  const engine = () => (loading ??= import('./engine.ts').then((m) => m.createEngine(config)))
  const report = <K extends keyof Engine['insight']>(kind: K) => (...args: Parameters<Engine['insight'][K]>) =>
    void engine().then((e) => (e.insight[kind] as (...a: typeof args) => void)(...args)).catch(() => {})
  const warm = () => void engine().then((e) => e.warm()).catch((error) => console.warn('[loket] search unavailable', error))
  // Drawn only on intent: the visitor is about to search, so Pagefind and its index start loading now, before the first render's work.
  warm()
  const widget = createRef<Widget>()
  render(
    <Widget
      ref={widget}
      // The form takes the product area when it opens: a new area is a new widget, not a half-changed one.
      key={config.productArea}
      config={config}
      strings={BUNDLE_STRINGS}
      api={createApi(config.api, config.lang)}
      insight={{ searched: report('searched'), clicked: report('clicked'), filed: report('filed') }}
      search={async (term, limit) => (await engine()).search(term, limit)}
      suggest={async (subject, description, limit) => (await engine()).suggest(subject, description, limit)}
      warm={warm}
    />,
    root,
  )
  return { open: () => void (widget.current && !widget.current.state.isOpen && widget.current.open()) }
}

const apps = (window.Loket!.apps ??= {})
apps[BUNDLE_LANG] = { mount, unmount: (root) => render(null, root) }
