/** An employee's view: who the organisation is, and that the admin sees more. */
import type { PortalStrings } from '../../../i18n/index.ts'
import { yesNo, type BriefOrganisation } from './common.ts'

export function Brief({ strings, organisation }: { strings: PortalStrings; organisation: BriefOrganisation }) {
  return (
    <section aria-labelledby="organisation-details">
      <h2 id="organisation-details">{strings['organisation.details.title']}</h2>
      <dl class="details">
        <dt>{strings['organisation.details.name']}</dt><dd>{organisation.name}</dd>
        <dt>{strings['organisation.details.customerNumber']}</dt><dd>{organisation.customerNumber}</dd>
        <dt>{strings['organisation.details.firstClass']}</dt><dd>{yesNo(strings, organisation.isFirstClass)}</dd>
      </dl>
      <p>{strings['organisation.employeeNote']}</p>
    </section>
  )
}
