import { describe, expect, test } from 'vitest'
import { appUrl, pickLanguage, resolveConfig } from './config.ts'

const SCRIPT = 'https://kb.example/widget.js'

describe('resolveConfig', () => {
  test('defaults to the script origin for KB and API, the page language and no product area', () => {
    expect(resolveConfig({}, SCRIPT, 'en-GB')).toEqual({ kb: 'https://kb.example', api: 'https://kb.example', lang: 'en', productArea: '', theme: 'auto' })
  })

  test('falls back to Dutch when neither attribute nor page names a known language', () => {
    expect(resolveConfig({}, SCRIPT, 'de').lang).toBe('nl')
    expect(resolveConfig({}, SCRIPT, null).lang).toBe('nl')
  })

  test('the attribute wins over the page language', () => {
    expect(resolveConfig({ lang: 'nl' }, SCRIPT, 'en').lang).toBe('nl')
  })

  test('takes the origin of data-api and data-kb, dropping any path', () => {
    const config = resolveConfig({ api: 'https://api.example:8443/v1/', kb: 'https://docs.example/kb/' }, SCRIPT, null)
    expect(config.api).toBe('https://api.example:8443')
    expect(config.kb).toBe('https://docs.example')
  })

  test('ignores an API address that is not an http(s) URL', () => {
    expect(resolveConfig({ api: 'javascript:alert(1)' }, SCRIPT, null).api).toBe('https://kb.example')
    expect(resolveConfig({ api: 'not a url' }, SCRIPT, null).api).toBe('https://kb.example')
  })

  test('the API defaults to the KB when only the KB is given', () => {
    expect(resolveConfig({ kb: 'https://docs.example' }, SCRIPT, null).api).toBe('https://docs.example')
  })

  test('keeps the product area as given, trimmed', () => {
    expect(resolveConfig({ productArea: ' finance ' }, SCRIPT, null).productArea).toBe('finance')
  })
})

describe('appUrl', () => {
  test.each([
    ['beside the script without data-kb', {}, 'https://kb.example/widget.js', 'en', 'https://kb.example/widget/en/app.js'],
    ['on the KB that data-kb names', { kb: 'https://help.example/x' }, 'https://cdn.example/widget.js', 'nl', 'https://help.example/widget/nl/app.js'],
    ['beside the script when data-kb is no usable URL', { kb: 'javascript:alert(1)' }, 'https://kb.example/widget.js', 'nl', 'https://kb.example/widget/nl/app.js'],
  ] as const)('finds the app %s', (_name, attributes, scriptUrl, lang, url) => {
    expect(appUrl(attributes, scriptUrl, lang)).toBe(url)
  })

  test.each([
    ['dark', 'dark'], ['light', 'light'], [' Dark ', 'dark'], ['auto', 'auto'], ['purple', 'auto'], [null, 'auto'],
  ])('data-theme %s gives the theme %s', (theme, expected) => {
    expect(resolveConfig({ theme }, SCRIPT, null).theme).toBe(expected)
  })
})

describe('pickLanguage', () => {
  test('takes the attribute, else the page, else Dutch; regional tags count by their language', () => {
    expect(pickLanguage('en-GB', 'nl')).toBe('en')
    expect(pickLanguage(null, 'en')).toBe('en')
    expect(pickLanguage('de', 'fr')).toBe('nl')
    expect(pickLanguage(undefined, null)).toBe('nl')
  })
})
