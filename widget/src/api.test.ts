import { describe, expect, test } from 'vitest'
import { OriginNotAllowedError, createApi } from './api.ts'
import type { IncidentInput } from '#domain/incident.ts'

const INPUT: IncidentInput = { name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'sales', subject: 'Printer', description: 'De printer piept steeds.' }

/** A fetch that answers once with `status` and `body`, and keeps what it was asked. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const asked: { url: string; init?: RequestInit }[] = []
  const fetcher = (async (url: string, init?: RequestInit) => {
    asked.push({ url, init })
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
  }) as typeof fetch
  return { fetcher, asked }
}

describe('createApi().register', () => {
  test('posts JSON in the widget language and reads the enumeration-safe answer', async () => {
    const { fetcher, asked } = answering(202, { status: 'check_email', message: 'Thank you.' })
    expect(await createApi('https://api.example', 'en', fetcher).register(INPUT)).toEqual({ kind: 'check_email' })
    expect(asked[0].url).toBe('https://api.example/api/incidents')
    expect(asked[0].init?.headers).toMatchObject({ 'accept-language': 'en', 'content-type': 'application/json' })
    expect(JSON.parse(String(asked[0].init?.body))).toEqual(INPUT)
  })

  test.each([
    ['a signed-in registration', 201, { status: 'registered', number: '100142', id: 'abc', url: '/portaal/incidenten/?id=abc' }, {},
      { kind: 'registered', number: '100142', id: 'abc', url: '/portaal/incidenten/?id=abc' }],
    ['refused fields', 400, { code: 'invalid_input', message: 'Zie de velden.', fields: [{ path: 'productArea', message: 'unknown' }] }, {},
      { kind: 'invalid', message: 'Zie de velden.', fields: [{ path: 'productArea', message: 'unknown' }] }],
    ['a rate limit', 429, { code: 'rate_limited', message: 'Te veel verzoeken.' }, { 'retry-after': '540' },
      { kind: 'rate_limited', retryAfterSeconds: 540, message: 'Te veel verzoeken.' }],
    ['another refusal, with the server message', 403, { code: 'origin_not_allowed', message: 'Deze site mag de API niet gebruiken.' }, {},
      { kind: 'failed', status: 403, message: 'Deze site mag de API niet gebruiken.' }],
    ['a server error without JSON', 502, 'Bad gateway', {}, { kind: 'failed', status: 502, message: null }],
  ])('turns %s into words for the form, never raw JSON', async (_name, status, body, headers, outcome) => {
    const { fetcher } = answering(status, body, headers)
    expect(await createApi('https://api.example', 'nl', fetcher).register(INPUT)).toEqual(outcome)
  })

  test('a network failure is a failure without a status', async () => {
    const fetcher = (async () => { throw new TypeError('Failed to fetch') }) as typeof fetch
    expect(await createApi('https://api.example', 'nl', fetcher).register(INPUT)).toEqual({ kind: 'failed', status: null, message: null })
  })
})

describe('createApi().desk', () => {
  const support = { phone: { display: '050 760 41 00', international: '+31 50 760 41 00' }, email: 'support@noordwind.example' }

  test('tells a site the API does not allow from a failure, with how to reach support', async () => {
    const { fetcher } = answering(403, { code: 'origin_not_allowed', message: 'Niet toegestaan.', origin: 'http://localhost:8080', support })
    const refused = await createApi('https://api.example', 'nl', fetcher).desk().catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(OriginNotAllowedError)
    expect(refused).toMatchObject({ origin: 'http://localhost:8080', support })
  })

  test.each([
    ['another 403', 403, { code: 'staff_only', message: 'Alleen voor staf.' }],
    ['a server error', 500, { code: 'internal', message: 'Fout.' }],
  ])('%s stays a plain failure', async (_name, status, body) => {
    const { fetcher } = answering(status, body)
    const failed = await createApi('https://api.example', 'nl', fetcher).desk().catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(Error)
    expect(failed).not.toBeInstanceOf(OriginNotAllowedError)
  })
})

describe('createApi().me', () => {
  test('asks nobody about the visitor on another origin: no cookies go there', async () => {
    const { fetcher, asked } = answering(200, { kind: 'contact', name: 'Tom', email: 'tom@x.example' })
    expect(await createApi('https://api.example', 'nl', fetcher).me()).toBeNull()
    expect(asked).toEqual([])
  })

  test.each([
    ['a signed-in contact', { kind: 'contact', id: 'c-1', name: 'Tom', email: 'tom@x.example' }, { name: 'Tom', email: 'tom@x.example' }],
    ['nobody signed in', { kind: 'anonymous' }, null],
    ['a staff member', { kind: 'staff', id: 's-1', name: 'Lotte', email: 'lotte@x.example' }, null],
  ])('on its own origin asks who is signed in where nobody is a 200: %s', async (_, reply, contact) => {
    const { fetcher, asked } = answering(200, reply)
    const original = Object.getOwnPropertyDescriptor(globalThis, 'location')
    Object.defineProperty(globalThis, 'location', { value: { origin: 'https://kb.example' }, configurable: true })
    try {
      expect(await createApi('https://kb.example', 'nl', fetcher).me()).toEqual(contact)
    } finally {
      if (original) Object.defineProperty(globalThis, 'location', original)
      else delete (globalThis as { location?: unknown }).location
    }
    expect(asked.map((a) => a.url)).toEqual(['https://kb.example/api/auth/session'])
  })
})
