/** JSON request bodies: 415 for anything but JSON, 400 with the fields named for invalid input. */
import type { MiddlewareHandler } from 'hono'
import { validator } from 'hono/validator'
import type { z } from 'zod'
import { MESSAGES, apiError, fieldsOf } from '../../http/errors.ts'

/** Refuses a request whose body is not declared as JSON, before anything reads it. */
export const requireJson: MiddlewareHandler = async (c, next) => {
  if (!/^application\/([a-z.-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    return apiError(c, 415, 'unsupported_media_type', MESSAGES.unsupportedMediaType)
  }
  await next()
}

/** Validates the JSON body with `schema`; the route reads it with `c.req.valid('json')`. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return validator('json', (value, c) => {
    const result = schema.safeParse(value)
    if (!result.success) return apiError(c, 400, 'invalid_input', MESSAGES.invalidInput, fieldsOf(result.error))
    return result.data as z.output<S>
  })
}
