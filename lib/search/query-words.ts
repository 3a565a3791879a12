/** A customer's query as the words that carry its meaning: stop words, question forms and "problem words" dropped, per language. */
import type { Language } from '../language.ts'

/**
 * Words that say nothing about the topic: articles, pronouns, auxiliaries, prepositions, and the
 * words of a question ("hoe lang duurt het voordat …", "how do I …").
 */
const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  nl: new Set(`
    de het een en of ik je jij u uw mijn me mij wij we ons onze ze zij hij haar hun men jullie
    is ben bent zijn was waren wordt worden word werd kan kun kunt kunnen moet moeten wil wilt willen
    mag mogen zal zou zullen heb hebt heeft hebben had krijg krijgt krijgen doe doet doen ga gaan
    hoe wat wie waar wanneer waarom welke welk hoelang lang duurt duren lang lange
    dat die dit deze daar hier er voor voordat van in op aan met naar bij om te tot uit over door
    na als dan zo ook nog al maar even graag toch alstublieft aub s.v.p. svp iets wel nu meer veel
    elke ieder alle iemand iedereen zelf eigen eens snel hallo hoi beste
  `.trim().split(/\s+/)),
  en: new Set(`
    the a an and or i my me mine we our us you your it its they their them he she his her
    is am are was were be been being do does did doing can could should would will shall may might must
    have has had get gets got getting how what when where who whom which why long take takes
    before after there here this that these those to of in on at for from with by about into onto
    so if then than just any some all please want wants need needs allowed able any anyone someone
    let lets there's what's how's also still again hi hello quick
  `.trim().split(/\s+/)),
}

/**
 * Words that say something is wrong, not what it is about: the customer's problem, never the
 * article's topic. Phrases first ("werkt niet"), then single words.
 */
const PROBLEM_WORDS: Record<Language, ReadonlySet<string>> = {
  nl: new Set(`
    mislukt mislukken mislukte lukt lukken werkt werken werkte fout fouten foutmelding foutmeldingen
    gaat ging niet geen kapot probleem problemen error errors hangt hangen vastgelopen loopt vast faalt
    geweigerd weigert lukte verkeerd verkeerde onmogelijk
  `.trim().split(/\s+/)),
  en: new Set(`
    fail fails failed failing failure error errors broken problem problems issue issues not no working
    work works worked doesn't don't didn't can't cannot won't wont isn't unable wrong stuck
    impossible trouble
  `.trim().split(/\s+/)),
}

/** What a query holds: the meaningful words in the order typed, and the words dropped. */
export interface QueryWords {
  words: string[]
  dropped: string[]
}

/**
 * Splits a query into words: lowercase, on spaces and punctuation; hyphens inside a word split it
 * too ("btw-aangifte" holds "btw" and "aangifte"), apostrophes inside a word stay ("can't").
 */
export function splitWords(query: string): string[] {
  return query
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0)
}

/**
 * The meaningful words of `query` in `lang`: stop words, question words and problem words
 * dropped, each word once. When nothing would be left, the query's own words are kept, so a
 * search for "wat" still searches.
 * @example meaningfulWords('inloggen mislukt', 'nl').words // → ['inloggen']
 */
export function meaningfulWords(query: string, lang: Language): QueryWords {
  const all = splitWords(query)
  const words: string[] = []
  const dropped: string[] = []
  for (const word of all) {
    const drop = STOP_WORDS[lang].has(word) || PROBLEM_WORDS[lang].has(word) || (word.length < 2 && !/\d/.test(word))
    if (drop) dropped.push(word)
    else if (!words.includes(word)) words.push(word)
  }
  if (words.length === 0) return { words: [...new Set(all)], dropped: [] }
  return { words, dropped }
}

/** Words of an incident searched for suggestions, at most: enough for the gist, few enough to stay quick. */
export const INCIDENT_WORDS = 8

/**
 * The query that suggests articles for an incident being typed: the subject's meaningful words
 * first (they name the topic), then the description's, each word once, {@link INCIDENT_WORDS} at most.
 * @example incidentQuery('Inloggen mislukt', 'Ik krijg geen inloglink in mijn mail', 'nl') // → 'inloggen inloglink mail'
 */
export function incidentQuery(subject: string, description: string, lang: Language): string {
  const words = subject.trim() ? meaningfulWords(subject, lang).words : []
  for (const word of meaningfulWords(description, lang).words) {
    if (words.length >= INCIDENT_WORDS) break
    if (!words.includes(word)) words.push(word)
  }
  return words.slice(0, INCIDENT_WORDS).join(' ')
}
