// A static host for the built site, as the common free hosts behave: files are served as they
// are (with their precompressed .br/.gz twin when the browser accepts it), and the site can live
// under a sub-path (--base /console/), outside of which nothing is served. A path that names no
// file is answered as the chosen kind of host answers it (--host, from each host's documentation;
// README "Static hosting"):
// - github (the default): the site's 404.html with status 404;
// - netlify: the `_redirects` rules, a file at the path winning over a rule (Netlify's shadowing),
//   then 404.html with status 404;
// - cloudflare: the `_redirects` rules before any file ("redirects are always followed, regardless
//   of whether or not an asset matches"), then files, then 404.html with status 404, or, with no
//   top-level 404.html, index.html with status 200 (Cloudflare Pages' single-page-app mode);
// - surge: 200.html with status 200, else 404.html with status 404.
// Of `_redirects` it reads what scripts/deep-links.mjs writes: `from to status`, `from` exact or
// ending in `/*`, status 200 (a rewrite) or 301/302 (a redirect).
// Used by the end-to-end suite (playwright.config.mjs), the benchmark and Lighthouse.
//
//   node scripts/static-host.mjs [--root dist] [--port 4173 | 0 for any free one] [--base /]
//                                [--host github|netlify|cloudflare|surge]
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

export const HOST_KINDS = ['github', 'netlify', 'cloudflare', 'surge'];

/** The rules of `root`'s `_redirects` file: `{ from, prefix, to, status }`, none without one. */
async function readRedirects(root) {
  let text;
  try {
    text = await readFile(path.join(root, '_redirects'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [from, to, status = '302'] = line.split(/\s+/);
      const prefix = from.endsWith('/*') ? from.slice(0, -1) : null;
      return { from, prefix, to, status: Number(status) };
    });
}

/** The first rule whose source matches `pathname` (a site path, the base included). */
function matchingRule(rules, pathname) {
  return rules.find(({ from, prefix }) => (prefix ? pathname.startsWith(prefix) : pathname === from));
}

/**
 * Creates (does not start) the host: `root` served at `base` (which starts and ends with /), a path
 * that names no file answered as `host` (one of HOST_KINDS) answers it.
 */
export function createStaticHost({ root, base = '/', host = 'github' }) {
  if (!HOST_KINDS.includes(host)) throw new Error(`unknown host kind ${host}: one of ${HOST_KINDS.join(', ')}`);
  const redirects = host === 'netlify' || host === 'cloudflare' ? readRedirects(root) : Promise.resolve([]);
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
      const siteFile = (sitePath) => fileFor(root, sitePath.slice(base.length - 1));
      const rule = matchingRule(await redirects, pathname);
      const file = await siteFile(pathname);
      if (rule && (host === 'cloudflare' || !file)) {
        if (rule.status !== 200) return response.writeHead(rule.status, { location: rule.to }).end();
        const target = await siteFile(rule.to);
        if (target) return send(request, response, 200, target);
      }
      if (file) return send(request, response, 200, file);
      const fallbacks = {
        github: [['404.html', 404]],
        netlify: [['404.html', 404]],
        cloudflare: [['404.html', 404], ['index.html', 200]],
        surge: [['200.html', 200], ['404.html', 404]],
      }[host];
      for (const [name, status] of fallbacks) {
        const fallback = path.join(root, name);
        if (await isFile(fallback)) return send(request, response, status, fallback);
      }
      return plain(404, 'not found');
    } catch {
      return plain(500, 'unreadable');
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4173' },
      base: { type: 'string', default: '/' },
      host: { type: 'string', default: 'github' },
    },
  });
  const base = `/${values.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const root = path.resolve(values.root);
  if (!(await isFile(path.join(root, 'index.html')))) {
    console.error(`${root}/index.html is missing: build the site first (./scripts/dev.sh build)`);
    process.exit(1);
  }
  // With --port 0 the system picks a free port; the line printed names the one it picked.
  const server = createStaticHost({ root, base, host: values.host });
  server.listen(Number(values.port), '127.0.0.1', () =>
    console.log(`serving ${root} at http://127.0.0.1:${server.address().port}${base} as ${values.host} would`),
  );
}
