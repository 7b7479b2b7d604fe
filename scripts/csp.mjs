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
