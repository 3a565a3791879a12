/** English: the kinds of incident, one word each, as the portal, the console and the widget's form name them. */
import type { kind as nl } from '../nl/kind.ts'
import type { Translation } from '../types.ts'

export const bug = 'Bug'
export const outage = 'Outage'
export const wish = 'Wish'
export const question = 'User question'

export const kind = { bug, outage, wish, question } satisfies Translation<typeof nl>
