/** The console's embedding page: the reply of GET /api/staff/embedding and the presenter that fills it. */
import { z } from 'zod'
import type { RefusedOrigin } from '../domain/refused-origin.ts'

/** One site refused, as staff see it. */
export const RefusedOriginReply = z.object({
  origin: z.string().meta({ description: 'The page\'s origin as its browser sent it, e.g. `https://partner.example`; `null` for a file or sandboxed page.' }),
  count: z.number().int().min(1).meta({ description: 'Requests from it refused.' }),
  firstSeen: z.iso.datetime().meta({ description: 'When the first was refused.' }),
  lastSeen: z.iso.datetime().meta({ description: 'When the last was refused.' }),
}).meta({ id: 'RefusedOrigin' })

/** What a site owner needs to embed the widget, and which sites tried without being allowed. */
export const EmbeddingReply = z.object({
  widgetUrl: z.url().meta({ description: 'widget.js on this server (BASE_URL): the page that embeds the widget loads it with one script tag, `async`.' }),
  allowedOrigins: z.array(z.string()).meta({ description: 'ALLOWED_ORIGINS: the sites whose pages may call the API (this server\'s own included).' }),
  refused: z.array(RefusedOriginReply).meta({ description: 'Sites whose pages called the API without being allowed, the last refused first; at most 100 are kept.' }),
}).meta({ id: 'Embedding' })
export type EmbeddingReply = z.infer<typeof EmbeddingReply>

/** The embedding page's reply for a server at `baseUrl`. */
export function presentEmbedding(baseUrl: string, allowedOrigins: readonly string[], refused: RefusedOrigin[]): EmbeddingReply {
  return { widgetUrl: new URL('/widget.js', baseUrl).href, allowedOrigins: [...allowedOrigins], refused }
}
