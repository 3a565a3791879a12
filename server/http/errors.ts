/** API errors as JSON: a machine-readable code and a message in the caller's language (nl or en). */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import type { Language, Localized } from '../domain/desk.ts'

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

export const MESSAGES = {
  notFound: { nl: 'Dit adres bestaat niet in de API.', en: 'This address does not exist in the API.' },
  invalidInput: { nl: 'De gegevens zijn niet compleet of niet juist. Zie de velden.', en: 'The data is incomplete or not valid. See the fields.' },
  unsupportedMediaType: { nl: 'Stuur de gegevens als JSON (Content-Type: application/json).', en: 'Send the data as JSON (Content-Type: application/json).' },
  tooLarge: { nl: 'Het verzoek is te groot.', en: 'The request is too large.' },
  malformedJson: { nl: 'De JSON in het verzoek is niet leesbaar.', en: 'The JSON in the request cannot be read.' },
  internal: { nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.', en: 'Something went wrong on our side. Please try again later.' },
} satisfies Record<string, Localized>

export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: Localized, fields?: ApiError['fields']) {
  const body: ApiError = { code, message: message[requestLanguage(c)], ...(fields ? { fields } : {}) }
  return c.json(body, status)
}

/** zod's issues as fields: "lang: Invalid option". */
export function fieldsOf(error: z.ZodError): ApiError['fields'] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }))
}
