// The copy of a page Pagefind reads: its language and the element marked data-pagefind-body, whole.
import { describe, expect, test } from 'vitest'
import { searchPageOf } from './search-pages.ts'

describe('searchPageOf', () => {
  test('keeps the language and the marked element, nested elements of its kind included', () => {
    const page = '<!DOCTYPE html><html lang="nl" data-theme="light"><head><title>T</title></head><body><nav>menu</nav>'
      + '<article class="prose" data-pagefind-body data-pagefind-meta="key:k"><h1>Titel</h1><article><p>binnen</p></article><p>na</p></article>'
      + '<article><p>gerelateerd</p></article></body></html>'
    expect(searchPageOf(page)).toEqual({
      lang: 'nl',
      html: '<!DOCTYPE html><html lang="nl"><head></head><body><article class="prose" data-pagefind-body data-pagefind-meta="key:k"><h1>Titel</h1><article><p>binnen</p></article><p>na</p></article></body></html>',
    })
  })

  test('has none for a page without a marked element, without a language or with the element left open', () => {
    expect(searchPageOf('<html lang="nl"><body><main>zoeken</main></body></html>')).toBeUndefined()
    expect(searchPageOf('<html><body><div data-pagefind-body>x</div></body></html>')).toBeUndefined()
    expect(searchPageOf('<html lang="en"><body><div data-pagefind-body><div>x</div></body></html>')).toBeUndefined()
  })
})
