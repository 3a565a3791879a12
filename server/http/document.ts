/** The OpenAPI document as served: generated from the routes' own descriptions and validators, inside openapi.ts's shell (intro, tags, shared replies); the intro's error codes made from the replies. */
import type { Hono } from 'hono'
import { generateSpecs } from 'hono-openapi'
import type { Deps } from '../deps.ts'
import type { z } from 'zod'
import { ComplaintChangeInput, ComplaintInput } from '../domain/complaint.ts'
import { BackupInput, DecisionInput, ExtraSupportInput, GrantInput, RemoteViewCodeInput, RemoteViewSignalInput, VersionInput } from '../domain/consent.ts'
import { IncidentInput } from '../domain/incident.ts'
import { DeskNoticeInput } from '../domain/desk-notice.ts'
import { MissingInput, SearchEventInput, VoteInput } from '../domain/kb-insight.ts'
import { ContactChangeInput, ContactInput, OrganisationDetailsInput } from '../domain/organisation.ts'
import { SavedReplyInput } from '../domain/saved-reply.ts'
import { FollowUpInput } from '../domain/signals.ts'
import { PATH_IDS, apiDescription, openApiDocument } from '../openapi.ts'
import { ConfirmInput, MessageInput, PhoneContactInput, TriageInput } from '../services/incident-input.ts'
import { SignInCallbackInput, SignInLinkInput, StaffLoginInput } from '../services/sign-in.ts'
import { PhoneIncidentInput } from '../services/phone-intake.ts'
import { foldReplies } from './describe.ts'
import { playStory, type Played } from './examples.ts'
import { MESSAGES } from './errors.ts'
import type { OpenApiDocument, Operation, Parameter, PathItem, Response } from './openapi-types.ts'
import { NotificationPreferencesInput } from '../services/notifications.ts'

/**
 * The zod schemas behind the JSON request bodies, by their name in `components.schemas`: the
 * tests check every request example against them.
 */
export const REQUEST_SCHEMAS = {
  IncidentInput, ConfirmInput, TriageInput, MessageInput, SignInLinkInput, SignInCallbackInput, StaffLoginInput, VoteInput, MissingInput, SearchEventInput,
  OrganisationDetailsInput, ContactInput, ContactChangeInput, ComplaintInput, ComplaintChangeInput, PhoneContactInput, FollowUpInput,
  RemoteViewCodeInput, RemoteViewSignalInput, BackupInput, DecisionInput, VersionInput, GrantInput, ExtraSupportInput,
  NotificationPreferencesInput,
  PhoneIncidentInput, DeskNoticeInput, SavedReplyInput,
} satisfies Record<string, z.ZodType>

type AnyHono = Hono<any, any, any>

/**
 * The document for this desk and app: every operation a route describes with `describe`, its
 * request schema from the route's validator and its reply schemas from present/; the guards'
 * replies folded in; the examples played by the story (http/examples.ts) on a fresh demo desk made
 * by `makeApp`; the intro lists every error code the replies show.
 */
export async function documentFor(deps: Pick<Deps, 'desk' | 'calendar'>, app: AnyHono, makeApp: (deps: Deps) => AnyHono): Promise<OpenApiDocument> {
  const document = openApiDocument()
  const generated = await generateSpecs(app, {
    documentation: { info: document.info },
    // The validators' 400 is the shared invalid-input reply, with `fields`.
    defaultValidationErrorResponse: { $ref: '#/components/responses/InvalidInput' } as never,
  })
  for (const [path, item] of Object.entries(generated.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, { summary?: string; parameters?: unknown[] } | undefined>)) {
      // Only guards' replies and no description: not a route of the API (the docs themselves).
      if (!operation?.summary) continue
      for (const parameter of (operation.parameters ?? []) as Parameter[]) if (parameter.in === 'path') parameter.description ??= idDescription(path, parameter.name)
      ;(document.paths[path] ??= {})[method as keyof PathItem] = operation as never
    }
  }
  // Named schemas from the routes' zod schemas, beside the shell's Error.
  document.components.schemas = { ...generated.components.schemas, ...document.components.schemas } as OpenApiDocument['components']['schemas']
  document.components.parameters = { ...generated.components.parameters, ...document.components.parameters } as OpenApiDocument['components']['parameters']
  foldReplies(document.paths as never, document.components.responses as never)
  addExamples(document, await playStory(deps, makeApp))
  document.info.description = apiDescription(errorCodes(document))
  return document
}

/**
 * Puts each request of the story beside the operation it matches: its body as a request example,
 * its answer as an example of the reply with its status. A story answer on a status the operation
 * does not document is an error: the document would not say what the API does.
 */
function addExamples(document: OpenApiDocument, played: Played[]): void {
  const operations = Object.entries(document.paths)
    .sort(([a], [b]) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))
    .flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`), method, operation: operation as Operation })))
  for (const { name, summary, method, path, body, status, reply } of played) {
    const found = operations.find((o) => o.method === method.toLowerCase() && o.pattern.test(path.split('?')[0]!))
    if (!found) throw new Error(`[loket] examples: no operation for ${method} ${path}`)
    const { operation } = found
    // The JSON body's examples, or a form's where the route takes only a form.
    const media = operation.requestBody && Object.values(operation.requestBody.content)[0]
    if (body !== undefined && media && status < 400) media.examples = { ...media.examples, [name]: { summary, value: body } }
    if (reply === undefined) continue
    const documented = operation.responses[status]
    if (!documented) throw new Error(`[loket] examples: ${method} ${path} answered ${status}, which ${operation.operationId} does not document`)
    const response = structuredClone('$ref' in documented ? document.components.responses[documented.$ref.split('/').at(-1)!]! : documented)
    const json = response.content?.['application/json']
    if (!json) throw new Error(`[loket] examples: ${operation.operationId} documents no JSON reply on ${status}`)
    json.examples = { ...json.examples, [name]: { summary, value: reply } }
    operation.responses[status] = response
  }
}

/** Every error code the document's reply examples show, with their statuses and the catalogue's English message: the intro's list. */
function errorCodes(document: OpenApiDocument): string {
  const english = new Map(Object.values(MESSAGES).map((m) => [m.nl, m.en]))
  const codes = new Map<string, { statuses: Set<string>; message?: string }>()
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      for (const [status, reply] of Object.entries(operation?.responses ?? {})) {
        const response = '$ref' in reply ? document.components.responses[reply.$ref.split('/').at(-1)!] as Response : reply
        for (const { value } of Object.values(response.content?.['application/json']?.examples ?? {})) {
          const { code, message } = (value ?? {}) as { code?: unknown; message?: unknown }
          if (typeof code !== 'string' || typeof message !== 'string') continue
          const entry = codes.get(code) ?? { statuses: new Set(), message: english.get(message) }
          codes.set(code, entry.statuses.add(status) && entry)
        }
      }
    }
  }
  return [...codes].sort(([a], [b]) => a.localeCompare(b))
    .map(([code, { statuses, message }]) => `- \`${code}\` (${[...statuses].sort().join(', ')})${message ? `: ${message}` : ''}`).join('\n')
}

/** What a path parameter is: PATH_IDS by the path up to it. */
function idDescription(path: string, name: string): string | undefined {
  return PATH_IDS[path.slice(0, path.indexOf(`{${name}}`) + name.length + 2)]
}
