/** The desk configuration (content/desk.yaml): its schema and the types the rules compute with. */
import { z } from 'zod'
import { LANGUAGES } from '#lib/language.ts'
import { AA_TEXT, contrast, formatRatio, HEX_COLOUR, THEME } from '#lib/contrast.ts'
import { WEEKDAYS } from './weekdays.ts'

/** A text in both languages of the desk. */
export const Localized = z.strictObject({
  /** Dutch, the default language. */
  nl: z.string().min(1),
  /** English, the second language. */
  en: z.string().min(1),
})
export type Localized = z.infer<typeof Localized>

export { LANGUAGES }
/** One of the desk's languages, as a schema (the list is lib/language.ts's). */
export const Language = z.enum(LANGUAGES)
export type Language = z.infer<typeof Language>

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time as HH:MM, e.g. "08:30"' })
const isoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD, e.g. 2026-12-24' })
const key = z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a lowercase key with hyphens, e.g. "first-line"' })

/** Opening and closing time of one day, local time; closing after opening. */
export const DayHours = z
  .strictObject({ open: clockTime, close: clockTime })
  .refine((d) => d.open < d.close, { error: 'close must be later than open', path: ['close'] })
export type DayHours = z.infer<typeof DayHours>


/** Dutch public holidays the desk can close on, by a stable key. */
export const HOLIDAYS = [
  'newYearsDay', 'goodFriday', 'easterSunday', 'easterMonday', 'kingsDay', 'liberationDay',
  'ascensionDay', 'whitSunday', 'whitMonday', 'christmasDay', 'boxingDay',
] as const
export const HolidayKey = z.enum(HOLIDAYS)
export type HolidayKey = z.infer<typeof HolidayKey>

/** A published exception on one date: closed, or open with other hours. */
export const DeskException = z.union([
  z.strictObject({ date: isoDate, closed: z.literal(true), note: Localized }),
  z.strictObject({ date: isoDate, open: clockTime, close: clockTime, note: Localized })
    .refine((d) => d.open < d.close, { error: 'close must be later than open', path: ['close'] }),
], { error: 'an exception is either { date, closed: true, note } or { date, open, close, note }' })
export type DeskException = z.infer<typeof DeskException>

/** How the target of a priority is measured. */
export const PriorityTarget = z.union([
  z.strictObject({ businessHours: z.number().positive() }),
  z.strictObject({ closeOfNextBusinessDay: z.literal(true) }),
  z.strictObject({ none: z.literal(true) }),
], { error: 'a target is { businessHours: N }, { closeOfNextBusinessDay: true } or { none: true }' })
export type PriorityTarget = z.infer<typeof PriorityTarget>

export const PriorityLevel = z.number().int().min(1).max(5)
export type Priority = z.infer<typeof PriorityLevel>

export const PriorityDefinition = z.strictObject({
  /** 1 (production down) to 5 (wish). */
  level: PriorityLevel,
  /** Only organisations with a First Class subscription may get this priority; default no. */
  firstClassOnly: z.boolean().default(false),
  target: PriorityTarget,
  name: Localized,
  description: Localized,
  /** The target in words, as customers read it. */
  targetText: Localized,
})
export type PriorityDefinition = z.infer<typeof PriorityDefinition>

const Named = z.strictObject({ key, name: Localized })

export const INCIDENT_KINDS = ['bug', 'outage', 'wish', 'question'] as const
export const IncidentKind = z.enum(INCIDENT_KINDS)

export const RoutingRule = z.strictObject({
  /** Conditions that must all hold; none means the rule matches everything. */
  when: z.strictObject({
    kind: z.array(IncidentKind).min(1).optional(),
    productArea: z.array(key).min(1).optional(),
  }).optional(),
  /** The team the incident goes to. */
  team: key,
})

/** How the desk looks wherever customers and staff meet it: logo and primary colour (the name is the desk's `name`). */
export const BrandConfig = z.strictObject({
  /**
   * The KnowledgeBase's name in its header and page titles (and on the pages opened from e-mails),
   * per language. Default: the desk's `name`.
   * @example siteName: { nl: Noordwind Kennisbank, en: Noordwind Knowledge Base }
   */
  siteName: Localized.optional(),
  /**
   * An SVG file in the content folder, shown beside the name; a plain drawing (no scripts, event
   * handlers, styles or outside links: the build refuses them). Default: none, the name alone.
   * @example logo: logo.svg
   */
  logo: z.string()
    .regex(/^(?!\/)(?!.*\.\.)[\w./-]+\.svg$/i, { error: 'expected the path of an .svg file inside the content folder, e.g. "logo.svg"' })
    .optional(),
  /**
   * The primary colour as #rrggbb: buttons carry white text on it and links take it on the white
   * page, so it needs WCAG AA contrast (4.5:1) with white. Default the Loket blue #0b5394.
   */
  primaryColor: z.string().regex(HEX_COLOUR, { error: 'expected a colour as #rrggbb, e.g. "#0b5394"' }),
})
export type BrandConfig = z.infer<typeof BrandConfig>

export const DeskConfig = z.strictObject({
  name: Localized,
  /** The brand: logo and primary colour; default no logo and the Loket blue. */
  brand: BrandConfig.default({ primaryColor: '#0b5394' }),
  /** IANA time zone of the desk, e.g. Europe/Amsterdam. */
  timeZone: z.string().refine(isTimeZone, { error: 'expected an IANA time zone, e.g. Europe/Amsterdam' }),
  phone: z.strictObject({ display: z.string().min(6), international: z.string().regex(/^\+[\d ]{6,20}$/) }),
  email: z.email(),
  /**
   * Where editors change the articles: the repository's edit URL that a file path completes, e.g.
   * "https://github.com/noordwind/kb/edit/main/". Absent: no "edit this article" link.
   */
  editUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Regular hours per weekday; a weekday that is left out is closed. */
  hours: z.partialRecord(z.enum(WEEKDAYS), DayHours),
  holidays: z.strictObject({ country: z.literal('NL'), closed: z.array(HolidayKey) }),
  exceptions: z.array(DeskException).default([]),
  priorities: z.array(PriorityDefinition).length(5, { error: 'expected exactly five priorities, 1 to 5' }),
  productAreas: z.array(Named).min(1),
  teams: z.array(Named).min(1),
  routing: z.array(RoutingRule).min(1),
  process: z.strictObject({
    reopenWithinDays: z.number().int().positive(),
    complaintResponseBusinessHours: z.number().positive(),
    extraSupportLeadDays: z.number().int().positive(),
  }),
  /** The complaints desk: who handles complaints and opinions, and when a pending response counts as nearing its target. */
  complaints: z.strictObject({
    /** The handlers' e-mail addresses (staff of the desk): each is mailed every new complaint or opinion, and again when a response nears its target. */
    handlers: z.array(z.email({ error: 'expected an e-mail address of a complaints handler, e.g. ruud@noordwind.example' }))
      .min(1, { error: 'name at least one complaints handler: an e-mail address of a staff member who answers complaints' }),
    /** Business hours before a complaint's response is due at which it counts as nearing: the console marks it and the handlers get one reminder. */
    nearingBusinessHours: z.number().positive({ error: 'expected a number of business hours above 0, e.g. 2' }),
  }, { error: 'add complaints: { handlers: [e-mail, …], nearingBusinessHours: N }: who answers complaints, and how many business hours before the due time they are reminded' }),
  /** What staff are told of (server/services/notifications.ts); default: an hour's lead, complaints to the first team. */
  notifications: z.strictObject({
    /** Business minutes before its target that an incident counts as near it, and its assignee is told once. */
    nearingTargetMinutes: z.number({ error: 'expected business minutes before the target, e.g. 60' }).int().positive().max(2_400),
    /** The team told of a complaint about no incident (one about an incident goes to that incident's team); default the first team. */
    complaintTeam: key.optional(),
  }).default({ nearingTargetMinutes: 60 }),
  signals: z.strictObject({
    windowDays: z.number().int().positive(),
    thresholds: z.array(z.strictObject({
      kind: z.enum([...INCIDENT_KINDS, 'any']),
      /** What is counted: `contact_moments` (registrations, customer reactions and phone contacts, each as the kind of its incident) or `incidents` (registrations only). */
      of: z.enum(['contact_moments', 'incidents'], { error: 'say what the threshold counts: of: contact_moments (registrations, reactions and phone contacts) or of: incidents (registrations only)' }),
      count: z.number().int().positive(),
    })).min(1),
  }),
}).superRefine((desk, ctx) => {
  const primary = desk.brand.primaryColor
  if (HEX_COLOUR.test(primary)) {
    const onWhite = contrast(primary, '#ffffff')
    const onPage = contrast(primary, THEME.light.paper)
    const ratio = Math.min(onWhite, onPage)
    if (ratio < AA_TEXT) {
      ctx.addIssue({ code: 'custom', path: ['brand', 'primaryColor'], message: `${primary} has a contrast of ${formatRatio(onWhite)} with white text on it and ${formatRatio(onPage)} as link colour on the page background ${THEME.light.paper}; WCAG AA needs at least ${AA_TEXT}:1: choose a darker colour` })
    }
  }
  desk.priorities.forEach((p, i) => {
    if (p.level !== i + 1) ctx.addIssue({ code: 'custom', path: ['priorities', i, 'level'], message: `expected level ${i + 1}: list the priorities in order 1 to 5` })
  })
  const areas = new Set(desk.productAreas.map((a) => a.key))
  const teams = new Set(desk.teams.map((t) => t.key))
  desk.routing.forEach((rule, i) => {
    if (!teams.has(rule.team)) ctx.addIssue({ code: 'custom', path: ['routing', i, 'team'], message: `unknown team "${rule.team}": add it under teams` })
    rule.when?.productArea?.forEach((a, j) => {
      if (!areas.has(a)) ctx.addIssue({ code: 'custom', path: ['routing', i, 'when', 'productArea', j], message: `unknown product area "${a}": add it under productAreas` })
    })
  })
  const complaintTeam = desk.notifications.complaintTeam
  if (complaintTeam && !teams.has(complaintTeam)) ctx.addIssue({ code: 'custom', path: ['notifications', 'complaintTeam'], message: `unknown team "${complaintTeam}": add it under teams` })
  const last = desk.routing.at(-1)
  if (last?.when && Object.keys(last.when).length > 0) {
    ctx.addIssue({ code: 'custom', path: ['routing', desk.routing.length - 1], message: 'the last routing rule must match everything (leave out "when")' })
  }
  desk.complaints.handlers.forEach((email, i) => {
    if (desk.complaints.handlers.findIndex((other) => other.toLowerCase() === email.toLowerCase()) < i) ctx.addIssue({ code: 'custom', path: ['complaints', 'handlers', i], message: `${email} is named twice` })
  })
  if (desk.complaints.nearingBusinessHours >= desk.process.complaintResponseBusinessHours) {
    ctx.addIssue({ code: 'custom', path: ['complaints', 'nearingBusinessHours'], message: `must be less than process.complaintResponseBusinessHours (${desk.process.complaintResponseBusinessHours}): else every complaint is nearing as soon as it arrives` })
  }
  const seen = new Set<string>()
  desk.exceptions.forEach((e, i) => {
    if (seen.has(e.date)) ctx.addIssue({ code: 'custom', path: ['exceptions', i, 'date'], message: `${e.date} has more than one exception` })
    seen.add(e.date)
  })
})
export type DeskConfig = z.infer<typeof DeskConfig>
export type DeskConfigInput = z.input<typeof DeskConfig>

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
