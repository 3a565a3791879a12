// Bundles the server into plain JavaScript (dist-server/index.mjs) for `npm start`: no TypeScript
// loader at run time. Packages stay in node_modules; the PostgreSQL migrations are copied beside the
// bundle, where the store looks for them. Plain JavaScript itself, so that node runs it as it is.
import { cpSync, rmSync } from 'node:fs'
import { build } from 'esbuild'

/** Where the bundle goes: dist-server/, or LOKET_SERVER_OUT (tests build into a folder of their own). */
const out = process.env.LOKET_SERVER_OUT ?? 'dist-server'
rmSync(out, { recursive: true, force: true })
const result = await build({
  entryPoints: { index: 'server/index.ts' },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.3',
  packages: 'external',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
})
cpSync('server/store/migrations', `${out}/migrations`, { recursive: true })
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0)
console.log(`[loket] server bundled: ${out}/index.mjs (${Math.round(bytes / 1024)} KB with its source map)`)
