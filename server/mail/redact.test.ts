/** Redaction of mail log lines: what may and may not reach a log. */
import { expect, test } from 'vitest'
import { redact } from './redact.ts'

test.each([
  ['mail to anne.devries@klant.example sent', 'mail to a***@klant.example sent'],
  ['550 <Bob+support@sub.example.nl> unknown', '550 <B***@sub.example.nl> unknown'],
  ['link https://loket.example/api/auth/callback?token=abc123&lang=nl#x', 'link https://loket.example/api/auth/callback?token=***&lang=***#x'],
  ['connect to smtp://mailer:Geheim!42@mail.example.nl:587 failed', 'connect to smtp://***@mail.example.nl:587 failed'],
  ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30', 'Authorization: Bearer ***'],
  ['password=hunter2, retrying', 'password=***, retrying'],
  ['session Zx8kQ2mN7pL4vR9tY1wB3cD6fG0hJ5 expired', 'session *** expired'],
])('redact(%j) is %j', (input, output) => {
  expect(redact(input)).toBe(output)
})

test.each([
  'mail 0b6c2f1e-9a4d-4c1b-8e7f-3a2b1c0d9e8f failed (attempt 2): ECONNREFUSED',
  'next attempt at 2026-11-30T09:07:30.000Z',
  'Invalid login: 535 Authentication credentials invalid',
  'incident 1042 registered',
])('keeps %j as it is', (line) => {
  expect(redact(line)).toBe(line)
})
