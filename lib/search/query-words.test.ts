import { describe, expect, test } from 'vitest'
import type { Language } from '../language.ts'
import { incidentQuery, meaningfulWords, splitWords } from './query-words.ts'

describe('splitWords', () => {
  test.each([
    ['BTW-aangifte indienen', ['btw', 'aangifte', 'indienen']],
    ["Can’t log in!", ["can't", 'log', 'in']],
    ['  waar   is   de  knop? ', ['waar', 'is', 'de', 'knop']],
    ['mt940/camt.053', ['mt940', 'camt', '053']],
  ])('%s', (query, words) => expect(splitWords(query)).toEqual(words))
})

describe('meaningfulWords', () => {
  const cases: [Language, string, string[]][] = [
    // the problem, not the topic
    ['nl', 'inloggen mislukt', ['inloggen']],
    ['nl', 'inloglink werkt niet', ['inloglink']],
    ['nl', 'btw aangifte lukt niet', ['btw', 'aangifte']],
    ['nl', 'salarisrun geeft foutmelding', ['salarisrun', 'geeft']],
    ['en', 'sign in link not working', ['sign', 'link']],
    ['en', "can't log in", ['log']],
    ['en', 'bank statement import fails', ['bank', 'statement', 'import']],
    // whole sentences
    ['nl', 'hoe lang duurt het voordat ik antwoord krijg', ['antwoord']],
    ['nl', 'hoe kan ik een offerte omzetten in een order', ['offerte', 'omzetten', 'order']],
    ['en', 'how long does it take before support answers my ticket', ['support', 'answers', 'ticket']],
    ['en', 'how do I turn a quote into an order', ['turn', 'quote', 'order']],
    // each word once
    ['nl', 'factuur factuur', ['factuur']],
    // nothing meaningful left: the words as typed
    ['nl', 'hoe dan', ['hoe', 'dan']],
    ['en', 'how', ['how']],
  ]
  test.each(cases)('[%s] %s', (lang, query, words) => expect(meaningfulWords(query, lang).words).toEqual(words))

  test('a word is a stop word in its own language only', () => {
    expect(meaningfulWords('door open', 'nl').words).toEqual(['open'])
    expect(meaningfulWords('door open', 'en').words).toEqual(['door', 'open'])
  })

  test('says which words it dropped', () => {
    expect(meaningfulWords('update installeren gaat fout', 'nl')).toEqual({ words: ['update', 'installeren'], dropped: ['gaat', 'fout'] })
  })
})

describe('incidentQuery', () => {
  test.each([
    ['nl', 'Inloggen mislukt', 'Ik krijg geen inloglink in mijn mail', 'inloggen inloglink mail'],
    ['nl', '', 'De btw-aangifte wordt geweigerd door Digipoort', 'btw aangifte digipoort'],
    ['en', 'Bank import fails', 'The bank statement file from our bank cannot be imported', 'bank import statement file imported'],
    ['en', 'Payroll', 'one two three four five six seven eight nine ten', 'payroll one two three four five six seven'],
  ] as const)('[%s] %s + %s', (lang, subject, description, query) => expect(incidentQuery(subject, description, lang)).toBe(query))
})
