/** The OpenAPI document as served: generated from the routes' own descriptions and validators, inside openapi.ts's shell (intro, tags, shared replies); the intro's error codes made from the replies. */
import type { Hono } from 'hono'
import { generateSpecs } from 'hono-openapi'
import type { Deps } from '../deps.ts'
import type { z } from 'zod'
import { ComplaintChangeInput, ComplaintInput } from '../domain/complaint.ts'
import { BackupInput, DecisionInput, ExtraSupportInput, GrantInput, RemoteViewCodeInput, RemoteViewSignalInput, VersionInput } from '../domain/consent.ts'
import { IncidentInput } from '../domain/incident.ts'
import { SearchEventInput, VoteInput } from '../domain/kb-insight.ts'
import { ContactChangeInput, ContactInput, OrganisationDetailsInput } from '../domain/organisation.ts'
import { FollowUpInput } from '../domain/signals.ts'
import { apiDescription, openApiDocument } from '../openapi.ts'
import { ConfirmInput, MessageInput, PhoneContactInput, TriageInput } from '../services/incident-input.ts'
import { SignInCallbackInput, SignInLinkInput, StaffLoginInput } from '../services/sign-in.ts'
import { foldReplies } from './describe.ts'
import { fillNamed, replyExamples } from './examples.ts'
import { MESSAGES } from './errors.ts'
import type { OpenApiDocument, Parameter, PathItem, Response } from './openapi-types.ts'

/**
 * The zod schemas behind the JSON request bodies, by their name in `components.schemas`: the
 * tests check every request example against them.
 */
export const REQUEST_SCHEMAS = {
  IncidentInput, ConfirmInput, TriageInput, MessageInput, SignInLinkInput, SignInCallbackInput, StaffLoginInput, VoteInput, SearchEventInput,
  OrganisationDetailsInput, ContactInput, ContactChangeInput, ComplaintInput, ComplaintChangeInput, PhoneContactInput, FollowUpInput,
  RemoteViewCodeInput, RemoteViewSignalInput, BackupInput, DecisionInput, VersionInput, GrantInput, ExtraSupportInput,
} satisfies Record<string, z.ZodType>

type AnyHono = Hono<any, any, any>

/**
 * The document for this desk and app: every operation a route describes with `describe`, its
 * request schema from the route's validator and its reply schemas from present/; the guards'
 * replies folded in; the reply examples the routes name made by the presenters; the intro lists
 * every error code the replies show.
 */
export async function documentFor(deps: Pick<Deps, 'desk' | 'calendar'>, app: AnyHono): Promise<OpenApiDocument> {
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
      if (operation.parameters) operation.parameters = withoutDuplicatePathParameters(operation.parameters as (Parameter | { $ref: string })[], document.components.parameters)
      ;(document.paths[path] ??= {})[method as keyof PathItem] = operation as never
    }
  }
  // Named schemas from the routes' zod schemas, beside the shell's Error.
  document.components.schemas = { ...generated.components.schemas, ...document.components.schemas } as OpenApiDocument['components']['schemas']
  document.components.parameters = { ...generated.components.parameters, ...document.components.parameters } as OpenApiDocument['components']['parameters']
  foldReplies(document.paths as never, document.components.responses as never)
  // The routes name their reply examples; the presenters make them, here.
  document.paths = fillNamed(document.paths, await replyExamples(deps)) as OpenApiDocument['paths']
  document.info.description = apiDescription(errorCodes(document))
  return document
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

/** hono-openapi adds a plain path parameter where it does not see one; a shared one by `$ref` already names it. */
function withoutDuplicatePathParameters(parameters: (Parameter | { $ref: string })[], shared: Record<string, Parameter>) {
  const named = new Set(parameters.flatMap((p) => ('$ref' in p ? [shared[p.$ref.split('/').at(-1)!]] : [])).filter(Boolean).map((p) => `${p!.in} ${p!.name}`))
  return parameters.filter((p) => '$ref' in p || !named.has(`${p.in} ${p.name}`))
}
