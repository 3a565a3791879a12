/** KnowledgeBase insight from readers: POST /api/kb/votes records an anonymous "was this helpful?". */
import { Hono } from 'hono'
import { recordVote, VoteInput, type KbVote } from '../domain/kb-insight.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import type { AppendLog } from '../store/append-log.ts'

export interface KbDeps {
  clock: () => Date
  /** Where insight records go; append-only. */
  insight: AppendLog<KbVote>
}

export const kb = (deps: KbDeps) =>
  new Hono().post('/votes', requireJson, jsonBody(VoteInput), async (c) => {
    const vote = recordVote(c.req.valid('json'), deps.clock())
    await deps.insight.append(vote)
    return c.json({ recorded: true }, 201)
  })
