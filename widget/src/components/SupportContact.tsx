/** How to reach support without the API (it does not allow this site yet): desk.yaml's phone and e-mail, as its refusal told them. */
import { telHref } from '#lib/phone.ts'
import type { SupportContact as Support } from '../api.ts'
import type { Strings } from '../strings.ts'

export interface SupportContactProps {
  support: Support
  strings: Strings
}

export function SupportContact({ support, strings }: SupportContactProps) {
  return (
    <div class="lw-desk lw-contact">
      <p>{strings.phone}: <a href={telHref(support.phone.international)}>{support.phone.display}</a></p>
      <p>{strings.email}: <a href={`mailto:${support.email}`}>{support.email}</a></p>
    </div>
  )
}
