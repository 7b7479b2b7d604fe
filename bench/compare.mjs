// Two or more builds side by side on the list's interactions at 10,000 applications, interleaved
// (build A, build B, A, B, ...) so a machine whose speed drifts during the run (this one varies by
// a third from minute to minute) weighs on every build alike. bench/run.mjs measures one build
// and everything; this answers "is this change faster" with many samples of a few actions.
//
//   node bench/compare.mjs dist /tmp/other-dist [...]     (COMPARE_ROUNDS=4, COMPARE_REPEATS=5)
//
// Each round opens every build once in a fresh context with the benchmark's 10,000 applications
// (full activity log), then repeats: Sort change to Oldest secret first and back to Name, Status
// filter change to Rotation in progress and back, a search keystroke ("k") and its clearing. It
// prints the median and quartiles of each action per build, in milliseconds to the painted frame.
//
//   COMPARE_REPEATS=0 node bench/compare.mjs ...   first list paint only (a build from before the
//                                                  list's filters and sort can then take part)
//   COMPARE_LOG=0 ...                              without the activity log in storage
import path from 'node:path';
import { launchBrowser, openPage, seedStorage, serve } from './support/browser.mjs';
import { seedApplications, expectedSearch } from './support/seed.mjs';
import { benchHooks, timeSearch, timeSelect } from './support/in-page.mjs';

const dists = process.argv.slice(2);
if (dists.length < 2) {
  console.error('usage: node bench/compare.mjs <distDir> <distDir> [...]');
  process.exit(2);
}
const ROUNDS = Number(process.env.COMPARE_ROUNDS ?? 4);
const REPEATS = Number(process.env.COMPARE_REPEATS ?? 5);
const COUNT = 10_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const WITH_LOG = process.env.COMPARE_LOG !== '0';

const { applications, items } = seedApplications(COUNT, Date.now(), { withFullLog: WITH_LOG });
const servers = await Promise.all(dists.map((dist) => serve(path.resolve(dist))));
const browser = await launchBrowser();
/** samples[build][action] = [ms, ...] */
const samples = dists.map(() => ({}));
const add = (build, action, ms) => (samples[build][action] ??= []).push(ms);

async function measure(build) {
  const session = await openPage(browser, servers[build].url);
  await session.context.addInitScript(benchHooks);
  await seedStorage(session.context, servers[build].url, items);
  await session.page.close();
  const page = await session.newPage();
  await page.goto('/applications', { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.firstListPaint !== undefined, null, { timeout: 30_000, polling: 100 });
  const marks = await page.evaluate(() => {
    const { firstListPaint, wasmInstantiated, firstListInDom } = window.__bench;
    return { firstListPaint, wasmInstantiated, firstListInDom };
  });
  add(build, 'first list paint', marks.firstListPaint);
  add(build, '… of which: wasm instantiated', marks.wasmInstantiated);
  add(build, '… of which: first list row in DOM', marks.firstListInDom);
  if (REPEATS > 0) await repeatActions(page, build);
  await session.context.close();
}

/** The list's interactions, `REPEATS` times each, on a loaded page. */
async function repeatActions(page, build) {
  await sleep(1500); // the activity log is read when idle after the first paint
  const select = async (name) => page.getByRole('combobox', { name, exact: true }).elementHandle();
  const [sort, status] = [await select('Sort'), await select('Status')];
  const input = await page.getByRole('searchbox').elementHandle();
  const firstMatch = expectedSearch(applications, 'k').firstId;
  const firstOfAll = expectedSearch(applications, '').firstId;
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    for (const [action, run] of [
      ['sort: Oldest secret first', () => page.evaluate(timeSelect, { select: sort, value: 'oldest-secret' })],
      ['sort: back to Name', () => page.evaluate(timeSelect, { select: sort, value: 'name' })],
      ['filter: Rotation in progress', () => page.evaluate(timeSelect, { select: status, value: 'rotation-in-progress' })],
      ['filter: back to all', () => page.evaluate(timeSelect, { select: status, value: '' })],
      ['search keystroke', () => page.evaluate(timeSearch, { input, text: 'k', firstId: firstMatch })],
      ['clear search', () => page.evaluate(timeSearch, { input, text: '', firstId: firstOfAll })],
    ]) {
      add(build, action, (await run()).paint);
      await sleep(250);
    }
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
try {
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (let build = 0; build < dists.length; build += 1) {
      console.error(`round ${round}/${ROUNDS}: ${dists[build]}`);
      await measure(build);
    }
  }
  const actions = Object.keys(samples[0]);
  console.log(`| action (ms to the painted frame: median, quartiles) | ${dists.join(' | ')} |`);
  console.log(`| --- |${dists.map(() => ' ---: |').join('')}`);
  for (const action of actions) {
    const cells = samples.map((byAction) => {
      const values = [...(byAction[action] ?? [])].sort((a, b) => a - b);
      if (values.length === 0) return 'n/a';
      return `${quantile(values, 0.5).toFixed(1)} (${quantile(values, 0.25).toFixed(1)}-${quantile(values, 0.75).toFixed(1)}, n=${values.length})`;
    });
    console.log(`| ${action} | ${cells.join(' | ')} |`);
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.close?.()));
}
