import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { createApp } from '../app.ts'
import { HTTP_METHODS, openApiDocument, type OpenApiDocument, type Operation, type Response } from '../openapi.ts'
import { testDesk } from '../testing.ts'
import { REQUEST_SCHEMAS, documentFor } from '../http/document.ts'
import { renderReference } from '../present/reference-page.ts'

let shared: ReturnType<typeof open> | undefined
afterAll(async () => {
  if (shared) await (await shared).desk.store.close()
})

/** One desk and its document for the whole file: the document plays its story once per app, which takes a while. */
async function open() {
  const desk = await testDesk()
  const app = createApp(desk.deps)
  const res = await app.request('/api/openapi.json')
  const document = JSON.parse(await res.clone().text()) as OpenApiDocument
  return { desk, app, res, document }
}
const setup = () => (shared ??= open())

const operationsOf = (document: OpenApiDocument) => Object.entries(document.paths).flatMap(([path, item]) =>
  HTTP_METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method]! as Operation }] : [])))

const documented = (document: OpenApiDocument) => new Set(operationsOf(document).map(({ method, path }) => `${method.toUpperCase()} ${path}`))

/** What the real app answers under /api, as OpenAPI writes it; middleware, catch-alls, preflights and the docs left out. */
function answered(routes: { method: string; path: string }[]): Set<string> {
  return new Set(routes
    .filter((r) => (r.path === '/api' || r.path.startsWith('/api/')) && !r.path.includes('*') && r.method !== 'ALL' && r.method !== 'OPTIONS')
    .filter((r) => r.path !== '/api/openapi.json' && r.path !== '/api/docs')
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`))
}

/** The JSON example `name` of `status` in the operation's responses, with shared responses followed. */
function replyExample(document: OpenApiDocument, operation: Operation, status: number, name: string): unknown {
  let response = operation.responses[status] as Response | { $ref: string }
  if ('$ref' in response) response = document.components.responses[response.$ref.split('/').at(-1)!]!
  return response.content?.['application/json']?.examples?.[name]?.value
}

describe('GET /api/openapi.json', () => {
  test('serves the OpenAPI 3.1.0 document as JSON, the same text every time', { timeout: 30_000 }, async () => {
    const { app, res, document, desk } = await setup()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(document.openapi).toBe('3.1.0')
    expect(document.info).toMatchObject({ title: 'Loket API', version: '0.1.0' })
    expect(document).toEqual(JSON.parse(JSON.stringify(await documentFor(desk.deps, app, createApp))))
    expect(await (await app.request('/api/openapi.json')).text()).toBe(await res.text())
  })

  test('documents every route the app answers', async () => {
    const { desk, document } = await setup()
    const routes = answered(createApp(desk.deps).routes)
    expect(routes.size).toBeGreaterThan(10)
    const missing = [...routes].filter((route) => !documented(document).has(route))
    expect(missing).toEqual([])
  })

  test('documents no route the app does not answer, apart from the attachment routes to come', async () => {
    const { desk, document } = await setup()
    const routes = answered(createApp(desk.deps).routes)
    const extra = [...documented(document)].filter((route) => !routes.has(route))
    expect(extra).toEqual([])
  })

  test('every request example is valid for the zod schema the route parses with', async () => {
    const { document } = await setup()
    const checked: string[] = []
    for (const { path, method, operation } of operationsOf(document)) {
      const bodies = Object.values(operation.requestBody?.content ?? {})
      if (bodies.length) expect(bodies.some((media) => Object.keys(media.examples ?? {}).length), `${method} ${path} has an example body`).toBe(true)
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
        if (type === 'multipart/form-data') continue
        const name = (media.schema as { $ref?: string } | undefined)?.$ref?.split('/').at(-1) as keyof typeof REQUEST_SCHEMAS
        expect(REQUEST_SCHEMAS[name], `${method} ${path} ${type}`).toBeDefined()
        const examples = Object.entries(media.examples ?? {})
        for (const [example, { value }] of examples) {
          const result = REQUEST_SCHEMAS[name].safeParse(value)
          expect(result.success, `${method} ${path} ${type} example ${example}: ${result.error?.message}`).toBe(true)
          checked.push(`${name}:${example}`)
        }
      }
    }
    expect(new Set(checked.map((c) => c.split(':')[0]))).toEqual(new Set(Object.keys(REQUEST_SCHEMAS)))
  })

  test('every operation has a unique id, a summary, a known tag and every response a description', async () => {
    const { document } = await setup()
    const tags = document.tags.map((t) => t.name)
    const operations = operationsOf(document)
    expect(new Set(operations.map((o) => o.operation.operationId)).size).toBe(operations.length)
    for (const { operation } of operations) {
      expect(operation.summary).toBeTruthy()
      expect(tags).toContain(operation.tags[0])
      for (const response of Object.values(operation.responses)) expect('$ref' in response || response.description).toBeTruthy()
    }
  })

  test('describes every field GET /api/desk answers, and requires each', async () => {
    const { desk, document } = await setup()
    const reply = (await desk.call('GET', '/api/desk')).json as Record<string, unknown>
    const schema = document.components.schemas.DeskStatus as { required: string[]; properties: Record<string, unknown> }
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(reply).sort())
    expect([...schema.required].sort()).toEqual(Object.keys(reply).sort())
  })

  test('every $ref leads to a component', async () => {
    const { document } = await setup()
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? []
    expect(refs.length).toBeGreaterThan(20)
    for (const ref of refs) {
      const [, , kind, name] = JSON.parse(`{${ref}}`).$ref.split('/')
      expect((document.components as unknown as Record<string, Record<string, unknown>>)[kind]?.[name], ref).toBeDefined()
    }
  })

  test('every operation that answers JSON shows an answer it gave in the story, and every example fits its schema', async () => {
    const { document } = await setup()
    const components = JSON.parse(JSON.stringify(document.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'))
    const fits = (schema: unknown, value: unknown) => z.fromJSONSchema({ ...JSON.parse(JSON.stringify(schema).replaceAll('#/components/schemas/', '#/$defs/')), $defs: components }).safeParse(value)
    const withoutExample: string[] = []
    let checked = 0
    for (const { path, method, operation } of operationsOf(document)) {
      const replies = Object.entries(operation.responses).map(([status, reply]) => [status, '$ref' in reply ? document.components.responses[reply.$ref.split('/').at(-1)!]! : reply] as const)
      const success = replies.filter(([status, reply]) => status.startsWith('2') && reply.content?.['application/json'])
      if (success.length > 0 && !success.some(([, reply]) => Object.keys(reply.content!['application/json']!.examples ?? {}).length)) withoutExample.push(`${method} ${path}`)
      for (const [status, reply] of replies) {
        const media = reply.content?.['application/json']
        for (const [name, { value }] of Object.entries(media?.examples ?? {})) {
          expect(fits(media!.schema, value).error, `${method} ${path} ${status} ${name}`).toBeUndefined()
          checked++
        }
      }
    }
    expect(withoutExample).toEqual([])
    expect(checked).toBeGreaterThan(100)
  })

  test('the story\'s random codes are fixed ones in the document (the first test shows two builds are the same)', async () => {
    const { document } = await setup()
    const consent = document.paths['/api/remote-views/consent']!.post!
    expect((consent.requestBody!.content['application/json']!.examples!.opened!.value as { code: string }).code).toBe('482913')
  })

  test('an example of a refusal is what the API answers, in Dutch without Accept-Language', async () => {
    const { desk, document } = await setup()
    const nobody = await desk.call('GET', '/api/incidents')
    expect([nobody.status, nobody.json]).toEqual([401, replyExample(document, document.paths['/api/incidents']!.get!, 401, 'signInRequired')])
    const lotte = { cookie: await desk.cookieFor('staff', 's-lotte') }
    const unknown = await desk.call('PATCH', `/api/incidents/${randomUUID()}`, { version: 1, priority: 3 }, lotte)
    expect([unknown.status, unknown.json]).toEqual([404, replyExample(document, document.paths['/api/incidents/{id}']!.patch!, 404, 'notFound')])
  })
})

describe('GET /api/docs', () => {
  test('is a self-contained HTML reference in English that lists every operation by tag', async () => {
    const { app, document } = await setup()
    const res = await app.request('/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(html).not.toMatch(/<script|<link|<iframe|\ssrc=|href="(https?:)?\/\//i)
    for (const path of Object.keys(document.paths)) expect(html).toContain(`<code>${path}</code>`)
    for (const { operation } of operationsOf(document)) expect(html).toContain(`id="op-${operation.operationId}"`)
    for (const tag of document.tags) expect(html).toMatch(new RegExp(`<h2 id="tag-[a-z-]+-h">${tag.name}</h2>`))
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])
    expect(targets.filter((t) => !ids.has(t))).toEqual([])
  })

  test('escapes what it interpolates', () => {
    const document = openApiDocument({ serverUrl: '"><script>alert(1)</script>' })
    document.paths['/api/health'] = { get: { operationId: 'getHealth', tags: ['Desk'], summary: '<img src=x onerror=alert(1)>', responses: {} } }
    const html = renderReference(document)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})
