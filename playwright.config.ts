import { defineConfig } from '@playwright/test'
import { DATA_DIR, HOST, KB, KB_PORT as PORT } from './tests/e2e/fixtures/env.ts'

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: KB,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      // The production build (the site and the bundled server), on a fresh data folder each run; the host site's origin may call the API, as an embedding site would.
      // Behind a proxy as in production (TRUST_PROXY): the portal specs sign people in from addresses
      // of their own, so the per-address sign-in limit counts each spec apart, as it would real visitors.
      command: `npm run build && rm -rf ${DATA_DIR} && TRUST_PROXY=1 PORT=${PORT} DATA_DIR=${DATA_DIR} BASE_URL=${KB} ALLOWED_ORIGINS=${KB},${HOST} node --enable-source-maps dist-server/index.mjs`,
      url: `${KB}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
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
