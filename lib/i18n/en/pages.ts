/** English: the API's own small HTML pages: confirming a request, signing in, and what a link leads to, each with the next step. */
import { api } from './api.ts'
import type { pages as nl } from '../nl/pages.ts'
import type { Translation } from '../types.ts'

export const pages = {
  'confirm.title': 'Confirm your request',
  'confirm.text': 'Confirm that you want to send this request. It is registered only once you confirm.',
  'confirm.button': 'Confirm',
  'registered.title': 'Request registered',
  'registered.text': 'Your request is registered with incident number {number}. You will receive an e-mail with a link to follow it.',
  'registered.next': 'In the customer portal you follow your request and reply to it.',
  'registered.toIncident': 'See the incident in the portal',
  'alreadyRegistered.title': 'This request is registered already',
  'alreadyRegistered.text': 'You confirmed this request before: it is registered with incident number {number}. There is no need to send it again.',
  'expired.title': 'Link no longer works',
  'expired.confirmText': 'This confirmation link has expired or does not work, so your request was not registered.',
  'expired.confirmNext': 'Send your request again through the help window on the knowledge base, or file it in the customer portal when you are signed in. You then receive a new link.',
  'expired.newIncident': 'File it again in the portal',
  'refused.title': 'Request not registered',
  'refused.text': api.notAuthorised,
  'refused.next': 'Is this a mistake? Call support on {phone} or e-mail {email}.',
  'signIn.heading': 'Sign in to {desk}',
  'signIn.text': 'Click the button to sign in.',
  'signIn.button': 'Sign in',
  'linkExpired.heading': 'This link no longer works',
  'linkExpired.signInText': 'This sign-in link was used already or has expired: a sign-in link works once and only briefly.',
  'linkExpired.signInNext': 'Ask for a new link on the sign-in page.',
  'linkExpired.toSignIn': 'To the sign-in page',
  'signInRefused.title': 'Cannot sign in',
  'signInRefused.text': "You cannot sign in with this e-mail address (now). Ask your organisation's admin to authorise you.",
  'tooManyTries.title': 'Too many tries',
  'tooManyTries.text': 'Too many links that do not work (any more) were tried from this address. Please try again in {minutes} minutes.',
  toKnowledgeBase: 'To the knowledge base',
  home: 'Knowledge base',
} satisfies Translation<typeof nl>
