// The benchmark's server and browser, the same as the end-to-end suite's: the built site served by
// scripts/static-host.mjs (as a static host serves it) and Debian's Chromium launched through
// playwright-core with scripts/chromium.mjs's flags. Every page is watched as the suite watches
// its own (tests/e2e/support/watch.mjs), so a run that logged or leaked is reported.
import { once } from 'node:events';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { createStaticHost } from '../../scripts/static-host.mjs';
import { blockForeignRequests, watchConsole } from '../../tests/e2e/support/watch.mjs';
import { writeStorage } from './in-page.mjs';

/** Serves `root` on a free port of 127.0.0.1; resolves to its base URL (no trailing slash) and a close function. */
export async function serve(root) {
  await access(path.join(root, 'index.html')).catch(() => {
    throw new Error(`${root}/index.html is missing: build the site first (./scripts/dev.sh build)`);
  });
  const server = createStaticHost({ root });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function launchBrowser() {
  return chromium.launch({ headless: true, ...chromiumLaunchOptions() });
}

/**
 * A fresh context (cold cache, empty storage) at 1280 × 800 with `baseUrl` as base URL and a watched
 * page, reaching no other origin but `alsoAllowed`. Returns { context, page, newPage, problems, foreignRequests }; `newPage()` opens another
 * watched page of the context.
 */
export async function openPage(browser, baseUrl, alsoAllowed = []) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    serviceWorkers: 'block',
  });
  const problems = [];
  const foreignRequests = [];
  await blockForeignRequests(context, baseUrl, foreignRequests, alsoAllowed);
  const newPage = async () => {
    const page = await context.newPage();
    watchConsole(page, problems);
    return page;
  };
  return { context, page: await newPage(), newPage, problems, foreignRequests };
}

/**
 * Writes `items` into the localStorage of `baseUrl`'s origin in `context`, from a page that is not
 * the app (so the app cannot seed its demo data first), and resolves to the number of items once
 * another page sees every one of them. The writing page stays open until then: a renderer closed
 * right after its writes can lose the last of them (seen: 10,739 of 12,002 arrived), and another
 * renderer sees them only some time after they were written.
 */
export async function seedStorage(context, baseUrl, items) {
  const seeding = await context.newPage();
  const probe = await context.newPage();
  try {
    await seeding.goto(`${baseUrl}/favicon.svg`);
    const written = await seeding.evaluate(writeStorage, items);
    if (written !== Object.keys(items).length) throw new Error(`only ${written} of ${Object.keys(items).length} items could be stored`);
    await probe.goto(`${baseUrl}/favicon.svg`);
    await probe
      .waitForFunction((count) => localStorage.length === count, written, { timeout: 30_000, polling: 100 })
      .catch(() => {
        throw new Error(`another page did not see the ${written} seeded items within 30 s`);
      });
    return written;
  } finally {
    await probe.close();
    await seeding.close();
  }
}
