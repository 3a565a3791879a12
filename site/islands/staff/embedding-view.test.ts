import { describe, expect, test } from 'vitest'
import { scriptTag } from './embedding-view.ts'

describe('scriptTag', () => {
  test('loads the widget from the server, without blocking the page', () => {
    expect(scriptTag('https://support.example.nl/widget.js')).toBe('<script src="https://support.example.nl/widget.js" async></script>')
  })

  test('keeps a quote in the address from ending the attribute', () => {
    expect(scriptTag('https://kb.example/"x/widget.js')).toBe('<script src="https://kb.example/%22x/widget.js" async></script>')
  })
})
