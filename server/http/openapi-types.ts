/** The shapes of an OpenAPI 3.1 document, as the document, its tests and the reference page read it. */

/** A JSON Schema (draft 2020-12), as OpenAPI 3.1 takes it. */
export type SchemaObject = { [keyword: string]: unknown }
export type Reference = { $ref: string }
export interface Example { summary?: string; description?: string; value: unknown }
export interface MediaType { schema?: SchemaObject; examples?: Record<string, Example> }
export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  description?: string
  schema: SchemaObject
  style?: 'form' | 'simple'
  explode?: boolean
  example?: unknown
}
export interface Header { description: string; schema: SchemaObject; example?: string }
export interface RequestBody { description?: string; required: boolean; content: Record<string, MediaType & { encoding?: Record<string, { contentType: string }> }> }
export interface Response { description: string; headers?: Record<string, Header | Reference>; content?: Record<string, MediaType> }
export interface Operation {
  operationId: string
  summary: string
  description?: string
  tags: string[]
  parameters?: (Parameter | Reference)[]
  requestBody?: RequestBody
  responses: Record<string, Response | Reference>
  /** Absent: public. `{}` among the options: a session is optional. `phoneSecret`: the telephone system's bearer secret, not a session. */
  security?: Record<string, string[]>[]
}
/** How a caller is recognised: the session cookie, or (the telephone system) a shared secret as a bearer token. */
export type SecurityScheme =
  | { type: 'apiKey'; in: 'cookie'; name: string; description: string }
  | { type: 'http'; scheme: 'bearer'; description: string }

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const
export type PathItem = Partial<Record<(typeof HTTP_METHODS)[number], Operation>>
export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  servers: { url: string; description: string }[]
  tags: { name: string; description: string }[]
  paths: Record<string, PathItem>
  components: {
    schemas: Record<string, SchemaObject>
    responses: Record<string, Response>
    parameters: Record<string, Parameter>
    headers: Record<string, Header>
    /** `cookieAuth` is always there: the reference names its cookie. */
    securitySchemes: { cookieAuth: Extract<SecurityScheme, { type: 'apiKey' }> } & Record<string, SecurityScheme>
  }
}
