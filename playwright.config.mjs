// The end-to-end suite: Playwright Test driving Debian's Chromium (never a downloaded browser,
// see ../shared/TOOLCHAIN.md) against the built site in dist/, served by scripts/static-host.mjs
// the way a static host serves it (404.html for unknown paths). A second host serves the same
// site built for a sub-path (dist-subpath/, `PUBLIC_URL=/console/ DIST=dist-subpath
// ./scripts/dev.sh build`) under /console/ for tests/e2e/sub_path.spec.mjs; outside CI it is
// started only when that build exists, so the other specs run without it.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const CI = Boolean(process.env.CI);
const PORT = Number(process.env.E2E_PORT ?? 4173);
const SUB_PATH_PORT = PORT + 1;
/** Where sub_path.spec.mjs finds the site built for /console/ (unset: it was not built). */
export const SUB_PATH_URL = CI || existsSync('dist-subpath/index.html') ? `http://127.0.0.1:${SUB_PATH_PORT}/console/` : undefined;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.mjs',
  // Every test has its own browser context (a fresh profile), so files run on two workers.
  workers: 2,
  forbidOnly: CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [[CI ? 'list' : 'line'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    serviceWorkers: 'block',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: [
    {
      // Never reuse a server already on the port: on a shared machine it may serve another
      // checkout's dist/. A busy port fails the run loudly instead; pick another with E2E_PORT.
      command: `node scripts/static-host.mjs --root ${process.env.E2E_DIST ?? 'dist'} --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    ...(SUB_PATH_URL
      ? [
          {
            command: `node scripts/static-host.mjs --root dist-subpath --base /console/ --port ${SUB_PATH_PORT}`,
            url: SUB_PATH_URL,
            reuseExistingServer: false,
            stdout: 'ignore',
          },
        ]
      : []),
  ],
});
