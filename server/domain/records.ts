/** The records of the support desk: organisations, contacts, staff, incidents and what hangs off them. */
import type { Language, Priority } from './desk.ts'
import type { ParsedIncidentInput } from './incident-input.ts'
import type { AttachmentType } from './attachment.ts'
import type { NotificationKind } from './notifications.ts'

/** ISO 8601 instant, e.g. "2026-11-30T09:00:00.000Z". */
export type Instant = string

export interface Organisation {
  id: string
  name: string
  /** Digits, as on invoices. */
  customerNumber: string
  isFirstClass: boolean
  address?: string
  /** Switchboard number, as the customer writes it. */
  phone?: string
  /** Where invoices go; default the admin's own address. */
  invoiceEmail?: string
  /** Read-only records the admin sees in the portal. */
  subscriptions: { name: string; since: string; isFirstClass?: boolean }[]
  invoices: { number: string; date: string; amountCents: number; isPaid: boolean }[]
  projects: { name: string; status: string }[]
  courses: { name: string; date: string; participants: number }[]
}

export const CONTACT_ROLES = ['admin', 'employee'] as const
export type ContactRole = (typeof CONTACT_ROLES)[number]

export interface Contact {
  id: string
  organisationId: string
  name: string
  /** Lowercased; unique across all contacts. */
  email: string
  lang: Language
  role: ContactRole
  /** Only authorised, active contacts may file incidents. */
  isAuthorised: boolean
  isActive: boolean
  /** Their direct or mobile number as they write it, for finding them when they call; default none. */
  phone?: string
}

export const STAFF_ROLES = ['agent', 'customer_care', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export interface Staff {
  id: string
  name: string
  email: string
  teams: string[]
  role: StaffRole
  /** Phone extension for the telephony webhook. */
  extension?: string
  /** scrypt hash "scrypt$N$r$p$salt$hash"; absent when the staff member signs in by link only. */
  passwordHash?: string
  isActive: boolean
  /** The language of the mails they get (notifications); Dutch when absent. */
  lang?: Language
  /** The notification kinds they get in the console only, not by mail; absent: every kind by mail too. */
  mutedMailKinds?: NotificationKind[]
}

export const INCIDENT_STATUSES = ['awaiting_confirmation', 'new', 'in_progress', 'waiting_for_customer', 'resolved', 'closed'] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

export interface StatusChange {
  status: IncidentStatus
  at: Instant
  /** Who made the change: "contact:<id>", "staff:<id>" or "system". */
  by: string
}

export interface Incident {
  id: string
  /** Digits only, unique and increasing; never enough on its own to reach the incident. */
  number: string
  organisationId: string
  /** The contact who filed it (the requester, who gets the status e-mails). */
  contactId: string
  kind: 'bug' | 'outage' | 'wish' | 'question'
  /** How it came in: absent for the portal or widget; 'phone' when support registered it during a call. */
  channel?: 'phone'
  productArea: string
  subject: string
  description: string
  /** The KB search that led here, and the articles the customer was shown. */
  kbQuery?: string
  kbArticles: string[]
  lang: Language
  status: IncidentStatus
  priority: Priority | null
  team: string
  assigneeId: string | null
  registeredAt: Instant
  statusHistory: StatusChange[]
  updatedAt: Instant
  /**
   * The target's due time as of the last change (null: no target running), kept for the queue's
   * order so the store can page it; the live target is computed when shown. Absent on incidents
   * stored before it was kept: those sort as having no target until their next change.
   */
  queueDueAt?: Instant | null
  /** Raised on every change; a change made against an older version is refused (409). */
  version: number
}

export interface Message {
  id: string
  incidentId: string
  /** public: a reply or reaction the customer sees; internal: a staff note, never shown or mailed. */
  visibility: 'public' | 'internal'
  /** How the contact came: absent for a message in the portal or console; 'phone' for a logged call (always internal). */
  channel?: 'phone'
  /** For a logged call: inbound (the customer called) or outbound (support called). */
  direction?: 'inbound' | 'outbound'
  author: string
  text: string
  attachmentIds: string[]
  at: Instant
}

export interface Attachment {
  id: string
  incidentId: string
  fileName: string
  contentType: AttachmentType
  size: number
  /** Path of the bytes under the data folder, outside the web root. */
  storedAs: string
  uploadedBy: string
  at: Instant
}

export const FEEDBACK_KINDS = ['complaint', 'opinion'] as const
/** complaint (klacht): answered within the complaint target; opinion (mening): read and, where useful, answered. */
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number]

export const COMPLAINT_STATUSES = ['received', 'in_progress', 'resolved'] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]

/** A complaint about the service, or an opinion, filed by a contact in the portal. */
export interface Complaint {
  id: string
  /** "K" and digits, unique and increasing, e.g. "K10001"; its own series beside incident numbers. */
  number: string
  organisationId: string
  contactId: string
  kind: FeedbackKind
  subject: string
  text: string
  /** The incident it is about, if any (one the contact may see). */
  incidentId: string | null
  lang: Language
  status: ComplaintStatus
  statusHistory: { status: ComplaintStatus; at: Instant; by: string }[]
  /** Answers from support, oldest first; the customer sees and is mailed each. */
  replies: { at: Instant; by: string; text: string }[]
  registeredAt: Instant
  /** When the first response is due (complaints only): one working day of business time. */
  dueAt: Instant | null
  /** The first response from support: a reply or a status change. */
  respondedAt: Instant | null
  updatedAt: Instant
  version: number
  /** The staff member handling it; absent or null: nobody yet (records from before assignment lack it). */
  assigneeId?: string | null
  /** Support's internal notes, oldest first: never shown or mailed to the customer. */
  notes?: { at: Instant; by: string; text: string }[]
  /** Who was assigned when, and by whom, oldest first (null: nobody); for support only. */
  assignments?: { at: Instant; by: string; assigneeId: string | null }[]
  /** When the handlers were mailed that its response target nears: once per complaint; absent until then. */
  nearingMailedAt?: Instant
}

export const FOLLOW_UP_KINDS = ['course', 'advisor_visit', 'consultant_visit'] as const
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number]

/** What Customer Care did about an organisation that contacts support often. */
export interface FollowUp {
  id: string
  organisationId: string
  kind: FollowUpKind
  /** The day of the course or visit, "YYYY-MM-DD". */
  date: string
  note: string
  /** "staff:<id>". */
  by: string
  at: Instant
}

/** A saved reply: a text support inserts into a reply, in both languages, for one team or (team null) for everyone. */
export interface SavedReply {
  id: string
  /** A team key of desk.yaml; null: every team may use it. */
  team: string | null
  /** What the picker lists it by. */
  title: { nl: string; en: string }
  /** The reply, with placeholders such as `{{contact.name}}` (lib/saved-reply.ts). */
  body: { nl: string; en: string }
  /** "staff:<id>" of whoever saved it last. */
  updatedBy: string
  createdAt: Instant
  updatedAt: Instant
}

/** A widget submission waiting for its e-mail confirmation. */
export interface PendingRegistration {
  id: string
  /** sha256 of the confirmation token; the token itself is only in the e-mail. */
  tokenHash: string
  contactId: string
  /** The registration as validated, less the honeypot. */
  input: Omit<ParsedIncidentInput, 'website'>
  createdAt: Instant
  expiresAt: Instant
}

/** A single-use sign-in link. */
export interface SignInToken {
  id: string
  tokenHash: string
  subject: { kind: 'contact' | 'staff'; id: string }
  /** Where the link leads after signing in, e.g. an incident page. */
  next?: string
  expiresAt: Instant
}

export interface Session {
  id: string
  /** sha256 of the cookie value. */
  tokenHash: string
  subject: { kind: 'contact' | 'staff'; id: string }
  createdAt: Instant
  expiresAt: Instant
}

export interface AuditEntry {
  id: string
  at: Instant
  actor: string
  action: string
  /** e.g. "incident:<id>". */
  target: string
  details?: Record<string, unknown>
}

/** The levels at which a customer lets support into their environment, least to most. */
export const ACCESS_LEVELS = ['read_only', 'functional_user', 'administrator'] as const
export type AccessLevel = (typeof ACCESS_LEVELS)[number]

/** What every consent record has: its organisation, when it was made and changed, and a version for safe changes. */
interface ConsentBase {
  id: string
  organisationId: string
  createdAt: Instant
  updatedAt: Instant
  /** Raised on every change; a change made against an older version is refused (409). */
  version: number
}

/** One message of the WebRTC handshake between the customer's browser and the employee's, relayed by the API. */
export interface RemoteViewSignal {
  /** 1, 2, 3…: a side asks for the signals after the last one it read. */
  seq: number
  from: 'staff' | 'customer'
  type: 'offer' | 'answer' | 'candidate'
  /** The SDP or ICE candidate as the browser gave it, as JSON text. */
  data: string
  at: Instant
}

/**
 * A remote-view session ("meekijken"): support asks, the requester gets a personal 6-digit code
 * (valid 10 minutes, single use) and, after seeing who will look along, consents with it.
 */
export interface RemoteView extends ConsentBase {
  kind: 'remote_view'
  incidentId: string
  /** Who looks along. */
  staffId: string
  /** Who gets the code: the incident's requester. */
  contactId: string
  /** sha256 of the code, kept after use so a reused code is told apart from a wrong one. */
  codeHash: string
  /** The code itself while it can still be used, for the requester's portal; null once used or ended. */
  code: string | null
  codeExpiresAt: Instant
  status: 'waiting' | 'open' | 'ended'
  consentedAt: Instant | null
  /** sha256 of the token the customer's page received on consent: it signals and ends with it. */
  customerTokenHash: string | null
  endedAt: Instant | null
  /** "staff:<id>", "customer" (the page that consented) or "system". */
  endedBy: string | null
  signals: RemoteViewSignal[]
}

export const BACKUP_STATUSES = ['requested', 'approved', 'declined', 'received', 'purged'] as const
export type BackupStatus = (typeof BACKUP_STATUSES)[number]

/** A request for a backup of the customer's environment, for internal investigation of an incident. */
export interface BackupRequest extends ConsentBase {
  kind: 'backup'
  incidentId: string
  /** "staff:<id>". */
  requestedBy: string
  reason: string
  status: BackupStatus
  /** The organisation admin who approved or declined ("contact:<id>"), with an optional note. */
  decidedBy: string | null
  decidedAt: Instant | null
  decisionNote: string | null
  receivedAt: Instant | null
  receivedBy: string | null
  purgedAt: Instant | null
  purgedBy: string | null
}

/** Support may sign in to the customer's environment as a user of `level` until `endsAt`, unless revoked. */
export interface AccessGrant extends ConsentBase {
  kind: 'grant'
  incidentId: string
  level: AccessLevel
  /** "contact:<id>" of the admin who granted it. */
  grantedBy: string
  endsAt: Instant
  revokedAt: Instant | null
  revokedBy: string | null
}

export const EXTRA_SUPPORT_STATUSES = ['requested', 'approved', 'declined'] as const
export type ExtraSupportStatus = (typeof EXTRA_SUPPORT_STATUSES)[number]

/** Support outside business hours for one window, e.g. a year-end close on a Saturday. */
export interface ExtraSupportRequest extends ConsentBase {
  kind: 'extra_support'
  contactId: string
  startsAt: Instant
  endsAt: Instant
  reason: string
  status: ExtraSupportStatus
  /** Billed afterwards (nacalculatie): always, except for First Class organisations (as at the request). */
  isBilled: boolean
  decidedBy: string | null
  decidedAt: Instant | null
  decisionNote: string | null
}

export type ConsentRecord = RemoteView | BackupRequest | AccessGrant | ExtraSupportRequest
export type ConsentKind = ConsentRecord['kind']
