import { Writable } from 'node:stream'
import { afterEach, describe, expect, test } from 'vitest'
import { createApp } from './app.ts'
import { createLogger } from './log.ts'
import { closeTestDesks, testDesk } from './testing.ts'

afterEach(closeTestDesks)

/** A logger whose JSON lines are kept in `lines`. */
function capturing() {
  const lines: Record<string, unknown>[] = []
  const destination = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).trim().split('\n').map((line) => JSON.parse(line))); done() } })
  return { lines, logger: createLogger({ destination, level: 'debug' }) }
}

describe('the server log', () => {
  test('one JSON line per API request: its id (also in X-Request-Id), method, route pattern, status and time; never the path or query', async () => {
    const desk = await testDesk()
    const { lines, logger } = capturing()
    const app = createApp({ ...desk.deps, logger })
    const token = 'mF3kQ9vZ2xT7bLr0cW8yNp4sHd6aJu1eGi5oKq2VtXw'
    const res = await app.request(`/api/incidents/confirm?token=${token}`)
    expect(res.status).toBe(200)
    const line = lines.find((l) => l.msg === 'request')!
    expect(line).toMatchObject({ level: 30, service: 'loket', requestId: res.headers.get('x-request-id'), method: 'GET', route: '/api/incidents/confirm', status: 200 })
    expect(typeof line.ms).toBe('number')
    expect(typeof line.time).toBe('string')
    expect(JSON.stringify(lines)).not.toContain(token)
  })

  test('keeps the id a proxy sent, so its log and ours meet', async () => {
    const desk = await testDesk()
    const { lines, logger } = capturing()
    const res = await createApp({ ...desk.deps, logger }).request('/api/desk', { headers: { 'x-request-id': 'proxy-7f3a9c' } })
    expect(res.headers.get('x-request-id')).toBe('proxy-7f3a9c')
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ requestId: 'proxy-7f3a9c', route: '/api/desk' })
  })

  test('an unhandled error is logged at error level with the request\'s id, and the caller gets 500 internal', async () => {
    const desk = await testDesk()
    const { lines, logger } = capturing()
    desk.deps.store.organisations.get = async () => { throw new Error('the database went away') }
    const marieke = await desk.cookieFor('contact', 'c-jansen-admin')
    const res = await createApp({ ...desk.deps, logger }).request('/api/organisation', { headers: { cookie: marieke } })
    const error = lines.find((l) => l.msg === 'unhandled error')
    expect([res.status, (await res.json()).code]).toEqual([500, 'internal'])
    expect(error).toMatchObject({ level: 50, requestId: res.headers.get('x-request-id'), err: { message: 'the database went away' } })
  })
})
