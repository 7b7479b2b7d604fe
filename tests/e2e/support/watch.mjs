// The watch every browser page of the suite (and the benchmark) is under: console errors and
// warnings, uncaught errors and crashes are recorded, and requests to another origin are blocked
// and recorded, so the app can never reach the network and a test sees it if it tried. Plain
// playwright-core API, no test runner, so bench/ uses it as well.

/**
 * Records console errors and warnings, uncaught errors and crashes of `page` into `problems`.
 * One message is expected and not recorded: a deep link (or a reload of one) is answered by the
 * static host's 404.html fallback, which is the app itself sent with status 404 as GitHub Pages
 * sends it, and Chromium logs that status for the document. Any other 404 is still a problem.
 */
export function watchConsole(page, problems, label = 'page') {
  const fallbackDocuments = new Set();
  page.on('response', (response) => {
    const request = response.request();
    if (response.status() === 404 && request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      fallbackDocuments.add(response.url());
    }
  });
  const isFallbackDocument = (message) =>
    message.type() === 'error' &&
    message.text().startsWith('Failed to load resource: the server responded with a status of 404') &&
    fallbackDocuments.has(message.location()?.url);
  page.on('console', (message) => {
    if ((message.type() === 'error' || message.type() === 'warning') && !isFallbackDocument(message)) {
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
export async function blockForeignRequests(context, origin, recorded, alsoAllowed = []) {
  const allowed = new Set([origin, ...alsoAllowed].map((url) => new URL(url).origin));
  const isForeign = (url) => {
    const parsed = new URL(url);
    if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return false;
    return !allowed.has(parsed.origin);
  };
  const record = (entry) => recorded.includes(entry) || recorded.push(entry);
  await context.route(isForeign, async (route) => {
    record(`${route.request().method()} ${route.request().url()}`);
    await route.abort('blockedbyclient');
  });
  context.on('request', (request) => isForeign(request.url()) && record(`${request.method()} ${request.url()}`));
  context.on('page', (page) => page.on('websocket', (socket) => isForeign(socket.url()) && record(`WS ${socket.url()}`)));
}
