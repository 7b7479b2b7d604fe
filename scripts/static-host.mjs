// A static host for the built site, as the common free hosts behave: files are served as they
// are (with their precompressed .br/.gz twin when the browser accepts it), a path that names no
// file gets the site's 404.html with status 404 (GitHub Pages' single-page-app convention), and
// the site can live under a sub-path (--base /console/), outside of which nothing is served.
// Used by the end-to-end suite (playwright.config.mjs), the benchmark and Lighthouse.
//
//   node scripts/static-host.mjs [--root dist] [--port 4173 | 0 for any free one] [--base /]
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The file under `root` that `pathname` (below the base) names, or null. */
async function fileFor(root, pathname) {
  const file = path.resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return (await isFile(file)) ? file : null;
}

/** The precompressed twin to send for `file`, if the request accepts it and it exists. */
async function encodedTwin(file, acceptEncoding = '') {
  const accepted = acceptEncoding.split(',').map((part) => part.trim().split(';')[0]);
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accepted.includes(encoding) && (await isFile(file + suffix))) return { encoding, file: file + suffix };
  }
  return null;
}

/** Creates (does not start) the host: `root` served at `base` (which starts and ends with /). */
export function createStaticHost({ root, base = '/' }) {
  const send = async (request, response, status, file) => {
    const twin = await encodedTwin(file, request.headers['accept-encoding']);
    const body = await readFile(twin?.file ?? file);
    response.writeHead(status, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(twin ? { 'content-encoding': twin.encoding } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  return http.createServer(async (request, response) => {
    const plain = (status, text, headers = {}) =>
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(text);
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed', { allow: 'GET, HEAD' });
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    } catch {
      return plain(400, 'bad request');
    }
    try {
      if (pathname === base.slice(0, -1)) return response.writeHead(301, { location: base }).end();
      if (!pathname.startsWith(base)) return plain(404, 'not found');
      const file = await fileFor(root, pathname.slice(base.length - 1));
      if (file) return send(request, response, 200, file);
      const fallback = path.join(root, '404.html');
      if (await isFile(fallback)) return send(request, response, 404, fallback);
      return plain(404, 'not found');
    } catch {
      return plain(500, 'unreadable');
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { root: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4173' }, base: { type: 'string', default: '/' } },
  });
  const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const root = path.resolve(values.root);
  if (!(await isFile(path.join(root, 'index.html')))) {
    console.error(`${root}/index.html is missing: build the site first (./scripts/dev.sh build)`);
    process.exit(1);
  }
  // With --port 0 the system picks a free port; the line printed names the one it picked.
  const host = createStaticHost({ root, base });
  host.listen(Number(values.port), '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${host.address().port}${base}`));
}
