/** An in-process change feed: listeners told of every incident written, for live views (the embedded store's, and PostgreSQL's after LISTEN). */
import type { Incident } from '../domain/records.ts'
import type { IncidentChange } from './store.ts'

/** A change feed: `subscribe` for the Store, `emit` for the store that writes. */
export interface ChangeFeed {
  /** Calls `listener` on every change emitted from now on; returns the function that stops it. */
  subscribe(listener: (change: IncidentChange) => void): () => void
  /** Tells every listener; one that throws does not keep the others from hearing it. */
  emit(change: IncidentChange): void
  /** How many listen now. */
  readonly size: number
}

/** A new feed with no listeners. */
export function changeFeed(onError: (error: unknown) => void = (error) => console.error('[loket] change listener:', error)): ChangeFeed {
  const listeners = new Set<(change: IncidentChange) => void>()
  return {
    subscribe(listener) {
      // Wrapped, so one listener subscribed twice is two subscriptions, each stopped on its own.
      const entry = (change: IncidentChange) => listener(change)
      listeners.add(entry)
      return () => void listeners.delete(entry)
    },
    emit(change) {
      for (const listener of [...listeners]) {
        try {
          listener(change)
        } catch (error) {
          onError(error)
        }
      }
    },
    get size() {
      return listeners.size
    },
  }
}

type Written = Pick<Incident, 'id' | 'number' | 'version' | 'team' | 'assigneeId'>

/** The change an incident's write makes: `next` as written, `previous` as it was (none when created). */
export function changeOf(next: Written, previous?: Written): IncidentChange {
  const distinct = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))]
  return {
    incidentId: next.id, number: next.number, version: next.version,
    teams: distinct([previous?.team, next.team]), assigneeIds: distinct([previous?.assigneeId, next.assigneeId]),
  }
}
