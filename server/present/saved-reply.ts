/** What the console learns of saved replies: each whole (who saved it last stays in the record), and one filled for an incident. */
import { z } from 'zod'
import { LANGUAGES } from '../domain/desk.ts'
import type { SavedReply } from '../domain/records.ts'

const both = (what: string) => z.object({ nl: z.string(), en: z.string() }).meta({ description: `${what}, in Dutch and in English.` })

/** A saved reply as staff see it. */
export const SavedReplyReply = z.object({
  id: z.uuid(),
  team: z.string().nullable().meta({ description: 'The team (desk.yaml) it is for; null: for every team.' }),
  title: both('What the picker lists it by'),
  body: both('The text, with placeholders such as `{{contact.name}}`'),
  updatedAt: z.iso.datetime(),
}).meta({ id: 'SavedReply', description: 'A saved reply support inserts into a reply.' })
export type SavedReplyReply = z.infer<typeof SavedReplyReply>

/** The saved replies the caller may use, and whether they may manage them. */
export const SavedRepliesReply = z.object({
  savedReplies: z.array(SavedReplyReply),
  mayManage: z.boolean().meta({ description: 'Whether the caller (a console admin) may create, change and remove them.' }),
}).meta({ id: 'SavedReplies', description: 'The saved replies the caller may use: their teams\' and the general ones (an admin: every one).' })

/** A saved reply filled for one incident. */
export const FilledSavedReply = z.object({
  id: z.uuid(),
  lang: z.enum(LANGUAGES).meta({ description: 'The requester\'s language, which the text is in.' }),
  text: z.string().meta({ description: 'The body in that language, its placeholders filled for the incident.' }),
}).meta({ id: 'FilledSavedReply', description: 'A saved reply\'s text for one incident, ready to insert into a reply.' })

/** The saved reply as the API shows it. */
export const presentSavedReply = ({ id, team, title, body, updatedAt }: SavedReply): SavedReplyReply => ({ id, team, title, body, updatedAt })
