// Precompressed twins for static hosts that serve them as they are (nginx gzip_static and
// brotli_static, Caddy's `precompressed`, scripts/static-host.mjs): `<file>.br` (brotli quality
// 11) and `<file>.gz` (gzip level 9) beside every html, js, wasm, css and svg file, made with
// node's own zlib. Run by scripts/post-build.mjs for release builds, or by hand:
//
//   node scripts/precompress.mjs [dist]
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.svg']);
const toBrotli = promisify(brotliCompress);
const toGzip = promisify(gzip);

/** Writes the .br and .gz twins of every compressible file under `dir`; returns what it wrote. */
export async function precompress(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.has(path.extname(entry.name).toLowerCase()))
    .map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(file);
      const [brotli, gzipped] = await Promise.all([
        toBrotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
        toGzip(bytes, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${file}.br`, brotli), writeFile(`${file}.gz`, gzipped)]);
      return { file: path.relative(dir, file), raw: bytes.length, brotli: brotli.length, gzip: gzipped.length };
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? 'dist');
  for (const { file, raw, brotli, gzip } of await precompress(dir)) {
    console.log(`${file}: ${raw} B, brotli ${brotli} B, gzip ${gzip} B`);
  }
}
