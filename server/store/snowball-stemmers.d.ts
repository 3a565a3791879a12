/** Types for snowball-stemmers (the package ships none): the Snowball stemmers, one per language. */
declare module 'snowball-stemmers' {
  export interface Stemmer {
    /** The word's stem, e.g. 'printer' for 'printers'; give it lower case. */
    stem(word: string): string
  }
  /** A stemmer for one of `algorithms()`, e.g. 'dutch' or 'english'. */
  export function newStemmer(language: string): Stemmer
  export function algorithms(): string[]
}
