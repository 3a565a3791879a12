/** Who did something, as every reply names them: by name and kind, never by id. */
import { z } from 'zod'

/** A contact, a staff member, or the desk itself (a "system" step, or someone no longer on record). */
export const ActorReply = z.object({
  kind: z.enum(['contact', 'staff', 'system']).meta({ description: '`system` for the desk itself, or for someone no longer on record.' }),
  name: z.string().meta({ description: 'Their name; the desk\'s name for `system`.' }),
}).meta({ id: 'Actor', description: 'Who did something, by name.' })
export type ActorReply = z.infer<typeof ActorReply>
