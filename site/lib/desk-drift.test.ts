import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { desk } from './config.ts'
import { deskDrift, deskFacts, nationalDigits } from './desk-drift.ts'

const facts = deskFacts(desk)
const article = (body: string) => `---\ntitle: Test\ntags: [a]\n---\n\n${body}\n`

describe('deskDrift', () => {
  test.each([
    // Dutch
    ['U belt ons op **050 760 41 00**.'],
    ['Vanuit het buitenland: +31 50 760 41 00.'],
    ['Maandag tot en met donderdag van 08:30 tot 17:00, vrijdag 08:30 – 16:00.'],
    ['Op Kerstavond sluiten we om 15:00: open van 08:30 tot 15:00.'],
    ['Prioriteit 2: binnen 1 werkdag (8,5 kantooruren).'],
    ['Prioriteit 3, gemeld op dinsdag om 14:00: 41,5 kantooruren is een werkweek.'],
    ['Op een klacht reageren we binnen 8,5 kantooruren.'],
    // English
    ['Call **050 760 41 00**, from abroad **+31 50 760 41 00**.'],
    ['Monday to Thursday from 08:30 to 17:00.'],
    ['Priority 1: fix or workaround within 4 business hours.'],
    // not plain text: left alone
    ['```\nbel 020 123 45 67 van 09:00 tot 18:00\n```'],
    ['Zie [de pagina](/support/06-12-34-56-78/).'],
    ['<Phone international />'],
    // numbers that are no phone number, time span or target
    ['Factuur 2026-0001, artikelnummer 0012, bedrag 1.250,00.'],
  ])('agrees: %s', (body) => expect(deskDrift(article(body), facts)).toEqual([]))

  test.each([
    ['Bel ons op 050 760 41 99.', '050 760 41 99'],
    ['Of bel +31 20 123 45 67.', '+31 20 123 45 67'],
    ['Call us on 020-1234567.', '020-1234567'],
    ['We zijn open van 09:00 tot 17:00.', '09:00 tot 17:00'],
    ['Friday 08:30 – 17:30.', '08:30 – 17:30'],
    ['Prioriteit 2: binnen 8 kantooruren.', '8 kantooruren'],
    ['Prioriteit 1 lossen we op binnen 8,5 kantooruren.', '8,5 kantooruren'],
    ['Priority 3: within 40 business hours.', '40 business hours'],
    ['We answer within 16 business hours.', '16 business hours'],
  ])('disagrees: %s', (body, found) => {
    const drifts = deskDrift(article(body), facts)
    expect(drifts.map((d) => d.found)).toEqual([found])
    expect(drifts[0].line).toBe(6)
  })

  test('names the line in the source file', () => {
    const drifts = deskDrift(article('Eerste alinea.\n\nBel 050 111 22 33.'), facts)
    expect(drifts).toMatchObject([{ line: 8, found: '050 111 22 33' }])
  })

  test('every article in content/ agrees with desk.yaml', () => {
    const dir = 'content/articles'
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
    expect(files.length).toBeGreaterThan(40)
    for (const file of files) {
      const path = join(file.parentPath, file.name)
      expect(deskDrift(readFileSync(path, 'utf8'), facts), path).toEqual([])
    }
  })
})

test.each([
  ['050 760 41 00', '0507604100'],
  ['+31 50 760 41 00', '0507604100'],
  ['+31 (0)50 7604100', '0507604100'],
  ['0031 50 760 41 00', '0507604100'],
])('nationalDigits(%s)', (phone, digits) => expect(nationalDigits(phone)).toBe(digits))
