/** Who may read the signals for Customer Care and record follow-ups: customer care and admins, not agents. */
import type { Staff } from '../domain/records.ts'
import { isCustomerCare } from '../domain/signals.ts'

export const signalsPolicy = {
  /** Customer care and admins read the flagged organisations. */
  maySee: (staff: Pick<Staff, 'role'>): boolean => isCustomerCare(staff),

  /** The same people record a follow-up for an organisation. */
  mayRecordFollowUp: (staff: Pick<Staff, 'role'>): boolean => isCustomerCare(staff),
}
