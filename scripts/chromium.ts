/** Debian's Chromium as every browser run here launches it (Playwright, benchmarks, screenshots): no downloads, no background traffic. */

/** The launch options for Playwright's `chromium.launch` and `use.launchOptions`; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
}
