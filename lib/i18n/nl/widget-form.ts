/**
 * Dutch: the widget's incident form; it travels in the form's own chunk, loaded when the form opens.
 * The field checks the portal shows alike are written here and read from here.
 */
import { bug as bugKind, outage as outageKind, wish as wishKind } from './kind.ts'

export const widgetForm = {
  back: 'Terug naar zoeken',
  formTitle: 'Melding maken',
  formIntro: 'Support bevestigt uw melding per e-mail. Velden met * zijn verplicht.',
  name: 'Naam',
  email: 'E-mailadres',
  kind: 'Soort melding',
  'kind.bug': bugKind,
  'kind.bug.help': 'Iets werkt anders dan het hoort.',
  'kind.outage': outageKind,
  'kind.outage.help': 'Het systeem of een onderdeel werkt helemaal niet.',
  'kind.wish': wishKind,
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
  needsLetter: 'Een naam heeft minstens één letter.',
  invalidEmail: 'Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.',
  chooseKind: 'Kies het soort melding.',
  chooseArea: 'Kies een onderdeel.',
  fixFields: 'Controleer de gemarkeerde velden.',
  networkError: 'De melding kon niet worden verstuurd. Controleer uw verbinding en probeer het opnieuw.',
  serverError: 'Er ging bij ons iets mis. Probeer het later opnieuw of bel ons.',
  rateLimited: 'U heeft veel meldingen kort na elkaar verstuurd. Probeer het over {minutes} minuten opnieuw.',
} as const
