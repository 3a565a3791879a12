// Preloaded into a measured process (through NODE_OPTIONS, so into the processes it starts too): at exit, writes
// to $LOKET_RSS_FILE the larger of its own peak resident memory (bytes) and what an earlier process there wrote.
import { readFileSync, writeFileSync } from 'node:fs'

process.on('exit', () => {
  const file = process.env.LOKET_RSS_FILE
  if (!file) return
  let earlier = 0
  try {
    earlier = Number(readFileSync(file, 'utf8')) || 0
  } catch {}
  writeFileSync(file, String(Math.max(earlier, process.resourceUsage().maxRSS * 1024)))
})
