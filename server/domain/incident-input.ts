/** What a registration must hold (widget or portal): the schema apart from the incident rules, so records can name its type without a cycle. */
import { z } from 'zod'
import { INCIDENT_KINDS, Language } from './desk.ts'

const text = (min: number, max: number) => z.string().trim().min(min).max(max)

/**
 * A registration from the widget or the portal. The server decides everything else: number,
 * status, team and (later, at triage) the priority.
 */
export const IncidentInput = z.strictObject({
  /** The requester's name as they typed it. */
  name: text(2, 120),
  /** Their e-mail address: the confirmation goes there, and it decides the organisation. */
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  /** bug (fout), outage (storing), wish (wens) or question (gebruikersvraag). */
  kind: z.enum(INCIDENT_KINDS),
  /** A product area key from desk.yaml. */
  productArea: z.string().max(40),
  subject: text(3, 200),
  description: text(10, 10_000),
  /** The KB search that led here; default none. */
  kbQuery: text(0, 200).optional(),
  /** Translation keys of the articles the visitor was shown; default none. */
  kbArticles: z.array(z.string().max(120)).max(20).default([]),
  /** Language of the e-mails; default Dutch. */
  lang: Language.default('nl'),
  /** A field people never see: a bot that fills it is thanked and ignored. */
  website: z.string().max(200).optional(),
})
export type IncidentInput = z.input<typeof IncidentInput>
export type ParsedIncidentInput = z.output<typeof IncidentInput>
