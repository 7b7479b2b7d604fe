// Pins the Content-Security-Policy to the exact inline scripts of a built page. Trunk's inline
// bootstrap names hashed file names, so its SHA-256 changes every build; this replaces the
// INLINE_SCRIPT_HASHES placeholder in index.html's CSP meta with the hash of every inline script.
// Run by scripts/post-build.mjs (the Trunk post_build hook) after the last change to the page.
import { createHash } from 'node:crypto';

/** `html` with INLINE_SCRIPT_HASHES replaced by the 'sha256-…' source of each inline script. */
export function pinInlineScriptHashes(html) {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
  if (!html.includes('INLINE_SCRIPT_HASHES')) throw new Error('index.html has no INLINE_SCRIPT_HASHES placeholder');
  return html.replace('INLINE_SCRIPT_HASHES', hashes.join(' '));
}

/** PingOne's regional API and authorization hosts (North America, Canada, Europe, Australia,
 * Singapore, Asia-Pacific): what a connected console calls. */
export const PINGONE_ORIGINS = ['com', 'ca', 'eu', 'com.au', 'sg', 'asia'].flatMap((tld) => [
  `https://api.pingone.${tld}`,
  `https://auth.pingone.${tld}`,
]);

/** The origins `CONNECT_ORIGINS` names (space-separated, e.g. a custom domain), each checked to
 * be an origin alone (scheme, host, port) so nothing else slips into the policy. */
export function extraConnectOrigins(text = '') {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((origin) => {
      const url = new URL(origin);
      if (url.origin !== origin.replace(/\/$/, '') || !['https:', 'http:'].includes(url.protocol)) {
        throw new Error(`CONNECT_ORIGINS: ${origin} is not an origin (scheme://host[:port])`);
      }
      return url.origin;
    });
}

/** `html` with the CSP's `connect-src 'self'` widened to PingOne's hosts and `extra` origins. */
export function allowConnections(html, extra = []) {
  const sources = ["'self'", ...PINGONE_ORIGINS, ...extra].join(' ');
  if (!html.includes("connect-src 'self';")) throw new Error("index.html's CSP has no connect-src 'self'");
  return html.replace("connect-src 'self';", `connect-src ${sources};`);
}
