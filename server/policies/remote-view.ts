/** Who may see, start and take part in a remote-view session. */
import type { Incident, RemoteView } from '../domain/records.ts'
import type { Viewer } from '../middleware/session/index.ts'
import { staffOnly, type Verdict } from './verdict.ts'
import { maySeeOnIncident } from './on-incident.ts'

/** A side of a session: support, or the customer's page that consented with the code. */
export type RemoteViewSide = 'staff' | 'customer'

export const remoteViewPolicy = {
  /** Staff all; the organisation's admin all of theirs; an employee those on their incidents. */
  maySee: (viewer: Viewer, view: RemoteView, incident: Incident | undefined): boolean => maySeeOnIncident(viewer, view, incident),

  /** Only staff start a session (the customer consents with the code that it sends). */
  start: (viewer: Viewer): Verdict => staffOnly(viewer),

  /**
   * Who speaks for a session: any staff member (the console is theirs), or the page that
   * consented, by the hash of the bearer token it was given; anyone else is no side of it.
   */
  sideOf(viewer: Viewer, view: Pick<RemoteView, 'customerTokenHash'>, presentedTokenHash: string | undefined): RemoteViewSide | undefined {
    if (viewer.kind === 'staff') return 'staff'
    return presentedTokenHash !== undefined && view.customerTokenHash !== null && presentedTokenHash === view.customerTokenHash ? 'customer' : undefined
  },
}
