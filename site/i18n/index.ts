/** UI strings of the site in Dutch and English: flat dotted keys, the same in both dictionaries. */
import kbNl from './nl.json'
import kbEn from './en.json'
import portalNl from './portal.nl.json'
import portalEn from './portal.en.json'
import organisationNl from './portal-organisation.nl.json'
import organisationEn from './portal-organisation.en.json'
import complaintsNl from './portal-complaints.nl.json'
import complaintsEn from './portal-complaints.en.json'
import staffNl from './staff.nl.json'
import staffEn from './staff.en.json'
import queueNl from './staff-queue.nl.json'
import queueEn from './staff-queue.en.json'
import staffIncidentNl from './staff-incident.nl.json'
import staffIncidentEn from './staff-incident.en.json'
import signalsNl from './staff-signals.nl.json'
import signalsEn from './staff-signals.en.json'
import insightNl from './staff-insight.nl.json'
import insightEn from './staff-insight.en.json'
import portalAccessNl from './portal-access.nl.json'
import portalAccessEn from './portal-access.en.json'
import staffAccessNl from './staff-access.nl.json'
import staffAccessEn from './staff-access.en.json'
import staffRemoteViewNl from './staff-remote-view.nl.json'
import staffRemoteViewEn from './staff-remote-view.en.json'
import remoteViewNl from './remote-view.nl.json'
import remoteViewEn from './remote-view.en.json'
import { format } from '#lib/format.ts'
import type { Language } from '../../server/domain/desk.ts'

/** The KnowledgeBase's strings, the portal's (`portal.*`) and the staff console's (`staff.*`) by area, one dictionary per language. */
const nl = {
  ...kbNl, ...portalNl, ...organisationNl, ...complaintsNl, ...portalAccessNl, ...staffNl, ...queueNl, ...staffIncidentNl, ...signalsNl, ...insightNl,
  ...staffAccessNl, ...staffRemoteViewNl, ...remoteViewNl,
}
const en = {
  ...kbEn, ...portalEn, ...organisationEn, ...complaintsEn, ...portalAccessEn, ...staffEn, ...queueEn, ...staffIncidentEn, ...signalsEn, ...insightEn,
  ...staffAccessEn, ...staffRemoteViewEn, ...remoteViewEn,
}

export type MessageKey = keyof typeof nl
export const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en }

/** A portal string's key without its `portal.` prefix. */
export type PortalKey = MessageKey extends infer K ? (K extends `portal.${infer Rest}` ? Rest : never) : never
/** The strings a portal island gets: every `portal.*` entry of one language. */
export type PortalStrings = Record<PortalKey, string>

/** A staff console string's key without its `staff.` prefix. */
export type StaffKey = MessageKey extends infer K ? (K extends `staff.${infer Rest}` ? Rest : never) : never
/** The strings a console island gets: every `staff.*` entry of one language. */
export type StaffStrings = Record<StaffKey, string>

/** A key of the public remote-view page without its `remoteView.` prefix. */
export type RemoteViewKey = MessageKey extends infer K ? (K extends `remoteView.${infer Rest}` ? Rest : never) : never
export type RemoteViewStrings = Record<RemoteViewKey, string>

/** The entries of `lang` under `prefix`, without it. */
function section(lang: Language, prefix: string): Record<string, string> {
  const strings: Record<string, string> = {}
  for (const [key, value] of Object.entries(dictionaries[lang])) if (key.startsWith(prefix)) strings[key.slice(prefix.length)] = value
  return strings
}

/** The portal's strings of `lang`, for an island's props. */
export function portalStrings(lang: Language): PortalStrings {
  return section(lang, 'portal.') as PortalStrings
}

/** The staff console's strings of `lang`, for an island's props. */
export function staffStrings(lang: Language): StaffStrings {
  return section(lang, 'staff.') as StaffStrings
}

/** The public remote-view page's strings of `lang` (`remoteView.*`), for its island's props. */
export function remoteViewStrings(lang: Language): RemoteViewStrings {
  return section(lang, 'remoteView.') as RemoteViewStrings
}

export { format }

/** The translator of one language. @example t('nl')('search.submit') === 'Zoeken' */
export function t(lang: Language) {
  const dictionary = dictionaries[lang]
  return (key: MessageKey, vars?: Record<string, string | number>): string => format(dictionary[key], vars)
}

/** The other language of the site. */
export function otherLanguage(lang: Language): Language {
  return lang === 'nl' ? 'en' : 'nl'
}

/** Locale for Intl formatting. */
export function locale(lang: Language): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB'
}
