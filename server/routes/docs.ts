/** GET /api/openapi.json and GET /api/docs: the API's OpenAPI document, and a readable reference page made from it. */
import { Hono } from 'hono'
import type { Deps } from '../deps.ts'
import { documentFor } from '../http/document.ts'
import type { OpenApiDocument } from '../openapi.ts'
import { PAGE_POLICY, renderReference } from '../present/reference-page.ts'

/** GET /openapi.json and GET /docs of `app` (the whole app, read on first use): the document and its reference page; `makeApp` makes the app its examples are played on. */
export const docs = (deps: Deps, app: () => Hono<any, any, any>, makeApp: (deps: Deps) => Hono<any, any, any>) => {
  let built: Promise<{ document: OpenApiDocument; json: string }> | undefined
  /** The document and its JSON: made on first use and kept for the process. */
  const reference = () => (built ??= documentFor(deps, app(), makeApp).then((document) => ({ document, json: JSON.stringify(document) })))
  return new Hono()
    .get('/openapi.json', async (c) => c.body((await reference()).json, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' }))
    .get('/docs', async (c) => {
      c.header('Content-Security-Policy', PAGE_POLICY)
      return c.html(renderReference((await reference()).document))
    })
}
