/** The site's entry to the catalogue: the translator and the islands' strings by area. */
import { describe, expect, test } from 'vitest'
import { dictionaries, portalStrings, remoteViewStrings, staffStrings, t, translator } from './index.ts'

describe('the site entry', () => {
  test('fills placeholders', () => {
    expect(t('en', 'contact.openUntil', { time: '17:00' })).toBe('Open now until 17:00')
    expect(translator('nl')('home.articleCount', { count: 3 })).toBe('3 artikelen')
  })

  test.each(['nl', 'en'] as const)('gives the islands their area of the %s catalogue, keys without the area', (lang) => {
    for (const [area, strings] of [['portal', portalStrings(lang)], ['staff', staffStrings(lang)], ['remoteView', remoteViewStrings(lang)]] as const) {
      const keys = Object.keys(dictionaries[lang]).filter((k) => k.startsWith(`${area}.`))
      expect(Object.keys(strings).sort()).toEqual(keys.map((k) => k.slice(area.length + 1)).sort())
      for (const key of keys) expect(strings[key.slice(area.length + 1) as keyof typeof strings]).toBe(dictionaries[lang][key as keyof (typeof dictionaries)['nl']])
    }
  })
})
