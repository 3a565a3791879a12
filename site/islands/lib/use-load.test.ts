import { describe, expect, test } from 'vitest'
import { ApiFailure } from './api.ts'
import { failureKind } from './use-load.ts'

describe('failureKind', () => {
  test.each([
    ['a refusal for want of a session', new ApiFailure(401, 'unauthenticated', 'Sign in.'), 'signed-out'],
    ['a record that is not there (or not for this viewer)', new ApiFailure(404, 'not_found', 'Not found.'), 'not-found'],
    ['any other refusal', new ApiFailure(403, 'forbidden', 'Not yours.'), 'error'],
    ['a server that was not reached', new ApiFailure(0, 'network', 'No network.'), 'error'],
    ['a thrown error of the page itself', new Error('bug'), 'error'],
  ])('tells %s apart', (_, failure, kind) => {
    expect(failureKind(failure)).toBe(kind)
  })
})
