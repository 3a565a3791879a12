/** For tests of the PostgreSQL store: the test database, and a schema of its own for every store a test opens. */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openPostgresStore, type PostgresStore } from './postgres-store.ts'

/** The database the tests use: TEST_DATABASE_URL, or the one `.ci/run` and scripts/test-postgres.sh start. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://loket:loket@127.0.0.1:5432/loket'

/** A new, empty schema name: each test's tables apart from every other test's. */
export const freshSchema = () => `t_${randomBytes(6).toString('hex')}`

const made: string[] = []

/** A store on an empty schema of the test database; `dropSchemas` removes them all afterwards. */
export async function openTestStore(schema = freshSchema()): Promise<PostgresStore> {
  made.push(schema)
  try {
    // Few connections, let go of soon: a test that forgets to close its store does not hold the server's connections.
    return await openPostgresStore({ url: TEST_DATABASE_URL, schema, poolSize: 4, idleMs: 500 })
  } catch (error) {
    throw new Error(`${(error as Error).message}\nThe PostgreSQL store is tested against a real server: run scripts/test-postgres.sh (or set TEST_DATABASE_URL).`)
  }
}

export async function dropSchemas(): Promise<void> {
  if (made.length === 0) return
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    // A few per statement: a file of many tests leaves dozens of schemas, each of dozens of tables,
    // and one statement for all would need more locks than the server keeps per transaction.
    const schemas = made.splice(0)
    for (let i = 0; i < schemas.length; i += 8) await client.query(`DROP SCHEMA IF EXISTS ${schemas.slice(i, i + 8).join(', ')} CASCADE`)
  } finally {
    await client.end()
  }
}
