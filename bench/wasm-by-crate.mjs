// Where the wasm's bytes are, by crate and (for this crate) by module: twiggy's shallow sizes of
// the build that keeps function names (Trunk's wasm-bindgen output, before wasm-opt strips them),
// summed by the first crate path in each item's name. A generic's copy counts for the crate that
// defines the generic (`<T as reactive_graph::traits::Read>::try_read` is reactive_graph's even
// when T is one of the app's views), so read "reactive_graph" and "tachys" partly as the app's
// views instantiated; what does not name a crate (data, tables, names) is listed as it is.
//
//   cargo install twiggy            (once, about 2 minutes)
//   trunk build --release           (writes $CARGO_TARGET_DIR/wasm-bindgen/release/*_bg.wasm)
//   node bench/wasm-by-crate.mjs [path/to/names-kept_bg.wasm] [rows]
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const target = process.env.CARGO_TARGET_DIR ?? 'target';
const bindgenDir = path.join(target, 'wasm-bindgen', 'release');
const wasm =
  process.argv[2] ??
  path.join(
    bindgenDir,
    readdirSync(bindgenDir).find((name) => name.endsWith('_bg.wasm')) ?? 'missing_bg.wasm',
  );
const ROWS = Number(process.argv[3] ?? 16);

/** twiggy's rows as [name, shallow bytes]. */
function items() {
  const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', wasm], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [, quoted, bare, size] = line.match(/^(?:"((?:[^"]|"")*)"|([^,]*)),(\d+),/) ?? [];
      return [quoted !== undefined ? quoted.replace(/""/g, '"') : bare, Number(size)];
    })
    .filter(([name, size]) => name !== undefined && Number.isFinite(size));
}

const OWN = 'client_secret_console';

/** The crate an item's name starts from, or the name itself for what is not code of a crate. */
function crateOf(name) {
  const path = name.match(/([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  if (!path) return name.startsWith('data segment') ? 'data segments' : 'unnamed (tables, glue, elem)';
  return path[1];
}

/** For this crate's items: `components::details`, `storage`, ... */
function moduleOf(name) {
  const after = name.slice(name.indexOf(`${OWN}::`) + OWN.length + 2);
  const segments = after.split('::');
  const depth = segments[0] === 'components' ? 2 : 1;
  return segments.slice(0, depth).join('::').replace(/[<{].*$/, '');
}

const total = new Map();
const own = new Map();
let all = 0;
let names = 0;
for (const [name, size] of items()) {
  // The name section is what wasm-opt strips from the shipped build: not part of the page.
  if (name.endsWith('names" subsection')) {
    names += size;
    continue;
  }
  all += size;
  const crate = crateOf(name);
  total.set(crate, (total.get(crate) ?? 0) + size);
  if (crate === OWN) {
    const module = moduleOf(name);
    own.set(module, (own.get(module) ?? 0) + size);
  }
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const table = (title, map, whole) => {
  const rows = [...map].sort((a, b) => b[1] - a[1]);
  console.log(`| ${title} | bytes | share |`);
  console.log('| --- | ---: | ---: |');
  for (const [key, size] of rows.slice(0, ROWS)) console.log(`| ${key} | ${kb(size)} | ${((size / whole) * 100).toFixed(1)} % |`);
  const rest = rows.slice(ROWS).reduce((sum, [, size]) => sum + size, 0);
  if (rest > 0) console.log(`| ${rows.length - ROWS} more | ${kb(rest)} | ${((rest / whole) * 100).toFixed(1)} % |`);
  console.log('');
};

console.log(`${path.basename(wasm)}: ${kb(all)} of code and data before wasm-opt (and ${kb(names)} of names, which the shipped build drops)\n`);
table('by crate', total, all);
table(`${OWN} by module`, own, total.get(OWN) ?? 1);
