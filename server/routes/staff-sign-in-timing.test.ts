// Staff sign-in costs one password hash whether or not the address is staff: the time it takes tells nobody who works here.
import * as crypto from 'node:crypto'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { dummyPasswordHash } from '../auth/tokens.ts'
import { closeTestDesks, testDesk } from '../testing.ts'

// Counts the runs of scrypt, the costly part of a password check, without timing anything.
vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof import('node:crypto')>()
  return { ...actual, scrypt: vi.fn(actual.scrypt) }
})
const scryptRuns = vi.mocked(crypto.scrypt)

afterEach(closeTestDesks)

describe('POST /api/auth/staff takes as long for an unknown address', () => {
  let desk: Awaited<ReturnType<typeof testDesk>>
  /** Signs in once; resolves to the status and how many times scrypt ran for it. */
  const attempt = async (email: string, password: string) => {
    scryptRuns.mockClear()
    const res = await desk.call('POST', '/api/auth/staff', { email, password })
    return { status: res.status, code: res.json?.code as string | undefined, hashes: scryptRuns.mock.calls.length }
  }

  beforeEach(async () => {
    desk = await testDesk()
    // Made once per process, when the routes are built: counted here, it would be a second hash.
    await dummyPasswordHash()
  })

  test('a real address with the right password: one hash, signed in', async () => {
    expect(await attempt('lotte@noordwind.example', 'loket-demo')).toEqual({ status: 200, code: undefined, hashes: 1 })
  })

  test.each([
    ['a real address, a wrong password', 'lotte@noordwind.example'],
    ['an unknown address', 'niemand@noordwind.example'],
  ])('%s: one hash, and the same refusal', async (_, email) => {
    expect(await attempt(email, 'fout')).toEqual({ status: 401, code: 'wrong_credentials', hashes: 1 })
  })

  test('a deactivated staff member: one hash, refused even with the right password', async () => {
    const lotte = (await desk.store.staff.byEmail('lotte@noordwind.example'))!
    await desk.store.staff.put({ ...lotte, isActive: false })
    expect(await attempt('lotte@noordwind.example', 'loket-demo')).toEqual({ status: 401, code: 'wrong_credentials', hashes: 1 })
  })

  test('an unknown address gets no cookie and the very answer a wrong password gets', async () => {
    const unknown = await desk.call('POST', '/api/auth/staff', { email: 'niemand@noordwind.example', password: 'loket-demo' })
    const wrong = await desk.call('POST', '/api/auth/staff', { email: 'lotte@noordwind.example', password: 'fout' })
    expect(unknown.status).toBe(401)
    expect(unknown.headers.get('set-cookie')).toBeNull()
    expect(unknown.text).toBe(wrong.text)
  })
})
