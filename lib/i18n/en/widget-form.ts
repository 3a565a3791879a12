/**
 * English: the widget's incident form; it travels in the form's own chunk, loaded when the form opens.
 * The field checks the portal shows alike are written here and read from here.
 */
import { bug as bugKind, outage as outageKind, wish as wishKind } from './kind.ts'
import type { widgetForm as nl } from '../nl/widget-form.ts'
import type { Translation } from '../types.ts'

export const widgetForm = {
  back: 'Back to search',
  formTitle: 'Contact support',
  formIntro: 'Support confirms your request by e-mail. Fields marked * are required.',
  name: 'Name',
  email: 'E-mail address',
  kind: 'Kind of request',
  'kind.bug': bugKind,
  'kind.bug.help': 'Something works differently from how it should.',
  'kind.outage': outageKind,
  'kind.outage.help': 'The system or a part of it does not work at all.',
  'kind.wish': wishKind,
  'kind.wish.help': 'An idea to make the product better.',
  'kind.question': 'Question',
  'kind.question.help': 'You want to know how something works.',
  productArea: 'Product area',
  productAreaChoose: 'Choose a product area',
  subject: 'Subject',
  description: 'Description',
  descriptionHelp: 'What did you do, what did you expect and what happened? Quote error messages exactly.',
  honeypot: 'Leave this field empty',
  send: 'Send request',
  sending: 'Sending…',
  suggestions: 'Is the answer perhaps here?',
  required: 'Please fill in this field.',
  tooShort: 'Use at least {min} characters.',
  tooLong: 'Use at most {max} characters.',
  needsLetter: 'A name needs at least one letter.',
  invalidEmail: 'Enter a valid e-mail address, such as name@company.com.',
  chooseKind: 'Choose the kind of request.',
  chooseArea: 'Choose a product area.',
  fixFields: 'Please check the marked fields.',
  networkError: 'Your request could not be sent. Check your connection and try again.',
  serverError: 'Something went wrong on our side. Please try again later or call us.',
  rateLimited: 'You sent many requests in a short time. Please try again in {minutes} minutes.',
} satisfies Translation<typeof nl>
