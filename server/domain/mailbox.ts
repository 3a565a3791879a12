/** Which mailbox an e-mail address reaches, for the per-address mail limits: sub-addresses (`+tag`) and case count as one. */

/**
 * The mailbox `email` reaches, as the per-address limits count it: lower case, and the local part
 * without its `+tag` (`name+1@x` and `name+2@x` both reach `name@x`). Only for counting: what is
 * kept and mailed is the address as given.
 * @example mailboxKey('Anne.de.Vries+loket@Klant.example') === 'anne.de.vries@klant.example'
 */
export function mailboxKey(email: string): string {
  const lower = email.trim().toLowerCase()
  const at = lower.lastIndexOf('@')
  if (at <= 0) return lower
  const local = lower.slice(0, at)
  const plus = local.indexOf('+')
  // "+tag@x" alone has no mailbox name before the tag: counted as it is.
  return plus > 0 ? `${local.slice(0, plus)}${lower.slice(at)}` : lower
}
