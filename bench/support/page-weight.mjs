// Page weight: the files index.html loads, their gzip -9 and brotli (quality 11) sizes, and a
// small static server that sends them gzip-encoded the way a compressing host would, so the bytes
// Chromium actually receives can be measured too (the benchmark's transfer row and Lighthouse).
// (The timing runs use scripts/static-host.mjs on a dist/ without precompressed twins.)
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const KINDS = { '.html': 'HTML', '.js': 'JS', '.wasm': 'wasm', '.css': 'CSS' };
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const gzip = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
const brotli = (bytes) =>
  brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });

/** The page weight budgets for wasm + JS + CSS + HTML (issue 10). */
export const BUDGETS = { gzip: 250 * 1024, brotli: 200 * 1024 };
const ENCODINGS = ['raw', 'gzip', 'brotli'];

/** The same-origin files index.html references (scripts, wasm, styles, icon), plus itself. */
export async function pageAssets(distDir) {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const referenced = new Set(['/index.html']);
  // Only what the page loads (link and script elements, the bootstrap's imports), not the
  // first-paint frame's navigation links; attribute values quoted or not (the release build
  // minifies index.html and drops the quotes).
  for (const match of html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)=(?:"(\/[^"]+)"|(\/[^\s>"']+))|(?:from|module_or_path:)\s*'(\/[^']+)'/g)) {
    referenced.add(match[1] ?? match[2] ?? match[3]);
  }
  const assets = [];
  for (const url of referenced) {
    const bytes = await readFile(path.join(distDir, url));
    const extension = path.extname(url);
    assets.push({ url, kind: KINDS[extension] ?? 'other', raw: bytes.length, gzip: gzip(bytes).length, brotli: brotli(bytes).length });
  }
  return assets;
}

/** Sums `files`' sizes in every encoding, as one row named `kind`. */
function sumRow(kind, files) {
  const row = { kind, files: files.reduce((sum, file) => sum + (file.files ?? 1), 0) };
  for (const encoding of ENCODINGS) row[encoding] = files.reduce((sum, file) => sum + file[encoding], 0);
  return row;
}

/** Raw, gzip and brotli bytes per kind (wasm, JS, CSS, HTML, other) and for the budgeted total. */
export function weightByKind(assets) {
  const rows = ['wasm', 'JS', 'CSS', 'HTML', 'other'].map((kind) =>
    sumRow(
      kind,
      assets.filter((asset) => asset.kind === kind),
    ),
  );
  const total = sumRow(
    'wasm + JS + CSS + HTML',
    rows.filter((row) => row.kind !== 'other'),
  );
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
