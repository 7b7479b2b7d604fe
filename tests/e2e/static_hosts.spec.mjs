// Deep links on each kind of static host (README "Static hosting"): the release build ships a
// fallback for each (scripts/deep-links.mjs), and scripts/static-host.mjs answers as each host
// documents it answers. Where a host can rewrite (Netlify and Cloudflare Pages read `_redirects`,
// Surge serves `200.html`), an address of the app is answered 200 with the app and every asset is
// still itself; GitHub Pages can only answer 404 with `404.html`.
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, expectClean, watchConsole, blockForeignRequests } from './fixtures.mjs';
import { createStaticHost } from '../../scripts/static-host.mjs';
import { APP_ROUTES } from '../../scripts/deep-links.mjs';
import { SUB_PATH_URL } from '../../playwright.config.mjs';
import { panelHeading, secretRegion } from './support/app.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SITES = [
  { root: path.join(REPO, 'dist'), base: '/' },
  ...(SUB_PATH_URL ? [{ root: path.join(REPO, 'dist-subpath'), base: '/console/' }] : []),
];
const CLIENT_ID = '0badc0de-0000-4000-8000-000000000000';
/** Addresses of the app that name no file: the routes, deep and with a query. */
const APP_ADDRESSES = ['applications', `applications/${CLIENT_ID}/configuration`, 'applications?q=portal', 'rotation', 'activity'];

/** Starts a host of `kind` for `site`; resolves to its origin and a close function. */
async function startHost(site, kind) {
  const server = createStaticHost({ root: site.root, base: site.base, host: kind });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

/** The status and body of a GET, as the host sends it (no compression asked for). */
async function get(origin, address) {
  const response = await fetch(new URL(address, origin), { redirect: 'manual', headers: { 'accept-encoding': 'identity' } });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

/** The built files a page loads: its wasm, JS glue, stylesheet and favicon, named in index.html. */
async function assetsOf(site) {
  const html = await readFile(path.join(site.root, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:href|src)="([^"]+\.(?:wasm|js|css|svg))"/g)].map(([, url]) => url);
  expect(named.some((url) => url.endsWith('.wasm')), 'index.html names the wasm').toBe(true);
  expect(named.some((url) => url.endsWith('.css')), 'index.html names the stylesheet').toBe(true);
  return [...new Set(named)];
}

test('the build ships a fallback for every kind of host, and _redirects covers every route of the app', async () => {
  const appSource = await readFile(path.join(REPO, 'src/components/app.rs'), 'utf8');
  const routes = [...appSource.matchAll(/path!\("(\/[a-z-]+)"\)/g)].map(([, route]) => route);
  expect(routes.length, 'app.rs has top-level routes').toBeGreaterThan(0);
  expect([...routes].sort(), 'scripts/deep-links.mjs lists the routes of src/components/app.rs').toEqual([...APP_ROUTES].sort());
  for (const site of SITES) {
    const index = await readFile(path.join(site.root, 'index.html'));
    for (const copy of ['404.html', '200.html']) {
      expect((await readFile(path.join(site.root, copy))).equals(index), `${site.base}: ${copy} is the app's page`).toBe(true);
    }
    const rules = (await readFile(path.join(site.root, '_redirects'), 'utf8')).split('\n').filter((line) => line && !line.startsWith('#'));
    for (const route of APP_ROUTES) {
      const at = `${site.base}${route.slice(1)}`;
      expect(rules, `${site.base}: ${route} is rewritten`).toContain(`${at} ${site.base}index.html 200`);
      expect(rules, `${site.base}: what is below ${route} is rewritten`).toContain(`${at}/* ${site.base}index.html 200`);
    }
    expect(rules.some((line) => line.startsWith(`${site.base}* `)), 'no catch-all rule (Cloudflare would answer assets with it)').toBe(false);
  }
});

for (const site of SITES) {
  test.describe(`Deep links of the site at ${site.base}`, () => {
    for (const kind of ['netlify', 'cloudflare', 'surge']) {
      test(`${kind}: an address of the app is answered 200 with the app, and every asset is itself`, async () => {
        const host = await startHost(site, kind);
        try {
          const page = await readFile(path.join(site.root, 'index.html'));
          for (const address of APP_ADDRESSES) {
            const response = await get(host.origin, `${site.base}${address}`);
            expect(response.status, `${kind} ${address}`).toBe(200);
            expect(response.body.equals(page), `${kind} ${address} is the app's page`).toBe(true);
          }
          for (const asset of await assetsOf(site)) {
            const response = await get(host.origin, asset);
            expect(response.status, `${kind} ${asset}`).toBe(200);
            const built = await readFile(path.join(site.root, asset.slice(site.base.length)));
            expect(response.body.equals(built), `${kind} sends ${asset} as built, not the page`).toBe(true);
          }
          const unknown = await get(host.origin, `${site.base}no-such-page`);
          expect(unknown.status, `${kind}: a path that is no route`).toBe(kind === 'surge' ? 200 : 404);
        } finally {
          await host.close();
        }
      });
    }

    test('github: an address of the app is answered 404 with the app (404.html), as GitHub Pages does', async () => {
      const host = await startHost(site, 'github');
      try {
        const page = await readFile(path.join(site.root, 'index.html'));
        for (const address of APP_ADDRESSES) {
          const response = await get(host.origin, `${site.base}${address}`);
          expect(response.status, address).toBe(404);
          expect(response.body.equals(page), `${address} is the app's page`).toBe(true);
        }
      } finally {
        await host.close();
      }
    });
  });
}

test('on a host that rewrites, reloading a deep link gets status 200 and opens the application, with nothing logged', async ({ browser }) => {
  const site = SITES[0];
  const host = await startHost(site, 'netlify');
  const watched = { problems: [], foreignRequests: [] };
  const context = await browser.newContext();
  try {
    await blockForeignRequests(context, host.origin, watched.foreignRequests);
    const page = await context.newPage();
    watchConsole(page, watched.problems);
    await page.goto(`${host.origin}/`);
    const entry = page.getByRole('listitem').getByRole('link', { name: 'Partner Dashboard' });
    const clientId = new URL(await entry.evaluate((link) => link.href)).pathname.split('/')[2];
    const deepLink = `${host.origin}/applications/${clientId}/configuration`;
    const first = await page.goto(deepLink);
    expect(first.status()).toBe(200);
    await expect(panelHeading(page, 'Partner Dashboard')).toBeVisible();
    await expect(secretRegion(page)).toBeVisible();
    const reloaded = await page.reload();
    expect(reloaded.status()).toBe(200);
    await expect(secretRegion(page)).toBeVisible();
    await expect(page).toHaveURL(deepLink);
    expectClean(watched);
  } finally {
    await context.close();
    await host.close();
  }
});
