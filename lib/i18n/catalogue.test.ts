/** The catalogue's parity: every key in both languages, the same placeholders, no empty text; and `t()` fills them. */
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { bilingual, catalogues, dictionaries, strings, t, translator } from './index.ts'

const { nl, en } = dictionaries

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the catalogue', () => {
  test('has the same areas and keys in Dutch and English', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.nl).sort())
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort())
  })

  test.each(Object.keys(nl))('%s is filled in both languages with the same placeholders', (key) => {
    const dutch = nl[key as keyof typeof nl]
    const english = en[key as keyof typeof en]
    expect(typeof dutch).toBe('string')
    expect(typeof english).toBe('string')
    expect(dutch.trim()).not.toBe('')
    expect(english.trim()).not.toBe('')
    expect(placeholders(english)).toEqual(placeholders(dutch))
  })

  test('keys are flat, dotted and lowercase-first', () => {
    for (const key of Object.keys(nl)) expect(key).toMatch(/^[a-z][a-zA-Z]*(\.[a-zA-Z]+)+$/)
  })

  test.each(['nl', 'en'])('writes each status name once in the %s files: every other status entry refers to the status area', (lang) => {
    const dir = new URL(`./${lang}/`, import.meta.url)
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'status.ts')
    const written = files.flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n')
      .filter((line) => /^\s*'?([\w.]+\.)?status\.[\w.]+'?: ['"`]/.test(line)).map((line) => `${f}: ${line.trim()}`))
    expect(written).toEqual([])
    const names = Object.values(catalogues[lang as 'nl' | 'en'].status) as string[]
    const source = readFileSync(new URL('status.ts', dir), 'utf8')
    expect(names.filter((name) => source.split(`'${name}'`).length - 1 !== 1)).toEqual([])
  })
})

describe('t', () => {
  test('fills placeholders', () => {
    expect(t('en', 'contact.openUntil', { time: '17:00' })).toBe('Open now until 17:00')
    expect(t('nl', 'home.articleCount', { count: 3 })).toBe('3 artikelen')
    expect(translator('nl')('portal.status.inProgress')).toBe('In behandeling')
  })

  test('leaves a placeholder without a value as written, so the gap shows', () => {
    expect(t('en', 'mail.greeting', {} as { name: string })).toBe('Dear {name},')
  })

  test('is typed: keys from the Dutch catalogue, a value for each placeholder and no other', () => {
    // Never called: the compiler checks these lines (npm test runs the typecheck first).
    const typeChecks = () => [
      // @ts-expect-error: no such key
      t('nl', 'portal.noSuchKey'),
      // @ts-expect-error: the greeting needs a name
      t('nl', 'mail.greeting'),
      // @ts-expect-error: a placeholder the text does not have
      t('nl', 'mail.greeting', { name: 'Anne', number: 1 }),
      // @ts-expect-error: a text without placeholders takes no values
      t('nl', 'portal.loading', { name: 'Anne' }),
    ]
    expect(typeof typeChecks).toBe('function')
  })

  test('gives an area as an object of its keys, and an area in both languages', () => {
    expect(strings('en', 'status').inProgress).toBe('In progress')
    expect(bilingual('api').notFound).toEqual({ nl: 'Dit adres bestaat niet in de API.', en: 'This address does not exist in the API.' })
  })
})
