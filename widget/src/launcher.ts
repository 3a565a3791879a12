/** The launcher widget.js draws before the app exists: its words, and what a visitor asked for while the app was on its way. */
import type { Language } from '#lib/language.ts'

/** Set at build time from the catalogue (`widget.launcher` of each language, widget/build.ts): the loader carries only these two words. */
declare const LOKET_LAUNCHER_LABELS: Record<Language, string> | undefined

/** The launcher's accessible name per language; empty outside a bundle. */
export const LAUNCHER_LABELS: Record<Language, string> = typeof LOKET_LAUNCHER_LABELS !== 'undefined' ? LOKET_LAUNCHER_LABELS : { nl: '', en: '' }

/** What `Loket.ask` and the KB's "ask support" hand over: the question, and the article the reader found wanting. */
export interface AskDetail {
  query?: string
  article?: string
}

/** What to do once the app has drawn the widget: open it, hand questions over, keep the keyboard focus on the launcher. */
export interface Wishes {
  open: boolean
  asks: AskDetail[]
}

/**
 * What a visitor asked for before the app arrived, so no click, key or question is lost: a click
 * (mouse, touch, Enter or Space) or `Loket.open()` opens the widget once, each question is handed
 * over in order. `take()` empties it for the next load.
 */
export class PendingWishes {
  #open = false
  #asks: AskDetail[] = []

  /** A click on the launcher or `Loket.open()`. */
  open(): void {
    this.#open = true
  }

  /** A question handed over; it opens the widget's form by itself. */
  ask(detail: AskDetail): void {
    this.#asks.push(detail)
  }

  /** What waits, once: a question opens the form, so `open` is only asked for without one. */
  take(): Wishes {
    const wishes = { open: this.#open && this.#asks.length === 0, asks: this.#asks }
    this.#open = false
    this.#asks = []
    return wishes
  }
}
