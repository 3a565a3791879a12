import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { Hono } from 'hono'
import { afterEach, describe, expect, test } from 'vitest'
import { MAX_ATTACHMENT_BYTES } from '../domain/attachment.ts'
import { withStatus } from '../domain/incident.ts'
import { session, type SessionEnv } from '../middleware/session/index.ts'
import { readAllOf } from '../store/attachment-files.ts'
import type { PostgresStore } from '../store/postgres-store.ts'
import { testDesk } from '../testing.ts'
import { attachments } from './attachments.ts'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3])
const LOG = new TextEncoder().encode('2026-11-30 09:00:01 ERROR Digipoort antwoordde 500 (café)\n')
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])

const registration = { name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', kind: 'bug', productArea: 'finance', subject: 'Btw-aangifte geeft fout 500', description: 'Bij het indienen via Digipoort krijg ik fout 500.', lang: 'nl' }

const openStores: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(openStores.splice(0).map((store) => store.close()))
})

/** A test desk with the attachments route mounted under /api/incidents, as app.ts mounts it. */
async function attachmentDesk() {
  const desk = await testDesk()
  openStores.push(desk.store)
  const app = new Hono<SessionEnv>().use('*', session(desk.deps)).route('/api/incidents', attachments(desk.deps))
  const tom = (await desk.store.contacts.get('c-jansen-emp'))!
  await desk.store.contacts.put({ ...tom, id: 'c-jansen-emp2', name: 'Eva Smit', email: 'eva@bakkerij-jansen.example' })
  const cookies = {
    tom: await desk.cookieFor('contact', 'c-jansen-emp'),
    eva: await desk.cookieFor('contact', 'c-jansen-emp2'),
    marieke: await desk.cookieFor('contact', 'c-jansen-admin'),
    peter: await desk.cookieFor('contact', 'c-devries-admin'),
    lotte: await desk.cookieFor('staff', 's-lotte'),
    nobody: '',
  }
  type Who = keyof typeof cookies
  const headersOf = (who: Who): Record<string, string> => (cookies[who] ? { cookie: cookies[who] } : {})

  return {
    ...desk,
    app,
    /** Files an incident as this contact; its id. */
    async file(who: Who): Promise<string> {
      const res = await desk.call('POST', '/api/incidents', registration, headersOf(who))
      expect(res.status).toBe(201)
      return res.json.id
    },
    async upload(who: Who, incidentId: string, name: string, content: Uint8Array<ArrayBuffer>, fields: { text?: string; type?: string; visibility?: string; asksCustomer?: string } = {}) {
      const form = new FormData()
      form.append('file', new File([content], name, { type: fields.type ?? 'application/octet-stream' }))
      if (fields.text !== undefined) form.append('text', fields.text)
      if (fields.visibility !== undefined) form.append('visibility', fields.visibility)
      if (fields.asksCustomer !== undefined) form.append('asksCustomer', fields.asksCustomer)
      const res = await app.request(`/api/incidents/${incidentId}/attachments`, { method: 'POST', body: form, headers: headersOf(who) })
      return { status: res.status, json: await res.json().catch(() => undefined) }
    },
    async download(who: Who, incidentId: string, attachmentId: string) {
      const res = await app.request(`/api/incidents/${incidentId}/attachments/${attachmentId}`, { headers: headersOf(who) })
      const bytes = new Uint8Array(await res.arrayBuffer())
      let json: any
      try { json = JSON.parse(new TextDecoder().decode(bytes)) } catch { json = undefined }
      return { status: res.status, headers: res.headers, bytes, json }
    },
    /**
     * Every file the store keeps, relative to the data folder, temp files included: under the
     * attachments folder (lowdb), or named or half-written in the database (PostgreSQL), where the
     * data folder then has no attachments at all.
     */
    async storedFiles(): Promise<string[]> {
      const folder = join(desk.deps.dataDir, 'attachments')
      const onDisk = !existsSync(folder) ? [] : readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(desk.deps.dataDir, join(e.parentPath, e.name)))
      if (!('pool' in desk.store)) return onDisk
      expect(onDisk).toEqual([])
      const { rows } = await (desk.store as PostgresStore).pool.query<{ stored_as: string }>('SELECT stored_as FROM attachment_files UNION SELECT stored_as FROM attachment_chunks')
      return rows.map((r) => r.stored_as)
    },
    /** The bytes the store keeps under `storedAs`. */
    async storedBytes(storedAs: string): Promise<Buffer | undefined> {
      const file = await desk.store.attachmentFiles.read(storedAs)
      return file && readAllOf(file.body)
    },
    /** The incident's page as `who` sees it: its timeline's files, each on a message or alone. */
    async filesShown(who: Who, incidentId: string): Promise<string[]> {
      const res = await desk.call('GET', `/api/incidents/${incidentId}`, undefined, headersOf(who))
      expect(res.status).toBe(200)
      return res.json.timeline.flatMap((e: any) => (e.type === 'message' ? e.attachments : e.type === 'attachment' ? [e.attachment] : []).map((a: any) => a.id))
    },
    async auditActions(incidentId: string): Promise<string[]> {
      return (await desk.store.audit.listFor(`incident:${incidentId}`)).map((e) => e.action)
    },
  }
}

describe('adding and downloading attachments', () => {
  test('a contact adds a png and a log to their incident and downloads each in our type, as a download, nosniff', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const png = await desk.upload('tom', incidentId, 'scherm afdruk.png', PNG, { type: 'text/html' })
    const log = await desk.upload('tom', incidentId, 'digipoort.log', LOG)
    expect([png.status, log.status]).toEqual([201, 201])
    expect(png.json.attachment).toEqual({ id: expect.any(String), fileName: 'scherm-afdruk.png', contentType: 'image/png', size: PNG.length, at: '2026-11-30T09:00:00.000Z' })
    expect(log.json.attachment).toMatchObject({ fileName: 'digipoort.log', contentType: 'text/plain; charset=utf-8', size: LOG.length })
    expect(png.json.attachment).not.toHaveProperty('storedAs')

    const image = await desk.download('tom', incidentId, png.json.attachment.id)
    expect(image.status).toBe(200)
    expect(image.bytes).toEqual(PNG)
    expect(Object.fromEntries(image.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(PNG.length),
      'content-disposition': `attachment; filename="scherm-afdruk.png"; filename*=UTF-8''scherm-afdruk.png`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store, no-transform',
      'content-security-policy': "default-src 'none'; sandbox",
    })
    const text = await desk.download('tom', incidentId, log.json.attachment.id)
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(new TextDecoder().decode(text.bytes)).toContain('ERROR Digipoort antwoordde 500 (café)')

    expect((await desk.storedFiles())).toEqual(expect.arrayContaining([
      `attachments/${incidentId}/${png.json.attachment.id}`, `attachments/${incidentId}/${log.json.attachment.id}`,
    ]))
    expect(await desk.storedFiles()).toHaveLength(2)
    expect(await desk.auditActions(incidentId)).toEqual(['incident.registered', 'attachment.added', 'attachment.added'])
  })

  test('a contact of another organisation gets the 404 of a missing incident on upload and download, and nothing is stored', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const foreign = await desk.upload('peter', incidentId, 'scherm.png', PNG)
    const missing = await desk.upload('peter', '00000000-0000-4000-8000-000000000000', 'scherm.png', PNG)
    expect(foreign.status).toBe(404)
    expect(foreign.json).toEqual(missing.json)
    expect(await desk.storedFiles()).toEqual([])
    expect(await desk.auditActions(incidentId)).toEqual(['incident.registered'])

    const toms = await desk.upload('tom', incidentId, 'scherm.png', PNG)
    const download = await desk.download('peter', incidentId, toms.json.attachment.id)
    expect(download.status).toBe(404)
    expect(download.json).toEqual(missing.json)
    expect(download.headers.get('content-disposition')).toBeNull()
  })

  test('an employee cannot reach a colleague\'s incident or its attachments; the admin and staff can', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const toms = await desk.upload('tom', incidentId, 'scherm.png', PNG)
    expect((await desk.download('eva', incidentId, toms.json.attachment.id)).status).toBe(404)
    expect((await desk.upload('eva', incidentId, 'ook.png', PNG)).status).toBe(404)
    expect((await desk.download('marieke', incidentId, toms.json.attachment.id)).bytes).toEqual(PNG)
    expect((await desk.download('lotte', incidentId, toms.json.attachment.id)).bytes).toEqual(PNG)
    const staffs = await desk.upload('lotte', incidentId, 'instructie.txt', new TextEncoder().encode('Zet het certificaat opnieuw.'))
    expect(staffs.status).toBe(201)
    expect((await desk.download('tom', incidentId, staffs.json.attachment.id)).status).toBe(200)
    expect(await desk.storedFiles()).toHaveLength(2)
  })

  test('serves an attachment only under its own incident', async () => {
    const desk = await attachmentDesk()
    const toms = await desk.file('tom')
    const mariekes = await desk.file('marieke')
    const attachment = (await desk.upload('tom', toms, 'scherm.png', PNG)).json.attachment
    const elsewhere = await desk.download('marieke', mariekes, attachment.id)
    expect(elsewhere.status).toBe(404)
    expect(elsewhere.json.code).toBe('not_found')
    expect((await desk.download('marieke', toms, 'not-an-id')).status).toBe(404)
  })

  test('asks an anonymous caller to sign in, for upload and download', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const attachment = (await desk.upload('tom', incidentId, 'scherm.png', PNG)).json.attachment
    const upload = await desk.upload('nobody', incidentId, 'scherm.png', PNG)
    expect(upload.status).toBe(401)
    expect(upload.json.code).toBe('sign_in_required')
    expect((await desk.download('nobody', incidentId, attachment.id)).status).toBe(401)
    expect(await desk.storedFiles()).toHaveLength(1)
  })

  test('sanitises a file name with ../ and quotes, and keeps the bytes under our own name', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const res = await desk.upload('tom', incidentId, '../../"scherm" \'afdruk\'.png', PNG)
    expect(res.status).toBe(201)
    expect(res.json.attachment.fileName).toBe('scherm-afdruk.png')
    const download = await desk.download('tom', incidentId, res.json.attachment.id)
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="scherm-afdruk.png"; filename*=UTF-8''scherm-afdruk.png`)
    expect(await desk.storedFiles()).toEqual([`attachments/${incidentId}/${res.json.attachment.id}`])
    expect(await desk.storedBytes(`attachments/${incidentId}/${res.json.attachment.id}`)).toEqual(Buffer.from(PNG))
  })
})

describe('refusing files', () => {
  test('refuses an .exe renamed to .png with 415 and writes nothing', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const res = await desk.upload('tom', incidentId, 'scherm.png', EXE, { type: 'image/png' })
    expect(res.status).toBe(415)
    expect(res.json.code).toBe('attachment_content_mismatch')
    expect(await desk.storedFiles()).toEqual([])
    expect(await desk.auditActions(incidentId)).toEqual(['incident.registered'])
  })

  test.each([['setup.exe', EXE], ['pagina.html', new TextEncoder().encode('<script>alert(1)</script>')], ['logo.svg', new TextEncoder().encode('<svg/>')]])(
    'refuses %s with 415, naming the types allowed, and writes nothing',
    async (name, content) => {
      const desk = await attachmentDesk()
      const incidentId = await desk.file('tom')
      const res = await desk.upload('tom', incidentId, name, content)
      expect(res.status).toBe(415)
      expect(res.json.code).toBe('attachment_type_not_allowed')
      expect(res.json.message).toContain('png, jpg, pdf, txt, log, csv en zip')
      expect(res.json.fields).toEqual([{ path: 'file', message: expect.stringContaining('png, jpg') }])
      expect(await desk.storedFiles()).toEqual([])
    },
  )

  test('refuses 10 MB + 1 byte with 413 and writes nothing; exactly 10 MB is taken', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const tooLarge = await desk.upload('tom', incidentId, 'groot.log', new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x61))
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.json.code).toBe('payload_too_large')
    expect(await desk.storedFiles()).toEqual([])
    const full = await desk.upload('tom', incidentId, 'groot.log', new Uint8Array(MAX_ATTACHMENT_BYTES).fill(0x61))
    expect(full.status).toBe(201)
    expect(full.json.attachment.size).toBe(MAX_ATTACHMENT_BYTES)
  })

  test('stops reading a body far beyond the limit before it is all in', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const megabyte = new Uint8Array(1024 * 1024).fill(0x61)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 100 * megabyte.length) return controller.close()
        sent += megabyte.length
        controller.enqueue(megabyte)
      },
    })
    const res = await desk.app.request(`/api/incidents/${incidentId}/attachments`, {
      method: 'POST', body, duplex: 'half',
      headers: { cookie: await desk.cookieFor('contact', 'c-jansen-emp'), 'content-type': 'multipart/form-data; boundary=x' },
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(sent).toBeLessThan(15 * megabyte.length)
    expect(await desk.storedFiles()).toEqual([])
  })

  test.each([
    ['an empty file', async (d: Desk, id: string) => d.upload('tom', id, 'leeg.txt', new Uint8Array(0)), 400, 'file'],
    ['no file field', async (d: Desk, id: string) => {
      const res = await d.app.request(`/api/incidents/${id}/attachments`, { method: 'POST', body: new FormData(), headers: { cookie: await d.cookieFor('contact', 'c-jansen-emp') } })
      return { status: res.status, json: await res.json() }
    }, 400, 'file'],
    ['a text over 20,000 characters', async (d: Desk, id: string) => d.upload('tom', id, 'scherm.png', PNG, { text: 'x'.repeat(20_001) }), 400, 'text'],
  ])('refuses %s with the field named, storing nothing', async (_what, send, status, field) => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const res = await send(desk, incidentId)
    expect(res.status).toBe(status)
    expect(res.json.fields.map((f: { path: string }) => f.path)).toEqual([field])
    expect(await desk.storedFiles()).toEqual([])
    expect(await desk.store.messages.listByIncident(incidentId)).toEqual([])
  })

  test('refuses a body that is not multipart with 415 before reading it', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const res = await desk.app.request(`/api/incidents/${incidentId}/attachments`, { method: 'POST', body: JSON.stringify({ file: 'x' }), headers: { cookie: await desk.cookieFor('contact', 'c-jansen-emp'), 'content-type': 'application/json' } })
    expect(res.status).toBe(415)
    expect((await res.json()).code).toBe('unsupported_media_type')
  })
})

type Desk = Awaited<ReturnType<typeof attachmentDesk>>

describe('a file with a text', () => {
  test('is a public reaction holding the attachment, which resumes an incident waiting for the customer and mails the status', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const waiting = (await desk.store.incidents.get(incidentId))!
    await desk.store.incidents.update(incidentId, waiting.version, (i) => withStatus(i, 'waiting_for_customer', 'staff:s-lotte', desk.deps.clock()))
    const mailsBefore = (await desk.mails()).length

    const res = await desk.upload('tom', incidentId, 'scherm.png', PNG, { text: '  Hier is de schermafdruk.  ' })
    expect(res.status).toBe(201)
    expect(res.json.message).toMatchObject({ visibility: 'public', author: 'contact:c-jansen-emp', text: 'Hier is de schermafdruk.', attachmentIds: [res.json.attachment.id] })
    expect(await desk.store.messages.listByIncident(incidentId)).toEqual([res.json.message])
    expect((await desk.store.incidents.get(incidentId))!.status).toBe('in_progress')
    expect((await desk.mails()).length).toBe(mailsBefore + 1)
    expect(await desk.auditActions(incidentId)).toEqual(['incident.registered', 'attachment.added', 'message.added'])
  })

  test('from staff is a public reply mailed to the customer with its text', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const mailsBefore = (await desk.mails()).length
    const res = await desk.upload('lotte', incidentId, 'stappen.txt', new TextEncoder().encode('1. Open instellingen'), { text: 'Volg de stappen in de bijlage.' })
    expect(res.status).toBe(201)
    expect(res.json.message).toMatchObject({ visibility: 'public', author: 'staff:s-lotte', attachmentIds: [res.json.attachment.id] })
    const mails = await desk.mails()
    expect(mails.length).toBe(mailsBefore + 1)
    expect(mails.at(-1)!.text).toContain('Volg de stappen in de bijlage.')
  })

  test('from staff with a question waits for the customer, and the mail is the question with its own subject', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const { number } = (await desk.store.incidents.get(incidentId))!
    const res = await desk.upload('lotte', incidentId, 'stappen.txt', new TextEncoder().encode('1. Open instellingen'), { text: 'Lukt het met de stappen in de bijlage?', asksCustomer: 'true' })
    expect(res.status).toBe(201)
    expect((await desk.store.incidents.get(incidentId))!.status).toBe('waiting_for_customer')
    const mail = (await desk.mails()).at(-1)!
    expect(mail.subject).toMatch(new RegExp(`^Vraag over uw incident ${number}`))
    expect(mail.text).toContain('Lukt het met de stappen in de bijlage?')
  })

  test('a blank text adds the file alone', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const res = await desk.upload('tom', incidentId, 'scherm.png', PNG, { text: '   ' })
    expect(res.status).toBe(201)
    expect(res.json.message).toBeUndefined()
    expect(await desk.store.messages.listByIncident(incidentId)).toEqual([])
  })
})

describe('a file from staff', () => {
  const NOTE = new TextEncoder().encode('Klant gebruikt een verlopen certificaat; zie log.')

  test('on an internal note is support\'s only: not mailed, not on the customer\'s page, and 404 to them exactly as a file that does not exist', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const mailsBefore = (await desk.mails()).length
    const res = await desk.upload('lotte', incidentId, 'analyse.txt', NOTE, { text: 'Analyse in de bijlage.', visibility: 'internal' })
    expect(res.status).toBe(201)
    expect(res.json.message).toMatchObject({ visibility: 'internal', author: 'staff:s-lotte', text: 'Analyse in de bijlage.', attachmentIds: [res.json.attachment.id] })
    expect((await desk.mails()).length).toBe(mailsBefore)
    expect(await desk.auditActions(incidentId)).toEqual(['incident.registered', 'attachment.added', 'note.added'])

    const missing = await desk.download('tom', incidentId, '00000000-0000-4000-8000-000000000000')
    for (const who of ['tom', 'marieke'] as const) {
      const download = await desk.download(who, incidentId, res.json.attachment.id)
      expect([download.status, download.json]).toEqual([404, missing.json])
      expect(download.headers.get('content-disposition')).toBeNull()
      expect(await desk.filesShown(who, incidentId)).toEqual([])
    }
    expect((await desk.download('lotte', incidentId, res.json.attachment.id)).bytes).toEqual(NOTE)
    expect(await desk.filesShown('lotte', incidentId)).toEqual([res.json.attachment.id])
  })

  test('on an internal note without a text is still the note\'s: hidden from the customer', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const res = await desk.upload('lotte', incidentId, 'analyse.txt', NOTE, { visibility: 'internal' })
    expect(res.status).toBe(201)
    expect(res.json.message).toMatchObject({ visibility: 'internal', text: '', attachmentIds: [res.json.attachment.id] })
    expect((await desk.download('tom', incidentId, res.json.attachment.id)).status).toBe(404)
  })

  test('on a reply is the customer\'s to see and download, while the note\'s beside it is not', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const reply = await desk.upload('lotte', incidentId, 'stappen.txt', new TextEncoder().encode('1. Open instellingen'), { text: 'Volg de stappen.', visibility: 'public' })
    const note = await desk.upload('lotte', incidentId, 'analyse.txt', NOTE, { text: 'Intern.', visibility: 'internal' })
    expect((await desk.download('tom', incidentId, reply.json.attachment.id)).status).toBe(200)
    expect((await desk.download('tom', incidentId, note.json.attachment.id)).status).toBe(404)
    expect(await desk.filesShown('tom', incidentId)).toEqual([reply.json.attachment.id])
  })

  test('a customer cannot hide their own file in a note: their visibility is ignored, the reaction is public', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const res = await desk.upload('tom', incidentId, 'scherm.png', PNG, { text: 'Zie bijlage.', visibility: 'internal' })
    expect(res.status).toBe(201)
    expect(res.json.message.visibility).toBe('public')
  })

  test('refuses a visibility that is neither public nor internal, and stores nothing', async () => {
    const desk = await attachmentDesk()
    const incidentId = await desk.file('tom')
    const res = await desk.upload('lotte', incidentId, 'analyse.txt', NOTE, { text: 'x', visibility: 'secret' })
    expect(res.status).toBe(400)
    expect(res.json.fields).toEqual([{ path: 'visibility', message: 'one of: public, internal' }])
    expect(await desk.storedFiles()).toEqual([])
    expect(await desk.store.messages.listByIncident(incidentId)).toEqual([])
  })
})
