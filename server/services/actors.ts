/** Names for the "contact:<id>" and "staff:<id>" references records keep of who did what. */
import type { Actor } from '../domain/timeline.ts'
import type { SignedIn } from '../middleware/session/index.ts'
import type { Store } from '../store/store.ts'

/** The reference a record keeps of who acted: "staff:<id>" or "contact:<id>". */
export const actorRef = (viewer: SignedIn): string => (viewer.kind === 'staff' ? `staff:${viewer.staff.id}` : `contact:${viewer.contact.id}`)

/** Looks up every referenced person once; an unknown or "system" reference reads as the desk itself. */
export async function actorsOf(store: Store, refs: Iterable<string>, deskName: string): Promise<(ref: string) => Actor> {
  const found = new Map<string, Actor>()
  for (const ref of new Set(refs)) {
    const [kind, id = ''] = ref.split(':', 2)
    if (kind === 'contact') {
      const contact = await store.contacts.get(id)
      if (contact) found.set(ref, { kind: 'contact', name: contact.name })
    } else if (kind === 'staff') {
      const staff = await store.staff.get(id)
      if (staff) found.set(ref, { kind: 'staff', name: staff.name })
    }
  }
  return (ref) => found.get(ref) ?? { kind: 'system', name: deskName }
}
