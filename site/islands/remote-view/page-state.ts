/**
 * The public remote-view page as a state machine: the customer enters a code, sees who will look
 * along and consents, the session is open until either side ends it. Pure, so every step is tested
 * without a browser; the island only sends events and draws the state.
 */

// The remote-view routes answer through helpers the typed client cannot see through, so their
// replies are typed here, after `preview` and `sessionOf` in server/routes/consents.ts.

/** What the page shows before consent (`POST /api/remote-views/lookup`): who looks along, for which incident, until when the code works. */
export interface Preview {
  id: string
  staff: { name: string }
  organisation: { name: string }
  incident: { number: string; subject: string }
  codeExpiresAt: string
}

/** The session as one of its sides reads it (`GET /api/remote-views/{id}`). */
export interface Session extends Preview {
  state: 'waiting' | 'open' | 'ended' | 'expired'
  side: 'staff' | 'customer'
  consentedAt: string | null
  endedAt: string | null
  /** Which side ended it; null while it runs. */
  endedBy: 'customer' | 'staff' | null
  lastSignal: number
}

export type PageState =
  /** `hasDeclined`: the customer just chose "Not now"; the page confirms nothing started. */
  | { step: 'entering'; hasDeclined?: boolean }
  | { step: 'preview'; code: string; preview: Preview }
  | { step: 'open'; session: Session; token: string }
  | { step: 'ended'; session: Session }
  /** The code ran out, or was used elsewhere, before this page consented. */
  | { step: 'expired'; message: string }

export type PageEvent =
  /** The server knew the code. */
  | { type: 'found'; code: string; preview: Preview }
  /** The customer chose "Not now", or wants to enter another code. */
  | { type: 'back' }
  | { type: 'consented'; session: Session; token: string }
  /** The code no longer opens the session (410 at consent, or its time ran out on the page). */
  | { type: 'refused'; message: string }
  /** The server's current state of the open session: read by polling, or the answer to ending it. */
  | { type: 'session'; session: Session }

export const ENTERING: PageState = { step: 'entering' }

/** The state after `event`; an event that does not fit the state (a late poll after ending) changes nothing. */
export function nextState(state: PageState, event: PageEvent): PageState {
  switch (event.type) {
    case 'found':
      return state.step === 'entering' ? { step: 'preview', code: event.code, preview: event.preview } : state
    case 'back':
      if (state.step === 'preview') return { step: 'entering', hasDeclined: true }
      return state.step === 'ended' || state.step === 'expired' ? ENTERING : state
    case 'consented':
      return state.step === 'preview' ? { step: 'open', session: event.session, token: event.token } : state
    case 'refused':
      return state.step === 'preview' ? { step: 'expired', message: event.message } : state
    case 'session':
      if (state.step !== 'open') return state
      return event.session.state === 'open' ? { ...state, session: event.session } : { step: 'ended', session: event.session }
  }
}

/** The code as the server wants it: the digits without the spaces people type between them. @example codeOf(' 123 456 ') === '123456' */
export function codeOf(typed: string): string {
  return typed.replace(/\s+/g, '')
}

/** Whether the typed text can be a code at all: six digits. Anything else is not sent, so it never counts as a wrong try. */
export function isCodeShaped(typed: string): boolean {
  return /^\d{6}$/.test(codeOf(typed))
}

/** Whether the preview's code has run out at `now`: the page then says so instead of asking for consent. */
export function isCodeExpired(preview: Pick<Preview, 'codeExpiresAt'>, now: Date): boolean {
  return now.getTime() >= new Date(preview.codeExpiresAt).getTime()
}

/** What survives a reload of the page in sessionStorage: the open session and the token that speaks for it. */
export interface Saved {
  id: string
  token: string
}

/** The saved session in `text`, or undefined when there is none or it is not one. */
export function savedFrom(text: string | null): Saved | undefined {
  if (!text) return undefined
  try {
    const value = JSON.parse(text) as Partial<Saved> | null
    return typeof value?.id === 'string' && typeof value.token === 'string' ? { id: value.id, token: value.token } : undefined
  } catch {
    return undefined
  }
}
