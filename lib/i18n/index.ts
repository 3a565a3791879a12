/**
 * The one catalogue of words: Dutch (the default) and English, by area, and the one typed `t()`.
 * Site, server (API errors, mail) and tests import this; the widget imports only its area files
 * (`./nl/widget.ts`, …) so that each bundle carries one language and none of the other areas.
 * A new word goes into the Dutch area file first (the keys and placeholders are typed from it), then
 * into the English one; a word that two areas show alike is written once and read by the other.
 */
import { format } from '../format.ts'
import type { Language } from '../language.ts'
import { en } from './en/index.ts'
import { nl } from './nl/index.ts'
import type { Placeholders, Translation } from './types.ts'

export type { Placeholders, Translation } from './types.ts'

/** The shape of the catalogue, typed from the Dutch one. */
export type Catalogue = typeof nl
/** An area of the catalogue: `portal`, `staff`, `widget`, `api`, `mail`, `status`, … */
export type Area = keyof Catalogue
/** The words of one area in any language: its keys, each a string. */
export type AreaStrings<A extends Area> = Translation<Catalogue[A]>
/** Every key of the catalogue: its area, a dot, and the key within the area. @example 'portal.incidents.title' */
export type Key = { [A in Area]: `${A}.${keyof Catalogue[A] & string}` }[Area]
/** The Dutch text of `K`, as a literal type. */
export type Text<K extends Key> = K extends `${infer A extends Area}.${infer R}` ? (R extends keyof Catalogue[A] ? Catalogue[A][R] : never) : never
/** What a key's placeholders take: nothing when it has none, else a value for each. */
export type Vars<K extends Key> = [Placeholders<Text<K>>] extends [never] ? [] : [vars: Record<Placeholders<Text<K>>, string | number>]

/** Both catalogues, whole and nested by area. */
export const catalogues: Record<Language, Translation<Catalogue>> = { nl, en }

/** Both catalogues flat: `area.key` → text. */
export const dictionaries: Record<Language, Record<Key, string>> = { nl: flatten(nl), en: flatten(en) }

/**
 * The text of `key` in `lang`, its `{name}` placeholders filled from `vars`.
 * @example t('en', 'desk.closedToday', { note: 'Christmas' }) === 'Closed today: Christmas'
 */
export function t<K extends Key>(lang: Language, key: K, ...vars: Vars<K>): string {
  return format(dictionaries[lang][key], vars[0])
}

/** `t` with the language bound, for a page or component that speaks one language. @example translator('nl')('search.submit') */
export function translator(lang: Language) {
  return <K extends Key>(key: K, ...vars: Vars<K>): string => t(lang, key, ...vars)
}

/** One area of `lang`'s catalogue, e.g. the portal's words for an island's props. */
export function strings<A extends Area>(lang: Language, area: A): AreaStrings<A> {
  return catalogues[lang][area] as AreaStrings<A>
}

/** One area in both languages, key by key: `{ nl, en }` per key, as the API's error messages are used. */
export function bilingual<A extends Area>(area: A): { [K in keyof Catalogue[A]]: Record<Language, string> } {
  const both = {} as Record<string, Record<Language, string>>
  const [dutch, english] = [entriesOf('nl', area), entriesOf('en', area)]
  for (const key of Object.keys(dutch)) both[key] = { nl: dutch[key]!, en: english[key]! }
  return both as { [K in keyof Catalogue[A]]: Record<Language, string> }
}

function entriesOf(lang: Language, area: Area): Record<string, string> {
  return catalogues[lang][area] as unknown as Record<string, string>
}

function flatten(catalogue: Translation<Catalogue>): Record<Key, string> {
  const flat: Record<string, string> = {}
  for (const [area, entries] of Object.entries(catalogue)) {
    for (const [key, text] of Object.entries(entries as Record<string, string>)) flat[`${area}.${key}`] = text
  }
  return flat as Record<Key, string>
}
