/** The console's embedding page: GET /api/staff/embedding, the widget's address, the allowed sites and those refused (staff). */
import { Hono } from 'hono'
import type { Deps } from '../deps.ts'
import { describe } from '../http/describe.ts'
import { type SessionEnv, requireStaff } from '../middleware/session/index.ts'
import { EmbeddingReply, presentEmbedding } from '../present/embedding.ts'

export const embedding = (deps: Deps) =>
  new Hono<SessionEnv>()
    .use('*', requireStaff)
    .get('/', describe('getEmbedding', 'Console', 'How to embed the widget: its address for the script tag, the sites allowed and those refused (staff)', { 200: EmbeddingReply }, {
      description: 'A page of a site not in `ALLOWED_ORIGINS` that calls the API is refused (403 `origin_not_allowed`) and counted here, so staff see which site still needs adding: per origin the number of refusals and when the first and last came. At most 100 origins are kept, the ones refused longest ago giving way.',
    }), async (c) => {
      c.header('Cache-Control', 'private, no-store')
      return c.json(presentEmbedding(deps.baseUrl, deps.allowedOrigins, await deps.store.refusedOrigins.list()))
    })
