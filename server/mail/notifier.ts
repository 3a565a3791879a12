/** The e-mails of the support process: which template, to whom, once per event, via the durable outbox. */
import type { BusinessCalendar } from '../domain/calendar.ts'
import type { DeskConfig, Language } from '../domain/desk.ts'
import type { BackupRequest, Complaint, Contact, ExtraSupportRequest, Incident, RemoteView, Staff } from '../domain/records.ts'
import type { StaffNotification } from '../domain/notifications.ts'
import * as templates from './templates.ts'
import { PAGES, staffComplaintPath } from '#lib/paths.ts'

/** The outbox as the notifier uses it: one mail per event key, about a record whose audit trail notes a mail that cannot be delivered. */
export interface MailQueue {
  enqueue(eventKey: string, to: string, content: { subject: string; text: string; html?: string }, about?: string): Promise<unknown>
}

export interface NotifierDeps {
  outbox: MailQueue
  desk: DeskConfig
  /** Where the KB and API are reached from outside, e.g. https://support.example.nl */
  baseUrl: string
  /** The time a mail is written: a mail that invites calling says when the desk opens while it is closed. */
  clock: () => Date
  /** The desk's business calendar, for whether it is open at `clock()`. */
  calendar: BusinessCalendar
}

/** A complaints handler as mailed: the address desk.yaml names, their name and language (a staff member's, else the address and Dutch). */
export interface ComplaintHandler {
  email: string
  name: string
  lang: Language
}

/** Hours a confirmation link stays valid. */
export const CONFIRM_HOURS = 24
/** Minutes a sign-in link stays valid. */
export const SIGN_IN_MINUTES = 15

export function createNotifier({ outbox, desk, baseUrl, clock, calendar }: NotifierDeps) {
  const ctx = (lang: Language) => ({ desk, baseUrl, lang, now: clock(), calendar })
  // The link carries the mail's language: the page it opens speaks only that one.
  const url = (path: string, token: string, lang: Language) => `${baseUrl}${path}?token=${encodeURIComponent(token)}&lang=${lang}`
  const trackUrl = (token: string, lang: Language) => url('/api/auth/callback', token, lang)
  return {
    /** The single-use link that turns a widget submission into an incident. */
    confirmRegistration(p: { registrationId: string; to: string; lang: Language; name: string; subject: string; token: string }) {
      const content = templates.confirmRegistration(ctx(p.lang), { name: p.name, subject: p.subject, confirmUrl: url('/api/incidents/confirm', p.token, p.lang), expiresHours: CONFIRM_HOURS })
      return outbox.enqueue(`registration:${p.registrationId}`, p.to, content)
    },
    /** The same reply for an address that is no authorised contact: whom to ask. */
    notAuthorised(p: { eventId: string; to: string; lang: Language; name: string }) {
      return outbox.enqueue(`not-authorised:${p.eventId}`, p.to, templates.notAuthorised(ctx(p.lang), { name: p.name }))
    },
    /** The registration: its number, and the desk's notice of exceptional busyness (`busyNotice`, in the contact's language) while one runs. */
    incidentRegistered(p: { incident: Incident; contact: Contact; trackToken: string; busyNotice?: string | undefined }) {
      const content = templates.incidentRegistered(ctx(p.contact.lang), {
        name: p.contact.name, number: p.incident.number, subject: p.incident.subject, trackUrl: trackUrl(p.trackToken, p.contact.lang), ...(p.busyNotice ? { busyNotice: p.busyNotice } : {}),
      })
      return outbox.enqueue(`incident:${p.incident.id}:registered`, p.contact.email, content, `incident:${p.incident.id}`)
    },
    /** A status change or a public reply from support: the requester hears of it. */
    statusChanged(p: { incident: Incident; contact: Contact; trackToken: string; eventKey: string; message?: string }) {
      const content = templates.statusChanged(ctx(p.contact.lang), {
        name: p.contact.name, number: p.incident.number, subject: p.incident.subject, status: p.incident.status, trackUrl: trackUrl(p.trackToken, p.contact.lang), message: p.message,
      })
      return outbox.enqueue(p.eventKey, p.contact.email, content, `incident:${p.incident.id}`)
    },
    /** The receipt of a complaint or opinion: its number and, for a complaint, when the response is due. */
    complaintReceived(p: { complaint: Complaint; contact: Contact; trackToken: string }) {
      const { complaint } = p
      const content = templates.complaintReceived(ctx(complaint.lang), {
        name: p.contact.name, kind: complaint.kind, number: complaint.number, subject: complaint.subject,
        dueAt: complaint.dueAt ? new Date(complaint.dueAt) : null, trackUrl: trackUrl(p.trackToken, complaint.lang),
      })
      return outbox.enqueue(`complaint:${complaint.id}:received`, p.contact.email, content, `complaint:${complaint.id}`)
    },
    /** Every change support makes to a complaint: its status, a reply, or both. */
    complaintChanged(p: { complaint: Complaint; contact: Contact; trackToken: string }) {
      const { complaint } = p
      const content = templates.complaintChanged(ctx(complaint.lang), {
        name: p.contact.name, kind: complaint.kind, number: complaint.number, subject: complaint.subject, status: complaint.status,
        reply: complaint.version > 1 && complaint.replies.at(-1)?.at === complaint.updatedAt ? complaint.replies.at(-1)!.text : undefined,
        trackUrl: trackUrl(p.trackToken, complaint.lang),
      })
      return outbox.enqueue(`complaint:${complaint.id}:v${complaint.version}`, p.contact.email, content, `complaint:${complaint.id}`)
    },
    /** The personal code of a remote-view session, mailed to the incident's requester. */
    remoteViewCode(p: { view: RemoteView; incident: Incident; contact: Contact; staffName: string; code: string; minutes: number }) {
      const page = PAGES.remoteView[p.contact.lang]
      const content = templates.remoteViewCode(ctx(p.contact.lang), {
        name: p.contact.name, staffName: p.staffName, number: p.incident.number, subject: p.incident.subject, code: p.code, minutes: p.minutes, pageUrl: `${baseUrl}${page}`,
      })
      return outbox.enqueue(`remote-view:${p.view.id}:code`, p.contact.email, content, `incident:${p.incident.id}`)
    },
    /** A backup request, to each admin of the organisation, who decides in the portal. */
    backupRequested(p: { backup: BackupRequest; incident: Incident; admin: Contact; staffName: string; purgeDays: number }) {
      const page = PAGES.portalAccess[p.admin.lang]
      const content = templates.backupRequested(ctx(p.admin.lang), {
        name: p.admin.name, staffName: p.staffName, number: p.incident.number, subject: p.incident.subject, reason: p.backup.reason, purgeDays: p.purgeDays, portalUrl: `${baseUrl}${page}`,
      })
      return outbox.enqueue(`backup:${p.backup.id}:requested:${p.admin.id}`, p.admin.email, content, `incident:${p.incident.id}`)
    },
    /** Support's decision on extra support outside hours, to the contact who asked. */
    extraSupportDecided(p: { request: ExtraSupportRequest; contact: Contact }) {
      const r = p.request
      const page = PAGES.portalAccess[p.contact.lang]
      const content = templates.extraSupportDecided(ctx(p.contact.lang), {
        name: p.contact.name, isApproved: r.status === 'approved', startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt), isBilled: r.isBilled,
        note: r.decisionNote, portalUrl: `${baseUrl}${page}`,
      })
      return outbox.enqueue(`extra-support:${r.id}:${r.status}`, p.contact.email, content)
    },
    /**
     * A notification by mail to the staff member whose inbox it is in, in their language, with a
     * link to the incident in the console (to the inbox for a complaint about no incident).
     */
    staffNotified(p: { notification: StaffNotification; staff: Staff; dueAt?: Date | null }) {
      const { notification: n, staff } = p
      const language = staff.lang ?? 'nl'
      const consoleUrl = n.incidentId ? `${baseUrl}${PAGES.staffIncident[language]}?id=${encodeURIComponent(n.incidentId)}` : `${baseUrl}${PAGES.staffInbox[language]}`
      const content = templates.staffNotification(ctx(language), { name: staff.name, kind: n.kind, number: n.number, subject: n.subject, consoleUrl, dueAt: p.dueAt ?? null })
      return outbox.enqueue(`notification:${n.key}`, staff.email, content, n.incidentId ? `incident:${n.incidentId}` : n.complaintId ? `complaint:${n.complaintId}` : undefined)
    },
    /** To an admin of the organisation: this person called and is not authorised; how to authorise them. Once per `eventKey`. */
    callerNotAuthorised(p: { eventKey: string; admin: Contact; caller: Contact; isDeactivated: boolean; staffName: string }) {
      const content = templates.callerNotAuthorised(ctx(p.admin.lang), {
        name: p.admin.name, callerName: p.caller.name, callerEmail: p.caller.email, staffName: p.staffName, isDeactivated: p.isDeactivated,
        portalUrl: `${baseUrl}${PAGES.portalOrganisation[p.admin.lang]}`,
      })
      return outbox.enqueue(p.eventKey, p.admin.email, content, `contact:${p.caller.id}`)
    },
    signInLink(p: { tokenId: string; to: string; lang: Language; name: string; token: string }) {
      const content = templates.signInLink(ctx(p.lang), { name: p.name, signInUrl: url('/api/auth/callback', p.token, p.lang), expiresMinutes: SIGN_IN_MINUTES })
      return outbox.enqueue(`sign-in:${p.tokenId}`, p.to, content)
    },
    /** No sign-in link for a contact who may not sign in: why, and whom to ask (`admins`: their organisation's, or none: the desk), in `lang` (the form's, else theirs). */
    signInRefused(p: { eventId: string; contact: Contact; lang: Language; organisation: { name: string }; admins: Contact[] }) {
      const { contact } = p
      const content = templates.signInRefused(ctx(p.lang), {
        name: contact.name, organisation: p.organisation.name, reason: contact.isActive ? 'not_authorised' : 'deactivated',
        admins: p.admins.map((a) => ({ name: a.name, email: a.email })),
      })
      return outbox.enqueue(`sign-in-refused:${p.eventId}`, contact.email, content, `contact:${contact.id}`)
    },
    /** A public reply that asks the customer something: its own subject, so it is not read as a status mail. */
    supportQuestion(p: { incident: Incident; contact: Contact; trackToken: string; eventKey: string; question: string }) {
      const content = templates.supportQuestion(ctx(p.contact.lang), {
        name: p.contact.name, number: p.incident.number, subject: p.incident.subject, question: p.question, trackUrl: trackUrl(p.trackToken, p.contact.lang),
      })
      return outbox.enqueue(p.eventKey, p.contact.email, content, `incident:${p.incident.id}`)
    },
    /** Welcome to a new contact: how to sign in, whether they may file incidents, who their admins are. */
    contactWelcome(p: { contact: Contact; organisation: { name: string }; admins: Contact[] }) {
      const { contact } = p
      const content = templates.contactWelcome(ctx(contact.lang), {
        name: contact.name, email: contact.email, organisation: p.organisation.name, isAuthorised: contact.isAuthorised, isAdmin: contact.role === 'admin',
        admins: p.admins.map((a) => ({ name: a.name, email: a.email })), portalUrl: `${baseUrl}${PAGES.portal[contact.lang]}`,
      })
      return outbox.enqueue(`contact:${contact.id}:welcome`, contact.email, content)
    },
    /** A new complaint or opinion, to one complaints handler (desk.yaml), with the console's link to it. */
    complaintForHandler(p: { complaint: Complaint; handler: ComplaintHandler; contactName: string; organisationName: string }) {
      const { complaint, handler } = p
      const content = templates.complaintForHandler(ctx(handler.lang), {
        name: handler.name, kind: complaint.kind, number: complaint.number, subject: complaint.subject, text: complaint.text,
        contactName: p.contactName, organisationName: p.organisationName, dueAt: complaint.dueAt ? new Date(complaint.dueAt) : null,
        consoleUrl: `${baseUrl}${staffComplaintPath(handler.lang, complaint.id)}`,
      })
      return outbox.enqueue(`complaint:${complaint.id}:handler:${handler.email.toLowerCase()}`, handler.email, content, `complaint:${complaint.id}`)
    },
    /** A complaint nearing its due time without a response, to one complaints handler: its key makes it once per complaint and handler. */
    complaintNearing(p: { complaint: Complaint; handler: ComplaintHandler; organisationName: string; assigneeName: string | null }) {
      const { complaint, handler } = p
      const content = templates.complaintNearing(ctx(handler.lang), {
        name: handler.name, number: complaint.number, subject: complaint.subject, organisationName: p.organisationName,
        dueAt: new Date(complaint.dueAt!), assigneeName: p.assigneeName, consoleUrl: `${baseUrl}${staffComplaintPath(handler.lang, complaint.id)}`,
      })
      return outbox.enqueue(`complaint:${complaint.id}:nearing:${handler.email.toLowerCase()}`, handler.email, content, `complaint:${complaint.id}`)
    },
  }
}

export type Notifier = ReturnType<typeof createNotifier>
