// The Trunk post_build hook (Trunk.toml): finishes the page Trunk wrote into its staging
// directory, in this order (Trunk runs the hooks of one stage concurrently, so this is one hook):
// 1. one stylesheet: Trunk's per-area CSS files (style/*.css, kept apart in the source) become a
//    single hashed file, so the first paint waits for one request instead of five;
// 2. the public URL (`trunk build --public-url /console/`) goes where Trunk does not put it: the
//    `<meta name="public-url">` the app reads for its router, and every href marked
//    `data-public-href` in the frame index.html paints before the wasm arrives;
// 3. the Content-Security-Policy gets the hashes of the inline scripts, and its connect-src
//    PingOne's regional hosts plus the origins CONNECT_ORIGINS names (scripts/csp.mjs);
// 4. the deep-link fallbacks for each kind of static host: 404.html, 200.html and _redirects
//    (scripts/deep-links.mjs);
// 5. release builds only: wasm-bindgen's JS glue minified by terser (scripts/minify-glue.mjs; Trunk's
//    own JS minifier gives up on it), then .br and .gz twins of every text asset
//    (scripts/precompress.mjs).
// Trunk's own minifier stays off (Trunk.toml): it reorders and unquotes index.html's attributes,
// which the steps above read, for about 0.6 KB of brotli across the CSS and HTML.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { allowConnections, extraConnectOrigins, pinInlineScriptHashes } from './csp.mjs';
import { writeDeepLinkFallbacks } from './deep-links.mjs';
import { minifyGlue } from './minify-glue.mjs';
import { precompress } from './precompress.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run me as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)');
const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
const release = process.env.TRUNK_PROFILE === 'release';

/** Replaces every `<link rel="stylesheet">` Trunk wrote with one link to their concatenation. */
async function bundleStylesheets(html) {
  const links = [...html.matchAll(/[ \t]*<link rel="?stylesheet"? href="?([^"\s>]+)"?[^>]*>\n?/g)];
  if (links.length < 2) return html;
  const files = links.map(([, href]) => {
    if (!href.startsWith(publicUrl)) throw new Error(`stylesheet ${href} is not under ${publicUrl}`);
    return path.join(dir, href.slice(publicUrl.length));
  });
  const css = (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
  const name = `console-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  await writeFile(path.join(dir, name), css);
  await Promise.all(files.map((file) => rm(file)));
  const [first, ...rest] = links.map(([tag]) => tag);
  const indent = first.match(/^[ \t]*/)[0];
  let bundled = html.replace(first, `${indent}<link rel="stylesheet" href="${publicUrl}${name}" integrity="${integrity}"/>\n`);
  for (const tag of rest) bundled = bundled.replace(tag, '');
  return bundled;
}

/** Writes the public URL into the page's meta and its marked root-relative hrefs. */
function applyPublicUrl(html) {
  const meta = /<meta name="?public-url"? content=(?:"[^"]*"|[^\s>]*)/;
  if (!meta.test(html)) throw new Error('index.html has no <meta name="public-url" content="…">');
  return html
    .replace(meta, `<meta name="public-url" content="${publicUrl}"`)
    .replace(/href="?\/([^"\s>]*)"?(\s+)data-public-href/g, (_, rest, space) => `href="${publicUrl}${rest}"${space}`.trimEnd());
}

const file = path.join(dir, 'index.html');
const page = applyPublicUrl(await bundleStylesheets(await readFile(file, 'utf8')));
const html = pinInlineScriptHashes(allowConnections(page, extraConnectOrigins(process.env.CONNECT_ORIGINS)));
await writeFile(file, html);
await writeDeepLinkFallbacks(dir, html, publicUrl);
if (release) {
  await minifyGlue(dir);
  await precompress(dir);
}
