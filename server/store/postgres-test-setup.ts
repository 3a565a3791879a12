// For the API tests on PostgreSQL: the schemas a test file's desks were given go when the file is done.
import { afterAll } from 'vitest'
import { dropSchemas } from './postgres-testing.ts'

// Dropping a file's schemas takes seconds on a loaded machine.
afterAll(dropSchemas, 60_000)
