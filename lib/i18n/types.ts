/** The shapes of the catalogue: a translation has every key of the Dutch original, and only those. */

/** An area (or group of areas) in another language: the Dutch keys, each a string of its own. */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> }

/** The `{name}` placeholders of a text, as a union of names. @example Placeholders<'Open until {time}'> = 'time' */
export type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${string} ${string}` ? never : Name) | Placeholders<Rest>
  : never
