import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, test } from 'vitest'
import { piecesOf, readAllOf } from './attachment-files.ts'
import { CHUNK_BYTES, sweepOrphanChunks } from './postgres-attachment-files.ts'
import { dropSchemas, openTestStore } from './postgres-testing.ts'

afterAll(dropSchemas)

describe("attachments' contents in PostgreSQL", () => {
  test('keeps a file in chunks of 256 KB, the last one shorter, and reads them back in order', async () => {
    const store = await openTestStore()
    try {
      const bytes = randomBytes(2 * CHUNK_BYTES + 1000)
      // Pieces that do not line up with the chunks: cut and joined on the way in.
      await store.attachmentFiles.write('attachments/i/a', piecesOf(bytes, 70_000))
      const { rows } = await store.pool.query<{ n: number; length: number }>('SELECT n, length(data) AS length FROM attachment_chunks ORDER BY n')
      expect(rows).toEqual([{ n: 0, length: CHUNK_BYTES }, { n: 1, length: CHUNK_BYTES }, { n: 2, length: 1000 }])
      expect((await readAllOf((await store.attachmentFiles.read('attachments/i/a'))!.body)).equals(bytes)).toBe(true)
    } finally {
      await store.close()
    }
  })

  test('sweeps the chunks a dying process left after an hour, never a file that is named or a write under way', async () => {
    const store = await openTestStore()
    try {
      await store.attachmentFiles.write('attachments/i/kept', piecesOf(randomBytes(1000)))
      // Left by a process that died mid-upload two hours ago, and one writing now.
      await store.pool.query(`INSERT INTO attachment_chunks (stored_as, version, n, data, written_at) VALUES ('attachments/i/dead', 'v1', 0, '\\x00', now() - interval '2 hours')`)
      await store.pool.query(`INSERT INTO attachment_chunks (stored_as, version, n, data) VALUES ('attachments/i/busy', 'v1', 0, '\\x00')`)
      await store.pool.query(`UPDATE attachment_chunks SET written_at = now() - interval '2 hours' WHERE stored_as = 'attachments/i/kept'`)
      expect(await sweepOrphanChunks(store.query)).toBe(1)
      const { rows } = await store.pool.query<{ stored_as: string }>('SELECT stored_as FROM attachment_chunks ORDER BY stored_as')
      expect(rows.map((r) => r.stored_as)).toEqual(['attachments/i/busy', 'attachments/i/kept'])
      expect(await store.attachmentFiles.size('attachments/i/kept')).toBe(1000)
    } finally {
      await store.close()
    }
  })
})
