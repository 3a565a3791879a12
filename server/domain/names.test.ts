import { describe, expect, test } from 'vitest'
import { cleanName, cleanSubject, personName, subjectLine } from './names.ts'

const ZWSP = '\u200B'
const RLO = '\u202E'

describe('cleanName', () => {
  test.each([
    ['surrounding spaces', '  Anne de Vries \t', 'Anne de Vries'],
    ['a decomposed accent, composed (NFC)', 'Zoe\u0308', 'Zo\u00EB'],
    ['an accent split from its letter by a zero-width space', `Zoe${ZWSP}\u0308`, 'Zo\u00EB'],
    ['a right-to-left override', `Anne ${RLO}seirV ed`, 'Anne seirV ed'],
    ['embeddings, isolates, LRM, RLM and the Arabic letter mark', 'A\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl', 'Abcdefghijkl'],
    ['zero-width space, non-joiner, joiner, word joiner, BOM', `\uFEFFAn${ZWSP}n\u200Ce\u200D \u2060Smit`, 'Anne Smit'],
    ['invisible characters around spaces, then trimmed', `${ZWSP} Anne ${RLO}`, 'Anne'],
    ['a name in another script', ' 王小明 ', '王小明'],
  ])('%s', (_, raw, clean) => {
    expect(cleanName(raw)).toBe(clean)
  })
})

describe('personName', () => {
  test.each([
    ['three zero-width spaces', ZWSP.repeat(3)],
    ['spaces only', '     '],
    ['digits only', '12345'],
    ['punctuation and a bidi override', `${RLO}-- ..`],
    ['one letter once cleaned', `A${ZWSP}${ZWSP}${ZWSP}`],
    ['longer than 120 once cleaned', 'a'.repeat(121)],
  ])('refuses %s', (_, raw) => {
    expect(personName().safeParse(raw).success).toBe(false)
  })

  test('says a letter is missing', () => {
    const issues = personName().safeParse('1234').error?.issues.map((i) => i.message)
    expect(issues).toEqual(['must hold at least one letter'])
  })

  test.each([
    ['Jo', 'Jo'],
    [' Ömer Çelik ', 'Ömer Çelik'],
    [`Bakkerij Jansen${ZWSP} B.V.`, 'Bakkerij Jansen B.V.'],
    ['O\'Brien-Smit 2', 'O\'Brien-Smit 2'],
  ])('keeps %j as %j', (raw, kept) => {
    expect(personName().parse(raw)).toBe(kept)
  })

  test('counts the length once cleaned: 120 letters behind invisible characters pass', () => {
    expect(personName().parse(`${ZWSP}${'a'.repeat(120)}${RLO}`)).toBe('a'.repeat(120))
  })
})

describe('subjectLine', () => {
  test('drops bidi controls, composes and trims, but keeps zero-width joiners (emoji, Persian)', () => {
    expect(cleanSubject(` Factuur ${RLO}fdp.exe `)).toBe('Factuur fdp.exe')
    expect(subjectLine(3, 200).parse('Printer 👩\u200D💻 kapot')).toBe('Printer 👩\u200D💻 kapot')
    expect(subjectLine(3, 200).parse('Cafe\u0301 kassa')).toBe('Café kassa')
  })

  test.each([
    ['only bidi controls', `${RLO}\u2066\u2069\u200E`],
    ['only punctuation', '?!?!'],
  ])('refuses %s', (_, raw) => {
    expect(subjectLine(3, 200).safeParse(raw).success).toBe(false)
  })

  test('takes a subject of digits only: an error number is a subject', () => {
    expect(subjectLine(3, 200).parse('500')).toBe('500')
  })
})
