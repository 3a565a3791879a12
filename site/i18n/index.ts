/** The site's entry to the one catalogue in `lib/i18n`: the translator, the islands' strings by area, language helpers. */
import { type Language, localeOf } from '#lib/language.ts'
import { type AreaStrings, type Key, dictionaries, strings, t, translator } from '#lib/i18n/index.ts'
import { format } from '#lib/format.ts'
import { dateFormat } from '#lib/date-format.ts'

export { dictionaries, format, t, translator }

/** Any key of the catalogue: `area.key`, e.g. `search.submit` or `portal.incidents.title`. */
export type MessageKey = Key

/** The strings a portal island gets: the `portal` area of one language, keys without `portal.`. */
export type PortalStrings = AreaStrings<'portal'>
/** A portal string's key without its `portal.` prefix. */
export type PortalKey = keyof PortalStrings

/** The strings a console island gets: the `staff` area of one language, keys without `staff.`. */
export type StaffStrings = AreaStrings<'staff'>
/** A staff console string's key without its `staff.` prefix. */
export type StaffKey = keyof StaffStrings

/** The strings of the public remote-view page: the `remoteView` area of one language. */
export type RemoteViewStrings = AreaStrings<'remoteView'>
/** A key of the public remote-view page without its `remoteView.` prefix. */
export type RemoteViewKey = keyof RemoteViewStrings

/** The portal's strings of `lang`, for an island's props. */
export function portalStrings(lang: Language): PortalStrings {
  return strings(lang, 'portal')
}

/** The staff console's strings of `lang`, for an island's props. */
export function staffStrings(lang: Language): StaffStrings {
  return strings(lang, 'staff')
}

/** The public remote-view page's strings of `lang`, for its island's props. */
export function remoteViewStrings(lang: Language): RemoteViewStrings {
  return strings(lang, 'remoteView')
}

/** The other language of the site. */
export function otherLanguage(lang: Language): Language {
  return lang === 'nl' ? 'en' : 'nl'
}

/**
 * A date as articles show it ("3 augustus 2026", "3 August 2026"). One formatter per language for
 * the whole build (see dateFormat): every article page shows dates.
 */
export function longDate(lang: Language, date: Date): string {
  return dateFormat(localeOf(lang), { day: 'numeric', month: 'long', year: 'numeric' }).format(date)
}
