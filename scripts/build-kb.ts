/**
 * Builds the KnowledgeBase: when only the bodies of `.md` articles changed since the last build of
 * this output folder, updates their pages and the search index in seconds (site/integrations/kb-update.ts);
 * otherwise, or with `--full`, runs the full `astro build`.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { buildPaths } from '../site/integrations/kb-state.ts'
import { ArticleError, updateKb } from '../site/integrations/kb-update.ts'

const paths = buildPaths()
const say = (line: string) => console.log(`[kb] ${line}`)

async function main(): Promise<number> {
  if (!process.argv.includes('--full')) {
    const started = performance.now()
    try {
      const result = await updateKb(paths, say)
      const took = `${((performance.now() - started) / 1000).toFixed(1)} s`
      if (result.kind === 'unchanged') return say(`up to date: no article changed since the last build (${took})`), 0
      if (result.kind === 'updated' && result.pages === 0) return say(`only drafts changed: nothing that is served (${took})`), 0
      if (result.kind === 'updated') return say(`${result.pages} page(s) and the search index updated in ${took}`), 0
      say(`full build: ${result.reason}`)
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error
      console.error(error.message)
      return 1
    }
  }
  return new Promise((resolve, reject) => {
    // --expose-gc: the build collects garbage between its steps, which keeps its peak memory near what is live (site/integrations/kb-build.ts).
    const astro = spawn(process.execPath, ['--expose-gc', join(paths.root, 'node_modules', 'astro', 'astro.js'), 'build'], { stdio: 'inherit' })
    astro.on('error', reject)
    astro.on('exit', (code) => resolve(code ?? 1))
  })
}

process.exitCode = await main()
