/** Time-zone offsets, looked up once per hour of a zone: what local dates and business hours are worked out from. */
import { tzOffset } from '@date-fns/tz'

const HOUR_MS = 3_600_000
/** Offsets of whole hours without a clock change, by time zone and hour since the epoch. */
const offsets = new Map<string, number>()
const OFFSETS_KEPT = 100_000

/**
 * The time zone's offset in minutes at `at`, as tzOffset gives it. Targets and signals work out
 * the same hours' offsets for every open incident or contact moment of a page, and one lookup
 * costs more than the rest of the sum: an hour's offset is kept when it is the same at its first
 * and last millisecond (no clock change in it; zones change their clocks at most a few times a
 * year).
 */
export function offsetAt(timeZone: string, at: Date): number {
  const ms = at.getTime()
  if (!Number.isFinite(ms)) return tzOffset(timeZone, at)
  const hour = Math.floor(ms / HOUR_MS)
  const key = `${timeZone} ${hour}`
  const known = offsets.get(key)
  if (known !== undefined) return known
  const first = tzOffset(timeZone, new Date(hour * HOUR_MS))
  if (first !== tzOffset(timeZone, new Date((hour + 1) * HOUR_MS - 1))) return tzOffset(timeZone, at)
  if (offsets.size >= OFFSETS_KEPT) offsets.clear()
  offsets.set(key, first)
  return first
}
