/**
 * Vitest's global setup: every temporary folder a test run makes (test desks, stores, builds, and
 * the servers it starts) goes into one folder of its own, removed when the run ends. Without it
 * each run left thousands of data folders behind in the system's temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Set while a run's folder exists: a second project's setup in the same run uses it too. */
const RUN_FOLDER = 'LOKET_TEST_TMPDIR'

export default function setup(): () => void {
  if (process.env[RUN_FOLDER]) return () => {}
  const folder = mkdtempSync(join(tmpdir(), 'loket-tests-'))
  const previous = process.env.TMPDIR
  // The workers start after this and inherit the environment; os.tmpdir() reads TMPDIR on every call.
  process.env[RUN_FOLDER] = folder
  process.env.TMPDIR = folder
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    delete process.env[RUN_FOLDER]
    rmSync(folder, { recursive: true, force: true })
  }
}
