/** The incident form's words, in Dutch and English: they travel in the form's own chunk, loaded when the form opens. */
import type { Language } from '../../server/domain/desk.ts'

export const nl = {
  back: 'Terug naar zoeken',
  formTitle: 'Melding maken',
  formIntro: 'Support bevestigt uw melding per e-mail. Velden met * zijn verplicht.',
  name: 'Naam',
  email: 'E-mailadres',
  kind: 'Soort melding',
  'kind.bug': 'Fout',
  'kind.bug.help': 'Iets werkt anders dan het hoort.',
  'kind.outage': 'Storing',
  'kind.outage.help': 'Het systeem of een onderdeel werkt helemaal niet.',
  'kind.wish': 'Wens',
  'kind.wish.help': 'Een idee om het product beter te maken.',
  'kind.question': 'Vraag',
  'kind.question.help': 'U wilt weten hoe iets werkt.',
  productArea: 'Onderdeel',
  productAreaChoose: 'Kies een onderdeel',
  subject: 'Onderwerp',
  description: 'Omschrijving',
  descriptionHelp: 'Wat deed u, wat verwachtte u en wat gebeurde er? Noem foutmeldingen letterlijk.',
  honeypot: 'Laat dit veld leeg',
  send: 'Melding versturen',
  sending: 'Bezig met versturen…',
  suggestions: 'Staat het antwoord hier misschien?',
  required: 'Vul dit veld in.',
  tooShort: 'Gebruik minstens {min} tekens.',
  tooLong: 'Gebruik hoogstens {max} tekens.',
  invalidEmail: 'Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.',
  chooseKind: 'Kies het soort melding.',
  chooseArea: 'Kies een onderdeel.',
  fixFields: 'Controleer de gemarkeerde velden.',
  networkError: 'De melding kon niet worden verstuurd. Controleer uw verbinding en probeer het opnieuw.',
  serverError: 'Er ging bij ons iets mis. Probeer het later opnieuw of bel ons.',
  rateLimited: 'U heeft veel meldingen kort na elkaar verstuurd. Probeer het over {minutes} minuten opnieuw.',
}

export type FormStrings = Record<keyof typeof nl, string>

export const en: FormStrings = {
  back: 'Back to search',
  formTitle: 'Contact support',
  formIntro: 'Support confirms your request by e-mail. Fields marked * are required.',
  name: 'Name',
  email: 'E-mail address',
  kind: 'Kind of request',
  'kind.bug': 'Bug',
  'kind.bug.help': 'Something works differently from how it should.',
  'kind.outage': 'Outage',
  'kind.outage.help': 'The system or a part of it does not work at all.',
  'kind.wish': 'Wish',
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
  invalidEmail: 'Enter a valid e-mail address, such as name@company.com.',
  chooseKind: 'Choose the kind of request.',
  chooseArea: 'Choose a product area.',
  fixFields: 'Please check the marked fields.',
  networkError: 'Your request could not be sent. Check your connection and try again.',
  serverError: 'Something went wrong on our side. Please try again later or call us.',
  rateLimited: 'You sent many requests in a short time. Please try again in {minutes} minutes.',
}

/** Both languages, for tests; the form takes {@link BUNDLE_FORM_STRINGS}. */
export const FORM_STRINGS: Record<Language, FormStrings> = { nl, en }

declare const LOKET_BUNDLE_LANG: Language | undefined

/** The form's words in this bundle's language (Dutch outside a bundle). */
export const BUNDLE_FORM_STRINGS: FormStrings = typeof LOKET_BUNDLE_LANG !== 'undefined' && LOKET_BUNDLE_LANG === 'en' ? en : nl
