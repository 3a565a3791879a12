/** The e-mails of the support process as pure functions: subject, plain text and escaped HTML, in nl or en. */
import { type BusinessCalendar, statusAt } from '#domain/calendar.ts'
import type { DeskConfig } from '#domain/desk.ts'
import { type Key, t, translator } from '#lib/i18n/index.ts'
import type { Language } from '#lib/language.ts'
import type { ComplaintStatus, FeedbackKind, IncidentStatus } from '#domain/records.ts'
import { escapeHtml } from '#lib/escape-html.ts'
import { dayAndTime } from '#lib/date-format.ts'

/** What every template needs: the desk, where it is reached, and the recipient's language. */
export interface TemplateContext {
  desk: DeskConfig
  /** Where the KB and API are reached from outside, e.g. https://support.example.nl */
  baseUrl: string
  /** The recipient's language; Dutch when unknown. */
  lang?: Language
  /** When the mail is written and the desk's calendar: a mail that invites calling says when the desk opens while it is closed. Default unknown: it speaks as if the desk were open. */
  now?: Date
  calendar?: BusinessCalendar
}

/** One rendered e-mail: the plain text is always there, the HTML carries the same content. */
export interface MailContent {
  subject: string
  text: string
  html: string
}

/** One piece of a mail body; rendered once as text and once as HTML. */
type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'link'; label: string; href: string }
  | { kind: 'quote'; title: string; text: string }

/** The key of each incident status's name as customers read it (the portal's words, not the console's). */
const STATUS_NAME = {
  awaiting_confirmation: 'status.awaitingConfirmation',
  new: 'status.new',
  in_progress: 'status.inProgress',
  waiting_for_customer: 'status.waitingForYourReply',
  resolved: 'status.resolved',
  closed: 'status.closed',
} as const satisfies Record<IncidentStatus, Key>

/** What the status mail adds to each status. */
const STATUS_EXPLAIN = {
  awaiting_confirmation: 'mail.statusChanged.explain.awaitingConfirmation',
  new: 'mail.statusChanged.explain.new',
  in_progress: 'mail.statusChanged.explain.inProgress',
  waiting_for_customer: 'mail.statusChanged.explain.waitingForCustomer',
  resolved: 'mail.statusChanged.explain.resolved',
  closed: 'mail.statusChanged.explain.closed',
} as const satisfies Record<IncidentStatus, Key>

const COMPLAINT_STATUS_NAME = { received: 'status.received', in_progress: 'status.inProgress', resolved: 'status.handled' } as const satisfies Record<ComplaintStatus, Key>
const FEEDBACK_KIND_NAME = { complaint: 'mail.complaint.kind.complaint', opinion: 'mail.complaint.kind.opinion' } as const satisfies Record<FeedbackKind, Key>

/** The name of a status as customers read it, e.g. "In behandeling"; Dutch by default. */
export function statusName(status: IncidentStatus, lang: Language = 'nl'): string {
  return t(lang, STATUS_NAME[status])
}

/** "Confirm your request": the single-use link that turns a widget submission into an incident. */
export function confirmRegistration(
  ctx: TemplateContext,
  p: { name: string; subject: string; confirmUrl: string; expiresHours: number },
): MailContent {
  const tr = translator(lang(ctx))
  return render(ctx, tr('mail.confirm.subject', { subject: oneLine(p.subject) }), p.name, [
    paragraph(tr('mail.confirm.intro', { subject: p.subject })),
    link(tr('mail.confirm.button'), p.confirmUrl),
    paragraph(tr('mail.confirm.expiry', { hours: tr(p.expiresHours === 1 ? 'mail.hours.one' : 'mail.hours.other', { n: p.expiresHours }) })),
    paragraph(tr('mail.notYou')),
  ])
}

/**
 * The reply to an address that is no authorised contact: whom to ask. It carries no link, so a
 * stranger's address cannot be used to file anything.
 */
export function notAuthorised(ctx: TemplateContext, p: { name: string }): MailContent {
  const tr = translator(lang(ctx))
  return render(ctx, tr('mail.notAuthorised.subject', { desk: deskName(ctx) }), p.name, [
    paragraph(tr('mail.notAuthorised.intro')),
    paragraph(tr('mail.notAuthorised.reason')),
    paragraph(tr('mail.notAuthorised.action')),
    paragraph(tr('mail.notYou')),
  ])
}

/** The incident is registered: its number, the desk's busyness notice while one runs, the link to follow it, and the phone route when acute (while closed: from when). */
export function incidentRegistered(
  ctx: TemplateContext,
  p: { name: string; number: string; subject: string; trackUrl: string; busyNotice?: string },
): MailContent {
  const tr = translator(lang(ctx))
  return render(ctx, tr('mail.registered.subject', { number: p.number, subject: oneLine(p.subject) }), p.name, [
    paragraph(tr('mail.registered.intro', { number: p.number, subject: p.subject })),
    // Exceptional busyness: the desk's own words, introduced by ours.
    ...(p.busyNotice ? [{ kind: 'quote' as const, title: tr('mail.registered.busy'), text: p.busyNotice }] : []),
    paragraph(tr('mail.registered.follow')),
    link(tr('mail.registered.button'), p.trackUrl),
    paragraph(acute(ctx, p.number)),
  ])
}

/**
 * A status change, optionally with a public message from support. A resolved incident says that
 * a reply within `desk.process.reopenWithinDays` days reopens it.
 */
export function statusChanged(
  ctx: TemplateContext,
  p: { name: string; number: string; subject: string; status: IncidentStatus; trackUrl: string; message?: string },
): MailContent {
  const language = lang(ctx)
  const tr = translator(language)
  const status = statusName(p.status, language)
  const blocks: Block[] = [
    paragraph(tr('mail.statusChanged.intro', { number: p.number, subject: p.subject, status })),
    // Only the resolved text has a placeholder (the reopen window); the others ignore the value.
    paragraph(tr(STATUS_EXPLAIN[p.status], { days: ctx.desk.process.reopenWithinDays })),
  ]
  if (p.message?.trim()) blocks.push({ kind: 'quote', title: tr('mail.statusChanged.messageTitle'), text: p.message.trim() })
  blocks.push(link(tr('mail.statusChanged.button'), p.trackUrl))
  return render(ctx, tr('mail.statusChanged.subject', { number: p.number, status, subject: oneLine(p.subject) }), p.name, blocks)
}

/**
 * To an admin of the organisation: a person called support who is not (or no longer) an authorised
 * contact, so support could not help; how to authorise them in the portal.
 */
export function callerNotAuthorised(
  ctx: TemplateContext,
  p: { name: string; callerName: string; callerEmail: string; staffName: string; isDeactivated: boolean; portalUrl: string },
): MailContent {
  const tr = translator(lang(ctx))
  const caller = p.callerName
  return render(ctx, tr('mail.callerNotAuthorised.subject', { caller: oneLine(caller) }), p.name, [
    paragraph(tr('mail.callerNotAuthorised.intro', { caller, email: p.callerEmail, desk: deskName(ctx), staff: p.staffName })),
    paragraph(tr(p.isDeactivated ? 'mail.callerNotAuthorised.deactivated' : 'mail.callerNotAuthorised.notAuthorised', { caller })),
    paragraph(tr('mail.callerNotAuthorised.how', { caller })),
    link(tr('mail.callerNotAuthorised.button'), p.portalUrl),
    paragraph(tr('mail.callerNotAuthorised.ignore', { caller })),
  ])
}

/** A single-use link to sign in to the portal. */
export function signInLink(ctx: TemplateContext, p: { name: string; signInUrl: string; expiresMinutes: number }): MailContent {
  const tr = translator(lang(ctx))
  return render(ctx, tr('mail.signIn.subject', { desk: deskName(ctx) }), p.name, [
    paragraph(tr('mail.signIn.intro', { desk: deskName(ctx) })),
    link(tr('mail.signIn.button'), p.signInUrl),
    paragraph(tr('mail.signIn.expiry', { minutes: tr(p.expiresMinutes === 1 ? 'mail.minutes.one' : 'mail.minutes.other', { n: p.expiresMinutes }) })),
    paragraph(tr('mail.notYou')),
  ])
}

/**
 * No sign-in link for a known contact who may not sign in: why (not authorised, or deactivated), and
 * whom to ask: their organisation's admins by name, or the desk when it has none.
 */
export function signInRefused(
  ctx: TemplateContext,
  p: { name: string; organisation: string; reason: 'not_authorised' | 'deactivated'; admins: { name: string; email: string }[] },
): MailContent {
  const tr = translator(lang(ctx))
  const why = tr(p.reason === 'deactivated' ? 'mail.signInRefused.deactivated' : 'mail.signInRefused.notAuthorised', { organisation: oneLine(p.organisation) })
  const whom = p.admins.length > 0
    ? tr('mail.signInRefused.askAdmins', { admins: p.admins.map((a) => `${oneLine(a.name)} (${a.email})`).join(', ') })
    : tr('mail.signInRefused.askDesk', { phone: ctx.desk.phone.display, email: ctx.desk.email })
  return render(ctx, tr('mail.signInRefused.subject', { desk: deskName(ctx) }), p.name, [
    paragraph(`${tr('mail.signInRefused.intro', { desk: deskName(ctx) })} ${why}`),
    paragraph(whom),
    paragraph(tr('mail.notYou')),
  ])
}

/** The receipt of a complaint (with its number and when the response is due) or an opinion. */
export function complaintReceived(
  ctx: TemplateContext,
  p: { name: string; kind: FeedbackKind; number: string; subject: string; dueAt: Date | null; trackUrl: string },
): MailContent {
  const language = lang(ctx)
  const tr = translator(language)
  const kind = tr(FEEDBACK_KIND_NAME[p.kind])
  return render(ctx, tr('mail.complaint.receivedSubject', { kind, number: p.number, subject: oneLine(p.subject) }), p.name, [
    paragraph(tr('mail.complaint.receivedIntro', { kind, number: p.number, subject: p.subject })),
    paragraph(p.dueAt ? tr('mail.complaint.due', { when: moment(p.dueAt, ctx.desk.timeZone, language) }) : tr('mail.complaint.thanks')),
    link(tr('mail.complaint.button'), p.trackUrl),
  ])
}

/** A complaint's new status or a reply from support. */
export function complaintChanged(
  ctx: TemplateContext,
  p: { name: string; kind: FeedbackKind; number: string; subject: string; status: ComplaintStatus; reply?: string; trackUrl: string },
): MailContent {
  const tr = translator(lang(ctx))
  const status = tr(COMPLAINT_STATUS_NAME[p.status])
  const blocks: Block[] = [paragraph(tr('mail.complaint.changedIntro', { kind: tr(FEEDBACK_KIND_NAME[p.kind]), number: p.number, subject: p.subject, status }))]
  if (p.reply?.trim()) blocks.push({ kind: 'quote', title: tr('mail.complaint.replyTitle'), text: p.reply.trim() })
  blocks.push(link(tr('mail.complaint.button'), p.trackUrl))
  return render(ctx, tr('mail.complaint.changedSubject', { number: p.number, status, subject: oneLine(p.subject) }), p.name, blocks)
}

/** A moment as the recipient reads it in the desk's time zone. @example "dinsdag 1 december om 10:00" */
export function moment(at: Date, timeZone: string, language: Language): string {
  return t(language, 'mail.moment', dayAndTime(at, timeZone, language))
}

/** "Call now" only while the desk is open: closed, the mail says when it opens (or to call during opening hours). */
function acute(ctx: TemplateContext, number: string): string {
  const language = lang(ctx)
  const phone = { phone: ctx.desk.phone.display, international: ctx.desk.phone.international, number }
  const status = ctx.calendar && ctx.now ? statusAt(ctx.calendar, ctx.now) : undefined
  if (!status || status.isOpen) return t(language, 'mail.registered.acute', phone)
  if (!status.changesAt) return t(language, 'mail.registered.acuteClosedNoOpening', { ...phone, baseUrl: ctx.baseUrl })
  return t(language, 'mail.registered.acuteClosed', { ...phone, opens: moment(status.changesAt, ctx.desk.timeZone, language) })
}

const lang = (ctx: TemplateContext): Language => ctx.lang ?? 'nl'
const deskName = (ctx: TemplateContext) => ctx.desk.name[lang(ctx)]
const paragraph = (text: string): Block => ({ kind: 'paragraph', text })
const link = (label: string, href: string): Block => ({ kind: 'link', label, href })

/** Customer text in a subject line: one line, so it cannot add header lines or look broken. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function render(ctx: TemplateContext, subject: string, name: string, body: Block[]): MailContent {
  const language = lang(ctx)
  const tr = translator(language)
  const footer = tr('mail.footer', { desk: deskName(ctx), phone: ctx.desk.phone.display, baseUrl: ctx.baseUrl })
  const greeting = oneLine(name) ? tr('mail.greeting', { name: oneLine(name) }) : tr('mail.greetingUnknown')
  const closing = tr('mail.closing')
  // The brand's colour from desk.yaml: checked at load for AA contrast with the white text on it.
  const primary = escapeHtml(ctx.desk.brand.primaryColor)

  const text = [
    greeting,
    ...body.map((b) => {
      switch (b.kind) {
        case 'paragraph': return b.text
        case 'link': return `${b.label}:\n${b.href}`
        case 'quote': return `${b.title}\n${b.text.split(/\r?\n/).map((line) => `> ${line}`).join('\n')}`
      }
    }),
    `${closing}\n${deskName(ctx)}`,
    `-- \n${footer}`,
  ].join('\n\n')

  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:40em">',
    `<p style="margin:0 0 1.5em;padding:0 0 .5em;border-bottom:3px solid ${primary};font-size:17px;font-weight:700;color:${primary}">${escapeHtml(deskName(ctx))}</p>`,
    `<p>${escapeHtml(greeting)}</p>`,
    ...body.map((b) => {
      switch (b.kind) {
        case 'paragraph': return `<p>${escapeHtml(b.text)}</p>`
        case 'link': return `<p><a href="${escapeHtml(b.href)}" style="display:inline-block;padding:.5em 1em;background:${primary};color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(b.label)}</a></p><p style="font-size:13px;color:#555;word-break:break-all">${escapeHtml(b.href)}</p>`
        case 'quote': return `<p>${escapeHtml(b.title)}</p><blockquote style="margin:0 0 1em;padding:.5em 1em;border-left:3px solid #ccc;white-space:pre-wrap">${escapeHtml(b.text)}</blockquote>`
      }
    }),
    `<p>${escapeHtml(closing)}<br>${escapeHtml(deskName(ctx))}</p>`,
    `<p style="font-size:13px;color:#555">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n')

  return { subject, text, html }
}

/** The personal remote-view code for the requester, and where to enter it. */
export function remoteViewCode(
  ctx: TemplateContext,
  p: { name: string; staffName: string; number: string; subject: string; code: string; minutes: number; pageUrl: string },
): MailContent {
  const tr = translator(lang(ctx))
  return render(ctx, tr('mail.remoteView.subject', { number: p.number }), p.name, [
    paragraph(tr('mail.remoteView.intro', { staff: p.staffName, number: p.number, subject: p.subject })),
    paragraph(tr('mail.remoteView.code', { code: p.code, minutes: p.minutes })),
    paragraph(tr('mail.remoteView.how')),
    link(tr('mail.remoteView.button'), p.pageUrl),
    paragraph(tr('mail.remoteView.notYou')),
  ])
}

/** A backup request for the organisation's admin to approve or decline in the portal. */
export function backupRequested(
  ctx: TemplateContext,
  p: { name: string; staffName: string; number: string; subject: string; reason: string; purgeDays: number; portalUrl: string },
): MailContent {
  const tr = translator(lang(ctx))
  return render(ctx, tr('mail.backup.subject', { number: p.number }), p.name, [
    paragraph(tr('mail.backup.intro', { staff: p.staffName, number: p.number, subject: p.subject })),
    { kind: 'quote', title: tr('mail.backup.reasonTitle'), text: p.reason },
    paragraph(tr('mail.backup.purge', { days: p.purgeDays })),
    link(tr('mail.backup.button'), p.portalUrl),
  ])
}

/** Support's decision on a request for extra support outside business hours. */
export function extraSupportDecided(
  ctx: TemplateContext,
  p: { name: string; isApproved: boolean; startsAt: Date; endsAt: Date; isBilled: boolean; note?: string | null; portalUrl: string },
): MailContent {
  const language = lang(ctx)
  const tr = translator(language)
  const span = { from: moment(p.startsAt, ctx.desk.timeZone, language), until: moment(p.endsAt, ctx.desk.timeZone, language) }
  const blocks: Block[] = [paragraph(tr(p.isApproved ? 'mail.extraSupport.approved' : 'mail.extraSupport.declined', span))]
  if (p.isApproved) blocks.push(paragraph(tr(p.isBilled ? 'mail.extraSupport.billed' : 'mail.extraSupport.free')))
  if (p.note?.trim()) blocks.push({ kind: 'quote', title: tr('mail.extraSupport.noteTitle'), text: p.note.trim() })
  blocks.push(link(tr('mail.extraSupport.button'), p.portalUrl))
  return render(ctx, tr(p.isApproved ? 'mail.extraSupport.subject.approved' : 'mail.extraSupport.subject.declined'), p.name, blocks)
}

/** A question from support on an incident: its own subject, the question quoted, and that the incident waits for the answer. */
export function supportQuestion(
  ctx: TemplateContext,
  p: { name: string; number: string; subject: string; question: string; trackUrl: string },
): MailContent {
  const tr = translator(lang(ctx))
  return render(ctx, tr('mail.question.subject', { number: p.number, subject: oneLine(p.subject) }), p.name, [
    paragraph(tr('mail.question.intro', { number: p.number, subject: p.subject })),
    { kind: 'quote', title: tr('mail.question.title'), text: p.question.trim() },
    paragraph(tr('mail.question.waiting')),
    link(tr('mail.question.button'), p.trackUrl),
  ])
}

/**
 * Welcome for a new contact: the portal's address, that signing in is by a mailed link, whether
 * they are authorised to file incidents, and who their organisation's admins are.
 */
export function contactWelcome(
  ctx: TemplateContext,
  p: { name: string; email: string; organisation: string; isAuthorised: boolean; isAdmin: boolean; admins: { name: string; email: string }[]; portalUrl: string },
): MailContent {
  const tr = translator(lang(ctx))
  const others = p.admins.filter((a) => a.email !== p.email)
  const blocks: Block[] = [
    paragraph(tr('mail.welcome.intro', { organisation: p.organisation, desk: deskName(ctx) })),
    paragraph(tr('mail.welcome.signIn', { email: p.email })),
    link(tr('mail.welcome.button'), p.portalUrl),
    paragraph(tr(p.isAuthorised ? 'mail.welcome.authorised' : 'mail.welcome.notAuthorised')),
  ]
  if (p.isAdmin) blocks.push(paragraph(tr('mail.welcome.adminSelf')))
  if (others.length > 0) blocks.push(paragraph(tr('mail.welcome.admins', { admins: others.map((a) => `${oneLine(a.name)} (${a.email})`).join(', ') })))
  return render(ctx, tr('mail.welcome.subject', { desk: deskName(ctx) }), p.name, blocks)
}

/** A new complaint or opinion, to a complaints handler named in desk.yaml: who sent what, when it is due, and the console's link. */
export function complaintForHandler(
  ctx: TemplateContext,
  p: { name: string; kind: FeedbackKind; number: string; subject: string; text: string; contactName: string; organisationName: string; dueAt: Date | null; consoleUrl: string },
): MailContent {
  const language = lang(ctx)
  const tr = translator(language)
  const kind = tr(FEEDBACK_KIND_NAME[p.kind])
  return render(ctx, tr('mail.complaintHandler.subject', { kind, number: p.number, organisation: oneLine(p.organisationName), subject: oneLine(p.subject) }), p.name, [
    paragraph(tr('mail.complaintHandler.intro', { contact: p.contactName, organisation: p.organisationName, kind, number: p.number, subject: p.subject })),
    paragraph(p.dueAt ? tr('mail.complaintHandler.due', { when: moment(p.dueAt, ctx.desk.timeZone, language) }) : tr('mail.complaintHandler.noDue')),
    { kind: 'quote', title: tr('mail.complaintHandler.textTitle'), text: p.text },
    link(tr('mail.complaintHandler.button'), p.consoleUrl),
    paragraph(tr('mail.complaintHandler.why')),
  ])
}

/** A complaint that nears its due time without a response, to a complaints handler: once per complaint. */
export function complaintNearing(
  ctx: TemplateContext,
  p: { name: string; number: string; subject: string; organisationName: string; dueAt: Date; assigneeName: string | null; consoleUrl: string },
): MailContent {
  const language = lang(ctx)
  const tr = translator(language)
  return render(ctx, tr('mail.complaintNearing.subject', { number: p.number }), p.name, [
    paragraph(tr('mail.complaintNearing.intro', { number: p.number, organisation: p.organisationName, subject: p.subject, when: moment(p.dueAt, ctx.desk.timeZone, language) })),
    paragraph(p.assigneeName ? tr('mail.complaintNearing.assignee', { name: p.assigneeName }) : tr('mail.complaintNearing.unassigned')),
    link(tr('mail.complaintHandler.button'), p.consoleUrl),
    paragraph(tr('mail.complaintHandler.why')),
  ])
}

/** The words of each kind of staff notification: its subject and what it says (a target nearing says when, below). */
const STAFF_NOTICE = {
  assigned: { subject: 'mail.staffNotice.assigned.subject', intro: 'mail.staffNotice.assigned.intro' },
  reaction: { subject: 'mail.staffNotice.reaction.subject', intro: 'mail.staffNotice.reaction.intro' },
  nearing: { subject: 'mail.staffNotice.nearing.subject', intro: null },
  complaint: { subject: 'mail.staffNotice.complaint.subject', intro: 'mail.staffNotice.complaint.intro' },
} as const

/**
 * A notification mailed to a staff member (assigned, a customer's reaction, a target nearing, a
 * complaint for their team), with a link into the console; `dueAt` for a target nearing.
 */
export function staffNotification(
  ctx: TemplateContext,
  p: { name: string; kind: 'assigned' | 'reaction' | 'nearing' | 'complaint'; number: string; subject: string; consoleUrl: string; dueAt?: Date | null },
): MailContent {
  const language = lang(ctx)
  const tr = translator(language)
  const words = STAFF_NOTICE[p.kind]
  const intro = words.intro === null
    ? tr('mail.staffNotice.nearing.intro', { number: p.number, subject: p.subject, due: p.dueAt ? moment(p.dueAt, ctx.desk.timeZone, language) : '' })
    : tr(words.intro, { number: p.number, subject: p.subject })
  return render(ctx, tr(words.subject, { number: p.number, subject: oneLine(p.subject) }), p.name, [
    paragraph(intro),
    link(tr('mail.staffNotice.button'), p.consoleUrl),
    paragraph(tr('mail.staffNotice.settings')),
  ])
}
