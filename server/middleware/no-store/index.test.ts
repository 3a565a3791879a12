import { Hono } from 'hono'
import { describe, expect, test } from 'vitest'
import { privateNoStore } from './index.ts'

describe('privateNoStore', () => {
  test.each([
    ['a reply', 200],
    ['a refusal', 403],
  ])('marks %s private, no-store, whatever the route set', async (_, status) => {
    const app = new Hono().get('/', privateNoStore, (c) => c.json({}, status as 200, { 'Cache-Control': 'public, max-age=60' }))
    const res = await app.request('/')
    expect([res.status, res.headers.get('cache-control')]).toEqual([status, 'private, no-store'])
  })
})
