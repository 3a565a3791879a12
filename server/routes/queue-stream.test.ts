import { Hono } from 'hono'
import { afterEach, describe, expect, test } from 'vitest'
import { createApp } from '../app.ts'
import { session } from '../middleware/session/index.ts'
import { closeTestDesks, testDesk } from '../testing.ts'
import { queueStream } from './queue-stream.ts'

afterEach(closeTestDesks)

/** The blocks of an event stream (an event or comment, up to its blank line), read as they come. */
function blocksOf(res: Response) {
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  let isDone = false
  return {
    /** The next block, or undefined once the stream has ended; fails after `ms`. */
    async next(ms = 5_000): Promise<string | undefined> {
      const deadline = Date.now() + ms
      while (!buffer.includes('\n\n')) {
        if (isDone) return undefined
        const left = deadline - Date.now()
        if (left <= 0) throw new Error(`no block within ${ms} ms; so far: ${JSON.stringify(buffer)}`)
        const read = await Promise.race([reader.read(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no block within ${ms} ms`)), left))])
        if (read.done) isDone = true
        else buffer += decoder.decode(read.value, { stream: true })
      }
      const end = buffer.indexOf('\n\n')
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      return block
    },
    /** The next `event: queue` block's data, skipping comments. */
    async nextEvent(ms = 5_000): Promise<{ incidentId: string; number: string; version: number }> {
      for (;;) {
        const block = await this.next(ms)
        if (block === undefined) throw new Error('the stream ended')
        if (block.startsWith('event: queue\n')) return JSON.parse(block.slice(block.indexOf('data: ') + 6))
      }
    },
    /** Reads until the stream says it listens. */
    async opened() {
      expect(await this.next()).toBe('retry: 3000')
      expect(await this.next()).toBe(': listening')
    },
    cancel: () => reader.cancel(),
  }
}

/** A question of Peter de Vries (org-devries) in the product area given: finance goes to the finance team, inventory to logistics. */
const registration = (productArea: string) => ({
  name: 'Peter de Vries', email: 'peter@devries-installatie.example', kind: 'question', productArea,
  subject: `Vraag over ${productArea}`, description: 'Hoe werkt dit precies?', lang: 'nl',
})

async function streamDesk() {
  const desk = await testDesk()
  const as = {
    lotte: { cookie: await desk.cookieFor('staff', 's-lotte') }, // agent: first-line and finance
    daan: { cookie: await desk.cookieFor('staff', 's-daan') }, // agent: logistics
    peter: { cookie: await desk.cookieFor('contact', 'c-devries-admin') },
  }
  const open = async (who: { cookie: string }, app: { request: (path: string, init: RequestInit) => Response | Promise<Response> } = desk.app) => {
    const res = await app.request('/api/staff/queue/stream', { headers: who })
    return { res, blocks: blocksOf(res) }
  }
  return { ...desk, as, open }
}

describe('the live queue stream', () => {
  test('tells staff of an incident registered and changed in their queue, with its id, number and version', async () => {
    const desk = await streamDesk()
    const { res, blocks } = await desk.open(desk.as.lotte)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    await blocks.opened()
    const registered = await desk.call('POST', '/api/incidents', registration('finance'), desk.as.peter)
    expect(registered.status).toBe(201)
    expect(await blocks.nextEvent()).toEqual({ incidentId: registered.json.id, number: registered.json.number, version: 1 })
    const triaged = await desk.call('PATCH', `/api/incidents/${registered.json.id}`, { version: 1, priority: 3 }, desk.as.lotte)
    expect(triaged.status).toBe(200)
    expect(await blocks.nextEvent()).toEqual({ incidentId: registered.json.id, number: registered.json.number, version: 2 })
    await blocks.cancel()
  })

  test('tells an agent nothing of an incident in a queue they may not see', async () => {
    const desk = await streamDesk()
    const { blocks } = await desk.open(desk.as.daan)
    await blocks.opened()
    const finance = await desk.call('POST', '/api/incidents', registration('finance'), desk.as.peter)
    const logistics = await desk.call('POST', '/api/incidents', registration('inventory'), desk.as.peter)
    // The first event Daan gets is the second incident's: the finance one was never sent.
    expect(await blocks.nextEvent()).toMatchObject({ incidentId: logistics.json.id })
    expect(finance.json.id).not.toBe(logistics.json.id)
    await blocks.cancel()
  })

  test.each([
    ['a contact', 'peter', 403, 'staff_only'],
    ['someone not signed in', undefined, 401, 'sign_in_required'],
  ] as const)('refuses %s, as the queue does', async (_name, who, status, code) => {
    const desk = await streamDesk()
    const res = await desk.call('GET', '/api/staff/queue/stream', undefined, who ? desk.as[who] : {})
    expect([res.status, res.json.code]).toEqual([status, code])
  })

  test('pings while nothing happens', async () => {
    const desk = await streamDesk()
    const app = new Hono().use('*', session(desk.deps)).route('/api/staff/queue/stream', queueStream(desk.deps, { pingMs: 30 }))
    const { blocks } = await desk.open(desk.as.lotte, app)
    await blocks.opened()
    expect(await blocks.next()).toBe(': ping')
    expect(await blocks.next()).toBe(': ping')
    await blocks.cancel()
  })

  test('stops listening when the client goes away, and ends when the server shuts down', async () => {
    const desk = await streamDesk()
    let listening = 0
    const changes = {
      subscribe: (listener: Parameters<typeof desk.store.changes.subscribe>[0]) => {
        listening++
        const stop = desk.store.changes.subscribe(listener)
        return () => {
          listening--
          stop()
        }
      },
      ready: () => desk.store.changes.ready(),
    }
    const closing = new AbortController()
    const app = createApp({ ...desk.deps, store: { ...desk.store, changes }, closing: closing.signal })

    const leaving = await desk.open(desk.as.lotte, app)
    await leaving.blocks.opened()
    expect(listening).toBe(1)
    await leaving.blocks.cancel()
    await expect.poll(() => listening).toBe(0)

    const staying = await desk.open(desk.as.lotte, app)
    await staying.blocks.opened()
    expect(listening).toBe(1)
    closing.abort()
    expect(await staying.blocks.next()).toBeUndefined()
    expect(listening).toBe(0)
  })
})
