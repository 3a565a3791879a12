/** The Store: every record the API keeps, behind one interface (lowdb by default, PostgreSQL for several API processes). */
import type { MailRecord, OutboxStore } from '../mail/types.ts'
import type {
  AuditEntry, Attachment, Complaint, ComplaintStatus, ConsentKind, ConsentRecord, Contact, FollowUp, Incident, IncidentStatus, Message, Organisation, PendingRegistration, SavedReply, Session, SignInToken, Staff,
} from '../domain/records.ts'
import type { ContactMoment, MomentCount, SignalOrganisation, WindowCount } from '../domain/signals.ts'
import type { StaffNotification } from '../domain/notifications.ts'
import type { CallerQuery } from '../domain/caller.ts'
import type { DeskNotice } from '../domain/desk-notice.ts'
import type { RefusedOrigin } from '../domain/refused-origin.ts'

/** A change made against a version that is no longer the current one. */

/** A session with the contact or staff member it signs in, as stored now. */
export type SessionWithSubject = { session: Session; contact: Contact | undefined; staff?: never } | { session: Session; staff: Staff | undefined; contact?: never }

export class VersionConflictError<T extends { id: string; number?: string; version: number } = Incident> extends Error {
  override name = 'VersionConflictError'
  constructor(readonly current: T) {
    super(`${current.number ?? current.id} changed meanwhile (now version ${current.version})`)
  }
}

/** The data folder is in use, damaged or unreadable; the message says which file and what to do. */
export class StoreError extends Error {
  override name = 'StoreError'
}

/**
 * A write did not reach the disk (or the database): full, failing or unreachable. Nothing of it
 * was kept; the API answers 503 `storage_unavailable`, and the store tries again on the next write.
 */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError'
}

/** Whether writes reach the disk (or database): `reason` says why not, without paths or secrets. */
export type StoreHealth = { ok: true } | { ok: false; reason: string }

export interface ConsentFilter {
  kind?: ConsentKind
  organisationId?: string
  incidentId?: string
}

/** Which complaints a list holds; each left out filters nothing. */
export interface ComplaintFilter {
  organisationId?: string
  contactId?: string
  status?: ComplaintStatus[]
}

/** Which complaints the console's queue shows; each left out filters nothing. */
export interface ComplaintQueueFilter {
  status?: ComplaintStatus[]
  /** One staff member's; null: nobody's yet. */
  assigneeId?: string | null
}

/** A rate limit's window for one key: how many hits since it started. */
export interface RateWindow {
  count: number
  startedAt: Date
}

export interface IncidentFilter {
  organisationId?: string
  contactId?: string
  team?: string
  assigneeId?: string
  status?: IncidentStatus[]
}

/** One incident created or changed: enough for a live view to know what to read again. */
export interface IncidentChange {
  incidentId: string
  /** Its number, e.g. "100042". */
  number: string
  /** Its version after the change: 1 when created. */
  version: number
  /** Whom it concerns, for the queue's policy: its team before and after the change (one when created or unchanged). */
  teams: string[]
  /** Its assignee before and after the change, if any. */
  assigneeIds: string[]
}

/** Stored contents: their size, and their bytes as a stream that reads them as it is read. */
export interface StoredContents {
  size: number
  /** Read once; it lets go of what it holds when it ends or is cancelled. */
  body: ReadableStream<Uint8Array>
}

/**
 * Where the bytes of attachments are kept, under the name the record gives (`storedAs`). Bytes go
 * in and out in pieces, so a large file is never whole in memory on either store.
 */
export interface AttachmentFiles {
  /**
   * Stores the bytes `from` gives under `storedAs`, replacing what was there; resolves with their
   * size once they are durable. Until then a read finds the old contents, or none.
   */
  write(storedAs: string, from: AsyncIterable<Uint8Array>): Promise<number>
  /** The contents stored under `storedAs`, or undefined when there are none. */
  read(storedAs: string): Promise<StoredContents | undefined>
  /** How many bytes are stored under `storedAs`, or undefined when there are none. */
  size(storedAs: string): Promise<number | undefined>
}

/** Which page of a list: at most `limit` records after the record `cursor` names (the first page without one). */
export interface PageRequest {
  /** 1 to 200. */
  limit: number
  /** The `next` of the page before, as the store gave it; opaque to callers. */
  cursor?: string | undefined
}

/**
 * One page of a list in its stable order, where the next starts (null on the last) and how many
 * match: null when more than TOTAL_CAP, or (on PostgreSQL) for words so common that counting them
 * would cost many times the page; null always means more than the page holds.
 */
export interface Page<T> {
  items: T[]
  next: string | null
  total: number | null
}

/**
 * Lists count their matches up to this many; beyond it `total` is null ("there are more"), so a
 * count costs about what a page does. A common word in five years of incidents matches tens of
 * thousands: counting them all would make a search slower the older the desk gets.
 */
export const TOTAL_CAP = 1_000

/** A cursor the store did not give out (or of another list): the API answers 400 `invalid_input`. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError'
}

/** A list of incidents, newest first (number descending), optionally searched. */
export interface IncidentSearch extends IncidentFilter {
  kind?: Incident['kind'][]
  /**
   * Words (all must match: subject, description, reactions, contact and organisation name, each
   * word in its Dutch or English stem) or an incident number (digits: that incident only).
   */
  q?: string
  /** Whether words in internal notes and logged calls match too (each word in the text or a note): staff only. */
  withInternal?: boolean
}

/** The triage queue's filters as the store applies them: new first, then by the due time stored with the incident, then oldest first. */
export interface QueueSearch {
  status: IncidentStatus[]
  /** Only these teams … */
  teams?: string[]
  /** … or (with `teams`) assigned to this staff member. */
  orAssigneeId?: string
  assigneeId?: string
  priority?: number[]
  kind?: Incident['kind'][]
  productArea?: string
  organisationId?: string
  /** Only those whose stored due time falls before this instant (ISO). */
  dueBefore?: string
  /** Only those whose stored due time falls at or after this instant (ISO). */
  dueFrom?: string
}

/** Reads answer from what is stored; every write resolves only once it is durable. */
export interface Store {
  organisations: {
    get(id: string): Promise<Organisation | undefined>
    list(): Promise<Organisation[]>
    put(organisation: Organisation): Promise<void>
  }
  contacts: {
    get(id: string): Promise<Contact | undefined>
    /** Case-insensitive. */
    byEmail(email: string): Promise<Contact | undefined>
    listByOrganisation(organisationId: string): Promise<Contact[]>
    put(contact: Contact): Promise<void>
    /**
     * One page of the contacts a caller search finds (domain/caller.ts's isCallerMatch), by
     * lowercased name, then id. Cursor: base64url of `[lowercased name, id]`.
     */
    search(query: CallerQuery, page: PageRequest): Promise<Page<Contact>>
  }
  staff: {
    get(id: string): Promise<Staff | undefined>
    byEmail(email: string): Promise<Staff | undefined>
    list(): Promise<Staff[]>
    put(staff: Staff): Promise<void>
  }
  incidents: {
    /** Stores a new incident with the next number (digits, increasing) and version 1. */
    create(draft: Omit<Incident, 'id' | 'number' | 'version'>): Promise<Incident>
    get(id: string): Promise<Incident | undefined>
    byNumber(number: string): Promise<Incident | undefined>
    list(filter: IncidentFilter): Promise<Incident[]>
    /**
     * One page of incidents newest first (number descending): filtered, and searched with `q`.
     * Cursor: base64url of `[number]`. Throws InvalidCursorError for a cursor it did not give out.
     */
    page(search: IncidentSearch, page: PageRequest): Promise<Page<Incident>>
    /**
     * One page of the triage queue: new first, then by `queueDueAt` (none last), then `registeredAt`,
     * then number. Cursor: base64url of `[isNew ? 0 : 1, queueDueAt ?? '~', registeredAt, number]`.
     */
    queuePage(search: QueueSearch, page: PageRequest): Promise<Page<Incident>>
    /**
     * Applies `change` to the current incident if its version is `expectedVersion`; the result is
     * stored with the version raised by one. Throws VersionConflictError otherwise.
     */
    update(id: string, expectedVersion: number, change: (current: Incident) => Incident): Promise<Incident>
    count(): Promise<number>
  }
  messages: {
    add(message: Message): Promise<void>
    listByIncident(incidentId: string): Promise<Message[]>
  }
  attachments: {
    add(attachment: Attachment): Promise<void>
    get(id: string): Promise<Attachment | undefined>
    /** Oldest first. */
    listByIncident(incidentId: string): Promise<Attachment[]>
  }
  /**
   * The attachments' contents, under their records' `storedAs`: files in the data folder's
   * `attachments/` (lowdb), chunks in the database (PostgreSQL), streamed in and out.
   */
  attachmentFiles: AttachmentFiles
  complaints: {
    /** Stores a new complaint or opinion with the next number ("K" and digits, increasing) and version 1. */
    create(draft: Omit<Complaint, 'id' | 'number' | 'version'>): Promise<Complaint>
    get(id: string): Promise<Complaint | undefined>
    list(filter: { organisationId?: string; contactId?: string }): Promise<Complaint[]>
    /** One page newest first (number descending). Cursor: base64url of `[number]` (the digits after the K). */
    page(filter: ComplaintFilter, page: PageRequest): Promise<Page<Complaint>>
    /**
     * One page of the console's queue: open ones first, earliest due first (opinions, without a
     * due time, after them), then resolved ones newest first. Cursor: base64url of complaint-queue.ts's key.
     */
    queue(filter: ComplaintQueueFilter, page: PageRequest): Promise<Page<Complaint>>
    /** As incidents.update: applied only against `expectedVersion`, else VersionConflictError. */
    update(id: string, expectedVersion: number, change: (current: Complaint) => Complaint): Promise<Complaint>
  }
  followUps: {
    add(followUp: FollowUp): Promise<void>
    /** Newest first: the last one recorded (`at`) at the top. */
    listByOrganisation(organisationId: string): Promise<FollowUp[]>
    /** The follow-ups of several organisations in one read (a page of signals), newest first as above. */
    listByOrganisations(organisationIds: string[]): Promise<FollowUp[]>
  }
  /** Saved replies support inserts into a reply: few, so listed whole. */
  savedReplies: {
    get(id: string): Promise<SavedReply | undefined>
    /** Every one, in the order first stored. */
    list(): Promise<SavedReply[]>
    /** Stores a new one or replaces the one with its id. */
    put(reply: SavedReply): Promise<void>
    /** Removes it; whether there was one. */
    delete(id: string): Promise<boolean>
  }
  /** Remote views, backup requests, access grants and extra-support requests: what the customer consented to. */
  consents: {
    /** Stores a new record as given, with version 1. */
    create<T extends ConsentRecord>(record: Omit<T, 'version'>): Promise<T>
    get(id: string): Promise<ConsentRecord | undefined>
    /** Oldest first (`createdAt`). */
    list(filter: ConsentFilter): Promise<ConsentRecord[]>
    /** One page newest first (`createdAt`, then the order stored, descending). Cursor: base64url of `[createdAt, n]`, n the record's place in that order. */
    page(filter: ConsentFilter, page: PageRequest): Promise<Page<ConsentRecord>>
    /** As incidents.update: applied only against `expectedVersion`, else VersionConflictError. */
    update<T extends ConsentRecord>(id: string, expectedVersion: number, change: (current: T) => T): Promise<T>
  }
  /**
   * Sites refused by ALLOWED_ORIGINS, for the console's embedding page: one record per origin,
   * at most REFUSED_ORIGINS_KEPT (a new one pushes out the one refused longest ago).
   */
  refusedOrigins: {
    /** Counts one refused request from `origin` at `at` (ISO): first and last seen, and how many. */
    record(origin: string, at: string): Promise<void>
    /** Every one kept, the last refused first (then by origin). */
    list(): Promise<RefusedOrigin[]>
  }
  /** The desk notice for exceptional busyness: at most one, kept until replaced or cleared (it stops showing at its end by itself). */
  deskNotice: {
    get(): Promise<DeskNotice | undefined>
    put(notice: DeskNotice): Promise<void>
    clear(): Promise<void>
  }
  registrations: {
    put(registration: PendingRegistration): Promise<void>
    /** Removes and returns the registration with this token hash if it has not expired at `now`: single use. */
    take(tokenHash: string, now: Date): Promise<PendingRegistration | undefined>
  }
  signInTokens: {
    put(token: SignInToken): Promise<void>
    /** Removes and returns the token if it has not expired at `now`: single use. */
    take(tokenHash: string, now: Date): Promise<SignInToken | undefined>
  }
  sessions: {
    put(session: Session): Promise<void>
    byTokenHash(tokenHash: string): Promise<Session | undefined>
    /** The session with this token hash and the record of whom it signs in (none when that contact or staff member is gone), in one read: every signed-in request asks it. */
    withSubject(tokenHash: string): Promise<SessionWithSubject | undefined>
    delete(id: string): Promise<void>
    /** Ends every session of a contact or staff member, e.g. when a contact is deactivated. */
    deleteFor(subject: Session['subject']): Promise<number>
  }
  outbox: OutboxStore & { list(): Promise<MailRecord[]> }
  /**
   * Fixed-window counters behind the rate limits: kept where every API process on this store sees
   * them (lowdb: in the one process's memory, not on disk; PostgreSQL: in the database).
   */
  rateCounters: {
    /** Counts a hit on `key`: a new window starts when none runs at `now` (the last started `windowMs` or longer ago). Returns the window after the hit. */
    hit(key: string, windowMs: number, now: Date): Promise<RateWindow>
    /** The window running for `key` at `now`, without counting; undefined when none runs. */
    peek(key: string, windowMs: number, now: Date): Promise<RateWindow | undefined>
  }
  audit: {
    append(entry: AuditEntry): Promise<void>
    listFor(target: string): Promise<AuditEntry[]>
  }
  /** Each staff member's inbox: what they were told of, read or not. */
  notifications: {
    /** Stores `notification` unless one with the same `key` exists; whether it was stored (false: told before). */
    add(notification: StaffNotification): Promise<boolean>
    get(id: string): Promise<StaffNotification | undefined>
    /** One page of `staffId`'s notifications, newest first (`at`, then id, descending). Cursor: base64url of `[at, id]`. */
    page(staffId: string, page: PageRequest): Promise<Page<StaffNotification>>
    /** How many of `staffId`'s notifications are unread. */
    unreadCount(staffId: string): Promise<number>
    /** Marks `staffId`'s unread notifications read at `at`: those in `ids`, or all. Another's are left alone. Returns how many changed. */
    markRead(staffId: string, ids: readonly string[] | 'all', at: string): Promise<number>
  }
  /**
   * Incidents with a customer reaction no staff member has opened since: the queue's mark. Set by
   * a reaction, cleared when staff open the incident; one record per incident.
   */
  unreadReactions: {
    /** Marks the incident (again), as of `at`. */
    mark(incidentId: string, at: string): Promise<void>
    /** Clears the mark; nothing when there is none. */
    clear(incidentId: string): Promise<void>
    /** Which of `incidentIds` are marked. */
    among(incidentIds: readonly string[]): Promise<string[]>
  }
  /**
   * Runs `task` as one unit of work: a request's writes (a registration's incident, audit entry,
   * token and mail) together. PostgreSQL keeps them in one transaction that begins at the unit's
   * first write and commits once when `task` resolves; when `task` throws, nothing of it is kept.
   * The embedded store writes as it goes (each write durable on its own) and simply runs `task`.
   * Rate counters are no part of a unit: a hit counts whatever becomes of the request. A unit
   * inside a unit joins it.
   */
  unitOfWork<T>(task: () => Promise<T>): Promise<T>
  /**
   * Contact moments counted per organisation, local day (in the time zone the store was opened
   * with) and kind, raised by every write that makes one (an incident registered, a reaction or a
   * phone contact added): signals read these, not every incident and message.
   */
  signals: {
    /** Every counter of the local days `from` to `to` (inclusive, "YYYY-MM-DD"), of every organisation or only of `organisationIds`. */
    counts(days: { from: string; to: string; organisationIds?: readonly string[] }): Promise<MomentCount[]>
    /**
     * The counters of the local days strictly after `after` and before `before`, summed per
     * organisation, kind and source (one entry per combination with moments): what ranking every
     * organisation's signal needs, without a row per day, product area and KB search. A store may
     * hand the same list again (frozen) while those days are unchanged: readers keep what they
     * work out of it for as long.
     */
    totals(days: { after: string; before: string }): Promise<readonly WindowCount[]>
    /**
     * The counters of `organisationIds` of the local days `from` to `to` (inclusive), summed per
     * ISO week and key, the days up to `splitAfter` (inclusive) summed apart from those after it:
     * each sum's `day` is the first day it covers. What a page of signals needs for its weekly
     * series and top lists, in a seventh of the rows.
     */
    weekly(days: { from: string; to: string; splitAfter: string; organisationIds: readonly string[] }): Promise<MomentCount[]>
    /**
     * Every organisation as signals list it (id, name, first class), without the rest of its
     * record. A store may hand the same list again (frozen) while no organisation changed.
     */
    organisations(): Promise<readonly SignalOrganisation[]>
    /**
     * Every contact moment on these local days: for the days a rolling window cuts in two. Only
     * those later than `after` when given (today's, beyond the moment a window ends).
     */
    momentsOn(days: string[], options?: { after?: Date }): Promise<ContactMoment[]>
  }
  /** Incidents created or changed, by any API process on this store: for live views. */
  changes: {
    /**
     * Calls `listener` after every incident written durably (created or changed), by this process
     * or, on PostgreSQL, any other on the same database. Returns the function that stops it.
     */
    subscribe(listener: (change: IncidentChange) => void): () => void
    /** Resolves once changes by other processes are heard (PostgreSQL: its LISTEN connection is up); at once on the embedded store. */
    ready(): Promise<void>
  }
  /**
   * Whether the last write reached the disk (or database). After a failure it checks again (and
   * repairs what it can) before answering, so a store whose disk took writes again is healthy again.
   */
  health(): Promise<StoreHealth>
  close(): Promise<void>
}
