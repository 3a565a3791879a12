// Preloaded into a measured server: its longest event-loop stall and p99 delay (ms) to $LOKET_LOOP_FILE at exit; SIGUSR2 starts afresh.
import { readFileSync, writeFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

const TICK_MS = 10
/** Linux only: the second field is how long the main thread waited for a CPU, in ns. */
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`

// Both count only the lateness: a tick that comes on time counts 0 ms. The histogram samples in
// libuv; the timer sees what a JavaScript callback waits, microtask queues included.
const histogram = monitorEventLoopDelay({ resolution: TICK_MS })
histogram.enable()
let lastTick = performance.now()
let lastCpuWaitMs = cpuWaitMs()
let timerMaxLateMs = 0
// On a busy machine the kernel may hold the whole process off a CPU; that is not a stall the server made.
let ownMaxLateMs = 0
setInterval(() => {
  const now = performance.now()
  const cpuWait = cpuWaitMs()
  const late = now - lastTick - TICK_MS
  timerMaxLateMs = Math.max(timerMaxLateMs, late)
  ownMaxLateMs = Math.max(ownMaxLateMs, late - (cpuWait - lastCpuWaitMs || 0))
  lastTick = now
  lastCpuWaitMs = cpuWait
}, TICK_MS).unref()

// The bench sends SIGUSR2 when the phase it measures begins, so start-up and warm-up do not count.
process.on('SIGUSR2', () => {
  histogram.reset()
  timerMaxLateMs = 0
  ownMaxLateMs = 0
  lastTick = performance.now()
  lastCpuWaitMs = cpuWaitMs()
})

// On 'exit', not SIGTERM: the server's own SIGTERM handler closes the store and then exits.
process.on('exit', () => {
  const file = process.env.LOKET_LOOP_FILE
  if (!file) return
  const late = (ns) => Math.max(0, ns / 1e6 - TICK_MS)
  const histogramMaxMs = histogram.count > 0 ? late(histogram.max) : 0
  writeFileSync(file, JSON.stringify({
    maxDelayMs: Math.max(histogramMaxMs, timerMaxLateMs),
    /** The longest stall less the time the main thread waited for a CPU in it; the same as maxDelayMs where that is unknown. */
    ownMaxDelayMs: Number.isNaN(lastCpuWaitMs) ? Math.max(histogramMaxMs, timerMaxLateMs) : Math.max(0, ownMaxLateMs),
    p99DelayMs: histogram.count > 0 ? late(histogram.percentile(99)) : 0,
    histogramMaxMs,
    timerMaxLateMs,
    samples: histogram.count,
  }))
})

function cpuWaitMs() {
  try {
    return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[1]) / 1e6
  } catch {
    return NaN
  }
}
