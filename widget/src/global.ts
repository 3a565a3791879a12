/** The page's one global, `window.Loket`: set by widget.js (the loader), read by the widget's app when a visitor asks for it. */
import type { Language } from '#lib/language.ts'
import type { WidgetAttributes } from './config.ts'

/** What each language's app bundle puts in `window.Loket.apps`: how to draw its widget into a shadow root. */
export interface WidgetApp {
  /** Draws the widget for `host`'s attributes into `root`, in the bundle's language, and starts loading the search index. */
  mount(host: HTMLElement, root: ShadowRoot): DrawnWidget
  /** Takes it out again, so another language's bundle can draw there. */
  unmount(root: ShadowRoot): void
}

/** A widget an app drew: what the loader may ask of it. */
export interface DrawnWidget {
  /** Opens the panel (at the search box), unless it is open already. */
  open(): void
}

export interface LoketGlobal {
  /** Opens the widget's form with `query` as the subject, as the KB's own search hands a question over; loads the app first when needed. */
  ask(query?: string): void
  /** Opens the widget at its search box, loading the app first when needed. */
  open(): void
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
