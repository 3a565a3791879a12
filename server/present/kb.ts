/** Replies of the KnowledgeBase routes: an anonymous record kept. */
import { z } from 'zod'

/** The answer to a vote or search event: it was kept; nothing else is said. */
export const Recorded = z.strictObject({
  recorded: z.literal(true).meta({ description: 'Always true: the record was kept.' }),
}).meta({ id: 'Recorded', description: 'An anonymous record was kept.' })
export type Recorded = z.infer<typeof Recorded>

/** The reply once a record is kept. */
export const presentRecorded = (): Recorded => ({ recorded: true })
