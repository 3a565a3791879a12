import { describe, expect, test } from 'vitest'
import type { KbVote } from '../domain/kb-insight.ts'
import { memoryLog } from '../store/memory-log.ts'
import { testDesk } from '../testing.ts'

async function setup() {
  const desk = await testDesk({ now: '2026-11-30T09:41:27.512Z' })
  const insight = desk.deps.insight as ReturnType<typeof memoryLog<KbVote>>
  const app = desk.app
  const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    app.request('/api/kb/votes', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })
  return { insight, post }
}

describe('POST /api/kb/votes', () => {
  test('records an anonymous vote, to the minute', async () => {
    const { insight, post } = await setup()
    const res = await post({ article: 'register-incident', lang: 'nl', isHelpful: false })
    expect(res.status).toBe(201)
    expect(insight.records).toEqual([{ type: 'vote', article: 'register-incident', lang: 'nl', isHelpful: false, at: '2026-11-30T09:41:00.000Z' }])
  })

  test.each([
    ['a missing field', { article: 'register-incident', lang: 'nl' }, 'isHelpful'],
    ['an unknown language', { article: 'register-incident', lang: 'de', isHelpful: true }, 'lang'],
    ['an article key with markup', { article: '<script>', lang: 'nl', isHelpful: true }, 'article'],
    ['an extra field that could identify the reader', { article: 'register-incident', lang: 'nl', isHelpful: true, email: 'a@b.nl' }, '(body)'],
  ])('rejects %s with the field named and records nothing', async (_name, body, path) => {
    const { insight, post } = await setup()
    const res = await post(body)
    expect(res.status).toBe(400)
    const error = await res.json()
    expect(error.code).toBe('invalid_input')
    expect(error.message).toBe('De gegevens zijn niet compleet of niet juist. Zie de velden.')
    expect(error.fields.map((f: { path: string }) => f.path)).toContain(path)
    expect(insight.records).toEqual([])
  })

  test('answers in English when the caller prefers it', async () => {
    const { post } = await setup()
    const res = await post({}, { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.8' })
    expect((await res.json()).message).toBe('The data is incomplete or not valid. See the fields.')
  })

  test('refuses a body that is not JSON with 415', async () => {
    const { insight, post } = await setup()
    const res = await post('article=register-incident', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(415)
    expect((await res.json()).code).toBe('unsupported_media_type')
    expect(insight.records).toEqual([])
  })

  test('refuses malformed JSON with 400', async () => {
    const { insight, post } = await setup()
    const res = await post('{"article": ')
    expect(res.status).toBe(400)
    expect((await res.json()).code).toBe('malformed_json')
    expect(insight.records).toEqual([])
  })

  test('refuses a body over 64 KB with 413', async () => {
    const { insight, post } = await setup()
    const res = await post({ article: 'a'.repeat(70_000), lang: 'nl', isHelpful: true })
    expect(res.status).toBe(413)
    expect((await res.json()).code).toBe('payload_too_large')
    expect(insight.records).toEqual([])
  })
})
