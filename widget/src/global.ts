/** The page's one global, `window.Loket`: set by widget.js, read by the widget's app. */
import type { Language } from '#lib/language.ts'
import type { WidgetAttributes } from './config.ts'

/** What each language's app bundle puts in `window.Loket.apps`: how to draw its widget into a shadow root. */
export interface WidgetApp {
  /** Draws the widget for `host`'s attributes into `root`, in the bundle's language. */
  mount(host: HTMLElement, root: ShadowRoot): void
  /** Takes it out again, so another language's bundle can draw there. */
  unmount(root: ShadowRoot): void
}

export interface LoketGlobal {
  /** Opens the widget's form with `query` as the subject, as the KB's own search hands a question over. */
  ask(query?: string): void
  /** What widget.js found on its script tag, for the app it loads. */
  boot: { scriptUrl: string; attributes: WidgetAttributes }
  /** The app bundles loaded so far, by language: a `<loket-widget>` whose `lang` changes draws with another. */
  apps?: Partial<Record<Language, WidgetApp>>
}

declare global {
  interface Window {
    Loket?: LoketGlobal
  }
}
