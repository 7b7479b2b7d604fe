// Trunk post_build hook: pins Content-Security-Policy to the exact inline bootstrap script Trunk
// wrote. Its text names hashed file names, so its SHA-256 changes every build; this replaces the
// INLINE_SCRIPT_HASHES placeholder in index.html's CSP meta with the hash of every inline script.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run me as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)');
const file = path.join(dir, 'index.html');
const html = await readFile(file, 'utf8');
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
if (!html.includes('INLINE_SCRIPT_HASHES')) throw new Error('index.html has no INLINE_SCRIPT_HASHES placeholder');
await writeFile(file, html.replace('INLINE_SCRIPT_HASHES', hashes.join(' ')));
