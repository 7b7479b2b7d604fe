// Minifies wasm-bindgen's JS glue (release builds; run by scripts/post-build.mjs). Trunk's own JS
// minifier (minify-js) gives up on the glue (`export default`) and copies it as it is; terser
// takes it from 55 KB to 25 KB (7.9 to 6.1 KB brotli). The glue carries no integrity hash (the
// rust link has data-integrity="none"), so rewriting it in place is safe.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minify } from 'terser';

/** Minifies every .js file directly in `dir` in place. */
export async function minifyGlue(dir) {
  for (const name of (await readdir(dir)).filter((file) => file.endsWith('.js'))) {
    const file = path.join(dir, name);
    const { code } = await minify(await readFile(file, 'utf8'), { module: true, compress: { passes: 2 }, mangle: true });
    await writeFile(file, code);
  }
}
