import { Hono } from 'hono'
import { describe, expect, test } from 'vitest'
import { recordableOrigin } from '../../domain/refused-origin.ts'
import { allowedOrigin } from './index.ts'

const support = { phone: { display: '050 760 41 00', international: '+31 50 760 41 00' }, email: 'support@noordwind.example' }

/** A route behind the guard that says whether it ran, and the origins the guard counted. */
function guarded(record?: (origin: string) => Promise<void>) {
  const counted: string[] = []
  const told: unknown[] = []
  let ran = 0
  const app = new Hono()
    .use('*', allowedOrigin({ allowedOrigins: ['https://partner.example'], support, record: record ?? (async (o) => void counted.push(o)), onRecordError: (e) => void told.push(e) }))
    .all('/x', (c) => (ran++, c.text('done')))
  return { app, counted, told, ran: () => ran }
}

describe('allowedOrigin', () => {
  test('refuses a page of another site before the route runs, readable by that page only', async () => {
    const { app, counted, ran } = guarded()
    const res = await app.request('http://support.example.nl/x', { method: 'POST', headers: { origin: 'https://evil.example' } })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ code: 'origin_not_allowed', origin: 'https://evil.example', support })
    expect(res.headers.get('access-control-allow-origin')).toBe('https://evil.example')
    expect(res.headers.get('vary')).toContain('Origin')
    expect([ran(), counted]).toEqual([0, ['https://evil.example']])
  })

  test('answers the refusal even when it cannot be counted, and tells why', async () => {
    const { app, told } = guarded(async () => { throw new Error('disk full') })
    expect((await app.request('http://support.example.nl/x', { headers: { origin: 'https://evil.example' } })).status).toBe(403)
    expect(told).toEqual([new Error('disk full')])
  })

  test.each([
    ['no Origin', {}],
    ['an allowed one', { origin: 'https://partner.example' }],
    ['its own host', { origin: 'https://support.example.nl' }],
    ['same-origin by Sec-Fetch-Site', { origin: 'https://support.example.nl', 'sec-fetch-site': 'same-origin' }],
  ])('lets %s through', async (_name, headers: Record<string, string>) => {
    const { app, counted } = guarded()
    expect((await app.request('http://support.example.nl/x', { headers })).status).toBe(200)
    expect(counted).toEqual([])
  })
})

describe('recordableOrigin', () => {
  test.each([
    ['https://partner.example', 'https://partner.example'],
    ['HTTP://Partner.Example:8080', 'http://partner.example:8080'],
    ['null', 'null'],
    ['https://partner.example/page', undefined],
    ['javascript:alert(1)', undefined],
    ['chrome-extension://abc', undefined],
    [`https://${'a'.repeat(200)}.example`, undefined],
  ])('%s → %s', (header, expected) => expect(recordableOrigin(header)).toBe(expected))
})
