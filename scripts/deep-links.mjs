// The deep-link fallbacks, one per kind of static host, so that a reloaded or shared address such as
// /applications/<client-id>/configuration reaches the app's router (README "Static hosting" says
// which host reads which, from each host's documentation):
// - _redirects: rules that rewrite (status 200) the app's own routes to index.html, read by Netlify
//   and Cloudflare Pages. Only the routes, never a catch-all: Cloudflare applies a rule even where a
//   file matches, so `/* /index.html 200` would answer the wasm with the page.
// - 200.html: Surge serves it, with status 200, for every path that names no file.
// - 404.html: GitHub Pages serves it, with status 404 (it can do no better), for unknown paths.
//   On Cloudflare Pages a top-level 404.html turns its single-page-app fallback off, which is why
//   the routes are in _redirects; a path that is no route then gets a true 404 there.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The app's top-level routes (the `path!("/…")` routes of src/components/app.rs, which
 * tests/e2e/static_hosts.spec.mjs checks against this list). `/` itself is index.html everywhere.
 */
export const APP_ROUTES = ['/applications', '/rotation', '/activity'];

/** The `_redirects` file for a site served at `publicUrl` (which starts and ends with `/`). */
export function redirectsFile(publicUrl) {
  const page = `${publicUrl}index.html`;
  const rules = APP_ROUTES.flatMap((route) => {
    const at = `${publicUrl}${route.slice(1)}`;
    return [`${at} ${page} 200`, `${at}/* ${page} 200`];
  });
  return `# The console's routes answer 200 with the app (Netlify, Cloudflare Pages); see scripts/deep-links.mjs.\n${rules.join('\n')}\n`;
}

/** Writes the three fallbacks beside `html` (the finished index.html) in `dir`. */
export async function writeDeepLinkFallbacks(dir, html, publicUrl) {
  await writeFile(path.join(dir, '404.html'), html);
  await writeFile(path.join(dir, '200.html'), html);
  await writeFile(path.join(dir, '_redirects'), redirectsFile(publicUrl));
}
