import { Hono } from 'hono'
import { afterEach, describe, expect, test } from 'vitest'
import { createApp } from '../app.ts'
import { session, type SessionEnv } from '../middleware/session/index.ts'
import { HTTP_METHODS, REQUEST_EXAMPLES, openApiDocument, type OpenApiDocument, type Operation, type Response } from '../openapi.ts'
import { PHONE_TEST_SECRET, testDesk } from '../testing.ts'
import { attachments } from './attachments.ts'
import { REQUEST_SCHEMAS, documentFor } from '../http/document.ts'
import { renderReference } from '../present/reference-page.ts'
import { EXAMPLE_NOW, replyExamples } from '../http/examples.ts'
import { IncidentReply, MessageReply } from '../present/incident.ts'
import { IncidentView } from '../present/incident-view.ts'
import { QueueReply } from '../present/staff.ts'
import { ComplaintReply } from '../present/complaint.ts'
import { PhoneRouteReply } from '../present/phone.ts'
import { FollowUpReply, SignalsReply } from '../present/signals.ts'
import { InsightReport } from '../present/kb.ts'
import { BackupReply, ExtraSupportReply, GrantReply, RemoteViewPreviewReply, RemoteViewReply, RemoteViewSessionReply } from '../present/consent.ts'

const openStores: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(openStores.splice(0).map((store) => store.close()))
})

async function setup() {
  const desk = await testDesk()
  openStores.push(desk.store)
  const app = createApp(desk.deps)
  const res = await app.request('/api/openapi.json')
  const document = JSON.parse(await res.clone().text()) as OpenApiDocument
  return { desk, app, res, document }
}

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
  test('serves the OpenAPI 3.1.0 document as JSON, the same text every time', async () => {
    const { app, res, document, desk } = await setup()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(document.openapi).toBe('3.1.0')
    expect(document.info).toMatchObject({ title: 'Loket API', version: '0.1.0' })
    expect(document).toEqual(JSON.parse(JSON.stringify(await documentFor(desk.deps, app))))
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
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
        if (type === 'multipart/form-data') continue
        const name = (media.schema as { $ref?: string } | undefined)?.$ref?.split('/').at(-1) as keyof typeof REQUEST_SCHEMAS
        expect(REQUEST_SCHEMAS[name], `${method} ${path} ${type}`).toBeDefined()
        const examples = Object.entries(media.examples ?? {})
        expect(examples.length, `${method} ${path} ${type} has an example`).toBeGreaterThan(0)
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

  test('the examples are what the API answers', async () => {
    const { desk, document } = await setup()
    const op = (path: string, method: (typeof HTTP_METHODS)[number]) => document.paths[path]![method]!
    const health = await desk.call('GET', '/api/health')
    expect(health.json).toEqual(replyExample(document, op('/api/health', 'get'), 200, 'up'))
    const deskNow = await desk.call('GET', '/api/desk')
    expect(deskNow.json).toEqual(replyExample(document, op('/api/desk', 'get'), 200, 'mondayMorning'))
    const vote = await desk.call('POST', '/api/kb/votes', REQUEST_EXAMPLES.vote.value)
    expect([vote.status, vote.json]).toEqual([201, replyExample(document, op('/api/kb/votes', 'post'), 201, 'recorded')])
    for (const example of [REQUEST_EXAMPLES.searchEvent, REQUEST_EXAMPLES.clickEvent, REQUEST_EXAMPLES.incidentEvent]) {
      const event = await desk.call('POST', '/api/kb/events', example.value)
      expect([event.status, event.json]).toEqual([201, replyExample(document, op('/api/kb/events', 'post'), 201, 'recorded')])
    }
    const notAPath = await desk.call('POST', '/api/kb/events', { ...REQUEST_EXAMPLES.clickEvent.value, article: 'https://kb.noordwind.example/support/btw-aangifte/' })
    expect([notAPath.status, notAPath.json]).toEqual([400, replyExample(document, op('/api/kb/events', 'post'), 400, 'notAPath')])
    const link = await desk.call('POST', '/api/auth/link', REQUEST_EXAMPLES.signInLink.value)
    expect([link.status, link.json]).toEqual([202, replyExample(document, op('/api/auth/link', 'post'), 202, 'sent')])
    const registered = await desk.call('POST', '/api/incidents', REQUEST_EXAMPLES.widgetRegistration.value)
    expect([registered.status, registered.json]).toEqual([202, replyExample(document, op('/api/incidents', 'post'), 202, 'checkEmail')])
    const area = await desk.call('POST', '/api/incidents', { ...REQUEST_EXAMPLES.widgetRegistration.value, productArea: 'marketing' })
    expect([area.status, area.json]).toEqual([400, replyExample(document, op('/api/incidents', 'post'), 400, 'productArea')])
    const cookie = await desk.cookieFor('staff', 's-lotte')
    const me = await desk.call('GET', '/api/auth/me', undefined, { cookie })
    expect(me.json).toEqual(replyExample(document, op('/api/auth/me', 'get'), 200, 'staff'))
    const nobody = await desk.call('GET', '/api/incidents', undefined)
    expect([nobody.status, nobody.json]).toEqual([401, replyExample(document, op('/api/incidents', 'get'), 401, 'signInRequired')])
    // The presenter-made examples' records are the demo desk's.
    const marieke = await desk.cookieFor('contact', 'c-jansen-admin')
    expect((await desk.call('GET', '/api/organisation', undefined, { cookie: marieke })).json).toEqual(replyExample(document, op('/api/organisation', 'get'), 200, 'admin'))
    expect((await desk.call('GET', '/api/organisation', undefined, { cookie: await desk.cookieFor('contact', 'c-jansen-emp') })).json).toEqual(replyExample(document, op('/api/organisation', 'get'), 200, 'employee'))
    expect((await desk.call('GET', '/api/organisation/contacts', undefined, { cookie: marieke })).json).toEqual(replyExample(document, op('/api/organisation/contacts', 'get'), 200, 'jansen'))
    expect((await desk.call('GET', '/api/staff/people', undefined, { cookie })).json).toEqual(replyExample(document, op('/api/staff/people', 'get'), 200, 'demo'))
  })

  test('the presenter-made reply examples match their reply schemas and fill every placeholder', async () => {
    const { desk, document } = await setup()
    const examples = await replyExamples(desk.deps)
    const schemas = {
      incident: IncidentReply, message: MessageReply, incidentView: IncidentView, queue: QueueReply, complaint: ComplaintReply, remoteView: RemoteViewReply,
      remoteViewPreview: RemoteViewPreviewReply, remoteViewSession: RemoteViewSessionReply, backup: BackupReply, grant: GrantReply, extraSupport: ExtraSupportReply,
      signalsFlagged: SignalsReply, signalsAll: SignalsReply, followUp: FollowUpReply, insightReport: InsightReport, phoneToAssignee: PhoneRouteReply, phoneToTeam: PhoneRouteReply, phoneToGeneral: PhoneRouteReply, phoneClosed: PhoneRouteReply,
    } satisfies Record<keyof typeof examples, unknown>
    for (const [name, schema] of Object.entries(schemas)) expect(schema.safeParse(examples[name as keyof typeof examples]).error, name).toBeUndefined()
    expect(JSON.stringify(document)).not.toContain('x-loket-example')
    expect(replyExample(document, document.paths['/api/staff/queue']!.get!, 200, 'lotte')).toEqual(examples.queue)
  })

  test('the generated incident and phone route examples are what the API answers for the same incident, ids aside', async () => {
    const { desk, document } = await setup()
    const [tom, lotte] = [{ cookie: await desk.cookieFor('contact', 'c-jansen-emp') }, { cookie: await desk.cookieFor('staff', 's-lotte') }]
    const { json: { id, number } } = await desk.call('POST', '/api/incidents', REQUEST_EXAMPLES.widgetRegistration.value, tom)
    desk.setNow('2026-11-30T09:12:00.000Z')
    expect((await desk.call('PATCH', `/api/incidents/${id}`, REQUEST_EXAMPLES.triage.value, lotte)).status).toBe(200)
    desk.setNow(EXAMPLE_NOW.toISOString())
    const incident = (await desk.call('GET', `/api/incidents/${id}`, undefined, lotte)).json.incident
    const example = replyExample(document, document.paths['/api/incidents/{id}']!.patch!, 200, 'changed') as { incident: Record<string, unknown> }
    expect({ ...incident, id: example.incident.id, number: example.incident.number }).toEqual(example.incident)
    const routed = await desk.call('GET', `/api/phone/route?number=${number}`, undefined, { authorization: `Bearer ${PHONE_TEST_SECRET}` })
    const route = replyExample(document, document.paths['/api/phone/route']!.get!, 200, 'assignee') as { incident: object }
    expect(routed.json).toEqual({ ...route, incident: { ...route.incident, number } })
  })

  test('the attachment examples are what the attachments router answers', async () => {
    const { desk, document } = await setup()
    // Mounted here as app.ts will, until it does.
    const app = new Hono<SessionEnv>().use('*', session(desk.deps)).route('/api/incidents', attachments(desk.deps))
    const cookie = await desk.cookieFor('contact', 'c-jansen-emp')
    const { json: { id } } = await desk.call('POST', '/api/incidents', REQUEST_EXAMPLES.widgetRegistration.value, { cookie })
    const upload = (name: string, bytes: Uint8Array<ArrayBuffer>) => {
      const form = new FormData()
      form.append('file', new File([bytes], name))
      return app.request(`/api/incidents/${id}/attachments`, { method: 'POST', body: form, headers: { cookie } })
    }
    const upload201 = document.paths['/api/incidents/{id}/attachments']!.post!
    const documentedAttachment = (replyExample(document, upload201, 201, 'stored') as { attachment: Record<string, unknown> }).attachment
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    const stored = await upload(String(documentedAttachment.fileName), png)
    expect(stored.status).toBe(201)
    const { attachment } = await stored.json() as { attachment: Record<string, unknown> }
    expect(Object.keys(attachment).sort()).toEqual(Object.keys(documentedAttachment).sort())
    expect(attachment).toMatchObject({ fileName: documentedAttachment.fileName, contentType: documentedAttachment.contentType })
    const refused = await upload('setup.exe', png)
    expect([refused.status, await refused.json()]).toEqual([415, replyExample(document, upload201, 415, 'typeNotAllowed')])
    const download = await app.request(`/api/incidents/${id}/attachments/${String(attachment.id)}`, { headers: { cookie } })
    const disposition = document.paths['/api/incidents/{id}/attachments/{attachmentId}']!.get!.responses[200] as Response
    expect(download.headers.get('content-disposition')).toBe((disposition.headers!['Content-Disposition'] as { example: string }).example)
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(png)
  })
  test('the consent examples have every field the consent routes answer, and the schemas require each', async () => {
    const { document } = await setup()
    const desk = await testDesk({ now: '2026-11-30T09:00:00.000Z' })
    openStores.push(desk.store)
    const lotte = { cookie: await desk.cookieFor('staff', 's-lotte') }
    const marieke = { cookie: await desk.cookieFor('contact', 'c-jansen-admin') }
    const { json: { id } } = await desk.call('POST', '/api/incidents', REQUEST_EXAMPLES.widgetRegistration.value, { cookie: (await desk.cookieFor('contact', 'c-jansen-emp')) })
    const op = (path: string) => document.paths[path]!.post!
    const schemaOf = (name: string) => document.components.schemas[name] as { required: string[]; properties: Record<string, unknown> }
    /** The reply's fields are the documented example's, and the schema's, all required. */
    const sameFields = (reply: Record<string, unknown>, example: Record<string, unknown>, schema?: string) => {
      expect(Object.keys(reply).sort()).toEqual(Object.keys(example).sort())
      if (schema) {
        expect(Object.keys(schemaOf(schema).properties).sort()).toEqual(Object.keys(reply).sort())
        expect([...schemaOf(schema).required].sort()).toEqual(Object.keys(reply).sort())
      }
    }

    const started = await desk.call('POST', `/api/incidents/${id}/remote-views`, undefined, lotte)
    expect(started.status).toBe(201)
    sameFields(started.json.remoteView, (replyExample(document, op('/api/incidents/{id}/remote-views'), 201, 'started') as { remoteView: Record<string, unknown> }).remoteView, 'RemoteView')
    const code = /code is (\d{6})\b/.exec((await desk.mails()).at(-1)!.text)![1]
    const preview = await desk.call('POST', '/api/remote-views/lookup', { code })
    sameFields(preview.json.remoteView, (replyExample(document, op('/api/remote-views/lookup'), 200, 'found') as { remoteView: Record<string, unknown> }).remoteView, 'RemoteViewPreview')
    const opened = await desk.call('POST', '/api/remote-views/consent', { code })
    expect(opened.status).toBe(200)
    sameFields(opened.json, replyExample(document, op('/api/remote-views/consent'), 200, 'opened') as Record<string, unknown>)
    sameFields(opened.json.session, (replyExample(document, op('/api/remote-views/consent'), 200, 'opened') as { session: Record<string, unknown> }).session)

    const backup = await desk.call('POST', `/api/incidents/${id}/backups`, REQUEST_EXAMPLES.backupRequest.value, lotte)
    expect(backup.status).toBe(201)
    const approved = await desk.call('POST', `/api/backups/${backup.json.backup.id}/decision`, REQUEST_EXAMPLES.approve.value, marieke)
    expect(approved.status).toBe(200)
    sameFields(approved.json.backup, (replyExample(document, op('/api/backups/{id}/decision'), 200, 'approved') as { backup: Record<string, unknown> }).backup, 'Backup')

    const grant = await desk.call('POST', `/api/incidents/${id}/grants`, REQUEST_EXAMPLES.grant.value, marieke)
    expect(grant.status).toBe(201)
    sameFields(grant.json.grant, (replyExample(document, op('/api/incidents/{id}/grants'), 201, 'given') as { grant: Record<string, unknown> }).grant, 'Grant')

    const extra = await desk.call('POST', '/api/extra-support', REQUEST_EXAMPLES.extraSupport.value, marieke)
    expect(extra.status).toBe(201)
    sameFields(extra.json.extraSupport, (replyExample(document, op('/api/extra-support'), 201, 'requested') as { extraSupport: Record<string, unknown> }).extraSupport, 'ExtraSupport')
    expect(extra.json.extraSupport).toMatchObject({ startsAt: '2027-01-02T08:00:00.000Z', isBilled: false })

    const tooSoon = await desk.call('POST', '/api/extra-support', { ...REQUEST_EXAMPLES.extraSupport.value, startsAt: '2026-12-03T18:00:00+01:00', endsAt: '2026-12-03T22:00:00+01:00' }, marieke)
    expect([tooSoon.status, tooSoon.json]).toEqual([422, replyExample(document, op('/api/extra-support'), 422, 'tooSoon')])
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
    const document = openApiDocument({ serverUrl: '"><script>alert(1)</script>', deskExample: {} })
    document.paths['/api/health'] = { get: { operationId: 'getHealth', tags: ['Desk'], summary: '<img src=x onerror=alert(1)>', responses: {} } }
    const html = renderReference(document)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})
