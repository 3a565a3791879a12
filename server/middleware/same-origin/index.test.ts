import { Hono } from 'hono'
import { describe, expect, test } from 'vitest'
import { isSameOrigin, sameOriginWrites } from './index.ts'

describe('isSameOrigin', () => {
  test.each([
    [{ secFetchSite: 'same-origin' }, true],
    [{ secFetchSite: 'none' }, true],
    [{ secFetchSite: 'same-site', origin: 'https://support.example.nl', host: 'support.example.nl' }, false],
    [{ secFetchSite: 'cross-site' }, false],
    [{ origin: 'https://support.example.nl', host: 'support.example.nl' }, true],
    [{ origin: 'https://evil.example', host: 'support.example.nl' }, false],
    [{ origin: 'null', host: 'support.example.nl' }, false],
    [{ host: 'support.example.nl' }, true],
  ])('%j → %s', (headers, expected) => expect(isSameOrigin(headers)).toBe(expected))
})

describe('sameOriginWrites', () => {
  const app = new Hono().use('*', sameOriginWrites).all('/x', (c) => c.text('done'))
  const call = (method: string, headers: Record<string, string>) => app.request('https://support.example.nl/x', { method, headers })

  test('refuses a signed-in change from another site with 403 cross_origin', async () => {
    const res = await call('POST', { cookie: 'loket_session=abc', 'sec-fetch-site': 'cross-site' })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ code: 'cross_origin' })
  })

  test.each([
    ['a read from another site', 'GET', { cookie: 'loket_session=abc', 'sec-fetch-site': 'cross-site' }],
    ['an anonymous post from another site (the widget)', 'POST', { 'sec-fetch-site': 'cross-site' }],
    ['a signed-in change from the portal itself', 'PATCH', { cookie: 'loket_session=abc', 'sec-fetch-site': 'same-origin' }],
    ['a signed-in change without browser headers (a script)', 'DELETE', { cookie: 'loket_session=abc' }],
  ])('lets %s pass', async (_name, method, headers) => {
    expect((await call(method, headers)).status).toBe(200)
  })
})
