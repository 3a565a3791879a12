import { describe, expect, test } from 'vitest'
import { fieldIssue } from './form.ts'
import { FORM_STRINGS } from './form-strings.ts'

describe('fieldIssue', () => {
  test.each([
    ['an empty required field', { value: '  ', required: true }, 'nl', 'Vul dit veld in.'],
    ['an empty optional field', { value: '' }, 'nl', null],
    ['an address without a domain', { value: 'jan@', type: 'email', required: true }, 'en', 'Enter a valid e-mail address, such as name@company.com.'],
    ['a good address', { value: 'jan@jansen.example', type: 'email' }, 'nl', null],
    ['a prefilled subject that is too short', { value: ' ab ', required: true, minLength: 3 }, 'nl', 'Gebruik minstens 3 tekens.'],
    ['text over the limit', { value: 'x'.repeat(201), maxLength: 200 }, 'en', 'Use at most 200 characters.'],
    ['text at the limit', { value: 'x'.repeat(200), minLength: 3, maxLength: 200 }, 'en', null],
    ['a name of digits', { value: '12345', required: true, minLength: 2, needsLetter: true }, 'nl', 'Een naam heeft minstens één letter.'],
    ['a name of punctuation', { value: '-- ..', required: true, needsLetter: true }, 'en', 'A name needs at least one letter.'],
    ['a name in another script', { value: '王小明', required: true, minLength: 2, needsLetter: true }, 'en', null],
  ] as const)('%s', (_name, field, lang, issue) => {
    expect(fieldIssue(field, FORM_STRINGS[lang])).toBe(issue)
  })
})
