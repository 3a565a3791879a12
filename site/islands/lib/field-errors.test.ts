import { describe, expect, test } from 'vitest'
import { ApiFailure } from './api.ts'
import { formErrors } from './field-errors.ts'

const texts = { network: 'No connection.', unexpected: 'Something went wrong.' }
const known = { phone: 'Digits only.', email: 'A valid address.' }

describe('formErrors', () => {
  test('puts our own sentence beside each invalid field and the server’s message above the form', () => {
    const error = new ApiFailure(400, 'invalid_input', 'See the fields.', [{ path: 'phone', message: 'digits, spaces, +, ( ) and - only' }])
    expect(formErrors(error, known, texts)).toEqual({ fields: { phone: 'Digits only.' }, summary: 'See the fields.' })
  })

  test('puts a refusal that names a field beside that field only', () => {
    const error = new ApiFailure(409, 'email_in_use', 'This address is in use.', [{ path: 'email', message: 'already in use' }])
    expect(formErrors(error, known, texts)).toEqual({ fields: { email: 'This address is in use.' } })
  })

  test('keeps a field the form does not have out of the fields, and says the message above the form', () => {
    const error = new ApiFailure(422, 'last_admin', 'Keep one admin.', [{ path: 'role', message: 'no admin left' }])
    expect(formErrors(error, known, texts)).toEqual({ fields: {}, summary: 'Keep one admin.' })
  })

  test('names the first complaint of a field only once', () => {
    const error = new ApiFailure(400, 'invalid_input', 'See the fields.', [{ path: 'email', message: 'a' }, { path: 'email', message: 'b' }])
    expect(formErrors(error, known, texts).fields).toEqual({ email: 'A valid address.' })
  })

  test.each([
    ['no network', new ApiFailure(0, 'network', 'No connection.'), 'No connection.'],
    ['anything else', new TypeError('boom'), 'Something went wrong.'],
  ])('%s becomes a message above the form', (_, error, summary) => {
    expect(formErrors(error, known, texts)).toEqual({ fields: {}, summary })
  })
})
