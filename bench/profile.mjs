// Where the time goes: a CPU profile (Chromium's sampling profiler over CDP) of one benchmark
// action at 10,000 applications, summed by function (self time), heaviest first.
//
//   node bench/profile.mjs load|search|sort|filter|confirm [distDir]
//
// The data is the benchmark's 10,000 profile (a full activity log included). `sort` times the
// Sort change to Oldest secret first, `filter` the Status filter change to Rotation in progress.
//
// Function names need a build that keeps the wasm name section, which wasm-opt strips:
//   sed 's/data-wasm-opt="s"/data-wasm-opt="0"/' index.html > index.profile.html
//   trunk build --release=true --dist /tmp/profdist index.profile.html && rm index.profile.html
//   node bench/profile.mjs confirm /tmp/profdist
// (or data-wasm-opt-params="-g" instead of "0": optimised, names kept). Unoptimised wasm is
// slower than the shipped build: read the shares, not the milliseconds.
// PROFILE_INCLUSIVE=1 adds time including callees (PROFILE_MATCH=<text> also lists every function
// whose name contains it); PROFILE_CALLERS=<name> shows who called it; PROFILE_TREE=<ms> prints
// the call tree (top down, same-named children merged) down to calls of at least that many
// milliseconds, which says what each phase of the action costs.
import path from 'node:path';
import { launchBrowser, seedStorage, serve } from './support/browser.mjs';
import { seedApplications, rotationTarget } from './support/seed.mjs';
import { benchHooks, timeSelect } from './support/in-page.mjs';

const ACTIONS = ['load', 'search', 'sort', 'filter', 'confirm'];
/** The select and the value each of `sort` and `filter` chooses, as bench/run.mjs does. */
const SELECTS = { sort: ['Sort', 'oldest-secret'], filter: ['Status', 'rotation-in-progress'] };
const [action = 'confirm', root = 'dist'] = process.argv.slice(2);
if (!ACTIONS.includes(action)) {
  console.error(`usage: node bench/profile.mjs ${ACTIONS.join('|')} [distDir]`);
  process.exit(2);
}
/** PROFILE_APPLICATIONS=10 profiles the small profile instead. */
const COUNT = Number(process.env.PROFILE_APPLICATIONS ?? 10_000);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const server = await serve(path.resolve(root));
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(benchHooks);
  // As bench/run.mjs seeds its 10,000: with a full activity log (and so its head).
  const { applications, items } = seedApplications(COUNT, Date.now(), { withFullLog: true });
  await seedStorage(context, server.url, items);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

  const target = rotationTarget(applications);
  if (action === 'load') {
    await cdp.send('Profiler.start');
    await page.goto(`${server.url}/applications`);
    await page.waitForFunction(() => window.__bench?.firstListPaint !== undefined, null, { timeout: 60_000 });
  } else if (action === 'search') {
    await page.goto(`${server.url}/applications`);
    await page.waitForFunction(() => window.__bench?.firstListPaint !== undefined, null, { timeout: 60_000 });
    const searchbox = page.getByRole('searchbox');
    await cdp.send('Profiler.start');
    for (const text of ['k', '', 'k', '']) {
      await searchbox.fill(text);
      await sleep(100);
    }
  } else if (action in SELECTS) {
    await page.goto(`${server.url}/applications`);
    await page.waitForFunction(() => window.__bench?.firstListPaint !== undefined, null, { timeout: 60_000 });
    await sleep(1000);
    const [name, value] = SELECTS[action];
    const select = await page.getByRole('combobox', { name, exact: true }).elementHandle();
    await cdp.send('Profiler.start');
    await page.evaluate(timeSelect, { select, value });
    await sleep(100);
  } else {
    await page.goto(`${server.url}/applications/${target.id}/configuration`);
    await page.getByRole('region', { name: 'Client Secret' }).getByRole('button', { name: 'Generate New Secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate New Secret' });
    await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
    await sleep(300);
    await cdp.send('Profiler.start');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('status').filter({ hasText: 'New client secret generated' }).waitFor();
    await sleep(100);
  }
  const { profile } = await cdp.send('Profiler.stop');

  // Self time per node from the samples, then summed by function name and location.
  const interval = new Map();
  for (let index = 0; index < profile.samples.length; index += 1) {
    const delta = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    interval.set(profile.samples[index], (interval.get(profile.samples[index]) ?? 0) + delta);
  }
  const byFunction = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const self = interval.get(node.id) ?? 0;
    const { functionName, url } = node.callFrame;
    if (['(idle)', '(program)', '(root)'].includes(functionName)) continue;
    total += self;
    const name = `${functionName || '(anonymous)'}  ${url.split('/').pop()}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + self);
  }
  // Inclusive time per function (a function counted once per stack, however deep it recurses).
  if (process.env.PROFILE_INCLUSIVE) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parentOf = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
    const inclusive = new Map();
    for (const [id, ms] of interval) {
      const seen = new Set();
      for (let at = id; at !== undefined; at = parentOf.get(at)) {
        const name = byId.get(at).callFrame.functionName;
        if (seen.has(name) || ['(idle)', '(program)', '(root)', ''].includes(name)) continue;
        seen.add(name);
        if (id === at && ['(idle)', '(program)'].includes(name)) break;
        inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      }
    }
    console.log('inclusive:');
    const inclusiveRows = Number(process.env.PROFILE_INCLUSIVE) > 1 ? Number(process.env.PROFILE_INCLUSIVE) : 40;
    for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).filter(([name], index) => index < inclusiveRows || (process.env.PROFILE_MATCH && name.includes(process.env.PROFILE_MATCH)))) console.log(`${ms.toFixed(2).padStart(8)} ms  ${name.slice(0, 160)}`);
  }
  if (process.env.PROFILE_TREE) printTree(profile, interval, Number(process.env.PROFILE_TREE));
  console.log(`${action}: ${total.toFixed(1)} ms of script, top functions by self time`);
  for (const [name, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${ms.toFixed(2).padStart(8)} ms  ${(100 * (ms / total)).toFixed(1).padStart(5)} %  ${name.slice(0, 150)}`);
  }
  // With PROFILE_CALLERS=<function name>: who called it, and what it called, by self time.
  const focus = process.env.PROFILE_CALLERS;
  if (focus) {
    const parentOf = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const around = new Map();
    for (const node of profile.nodes.filter((node) => node.callFrame.functionName === focus)) {
      const parent = parentOf.get(node.id)?.callFrame.functionName ?? '(none)';
      const below = (node.children ?? []).map((id) => byId.get(id).callFrame.functionName).join(', ');
      const key = `from ${parent}${below ? ` → ${below}` : ''}`;
      around.set(key, (around.get(key) ?? 0) + (interval.get(node.id) ?? 0));
    }
    for (const [key, ms] of [...around].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms.toFixed(2).padStart(8)} ms  ${key.slice(0, 220)}`);
  }
} finally {
  await browser.close();
  await server.close();
}

/** The call tree from the root, each node's children merged by name, down to `minimumMs`. */
function printTree(profile, interval, minimumMs) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const merged = (ids) => {
    const groups = new Map();
    for (const id of ids) {
      const node = byId.get(id);
      const name = node.callFrame.functionName || '(anonymous)';
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(id);
    }
    return groups;
  };
  const totalOf = (id) => (interval.get(id) ?? 0) + (byId.get(id).children ?? []).reduce((sum, child) => sum + totalOf(child), 0);
  const walk = (ids, depth) => {
    const rows = [...merged(ids)].map(([name, group]) => [name, group, group.reduce((sum, id) => sum + totalOf(id), 0)]);
    for (const [name, group, ms] of rows.sort((a, b) => b[2] - a[2])) {
      if (ms < minimumMs || ['(idle)', '(program)'].includes(name)) continue;
      const self = group.reduce((sum, id) => sum + (interval.get(id) ?? 0), 0);
      console.log(`${ms.toFixed(1).padStart(8)} ms ${self.toFixed(1).padStart(6)} self  ${'  '.repeat(depth)}${name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 140)}`);
      walk(group.flatMap((id) => byId.get(id).children ?? []), depth + 1);
    }
  };
  console.log('call tree (total, self):');
  walk(byId.get(profile.nodes[0].id).children ?? [], 0);
}
