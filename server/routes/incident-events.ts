/** Shared by the routes that read or change an incident: who may reach it, the audit entry and the requester's e-mail. */
import { randomUUID } from 'node:crypto'
import type { Context } from 'hono'
import type { Contact, Incident } from '../domain/records.ts'
import { contactMaySee } from '../domain/visibility.ts'
import type { SessionEnv } from '../middleware/session/index.ts'
import type { reactionRefusal } from '../domain/incident.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import type { Deps } from '../deps.ts'
import { signInToken } from './auth.ts'

/** Days a tracking link in an e-mail signs the contact in to the incident's page. */
export const TRACK_LINK_DAYS = 14

/** The portal page of an incident, where a tracking link lands. */
export function incidentPage(incident: Incident, contact: Contact): string {
  return `${contact.lang === 'en' ? '/en/portal/incidents' : '/portaal/incidenten'}/?id=${incident.id}`
}

/** 409 for a customer's reaction to an incident that no longer takes one, saying what to do instead. */
export function refuseReaction(c: Context, refusal: NonNullable<ReturnType<typeof reactionRefusal>>) {
  return apiError(c, 409, refusal, refusal === 'incident_closed' ? MESSAGES.incidentClosed : MESSAGES.reopenWindowPassed)
}

export function incidentEvents(deps: Deps) {
  /** A single-use link that signs the contact in on the incident's page. */
  async function trackToken(incident: Incident, contact: Contact): Promise<string> {
    const { token } = await signInToken(deps, { kind: 'contact', id: contact.id }, TRACK_LINK_DAYS * 24 * 60, incidentPage(incident, contact))
    return token
  }

  return {
    trackToken,
    /** The incident if the viewer may see it; otherwise undefined, answered as 404 like a missing one. */
    async visible(c: Context<SessionEnv>, id: string): Promise<Incident | undefined> {
      const incident = await deps.store.incidents.get(id)
      const viewer = c.get('viewer')
      if (!incident) return undefined
      if (viewer.kind === 'staff') return incident
      if (viewer.kind === 'contact' && contactMaySee(viewer.contact, incident)) return incident
      return undefined
    },
    audit(actor: string, action: string, incident: Incident, details?: Record<string, unknown>) {
      return deps.store.audit.append({ id: randomUUID(), at: deps.clock().toISOString(), actor, action, target: `incident:${incident.id}`, ...(details ? { details } : {}) })
    },
    /** Mails the requester about the incident's status, or a public reply when `message` is given. */
    async mailStatus(incident: Incident, message?: string, eventKey?: string) {
      const contact = await deps.store.contacts.get(incident.contactId)
      if (!contact) return
      await deps.notifier.statusChanged({
        incident, contact, trackToken: await trackToken(incident, contact), message,
        eventKey: eventKey ?? `incident:${incident.id}:status:${incident.statusHistory.length}`,
      })
    },
  }
}
