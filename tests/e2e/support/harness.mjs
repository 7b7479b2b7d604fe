// Per-file setup: one static server and one Chromium for the whole file (started in `before`),
// and a fresh context per test through `run`, which also asserts the page stayed clean.
import { after, before } from 'node:test';
import { startServer } from './server.mjs';
import { launchBrowser, openPage, withPage } from './browser.mjs';

export function useBrowser() {
  const env = {
    server: null,
    browser: null,
    /** run([options,] async (session) => ...) with a fresh context; fails if it logged or leaked. */
    run: (options, body) => withPage(env.browser, env.server.url, options, body),
    /** A fresh session the caller closes (for state shared by several tests). */
    open: (options) => openPage(env.browser, env.server.url, options),
  };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
