import { defineConfig } from '@playwright/test'
import { DATA_DIR, HOST, KB, KB_PORT as PORT, TURN } from './tests/e2e/fixtures/env.ts'
import { CHROMIUM_LAUNCH } from './scripts/chromium.ts'

/** The server's TURN settings when coturn runs beside it. */
const TURN_ENV = TURN ? `TURN_URL=turn:${TURN.address}:${TURN.port}?transport=udp TURN_SECRET=${TURN.secret} ICE_RELAY_ONLY=1` : ''

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: KB,
    launchOptions: CHROMIUM_LAUNCH,
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      // The production build (the site and the bundled server), on a fresh data folder each run; the host site's origin may call the API, as an embedding site would.
      // Built with the BASE_URL it is served at: pages name their translations by absolute URL.
      // Behind a proxy as in production (TRUST_PROXY): the portal specs sign people in from addresses
      // of their own, so the per-address sign-in limit counts each spec apart, as it would real visitors.
      command: `BASE_URL=${KB} npm run build && rm -rf ${DATA_DIR} && TRUST_PROXY=1 PORT=${PORT} DATA_DIR=${DATA_DIR} BASE_URL=${KB} ALLOWED_ORIGINS=${KB},${HOST} ${TURN_ENV} node --enable-source-maps dist-server/index.mjs`,
      url: `${KB}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    // Remote view through a real TURN server, relayed only (see fixtures/env.ts); without coturn, direct.
    ...(TURN ? [{
      command: ['turnserver -n --no-cli --no-tls --no-dtls --fingerprint --simple-log --log-file=stdout', `--listening-ip=127.0.0.1 --listening-ip=${TURN.address} --relay-ip=${TURN.address}`,
        `--listening-port=${TURN.port} --min-port=49160 --max-port=49260 --realm=loket.test --use-auth-secret --static-auth-secret=${TURN.secret}`, TURN.isLoopback ? '--allow-loopback-peers' : ''].join(' '),
      port: TURN.port,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      // It tries protocols this machine may lack (SCTP) and says so on every start: not worth reading.
      stdout: 'ignore' as const,
      stderr: 'ignore' as const,
    }] : []),
    {
      command: 'npx tsx tests/e2e/fixtures/host-site.ts',
      url: `${HOST}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
})
