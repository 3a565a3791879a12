/** A free TCP port on loopback, for the servers the tests, benchmarks and tools start (Node only: lib/ stays free of Node modules). */
import { createServer, type AddressInfo } from 'node:net'

/** A port nothing listens on now: the system's pick for a probe that closes again. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}
