/** For tests of the production build: the server bundled into a folder of the test's own, and started by node alone. */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../fixtures/run.ts'
import { freePort } from '../../scripts/free-port.ts'


/** Bundles the server as `npm run build` does, into a folder inside the project (so that it finds node_modules); returns the folder. */
export async function buildBundle(name: string): Promise<string> {
  const out = join('node_modules', '.cache', `loket-${name}-${process.pid}`)
  const built = await run(process.execPath, ['scripts/build-server.mjs'], { env: { ...process.env, LOKET_SERVER_OUT: out } })
  if (built.status !== 0) throw new Error(`the server bundle did not build:\n${built.stderr}`)
  return out
}

/** A running bundled server on a fresh data folder: its address, its output so far, and how to stop it. */
export interface BundledServer { base: string; port: number; dataDir: string; log: () => string; stop: () => Promise<void> }

/** Starts `out/index.mjs` with `env` on a free port and a fresh data folder, without the caller's mail or database settings; resolves once /api/health answers. */
export async function startBundle(out: string, env: Record<string, string>): Promise<BundledServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bundle-data-'))
  const { SMTP_URL: _smtp, DATABASE_URL: _db, BASE_URL: _base, ALLOWED_ORIGINS: _origins, TRUST_PROXY: _proxy, ...inherited } = process.env
  // No loader: node runs the bundle as it is.
  const server = spawn(process.execPath, [join(out, 'index.mjs')], { env: { ...inherited, NODE_OPTIONS: '', PORT: String(port), DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  server.stdout!.on('data', (chunk) => (log += chunk))
  server.stderr!.on('data', (chunk) => (log += chunk))
  const base = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (server.exitCode === null) {
      const stopped = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGTERM')
      await stopped
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  for (let tries = 0; ; tries++) {
    if (server.exitCode !== null) throw new Error(`the bundled server stopped:\n${log}`)
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break
    if (tries > 300) {
      await stop()
      throw new Error(`the bundled server did not answer:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { base, port, dataDir, log: () => log, stop }
}

/**
 * Runs `astro build` with `env`, one at a time across test files: every build of this project
 * writes the root's `.astro/` folder (renderers, types), so two at once break each other.
 */
export async function astroBuild(env: NodeJS.ProcessEnv, timeoutMs: number) {
  return oneBuildAtATime(timeoutMs, () => run(process.execPath, ['node_modules/astro/astro.js', 'build'], { env, timeoutMs }))
}

/** Runs the KB's part of `npm run build` (an update when only article bodies changed, else `astro build`), as astroBuild does. */
export async function kbBuild(env: NodeJS.ProcessEnv, timeoutMs: number, args: string[] = []) {
  return oneBuildAtATime(timeoutMs, () => run(process.execPath, ['--import', 'tsx', 'scripts/build-kb.ts', ...args], { env, timeoutMs }))
}

/** One build at a time across test files. The lock is a folder; one older than a build may take is left over from a killed run and removed. */
async function oneBuildAtATime<T>(timeoutMs: number, build: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), 'loket-astro-build.lock')
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > timeoutMs) rmSync(lock, { recursive: true, force: true })
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
  try {
    return await build()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
