/** What a registration must hold (widget or portal): the schema apart from the incident rules, so records can name its type without a cycle. */
import { z } from 'zod'
import { INCIDENT_KINDS, Language } from './desk.ts'
import { FillTime } from './fill-time.ts'
import { personName, subjectLine } from './names.ts'
import { MAX_SHOWN_ARTICLES } from '#lib/search/shown-articles.ts'

const text = (min: number, max: number) => z.string().trim().min(min).max(max)

/** A registration from the widget or the portal; the server decides everything else. */
export const IncidentInput = z.strictObject({
  name: personName().meta({ description: 'The requester\'s name as they typed it, with at least one letter; kept composed (NFC), trimmed, without direction controls or zero-width characters.' }),
  email: z.email().max(254).transform((e) => e.toLowerCase())
    .meta({ description: 'Their e-mail address: the confirmation goes there, and it decides the organisation. Compared in lower case.' }),
  kind: z.enum(INCIDENT_KINDS).meta({ description: 'bug (fout), outage (storing), wish (wens) or question (gebruikersvraag).' }),
  productArea: z.string().max(40).meta({ description: 'A product area key from desk.yaml: finance, inventory, sales, payroll or platform as shipped.' }),
  subject: subjectLine(3, 200).meta({ description: 'What it is about, in a line, with a letter or digit; kept composed (NFC), trimmed, without direction controls.' }),
  description: text(10, 10_000),
  kbQuery: text(0, 200).optional().meta({ description: 'The KnowledgeBase search that led here; default none.' }),
  kbArticles: z.array(z.string().max(120)).max(MAX_SHOWN_ARTICLES).default([]).meta({ description: 'Translation keys of the articles the visitor was shown; default none.' }),
  lang: Language.default('nl').meta({ description: 'Language of the e-mails; default Dutch.' }),
  website: z.string().max(200).optional()
    .meta({ description: 'A field people never see: leave it out. A request that fills it is taken for a bot.' }),
  /** How long the form was open, in milliseconds; default none (not checked). */
  fillMs: FillTime.optional(),
})
export type IncidentInput = z.input<typeof IncidentInput>
export type ParsedIncidentInput = z.output<typeof IncidentInput>
