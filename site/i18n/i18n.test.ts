import { describe, expect, test } from 'vitest'
import { dictionaries, t } from './index.ts'

const { nl, en } = dictionaries

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('the dictionaries', () => {
  test('have the same keys in Dutch and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort())
  })

  test.each(Object.keys(nl))('%s is filled in both languages with the same placeholders', (key) => {
    const dutch = nl[key as keyof typeof nl]
    const english = en[key as keyof typeof en]
    expect(dutch.trim()).not.toBe('')
    expect(english.trim()).not.toBe('')
    expect(placeholders(english)).toEqual(placeholders(dutch))
  })

  test('keys are flat, dotted and lowercase-first', () => {
    for (const key of Object.keys(nl)) expect(key).toMatch(/^[a-z][a-zA-Z]*(\.[a-zA-Z]+)+$/)
  })

  test('fills placeholders', () => {
    expect(t('en')('contact.openUntil', { time: '17:00' })).toBe('Open now until 17:00')
    expect(t('nl')('home.articleCount', { count: 3 })).toBe('3 artikelen')
  })
})
