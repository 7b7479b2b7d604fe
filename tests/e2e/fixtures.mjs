// What every end-to-end test gets (import { test, expect } from './fixtures.mjs'):
// - `page`: a fresh browser profile (its own context, so its own localStorage) on the built
//   site, with clipboard access. Any console error or warning, uncaught error, crash, or request
//   to another origin (which is also blocked, so the app can never reach the network) fails
//   the test after it ran.
// - `newPage()`: another tab of the same profile, watched the same way (for two-tab tests).
// - `test.use({ clockAt: ms })`: Playwright's fake clock installed at that time in every page
//   before anything loads (a page's own `page.clock` can then move it).
// - `problems` / `foreignRequests`: what was recorded so far, for tests about the watch itself.
import { test as base, expect } from '@playwright/test';

export { expect };

/** Records console errors and warnings, uncaught errors and crashes of `page` into `problems`. */
export function watchConsole(page, problems, label = 'page') {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      const where = message.location()?.url ? ` (${message.location().url}:${message.location().lineNumber})` : '';
      problems.push(`${label} console.${message.type()}: ${message.text()}${where}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`${label} uncaught: ${error.stack ?? error.message}`));
  page.on('crash', () => problems.push(`${label} crashed`));
}

/**
 * Blocks every request of `context` whose origin is not `origin` and records it; data:, blob:
 * and about: URLs stay local. WebSockets are not routed, so they are recorded from events.
 */
export async function blockForeignRequests(context, origin, recorded) {
  const allowed = new URL(origin).origin;
  const isForeign = (url) => {
    const parsed = new URL(url);
    if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return false;
    return parsed.origin !== allowed;
  };
  const record = (entry) => recorded.includes(entry) || recorded.push(entry);
  await context.route(isForeign, async (route) => {
    record(`${route.request().method()} ${route.request().url()}`);
    await route.abort('blockedbyclient');
  });
  context.on('request', (request) => isForeign(request.url()) && record(`${request.method()} ${request.url()}`));
  context.on('page', (page) => page.on('websocket', (socket) => isForeign(socket.url()) && record(`WS ${socket.url()}`)));
}

export const test = base.extend({
  clockAt: [undefined, { option: true }],
  problems: async ({}, use) => use([]),
  foreignRequests: async ({}, use) => use([]),

  context: async ({ context, baseURL, foreignRequests }, use) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await blockForeignRequests(context, baseURL, foreignRequests);
    await use(context);
  },

  newPage: async ({ context, clockAt, problems }, use) => {
    let opened = 0;
    await use(async ({ clock = clockAt } = {}) => {
      opened += 1;
      const page = await context.newPage();
      watchConsole(page, problems, opened === 1 ? 'page' : `page ${opened}`);
      if (clock !== undefined) await page.clock.install({ time: clock });
      return page;
    });
  },

  page: async ({ newPage }, use) => {
    await use(await newPage());
  },

  // Runs after the test body, for every test: the pages stayed clean.
  stayedClean: [
    async ({ problems, foreignRequests }, use) => {
      await use();
      expect(problems, 'the pages logged no console error or warning and threw nothing').toEqual([]);
      expect(foreignRequests, 'the pages made no request to another origin').toEqual([]);
    },
    { auto: true },
  ],
});
