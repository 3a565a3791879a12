/** Secrets handed to people (links, cookies): random, and stored only as a hash. */
import { createHash, randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

/** A fresh secret of 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** A code of six digits, leading zeros kept, to read aloud and type: short-lived and single-use, as a remote-view code. */
export function newSixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/** What the store keeps of a token: its SHA-256, so a copy of the data folder opens nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number }) => Promise<Buffer>
const SCRYPT = { N: 16384, r: 8, p: 1 }

/** "scrypt$N$r$p$salt$hash" for a staff password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const hash = await scrypt(password, salt, 32, SCRYPT)
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

/**
 * A hash of nobody's password, made once with the same cost as every real one: an address that is
 * no active staff member is checked against it, so a sign-in takes as long whether or not the
 * address is known, and the time does not tell who is staff.
 */
export function dummyPasswordHash(): Promise<string> {
  return (dummy ??= hashPassword(newToken()))
}
let dummy: Promise<string> | undefined

/** Whether `password` is the one `stored` (hashPassword's form) was made from; false for no or another kind of hash. */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  if (!stored) return false
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt') return false
  const expected = Buffer.from(hash, 'base64url')
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) })
  return timingSafeEqual(actual, expected)
}
