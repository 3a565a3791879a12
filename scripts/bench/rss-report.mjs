// Preloaded into a measured process: writes its peak resident memory (bytes) to $LOKET_RSS_FILE at exit.
import { writeFileSync } from 'node:fs'

process.on('exit', () => {
  if (process.env.LOKET_RSS_FILE) writeFileSync(process.env.LOKET_RSS_FILE, String(process.resourceUsage().maxRSS * 1024))
})
