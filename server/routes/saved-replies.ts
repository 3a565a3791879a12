/** Saved replies: staff list those of their teams and have one filled for an incident; console admins create, change and remove them. */
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { format } from '#lib/format.ts'
import { SAVED_REPLY_PLACEHOLDERS, written } from '#lib/saved-reply.ts'
import { SavedReplyInput, type SavedReplyProblem } from '../domain/saved-reply.ts'
import type { Deps } from '../deps.ts'
import { describe } from '../http/describe.ts'
import { MESSAGES, apiError } from '../http/errors.ts'
import { jsonBody, queryOf, requireJson } from '../middleware/json-body/index.ts'
import { requireStaff, type SessionEnv, type StaffEnv } from '../middleware/session/index.ts'
import { savedReplyPolicy } from '../policies/saved-reply.ts'
import { FilledSavedReply, SavedRepliesReply, SavedReplyReply, presentSavedReply } from '../present/saved-reply.ts'
import { createSavedReply, deleteSavedReply, fillSavedReply, listSavedReplies, updateSavedReply, type SavedReplyInvalid, type SavedReplyRefusal } from '../services/saved-replies.ts'
import { isRefused, refuse, type RefusalReplies } from '../services/result.ts'

/** The replies to a refusal of the saved-reply services. */
const REFUSALS: RefusalReplies<SavedReplyRefusal> = {
  admin_only: [403, MESSAGES.savedReplyAdminOnly],
  not_found: [404, MESSAGES.savedReplyNotFound],
  incident_not_found: [404, MESSAGES.incidentNotFound],
}
const KNOWN = SAVED_REPLY_PLACEHOLDERS.map(written).join(', ')
/** The refusal's words in both languages: which placeholder, in which text, and the ones there are. */
const unknownPlaceholder = (placeholder: string, field: { nl: string; en: string }) => ({
  nl: format(MESSAGES.unknownPlaceholder.nl, { placeholder, field: field.nl, known: KNOWN }),
  en: format(MESSAGES.unknownPlaceholder.en, { placeholder, field: field.en, known: KNOWN }),
})
/** What the input refusals look like in the document: the placeholder message with an example filled in. */
const UNKNOWN_PLACEHOLDER_EXAMPLE = unknownPlaceholder('{{klant.naam}}', MESSAGES.savedReplyBodyNl)
const INPUT_REFUSALS = { unknown_placeholder: [400, UNKNOWN_PLACEHOLDER_EXAMPLE], invalid_input: [400, MESSAGES.unknownTeam] } as const

/** An input the desk cannot keep: an unknown placeholder named in both languages, or a team desk.yaml lacks. */
function refuseInput(c: Context, problem: SavedReplyProblem) {
  if (problem.code === 'unknown_team') {
    return apiError(c, 400, 'invalid_input', MESSAGES.unknownTeam, [{ path: 'team', message: `unknown team; one of: ${problem.teams.join(', ')}, or null` }])
  }
  const field = problem.language === 'nl' ? MESSAGES.savedReplyBodyNl : MESSAGES.savedReplyBodyEn
  const placeholder = written(problem.placeholder)
  return apiError(c, 400, 'unknown_placeholder', unknownPlaceholder(placeholder, field), [{ path: `body.${problem.language}`, message: `unknown placeholder ${placeholder}; one of: ${KNOWN}` }])
}

/** A refusal of a saved-reply service, the input's own or the service's. */
const refused = (c: Context, outcome: SavedReplyInvalid | { refused: SavedReplyRefusal }) =>
  outcome.refused === 'invalid' ? refuseInput(c, (outcome as SavedReplyInvalid).problem) : refuse(c, outcome as { refused: SavedReplyRefusal }, REFUSALS)

/** Which incident to fill a saved reply for. */
const FillQuery = z.object({
  incidentId: z.string({ error: 'the incident to fill it for is required' }).min(1, { error: 'the incident to fill it for is required' })
    .meta({ description: 'The incident to fill it for (its id).' }),
})

/** After requireStaff: 403 for anyone but a console admin, before the body is read. */
const adminOnly: MiddlewareHandler<StaffEnv> = async (c, next) => {
  if (!savedReplyPolicy.mayManage(c.var.staff)) return apiError(c, 403, 'admin_only', MESSAGES.savedReplyAdminOnly)
  await next()
}

export const savedReplies = (deps: Deps) =>
  new Hono<SessionEnv>()
    .get('/', describe('listSavedReplies', 'Console', 'The saved replies the caller may use: their teams\' and the general ones; an admin every one (staff)', { 200: SavedRepliesReply }), requireStaff, async (c) => {
      c.header('Cache-Control', 'private, no-store')
      const replies = await listSavedReplies(deps, c.var.staff)
      return c.json({ savedReplies: replies.map(presentSavedReply), mayManage: savedReplyPolicy.mayManage(c.var.staff) })
    })
    .post('/', describe('createSavedReply', 'Console', 'Save a reply for a team or for everyone, in Dutch and English (console admins)', { 201: z.object({ savedReply: SavedReplyReply }) }, {
      refuses: { admin_only: REFUSALS.admin_only, ...INPUT_REFUSALS },
    }), requireStaff, adminOnly, requireJson, jsonBody(SavedReplyInput), async (c) => {
      const outcome = await createSavedReply(deps, c.var.staff, c.req.valid('json'))
      if (isRefused(outcome)) return refused(c, outcome)
      return c.json({ savedReply: presentSavedReply(outcome.reply) }, 201)
    })
    .put('/:id', describe('updateSavedReply', 'Console', 'Change a saved reply: its team, titles and texts (console admins)', { 200: z.object({ savedReply: SavedReplyReply }) }, {
      refuses: { admin_only: REFUSALS.admin_only, not_found: REFUSALS.not_found, ...INPUT_REFUSALS },
    }), requireStaff, adminOnly, requireJson, jsonBody(SavedReplyInput), async (c) => {
      const outcome = await updateSavedReply(deps, c.var.staff, c.req.param('id'), c.req.valid('json'))
      if (isRefused(outcome)) return refused(c, outcome)
      return c.json({ savedReply: presentSavedReply(outcome.reply) })
    })
    .delete('/:id', describe('deleteSavedReply', 'Console', 'Remove a saved reply (console admins)', { 204: { description: 'Removed.' } }, {
      refuses: { admin_only: REFUSALS.admin_only, not_found: REFUSALS.not_found },
    }), requireStaff, adminOnly, async (c) => {
      const outcome = await deleteSavedReply(deps, c.var.staff, c.req.param('id'))
      if (isRefused(outcome)) return refused(c, outcome)
      return c.body(null, 204)
    })
    .get('/:id/filled', describe('fillSavedReply', 'Console', 'A saved reply\'s text for an incident: in the requester\'s language, its placeholders filled (staff)', { 200: FilledSavedReply }, {
      refuses: { not_found: REFUSALS.not_found },
    }), requireStaff, queryOf(FillQuery), async (c) => {
      const outcome = await fillSavedReply(deps, c.var.staff, c.req.param('id'), c.req.valid('query').incidentId)
      if (isRefused(outcome)) return refused(c, outcome)
      c.header('Cache-Control', 'private, no-store')
      return c.json({ id: outcome.reply.id, lang: outcome.lang, text: outcome.text })
    })
