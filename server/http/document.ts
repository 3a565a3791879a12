/** The OpenAPI document as served: generated from the routes' own descriptions and validators, inside the hand-written shell (prose, shared replies, examples). */
import type { Hono } from 'hono'
import { generateSpecs } from 'hono-openapi'
import type { Deps } from '../deps.ts'
import { openApiDocument, type OpenApiDocument, type Parameter, type PathItem } from '../openapi.ts'
import { foldReplies } from './describe.ts'

type AnyHono = Hono<any, any, any>

/**
 * The document for this desk and app: every operation a route describes with `describe`, its
 * request schema from the route's validator and its reply schemas from present/; the guards'
 * replies folded in. An operation no route describes yet is kept as openapi.ts writes it.
 */
export async function documentFor(_deps: Pick<Deps, 'desk' | 'calendar'>, app: AnyHono): Promise<OpenApiDocument> {
  const document = openApiDocument()
  const generated = await generateSpecs(app, {
    documentation: { info: document.info },
    // The validators' 400 is the shared invalid-input reply, with `fields`.
    defaultValidationErrorResponse: { $ref: '#/components/responses/InvalidInput' } as never,
  })
  for (const [path, item] of Object.entries(generated.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, { summary?: string; parameters?: unknown[] } | undefined>)) {
      // Only guards' replies and no description: the hand-written operation stays until the route describes itself.
      if (!operation?.summary) continue
      if (operation.parameters) operation.parameters = withoutDuplicatePathParameters(operation.parameters as (Parameter | { $ref: string })[], document.components.parameters)
      ;(document.paths[path] ??= {})[method as keyof PathItem] = operation as never
    }
  }
  // Named schemas from the routes' zod schemas; a hand-written one of the same name still wins while both exist.
  document.components.schemas = { ...generated.components.schemas, ...document.components.schemas } as OpenApiDocument['components']['schemas']
  document.components.parameters = { ...generated.components.parameters, ...document.components.parameters } as OpenApiDocument['components']['parameters']
  foldReplies(document.paths as never, document.components.responses as never)
  return document
}

/** hono-openapi adds a plain path parameter where it does not see one; a shared one by `$ref` already names it. */
function withoutDuplicatePathParameters(parameters: (Parameter | { $ref: string })[], shared: Record<string, Parameter>) {
  const named = new Set(parameters.flatMap((p) => ('$ref' in p ? [shared[p.$ref.split('/').at(-1)!]] : [])).filter(Boolean).map((p) => `${p!.in} ${p!.name}`))
  return parameters.filter((p) => '$ref' in p || !named.has(`${p.in} ${p.name}`))
}
