/** Shared by the use cases that read or change an incident: who may reach it, the audit entry, the requester's e-mail and tracking link. */
import { randomUUID } from 'node:crypto'
import { incidentPath } from '#lib/paths.ts'
import { statusAfterReaction, withStatus, type ExtraWindows } from '../domain/incident.ts'
import { mayMove } from '../domain/transitions.ts'
import { withQueueDueAt } from '../domain/queue.ts'
import type { Contact, Incident } from '../domain/records.ts'
import type { Deps } from '../deps.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { incidentPolicy } from '../policies/incident.ts'
import { VersionConflictError } from '../store/store.ts'
import { extraWindowsOf } from './extra-windows.ts'
import { signInToken } from './sign-in.ts'

/** Days a tracking link in an e-mail signs the contact in to the incident's page. */
export const TRACK_LINK_DAYS = 14

/** The portal page of an incident, where a tracking link lands. */
export function incidentPage(incident: Incident, contact: Contact): string {
  return incidentPath(contact.lang, incident.id)
}

/** The incident services' needs of the app. */
export type IncidentDeps = Pick<Deps, 'store' | 'clock' | 'desk' | 'calendar' | 'notifier' | 'limits' | 'metrics'>

export function incidentEvents(deps: IncidentDeps) {
  /** A single-use link that signs the contact in on the incident's page. */
  async function trackToken(incident: Incident, contact: Contact): Promise<string> {
    const { token } = await signInToken(deps, { kind: 'contact', id: contact.id }, TRACK_LINK_DAYS * 24 * 60, incidentPage(incident, contact))
    return token
  }

  /** Mails the requester about the incident's status, or a public reply when `message` is given. */
  async function mailStatus(incident: Incident, message?: string, eventKey?: string) {
    const contact = await deps.store.contacts.get(incident.contactId)
    if (!contact) return
    await deps.notifier.statusChanged({
      incident, contact, trackToken: await trackToken(incident, contact), message,
      eventKey: eventKey ?? `incident:${incident.id}:status:${incident.statusHistory.length}`,
    })
  }

  /** Mails the requester a question from support: its own subject, the question quoted. */
  async function mailQuestion(incident: Incident, question: string, eventKey: string) {
    const contact = await deps.store.contacts.get(incident.contactId)
    if (!contact) return
    await deps.notifier.supportQuestion({ incident, contact, trackToken: await trackToken(incident, contact), question, eventKey })
  }

  /** Support asked the customer something: the incident waits for them (its target pauses), decided again on a conflict. No mail: the question is the mail. */
  async function awaitCustomer(incident: Incident, author: string, now: Date): Promise<Incident> {
    let current = incident
    const windows = await extraWindowsOf(deps.store, current.organisationId)
    for (let attempt = 0; attempt < 3; attempt++) {
      if (current.status === 'waiting_for_customer' || !mayMove(current.status, 'waiting_for_customer')) return current
      try {
        const updated = await deps.store.incidents.update(current.id, current.version, (i) => withQueueDueAt(withStatus(i, 'waiting_for_customer', author, now), deps, now, windows))
        await audit(author, 'incident.triaged', updated, { status: 'waiting_for_customer' })
        return updated
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error
        current = error.current
      }
    }
    return current
  }

  /** An audit entry on the incident. */
  function audit(actor: string, action: string, incident: Incident, details?: Record<string, unknown>) {
    return deps.store.audit.append({ id: randomUUID(), at: deps.clock().toISOString(), actor, action, target: `incident:${incident.id}`, ...(details ? { details } : {}) })
  }

  /**
   * A customer's reaction moves the incident on (waiting → in progress, reopened if just resolved);
   * someone may have changed it meanwhile, so on a conflict it is decided again on theirs.
   */
  async function afterReaction(incident: Incident, author: string, now: Date): Promise<Incident> {
    let current = incident
    let windows: ExtraWindows | undefined
    for (let attempt = 0; attempt < 3; attempt++) {
      const next = statusAfterReaction(current, now, deps.desk)
      if (next === current.status) return current
      windows ??= await extraWindowsOf(deps.store, current.organisationId)
      const known = windows
      try {
        const updated = await deps.store.incidents.update(current.id, current.version, (i) => withQueueDueAt(withStatus(i, next, author, now), deps, now, known))
        await mailStatus(updated)
        return updated
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error
        current = error.current
      }
    }
    return current
  }

  return {
    trackToken,
    mailStatus,
    mailQuestion,
    awaitCustomer,
    afterReaction,
    /** The incident if the viewer may see it; otherwise undefined, answered as 404 like a missing one. */
    async visible(viewer: Viewer, id: string): Promise<Incident | undefined> {
      const incident = await deps.store.incidents.get(id)
      return incident && incidentPolicy.maySee(viewer, incident) ? incident : undefined
    },
    audit,
  }
}
