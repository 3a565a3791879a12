/** API errors as JSON: a machine-readable code and a message in the caller's language (nl or en). */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import type { Language, Localized } from '../domain/desk.ts'

/** The error body every API route answers with. */
export interface ApiError {
  code: string
  message: string
  fields?: { path: string; message: string }[]
}

/** English when the request prefers it (Accept-Language), Dutch otherwise. */
export function requestLanguage(c: Context): Language {
  return /^\s*en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'nl'
}

export const MESSAGES = {
  notFound: { nl: 'Dit adres bestaat niet in de API.', en: 'This address does not exist in the API.' },
  invalidInput: { nl: 'De gegevens zijn niet compleet of niet juist. Zie de velden.', en: 'The data is incomplete or not valid. See the fields.' },
  unsupportedMediaType: { nl: 'Stuur de gegevens als JSON (Content-Type: application/json).', en: 'Send the data as JSON (Content-Type: application/json).' },
  tooLarge: { nl: 'Het verzoek is te groot.', en: 'The request is too large.' },
  malformedJson: { nl: 'De JSON in het verzoek is niet leesbaar.', en: 'The JSON in the request cannot be read.' },
  signInRequired: { nl: 'Log eerst in.', en: 'Please sign in first.' },
  staffOnly: { nl: 'Alleen voor medewerkers van support.', en: 'For support staff only.' },
  roleNotAllowed: { nl: 'Uw rol geeft geen toegang tot dit deel van de console. Vraag een beheerder als u het nodig hebt.', en: 'Your role gives no access to this part of the console. Ask an admin if you need it.' },
  organisationNotFound: { nl: 'Deze organisatie bestaat niet.', en: 'This organisation does not exist.' },
  incidentNotFound: { nl: 'Dit incident bestaat niet of u mag het niet zien.', en: 'This incident does not exist or you may not see it.' },
  checkEmail: { nl: 'Bedankt. Kijk in uw e-mail om uw melding te bevestigen.', en: 'Thank you. Check your e-mail to confirm your request.' },
  signInSent: { nl: 'Als dit adres bij ons bekend is, staat er een inloglink in uw e-mail.', en: 'If we know this address, a sign-in link is in your e-mail.' },
  tokenInvalid: { nl: 'Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.', en: 'This link has expired or was used already. Please ask for a new one.' },
  notAuthorised: { nl: 'U bent geen geautoriseerde contactpersoon. Vraag de beheerder van uw organisatie om u toe te voegen.', en: 'You are not an authorised contact. Ask your organisation\'s admin to add you.' },
  firstClassOnly: { nl: 'Prioriteit 1 is alleen voor First Class-klanten.', en: 'Priority 1 is for First Class customers only.' },
  transitionRefused: { nl: 'Deze statuswijziging is niet toegestaan.', en: 'This status change is not allowed.' },
  versionConflict: { nl: 'Iemand anders heeft dit incident intussen gewijzigd. Bekijk de huidige stand.', en: 'Someone else changed this incident meanwhile. See the current state.' },
  complaintConflict: { nl: 'Iemand anders heeft deze klacht intussen gewijzigd. Bekijk de huidige stand.', en: 'Someone else changed this complaint meanwhile. See the current state.' },
  wrongPassword: { nl: 'E-mailadres of wachtwoord klopt niet.', en: 'E-mail address or password is not right.' },
  rateLimited: { nl: 'Te veel verzoeken. Probeer het later opnieuw.', en: 'Too many requests. Please try again later.' },
  originNotAllowed: { nl: 'Deze site mag de API niet gebruiken.', en: 'This site may not use the API.' },
  attachmentTypeNotAllowed: { nl: 'Dit type bestand kunt u niet toevoegen. Toegestaan zijn: png, jpg, pdf, txt, log, csv en zip.', en: 'You cannot add this type of file. Allowed are: png, jpg, pdf, txt, log, csv and zip.' },
  attachmentContentMismatch: { nl: 'De inhoud van het bestand past niet bij de extensie, bijvoorbeeld een hernoemd programma. Sla tekst en csv op als UTF-8.', en: 'The content of the file does not match its extension, for example a renamed program. Save text and csv as UTF-8.' },
  attachmentTooLarge: { nl: 'Een bijlage mag hoogstens 10 MB zijn. Verklein het bestand of pak het in als zip.', en: 'An attachment may be 10 MB at most. Make the file smaller or compress it as a zip.' },
  attachmentNotFound: { nl: 'Deze bijlage bestaat niet of u mag haar niet zien.', en: 'This attachment does not exist or you may not see it.' },
  multipartRequired: { nl: 'Stuur het bestand als multipart/form-data, in het veld "file".', en: 'Send the file as multipart/form-data, in the field "file".' },
  contactsOnly: { nl: 'Alleen voor contactpersonen van een klant, in het portaal.', en: 'For customer contacts only, in the portal.' },
  adminOnly: { nl: 'Alleen de beheerder van uw organisatie mag dit doen.', en: 'Only an admin of your organisation may do this.' },
  contactNotFound: { nl: 'Deze contactpersoon bestaat niet in uw organisatie.', en: 'This contact does not exist in your organisation.' },
  emailInUse: { nl: 'Dit e-mailadres is al in gebruik bij een contactpersoon. Gebruik een ander adres of vraag support om hulp.', en: 'This e-mail address is already used by a contact. Use another address or ask support for help.' },
  lastAdmin: { nl: 'Uw organisatie houdt minstens één beheerder die kan inloggen. Maak eerst iemand anders beheerder.', en: 'Your organisation keeps at least one admin who can sign in. Make someone else an admin first.' },
  complaintNotFound: { nl: 'Deze klacht of mening bestaat niet of u mag haar niet zien.', en: 'This complaint or opinion does not exist or you may not see it.' },
  incidentClosed: { nl: 'Dit incident is gesloten. Meld een nieuw incident en noem dit nummer erin.', en: 'This incident is closed. Register a new incident and mention this number in it.' },
  reopenWindowPassed: { nl: 'Dit incident is langer dan 14 dagen geleden opgelost en kan niet meer heropend worden. Meld een nieuw incident en noem dit nummer erin.', en: 'This incident was resolved more than 14 days ago and can no longer be reopened. Register a new incident and mention this number in it.' },
  teamNotAllowed: { nl: 'Dit is niet de wachtrij van uw team.', en: 'This is not your team\'s queue.' },
  crossOrigin: { nl: 'Dit verzoek kwam van een andere site en is geweigerd. Werk vanuit het portaal zelf.', en: 'This request came from another site and was refused. Please work from the portal itself.' },
  phoneSecretInvalid: { nl: 'Het telefoniesysteem stuurde geen of een onjuist geheim. Stuur het als "Authorization: Bearer <geheim>", gelijk aan PHONE_ROUTING_SECRET van de server.', en: 'The telephone system sent no secret or a wrong one. Send it as "Authorization: Bearer <secret>", equal to the server\'s PHONE_ROUTING_SECRET.' },
  phoneRoutingDisabled: { nl: 'Doorverbinden via het telefoniesysteem staat uit. Stel PHONE_ROUTING_SECRET in op de server om het aan te zetten.', en: 'Routing calls for the telephone system is off. Set PHONE_ROUTING_SECRET on the server to turn it on.' },
  consentNotFound: { nl: 'Dit verzoek bestaat niet of u mag het niet zien.', en: 'This request does not exist or you may not see it.' },
  consentConflict: { nl: 'Iemand anders heeft dit verzoek intussen gewijzigd. Bekijk de huidige stand.', en: 'Someone else changed this request meanwhile. See the current state.' },
  incidentNotOpen: { nl: 'Dit incident is niet (meer) in behandeling; hiervoor is een open incident nodig.', en: 'This incident is not (or no longer) being handled; this needs an open incident.' },
  remoteViewActive: { nl: 'Bij dit incident loopt al een meekijksessie. Beëindig die eerst.', en: 'A remote-view session is already running for this incident. End it first.' },
  codeUnknown: { nl: 'Deze code kennen we niet. Controleer de zes cijfers in uw e-mail of in het portaal.', en: 'We do not know this code. Check the six digits in your e-mail or in the portal.' },
  codeExpired: { nl: 'Deze code is verlopen: een code werkt 10 minuten. Vraag de medewerker om een nieuwe.', en: 'This code has expired: a code works for 10 minutes. Ask the support employee for a new one.' },
  codeUsed: { nl: 'Deze code is al gebruikt: een code werkt één keer. Vraag de medewerker om een nieuwe.', en: 'This code was used already: a code works once. Ask the support employee for a new one.' },
  codeTriesExceeded: { nl: 'Te veel onjuiste codes vanaf dit adres. Wacht 10 minuten en probeer het opnieuw.', en: 'Too many wrong codes from this address. Wait 10 minutes and try again.' },
  remoteViewNotOpen: { nl: 'Deze meekijksessie is niet open.', en: 'This remote-view session is not open.' },
  remoteViewEnded: { nl: 'Deze meekijksessie is al beëindigd.', en: 'This remote-view session has ended already.' },
  remoteViewTokenInvalid: { nl: 'Deze meekijksessie hoort niet bij deze pagina. Vul de code opnieuw in.', en: 'This remote-view session does not belong to this page. Enter the code again.' },
  tooManySignals: { nl: 'Deze sessie heeft te veel verbindingsberichten. Beëindig haar en begin een nieuwe.', en: 'This session has too many connection messages. End it and start a new one.' },
  moveRefused: { nl: 'Deze stap is vanuit de huidige stand niet mogelijk.', en: 'This step is not possible from the current state.' },
  grantInactive: { nl: 'Deze toegang is verlopen of ingetrokken en geeft geen toegang meer.', en: 'This access has ended or was revoked and no longer gives access.' },
  grantTooLong: { nl: 'Tijdelijke toegang loopt hoogstens 14 dagen en eindigt in de toekomst. Kies een eerder einde.', en: 'Temporary access lasts 14 days at most and ends in the future. Choose an earlier end.' },
  extraSupportTooLong: { nl: 'Eén verzoek beslaat hoogstens 72 uur. Splits een langer venster in meer verzoeken.', en: 'One request covers 72 hours at most. Split a longer window into more requests.' },
  extraSupportWithinHours: { nl: 'Dit venster valt helemaal binnen de kantooruren; daarvoor is geen extra ondersteuning nodig.', en: 'This window lies wholly within business hours; it needs no extra support.' },
  internal: { nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.', en: 'Something went wrong on our side. Please try again later.' },
} satisfies Record<string, Localized>

export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: Localized, fields?: ApiError['fields']) {
  const body: ApiError = { code, message: message[requestLanguage(c)], ...(fields ? { fields } : {}) }
  return c.json(body, status)
}

/** zod's issues as fields: "lang: Invalid option". */
export function fieldsOf(error: z.ZodError): ApiError['fields'] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }))
}
