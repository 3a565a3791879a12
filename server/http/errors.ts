/** API errors as JSON: a machine-readable code and a message in the caller's language (nl or en). */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import type { Localized } from '#domain/desk.ts'
import { bilingual } from '#lib/i18n/index.ts'
import type { Language } from '#lib/language.ts'

/** The error body every API route answers with. */
export interface ApiError {
  code: string
  message: string
  fields?: { path: string; message: string }[]
}

/** English when the request prefers it (Accept-Language), Dutch otherwise. */
export function requestLanguage(c: Context): Language {
  return /^\s*en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'nl'
}

/** Each error's message in Dutch and English, from the catalogue's `api` area: `MESSAGES.notFound.en`. */
export const MESSAGES = bilingual('api')

/** Answers with `status` and the error body: `code`, and `message` in the language the request prefers. */
export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: Localized, fields?: ApiError['fields']) {
  const body: ApiError = { code, message: message[requestLanguage(c)], ...(fields ? { fields } : {}) }
  return c.json(body, status)
}

/** zod's issues as fields: "lang: Invalid option". */
export function fieldsOf(error: z.ZodError): ApiError['fields'] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }))
}
