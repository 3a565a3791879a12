import { describe, expect, test } from 'vitest'
import { isTypingTarget, neighbour, readList, SEQUENCE_MS, shortcutFor, stepIndex, type KeyPress } from './shortcuts.ts'

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, altKey: false, metaKey: false, isTyping: false, at: 1000, ...extra })

describe('shortcutFor', () => {
  test.each([
    ['?', 'help'],
    ['/', 'search'],
    ['j', 'next'],
    ['k', 'previous'],
  ] as const)('"%s" alone does %s', (key, action) => {
    expect(shortcutFor(press(key), null)).toEqual({ action, pending: null })
  })

  test('"g" waits for a second key, and "q" after it goes to the queue', () => {
    const first = shortcutFor(press('g', { at: 1000 }), null)
    expect(first).toEqual({ action: null, pending: { key: 'g', at: 1000 } })
    expect(shortcutFor(press('q', { at: 1400 }), first.pending)).toEqual({ action: 'queue', pending: null })
  })

  test('"q" alone, or too long after "g", does nothing', () => {
    expect(shortcutFor(press('q'), null)).toEqual({ action: null, pending: null })
    expect(shortcutFor(press('q', { at: 1000 + SEQUENCE_MS + 1 }), { key: 'g', at: 1000 })).toEqual({ action: null, pending: null })
  })

  test('a key that breaks a sequence still counts on its own', () => {
    expect(shortcutFor(press('j', { at: 1100 }), { key: 'g', at: 1000 })).toEqual({ action: 'next', pending: null })
  })

  test.each([
    ['while typing', { isTyping: true }],
    ['with Ctrl', { ctrlKey: true }],
    ['with Alt', { altKey: true }],
    ['with Cmd', { metaKey: true }],
  ] as const)('does nothing %s, and forgets a waiting "g"', (_, extra) => {
    expect(shortcutFor(press('j', extra), null)).toEqual({ action: null, pending: null })
    expect(shortcutFor(press('q', extra), { key: 'g', at: 1000 })).toEqual({ action: null, pending: null })
  })
})

describe('isTypingTarget', () => {
  test.each([
    [{ tagName: 'INPUT', type: 'search' }, true],
    [{ tagName: 'INPUT', type: 'text' }, true],
    [{ tagName: 'INPUT' }, true],
    [{ tagName: 'TEXTAREA' }, true],
    [{ tagName: 'SELECT' }, true],
    [{ tagName: 'DIV', isContentEditable: true }, true],
    [{ tagName: 'INPUT', type: 'checkbox' }, false],
    [{ tagName: 'BUTTON' }, false],
    [{ tagName: 'A' }, false],
    [null, false],
  ])('%o → %s', (element, expected) => {
    expect(isTypingTarget(element)).toBe(expected)
  })
})

describe('stepIndex', () => {
  test.each([
    [3, -1, 1, 0],
    [3, -1, -1, 2],
    [3, 0, 1, 1],
    [3, 2, 1, 2],
    [3, 0, -1, 0],
    [0, -1, 1, null],
  ] as const)('%i items, at %i, step %i → %s', (count, current, step, expected) => {
    expect(stepIndex(count, current, step)).toBe(expected)
  })
})

describe('neighbour', () => {
  test('the next and previous id of a remembered list, none past its ends or for an id not in it', () => {
    const ids = ['a', 'b', 'c']
    expect(neighbour(ids, 'b', 1)).toBe('c')
    expect(neighbour(ids, 'b', -1)).toBe('a')
    expect(neighbour(ids, 'c', 1)).toBeNull()
    expect(neighbour(ids, 'a', -1)).toBeNull()
    expect(neighbour(ids, 'x', 1)).toBeNull()
  })
})

describe('readList', () => {
  test('reads stored ids and ignores anything else', () => {
    expect(readList(JSON.stringify(['inc-1', 'inc_2']))).toEqual(['inc-1', 'inc_2'])
    expect(readList(JSON.stringify(['ok', 3, '<script>', '']))).toEqual(['ok'])
    expect(readList('{not json')).toEqual([])
    expect(readList(JSON.stringify({ ids: ['a'] }))).toEqual([])
    expect(readList(null)).toEqual([])
  })
})
