// What every end-to-end test gets (import { test, expect } from './fixtures.mjs'):
// - `page`: a fresh browser profile (its own context, so its own localStorage) on the built
//   site, with clipboard access. Any console error or warning, uncaught error, crash, or request
//   to another origin (which is also blocked, so the app can never reach the network) fails
//   the test after it ran (support/watch.mjs; a deep link's 404.html fallback is expected).
// - `newPage()`: another tab of the same profile, watched the same way (for two-tab tests).
// - `test.use({ clockAt: ms })`: Playwright's fake clock installed at that time in every page
//   before anything loads (a page's own `page.clock` can then move it).
// - a PingOne emulator per worker (tests/pingone-emulator/, support/pingone.mjs).
// - `test.use({ allowedOrigins: [...] })`: origins besides the console's the pages may reach (the
//   PingOne emulator's API and authorization server); every other one stays blocked.
// - `problems` / `foreignRequests`: what was recorded so far, for tests about the watch itself.
// - `openSession(options)` (worker-scoped, for `beforeAll`): a profile shared by the tests of a
//   describe, e.g. one open dialog that several cases check. Returns { context, page, newPage,
//   problems, foreignRequests, close }; `options` are browser context options plus `clockAt`
//   and `allowedOrigins`.
//   While it is open, every test of the worker also fails on what its pages logged or asked.
//   Close it in `afterAll`.
// - `axe(page, runOptions)` (worker-scoped): injects axe-core (node_modules/axe-core, read once
//   per worker) into the page and resolves to `axe.run(document, runOptions)`'s results.
import { readFile } from 'node:fs/promises';
import { test as base, expect } from '@playwright/test';
import { startEmulator } from '../pingone-emulator/server.mjs';
import { emulatorOptions } from './support/pingone.mjs';
import { blockForeignRequests, watchConsole } from './support/watch.mjs';

export { expect, watchConsole, blockForeignRequests };

/** Fails unless the pages of `watched` ({ problems, foreignRequests }) logged and asked nothing. */
export function expectClean({ problems, foreignRequests }) {
  expect(problems, 'the pages logged no console error or warning and threw nothing').toEqual([]);
  expect(foreignRequests, 'the pages made no request to another origin').toEqual([]);
}

/** Every context of the suite: clipboard access, and requests to another origin blocked and recorded. */
async function prepareContext(context, origin, foreignRequests, alsoAllowed = []) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await blockForeignRequests(context, origin, foreignRequests, alsoAllowed);
}

/** Opens watched tabs of `context`, each with the fake clock at `clockAt` (unless told otherwise). */
function tabOpener(context, problems, clockAt) {
  let opened = 0;
  return async ({ clock = clockAt } = {}) => {
    opened += 1;
    const page = await context.newPage();
    watchConsole(page, problems, opened === 1 ? 'page' : `page ${opened}`);
    if (clock !== undefined) await page.clock.install({ time: clock });
    return page;
  };
}

export const test = base.extend({
  clockAt: [undefined, { option: true }],
  // Origins besides the console's that a test's pages may reach (the PingOne emulator's).
  allowedOrigins: [[], { option: true }],
  problems: async ({}, use) => use([]),
  foreignRequests: async ({}, use) => use([]),

  context: async ({ context, baseURL, foreignRequests, allowedOrigins }, use) => {
    await prepareContext(context, baseURL, foreignRequests, allowedOrigins);
    await use(context);
  },

  newPage: async ({ context, clockAt, problems }, use) => {
    await use(tabOpener(context, problems, clockAt));
  },

  page: async ({ newPage }, use) => {
    await use(await newPage());
  },

  // This worker's PingOne emulator (support/pingone.mjs says where), for the PingOne specs.
  _pingOneEmulator: [
    async ({}, use, workerInfo) => {
      const origin = new URL(workerInfo.project.use.baseURL).origin;
      const emulator = await startEmulator(emulatorOptions(origin));
      await use(emulator);
      await emulator.close();
    },
    { scope: 'worker', auto: true },
  ],

  // The sessions of this worker that are open now.
  _openSessions: [async ({}, use) => use(new Set()), { scope: 'worker' }],

  openSession: [
    async ({ browser, _openSessions }, use, workerInfo) => {
      const { baseURL } = workerInfo.project.use;
      await use(async ({ clockAt, allowedOrigins = [], ...contextOptions } = {}) => {
        // Playwright applies the project's `use` context options (viewport, colour scheme, ...).
        const context = await browser.newContext({ baseURL, ...contextOptions });
        const session = { context, problems: [], foreignRequests: [] };
        await prepareContext(context, baseURL, session.foreignRequests, allowedOrigins);
        session.newPage = tabOpener(context, session.problems, clockAt);
        session.page = await session.newPage();
        session.close = async () => {
          _openSessions.delete(session);
          await context.close();
        };
        _openSessions.add(session);
        return session;
      });
      await Promise.all([..._openSessions].map((session) => session.close()));
    },
    { scope: 'worker' },
  ],

  axe: [
    async ({}, use) => {
      const source = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
      await use(async (page, runOptions) => {
        // The console's Content-Security-Policy refuses inline scripts, so `page.addScriptTag` is
        // blocked (and logs a CSP error); evaluating through the DevTools protocol is not subject to it.
        if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(source);
        return page.evaluate((options) => window.axe.run(document, options), runOptions);
      });
    },
    { scope: 'worker' },
  ],

  // Runs after the test body, for every test: its pages, and those of open sessions, stayed clean.
  stayedClean: [
    async ({ problems, foreignRequests, _openSessions }, use) => {
      await use();
      expectClean({ problems, foreignRequests });
      for (const session of _openSessions) expectClean(session);
    },
    { auto: true },
  ],
});
