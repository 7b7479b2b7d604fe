// Page weight: the files index.html loads, their gzip -9 sizes, and a small static server that
// sends them gzip-encoded the way a compressing host would, so the bytes Chromium actually
// receives can be measured too. (The timing runs use scripts/static-host.mjs, which compresses
// nothing itself: dist/ has no precompressed twins.)
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const KINDS = { '.html': 'HTML', '.js': 'JS', '.wasm': 'wasm', '.css': 'CSS' };
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const gzip = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });

/** The same-origin files index.html references (scripts, wasm, styles, icon), plus itself. */
export async function pageAssets(distDir) {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const referenced = new Set(['/index.html']);
  // Only what the page loads (link and script elements, the bootstrap's imports), not the
  // first-paint frame's navigation links.
  for (const match of html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="(\/[^"]+)"|(?:from|module_or_path:)\s*'(\/[^']+)'/g)) {
    referenced.add(match[1] ?? match[2]);
  }
  const assets = [];
  for (const url of referenced) {
    const bytes = await readFile(path.join(distDir, url));
    const extension = path.extname(url);
    assets.push({ url, kind: KINDS[extension] ?? 'other', raw: bytes.length, gzip: gzip(bytes).length });
  }
  return assets;
}

/** Raw and gzip bytes per kind (HTML, JS, wasm, CSS, other) and for the budgeted total. */
export function weightByKind(assets) {
  const rows = ['HTML', 'JS', 'wasm', 'CSS', 'other'].map((kind) => {
    const ofKind = assets.filter((asset) => asset.kind === kind);
    return {
      kind,
      files: ofKind.length,
      raw: ofKind.reduce((sum, asset) => sum + asset.raw, 0),
      gzip: ofKind.reduce((sum, asset) => sum + asset.gzip, 0),
    };
  });
  const budgeted = rows.filter((row) => row.kind !== 'other');
  const total = {
    kind: 'wasm + JS + CSS + HTML',
    files: budgeted.reduce((sum, row) => sum + row.files, 0),
    raw: budgeted.reduce((sum, row) => sum + row.raw, 0),
    gzip: budgeted.reduce((sum, row) => sum + row.gzip, 0),
  };
  return { rows: rows.filter((row) => row.files > 0), total };
}

/** Serves `distDir` gzip-encoded (level 9) on 127.0.0.1, with the SPA fallback to index.html. */
export async function startGzipServer(distDir) {
  const cache = new Map();
  const server = http.createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const wanted = path.extname(pathname) === '' ? '/index.html' : pathname;
    const file = path.join(distDir, path.normalize(wanted));
    try {
      if (!file.startsWith(distDir)) throw new Error('outside');
      if (!cache.has(file)) cache.set(file, gzip(await readFile(file)));
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-encoding': 'gzip',
        'cache-control': 'no-store',
      });
      response.end(cache.get(file));
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
