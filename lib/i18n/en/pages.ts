/** English: the API's own small HTML pages: confirming a request, signing in, and what a link leads to. */
import { api } from './api.ts'
import type { pages as nl } from '../nl/pages.ts'
import type { Translation } from '../types.ts'

export const pages = {
  'confirm.title': 'Confirm your request',
  'confirm.text': 'Confirm that you want to send this request.',
  'confirm.button': 'Confirm',
  'registered.title': 'Request registered',
  'registered.text': 'Your request is registered with incident number {number}. You will receive an e-mail with a link to follow it.',
  'expired.title': 'Link no longer works',
  'expired.text': api.tokenInvalid,
  'refused.title': 'Request not registered',
  'refused.text': api.notAuthorised,
  'signIn.title': 'Sign in',
  'signIn.heading': 'Sign in to {desk}',
  'signIn.text': 'Click the button to sign in.',
  'signIn.button': 'Sign in',
  'linkExpired.title': 'Link expired',
  'linkExpired.heading': 'This link no longer works',
  'tooManyTries.title': 'Too many tries',
  'tooManyTries.text': 'Too many links that do not work (any more) were tried from this address. Please try again in {minutes} minutes.',
  toKnowledgeBase: 'To the knowledge base',
} satisfies Translation<typeof nl>
