/** KnowledgeBase insight from readers, anonymously: POST /api/kb/votes ("was this helpful?") and POST /api/kb/events (searches). */
import { Hono } from 'hono'
import { recordSearchEvent, recordVote, SearchEventInput, VoteInput, type KbInsight } from '../domain/kb-insight.ts'
import type { Limits } from '../deps.ts'
import { jsonBody, requireJson } from '../middleware/json-body/index.ts'
import { limitByAddress } from '../middleware/rate-limit/index.ts'
import type { AppendLog } from '../store/append-log.ts'

export interface KbDeps {
  clock: () => Date
  /** Where insight records go, votes and search events alike; append-only. */
  insight: AppendLog<KbInsight>
  limits: Pick<Limits, 'kbEventsPerAddress'>
}

/** The routes under /api/kb: each records one anonymous insight record and answers 201. */
export const kb = (deps: KbDeps) =>
  new Hono()
    // Anyone may post without signing in: a limit per address keeps one caller from filling the disk.
    // Votes and events share the limit's size but are counted apart, so searching never blocks a vote.
    .post('/votes', limitByAddress(deps.limits.kbEventsPerAddress, 'kb-votes'), requireJson, jsonBody(VoteInput), async (c) => {
      const vote = recordVote(c.req.valid('json'), deps.clock())
      await deps.insight.append(vote)
      return c.json({ recorded: true }, 201)
    })
    .post('/events', limitByAddress(deps.limits.kbEventsPerAddress, 'kb-events'), requireJson, jsonBody(SearchEventInput), async (c) => {
      const event = recordSearchEvent(c.req.valid('json'), deps.clock())
      await deps.insight.append(event)
      return c.json({ recorded: true }, 201)
    })
