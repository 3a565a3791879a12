import { describe, expect, test } from 'vitest'
import { PendingWishes } from './launcher.ts'

describe('PendingWishes', () => {
  test('holds nothing until a click or a question, and a click opens the widget once', () => {
    const wishes = new PendingWishes()
    expect(wishes.take()).toEqual({ open: false, asks: [] })
    wishes.open()
    wishes.open()
    expect(wishes.take()).toEqual({ open: true, asks: [] })
    expect(wishes.take()).toEqual({ open: false, asks: [] })
  })

  test('hands questions over in order; a question opens the form itself, so no separate open', () => {
    const wishes = new PendingWishes()
    wishes.open()
    wishes.ask({ query: 'btw' })
    wishes.ask({ query: 'kassa', article: 'k1' })
    expect(wishes.take()).toEqual({ open: false, asks: [{ query: 'btw' }, { query: 'kassa', article: 'k1' }] })
    expect(wishes.take()).toEqual({ open: false, asks: [] })
  })
})
