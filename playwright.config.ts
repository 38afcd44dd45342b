import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian Chromium (/usr/bin/chromium) against the built site (`dist/`, served by
 * `astro preview`). Playwright never downloads a browser here. Run `npm run build` first (npm test does).
 */
// One port per checkout (several worktrees may run their suites at once); E2E_PORT overrides.
const PORT = Number(process.env.E2E_PORT ?? 4400 + [...process.cwd()].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 997, 7) % 500);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  // On CI (CI=true) a failed test runs once more: two tests failed once each on timing in three clean-clone
  // dry runs on this loaded 2-core machine (a clipboard write, a locator that also matched the search
  // filters; both tests were mended). Playwright lists a test that passes on its second try as "flaky" in
  // the output, so a flake stays visible; a test that fails twice still fails the run.
  retries: process.env.CI ? 1 : 0,
  // Search pages load the Pagefind index and fragments before they settle; on a loaded 2-core machine that
  // took over 5 s (the default) in a CI dry run. A wait limit, not a performance threshold.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // --ignore-lock: run alongside a preview the reader may have open (npm start), untracked by it.
    command: `npx astro preview --host 127.0.0.1 --port ${PORT} --ignore-lock`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
