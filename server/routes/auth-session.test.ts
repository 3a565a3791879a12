// GET /api/auth/session: who is signed in, answered 200 whether anyone is or not, so a page that asks first logs no error.
import { afterEach, describe, expect, test } from 'vitest'
import { closeTestDesks, testDesk } from '../testing.ts'

afterEach(closeTestDesks)

describe('GET /api/auth/session', () => {
  test('nobody signed in is anonymous with 200, never kept by a shared cache; GET /api/auth/me still answers 401', async () => {
    const desk = await testDesk()
    const res = await desk.call('GET', '/api/auth/session')
    expect([res.status, res.json]).toEqual([200, { kind: 'anonymous' }])
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect((await desk.call('GET', '/api/auth/me')).json).toMatchObject({ code: 'sign_in_required' })
  })

  test('a cookie that matches no session is anonymous too', async () => {
    const desk = await testDesk()
    const res = await desk.call('GET', '/api/auth/session', undefined, { cookie: 'loket_session=not-a-session' })
    expect([res.status, res.json]).toEqual([200, { kind: 'anonymous' }])
  })

  test.each([
    ['a contact', 'contact', 'c-jansen-emp'],
    ['a staff member', 'staff', 's-lotte'],
  ] as const)('%s signed in is told as GET /api/auth/me tells it', async (_, kind, id) => {
    const desk = await testDesk()
    const cookie = { cookie: await desk.cookieFor(kind, id) }
    const res = await desk.call('GET', '/api/auth/session', undefined, cookie)
    expect(res.status).toBe(200)
    expect(res.json).toEqual((await desk.call('GET', '/api/auth/me', undefined, cookie)).json)
    expect(res.json).toMatchObject({ kind, id })
  })

  test('a contact whose authorisation was withdrawn is anonymous from their next request on', async () => {
    const desk = await testDesk()
    const tom = { cookie: await desk.cookieFor('contact', 'c-jansen-emp') }
    const marieke = { cookie: await desk.cookieFor('contact', 'c-jansen-admin') }
    expect((await desk.call('GET', '/api/auth/session', undefined, tom)).json).toMatchObject({ kind: 'contact' })
    expect((await desk.call('PATCH', '/api/organisation/contacts/c-jansen-emp', { isAuthorised: false }, marieke)).status).toBe(200)
    expect((await desk.call('GET', '/api/auth/session', undefined, tom)).json).toEqual({ kind: 'anonymous' })
  })
})
