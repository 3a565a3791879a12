/** The least time a person takes to fill in an anonymous form: a faster submission is taken for a bot, as a filled honeypot is. */
import { z } from 'zod'

/**
 * Milliseconds a person needs at least, per form. The incident form asks for a name, an address,
 * a kind, a subject and a description of ten characters or more: nobody types that in 3 s. The
 * sign-in form has one field a browser may fill in by itself, so its bar is lower.
 */
export const MIN_FILL_MS = { incident: 3_000, signIn: 1_500 } as const

/** How long the form was open before it was sent; absent from older clients, which are let through. */
export const FillTime = z.number().nonnegative().max(1e12)
  .meta({ description: 'Milliseconds between showing the form and sending it, as the browser measured it. A submission faster than a person can type gets the usual answer and nothing happens. Default none: a client that leaves it out (an older widget) is not held to it.', example: 48_000 })

/**
 * Whether a submission came faster than a person could have filled the form in. A missing time
 * (an older widget, a script of the customer's own) is not too quick: the honeypot and the rate
 * limits still hold those.
 * @example isTooQuick(800, MIN_FILL_MS.incident) === true
 */
export function isTooQuick(fillMs: number | undefined, minimumMs: number): boolean {
  return fillMs !== undefined && fillMs < minimumMs
}
