/** English: the staff console’s shell: sign-in, navigation. */
import { common } from './common.ts'
import type { staff as nl } from '../nl/staff.ts'
import type { Translation } from '../types.ts'

export const staff = {
  'nav.label': 'Console',
  'nav.queue': 'Queue',
  'nav.signals': 'Signals',
  'nav.insight': 'Knowledge base insight',
  'title.incident': 'Incident',
  noscript: 'The console needs JavaScript.',
  loading: common.loading,
  network: 'There is no connection to the server. Check the connection and try again.',
  unexpected: common.unexpectedRetry,
  'gate.contact': 'You are signed in as a customer contact. The console is for support staff only.',
  'gate.role': 'This page is for Customer Care and admins.',
  'signIn.title': 'Sign in as staff',
  'signIn.email': 'E-mail address',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'account.signedInAs': common.signedInAs,
  'account.signOut': common.signOut,
} satisfies Translation<typeof nl>
