/** The page's one global, `window.Loket`: set by widget.js, read by the widget's app. */
import type { WidgetAttributes } from './config.ts'

export interface LoketGlobal {
  /** Opens the widget's form with `query` as the subject, as the KB's own search hands a question over. */
  ask(query?: string): void
  /** What widget.js found on its script tag, for the app it loads. */
  boot: { scriptUrl: string; attributes: WidgetAttributes }
}

declare global {
  interface Window {
    Loket?: LoketGlobal
  }
}
