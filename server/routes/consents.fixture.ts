/** What the consent routes' tests share: the demo desk with an incident and a session per person, and the remote-view steps. */
import { expect } from 'vitest'
import { incidentDraft } from '../store/store-contract.ts'
import { testDesk } from '../testing.ts'

/** Monday 30 November 2026, 10:00 in Amsterdam: the desk is open. */
export const START = '2026-11-30T09:00:00.000Z'
export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export const after = (ms: number, from = START) => new Date(Date.parse(from) + ms).toISOString()

export type Who = { cookie: string }

/** The demo desk with an incident Tom (employee of Bakkerij Jansen) filed, and a session for each person the tests act as. */
export async function consentDesk(now = START) {
  const desk = await testDesk({ now })
  const signIn = async () => ({
    marieke: { cookie: await desk.cookieFor('contact', 'c-jansen-admin') },
    tom: { cookie: await desk.cookieFor('contact', 'c-jansen-emp') },
    peter: { cookie: await desk.cookieFor('contact', 'c-devries-admin') },
    aisha: { cookie: await desk.cookieFor('contact', 'c-devries-emp') },
    lotte: { cookie: await desk.cookieFor('staff', 's-lotte') },
  })
  const as = await signIn()
  const incident = await desk.store.incidents.create(incidentDraft({
    organisationId: 'org-jansen', contactId: 'c-jansen-emp', registeredAt: now, updatedAt: now,
    statusHistory: [{ status: 'new', at: now, by: 'contact:c-jansen-emp' }],
  }))
  const consents = async (who: Who, query = '') => (await desk.call('GET', `/api/consents${query}`, undefined, who)).json.consents as Record<string, any>[]
  /** The consent steps on the incident's timeline as `who` sees them. */
  const steps = async (who: Who, id = incident.id) => {
    const res = await desk.call('GET', `/api/incidents/${id}`, undefined, who)
    expect(res.status).toBe(200)
    return (res.json.timeline as { type: string; action: string; by: { name: string } }[]).filter((e) => e.type === 'consent').map((e) => [e.action, e.by.name])
  }
  /** Every consent record, the audit of the incident and of both organisations, and the mails: to show a refused request changed nothing. */
  const snapshot = async () => JSON.stringify({
    consents: await desk.store.consents.list({}),
    audit: await Promise.all([`incident:${incident.id}`, 'organisation:org-jansen', 'organisation:org-devries'].map((t) => desk.store.audit.listFor(t))),
    mails: (await desk.mails()).length,
  })
  return { ...desk, as, signIn, incident, consents, steps, snapshot }
}

export type Desk = Awaited<ReturnType<typeof consentDesk>>

/** The code in a remote-view mail: incident numbers are six digits too, so only the one after "code is". */
export function codeIn(text: string): string {
  const match = /code is (\d{6})\b/.exec(text)
  if (!match) throw new Error(`no code in: ${text}`)
  return match[1]
}

/** A six-digit code that is not `code`. */
export const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

/** `count` different six-digit codes, none of them one of `taken`. */
export const wrongCodes = (count: number, ...taken: string[]) =>
  ['000000', '111111', '222222', '333333', '444444', '555555', '666666', '777777', '888888', '999999'].filter((c) => !taken.includes(c)).slice(0, count)

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** Lotte starts a remote view on the incident; the code is read from the requester's mail. */
export async function startView(desk: Desk, incidentId = desk.incident.id) {
  const res = await desk.call('POST', `/api/incidents/${incidentId}/remote-views`, undefined, desk.as.lotte)
  expect(res.status).toBe(201)
  const mail = (await desk.mails()).at(-1)!
  return { id: res.json.remoteView.id as string, code: codeIn(mail.text), res, mail }
}

export const lookup = (desk: Desk, code: string, headers: Record<string, string> = {}) => desk.call('POST', '/api/remote-views/lookup', { code }, headers)
export const consent = (desk: Desk, code: string, headers: Record<string, string> = {}) => desk.call('POST', '/api/remote-views/consent', { code }, headers)

/** A session the customer consented to: its id and the page's token. */
export async function openView(desk: Desk) {
  const { id, code } = await startView(desk)
  const res = await consent(desk, code)
  expect(res.status).toBe(200)
  return { id, code, token: res.json.token as string }
}
