/** Sign-in tokens: the single-use links e-mailed to contacts and staff, also inside tracking links. */
import { randomUUID } from 'node:crypto'
import { hashToken, newToken } from '../auth/tokens.ts'
import type { Session } from '../domain/records.ts'
import type { Deps } from '../deps.ts'

/** Creates a single-use sign-in token, valid `minutes`, landing on `next`. Returns the token for the e-mail. */
export async function signInToken(deps: Pick<Deps, 'store' | 'clock'>, subject: Session['subject'], minutes: number, next?: string): Promise<{ id: string; token: string }> {
  const token = newToken()
  const id = randomUUID()
  const expiresAt = new Date(deps.clock().getTime() + minutes * 60_000).toISOString()
  await deps.store.signInTokens.put({ id, tokenHash: hashToken(token), subject, ...(next ? { next } : {}), expiresAt })
  return { id, token }
}
