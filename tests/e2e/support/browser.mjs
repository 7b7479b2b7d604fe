// Launches Debian's Chromium through playwright-core (no browser download, see TOOLCHAIN.md) and
// gives each test a fresh context (so a fresh localStorage), recording console errors and
// warnings, uncaught page errors, and any request to an origin other than the test server's,
// which is also blocked so the app can never reach the network.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

/** The flags verified on this machine; without the background-networking ones Chromium is noisy. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Records console messages of type error or warning and uncaught errors of `page` into `problems`. */
export function watchConsole(page, problems, label = 'page') {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      const where = message.location()?.url ? ` (${message.location().url}:${message.location().lineNumber})` : '';
      problems.push(`${label} console.${message.type()}: ${message.text()}${where}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`${label} uncaught: ${error.stack ?? error.message}`));
  page.on('crash', () => problems.push(`${label} crashed`));
  return problems;
}

/**
 * Blocks every request of `context` whose origin is not `origin` (http, https, ws, wss, ftp and
 * anything else that reaches the network) and records its URL; data: and blob: URLs stay local.
 * Returns the array the URLs are recorded in.
 */
export async function blockForeignRequests(context, origin, recorded = []) {
  const allowed = new URL(origin).origin;
  const isForeign = (url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return false;
    return parsed.origin !== allowed;
  };
  const record = (entry) => recorded.includes(entry) || recorded.push(entry);
  await context.route(isForeign, async (route) => {
    record(`${route.request().method()} ${route.request().url()}`);
    await route.abort('blockedbyclient');
  });
  // Routes do not see every kind of traffic (e.g. WebSockets); the request event and the
  // websocket event do, so record those too.
  context.on('request', (request) => isForeign(request.url()) && record(`${request.method()} ${request.url()}`));
  context.on('page', (page) => page.on('websocket', (socket) => isForeign(socket.url()) && record(`WS ${socket.url()}`)));
  return recorded;
}

/**
 * A fresh context and page with the server as base URL. Options: `clockAt` installs Playwright's
 * fake clock at that time before anything loads; `viewport`; `colorScheme`.
 * Returns { context, page, newPage, problems, foreignRequests, assertClean, close }.
 */
export async function openPage(browser, baseUrl, { clockAt, viewport, colorScheme } = {}) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: viewport ?? { width: 1280, height: 800 },
    colorScheme: colorScheme ?? 'light',
    serviceWorkers: 'block',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const problems = [];
  const foreignRequests = await blockForeignRequests(context, baseUrl);
  let pages = 0;
  const newPage = async ({ clock = clockAt } = {}) => {
    pages += 1;
    const page = await context.newPage();
    watchConsole(page, problems, pages === 1 ? 'page' : `page ${pages}`);
    if (clock !== undefined) await page.clock.install({ time: clock });
    return page;
  };
  const page = await newPage();
  return {
    context,
    page,
    newPage,
    problems,
    foreignRequests,
    /** Fails if any page of the context logged an error or warning or asked another origin. */
    assertClean() {
      assert.deepEqual(problems, [], 'the page logged no console error or warning and threw nothing');
      assert.deepEqual(foreignRequests, [], 'the page made no request to another origin');
    },
    close: () => context.close(),
  };
}

/**
 * Runs `body(session)` with a fresh `openPage` session, asserts it stayed clean (no console
 * error or warning, no foreign request) and always closes the context.
 */
export async function withPage(browser, baseUrl, options, body) {
  if (typeof options === 'function') [options, body] = [{}, options];
  const session = await openPage(browser, baseUrl, options);
  try {
    await body(session);
    session.assertClean();
  } finally {
    await session.close();
  }
}
