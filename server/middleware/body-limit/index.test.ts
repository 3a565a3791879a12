import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDesk } from '../../testing.ts'

// Through a real socket: the JSON body is read from Node's request, not through a fetch Request.
let base: string
let close: () => Promise<void>
let desk: Awaited<ReturnType<typeof testDesk>>

beforeAll(async () => {
  desk = await testDesk()
  const server = serve({ fetch: desk.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => new Promise((resolve) => server.close(() => resolve()))
})
afterAll(async () => {
  await close()
  await desk.store.close()
})

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/kb/votes`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

describe('JSON bodies over a real connection', () => {
  test('a valid body reaches the route', async () => {
    const res = await post(JSON.stringify({ article: 'register-incident', lang: 'nl', isHelpful: true }))
    expect(res.status).toBe(201)
  })

  test('malformed JSON is a 400 with its code', async () => {
    const res = await post('{"article": ')
    expect(res.status).toBe(400)
    expect((await res.json()).code).toBe('malformed_json')
  })

  test('a body over 64 KB is a 413, whether its length is declared or streamed', async () => {
    const big = JSON.stringify({ article: 'a'.repeat(70_000), lang: 'nl', isHelpful: true })
    const declared = await post(big)
    expect(declared.status).toBe(413)
    expect((await declared.json()).code).toBe('payload_too_large')
    const encoder = new TextEncoder()
    const stream = new ReadableStream({ start(controller) { for (let i = 0; i < 10; i++) controller.enqueue(encoder.encode('x'.repeat(10_000))); controller.close() } })
    const streamed = await fetch(`${base}/api/kb/votes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit)
    expect(streamed.status).toBe(413)
  })

  test('a form post still goes through the ordinary path', async () => {
    const res = await fetch(`${base}/api/incidents/confirm`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=' + 'x'.repeat(40) })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Link werkt niet meer')
  })
})
