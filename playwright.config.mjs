// The end-to-end suite: Playwright Test driving Debian's Chromium (never a downloaded browser,
// see ../shared/TOOLCHAIN.md) against the built site in dist/, served by scripts/static-host.mjs
// the way a static host serves it (404.html for unknown paths).
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

const CI = Boolean(process.env.CI);
const PORT = Number(process.env.E2E_PORT ?? 4173);

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
  webServer: {
    command: `node scripts/static-host.mjs --root dist --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !CI,
    stdout: 'ignore',
  },
});
