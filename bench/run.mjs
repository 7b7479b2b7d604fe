// The browser benchmark: serves dist/ on 127.0.0.1, drives Debian's headless Chromium through
// playwright-core (both as the end-to-end suite does, bench/support/browser.mjs) and prints a
// Markdown table (median, min and max of BENCH_RUNS runs, 5 by default) that is also written to
// bench/results/latest.md. See bench/README.md.
//
// It reports and never judges timings: the exit code is 0 whenever it could measure, and
// non-zero only when it could not run (no dist/, no browser, seeded data refused, a metric
// with no sample at all).
import { cp, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedApplications, rotationTarget, expectedSearch, KEY_PREFIX, RECORD_PREFIX } from './support/seed.mjs';
import { benchHooks, timeSearch, timeSelect, timeRotation, storedFootprint, storageFloor } from './support/in-page.mjs';
import { BUDGETS, pageAssets, weightByKind, startGzipServer } from './support/page-weight.mjs';
import { Samples, metricsTable, weightTable } from './support/report.mjs';
import { launchBrowser, openPage, seedStorage, serve } from './support/browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The built site: dist/, or the directory given as the first argument (another build to compare). */
const DIST = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
const RESULTS = path.join(ROOT, 'bench', 'results', 'latest.md');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const SMALL = 10;
const LARGE = 10_000;
const SEARCH_TEXT = 'k';
/** How long a pointer press lasts before its click (a quick mouse click is ~100 ms). */
const PRESS_MS = 100;
/** A click long after the tick (longer than the 3 s a lock taken ahead was once kept unused). */
const LATE_CLICK_MS = 3_500;
/** The console's cross-tab lock: another tab's request for it makes a lock taken ahead yield. */
const LOCK_NAME = 'client-secret-console.writes';
const UTF16 = 2;

const progress = (message) => process.stderr.write(`bench: ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sizeLabel = (count) => count.toLocaleString('en-US');

class CannotRun extends Error {}

/**
 * Copies dist/ to a temporary directory once no Trunk build is staging into it, so a rebuild
 * during the run cannot mix two builds. Returns the copy's path.
 */
async function snapshotDist() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new CannotRun('dist/index.html is missing: build the site first with ./scripts/dev.sh build');
  }
  for (let waited = 0; existsSync(path.join(DIST, '.stage')) && waited < 180; waited += 2) {
    if (waited === 0) progress('a Trunk build is staging into dist/; waiting for it to finish');
    await sleep(2000);
  }
  for (let attempt = 1; ; attempt += 1) {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'csc-bench-dist-'));
    await cp(DIST, copy, { recursive: true, filter: (source) => !source.includes(`${path.sep}.stage`) });
    try {
      const assets = await pageAssets(copy);
      return { copy, assets };
    } catch (error) {
      await rm(copy, { recursive: true, force: true });
      if (attempt === 3) throw new CannotRun(`dist/ is incomplete (${error.message}): rebuild it with ./scripts/dev.sh build`);
      await sleep(5000);
    }
  }
}

/**
 * A fresh context (cold cache, empty storage) and a page with the in-page hooks. With `seed` (an
 * items object), the items are written from a same-origin document that is not the app (so the
 * app cannot seed its demo data first), and the returned page is a new one: a new renderer must
 * then load the stored data as on a real return visit, where the seeding page's renderer would
 * already hold it in memory.
 */
async function freshPage(browser, url, seed) {
  const session = await openPage(browser, url);
  await session.context.addInitScript(benchHooks);
  if (!seed) return session;
  try {
    await seedStorage(session.context, url, seed);
  } catch (error) {
    throw new CannotRun(error.message);
  }
  await session.page.close();
  const page = await session.newPage();
  await sleep(500); // let the browser settle the closed pages before the timed load
  return { ...session, page };
}

/** Navigates to `route` and waits for the first painted list row; returns the in-page marks. */
async function loadList(page, route) {
  await page.goto(route, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.firstListPaint !== undefined, null, { timeout: 30_000, polling: 100 });
  return page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'));
    return {
      paint: window.__bench.firstListPaint,
      inDom: window.__bench.firstListInDom,
      wasmFetched: wasm?.responseEnd,
      wasmInstantiated: window.__bench.wasmInstantiated,
      countLine: document.querySelector('.list-count')?.textContent ?? '',
      alerts: [...document.querySelectorAll('main [role="alert"]')].map((alert) => alert.textContent.trim()),
    };
  });
}

function checkLoaded(marks, count) {
  if (!marks.countLine.replace(/,/g, '').includes(String(count)) || marks.alerts.length > 0) {
    throw new CannotRun(
      `the app did not load the ${count} seeded applications (list says "${marks.countLine}"; alerts: ${marks.alerts.join(' | ') || 'none'}). ` +
        'Has the storage format in src/storage/record.rs changed? Update bench/support/seed.mjs to match.',
    );
  }
}

/** The JS heap after a full garbage collection, and the wasm instance's linear memory. */
async function memory(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const wasmBytes = await page.evaluate(() => window.__bench.wasm?.memory?.buffer?.byteLength ?? NaN);
  return { heap: usedSize, wasm: wasmBytes };
}

/**
 * Opens Generate New Secret, acknowledges, waits `settleMs`, and times Confirm (pressed `pressMs`
 * before the click, if given). Ticking takes the cross-tab lock ahead, held until the click; with
 * `lockTakenAway`, a request for the lock (as another tab's command makes) is granted first, so
 * the lock yields and the click has to request it itself.
 */
async function rotate(page, { pressMs, settleMs = 300, lockTakenAway = false } = {}) {
  await page.getByRole('region', { name: 'Client Secret' }).getByRole('button', { name: 'Generate New Secret' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate New Secret' });
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
  const confirm = dialog.getByRole('button', { name: 'Confirm' });
  for (let waited = 0; !(await confirm.isEnabled()); waited += 50) {
    if (waited > 5000) throw new Error('Confirm stayed disabled');
    await sleep(50);
  }
  await sleep(settleMs); // let the dialog's opening settle, so only the rotation is timed
  if (lockTakenAway) {
    // Resolves once the lock was granted to this request and let go again.
    await page.evaluate((name) => navigator.locks.request(name, () => {}), LOCK_NAME);
    await sleep(settleMs);
  }
  return page.evaluate(timeRotation, {
    confirm: await confirm.elementHandle(),
    status: await page.getByRole('status').elementHandle(),
    pressMs,
  });
}

function declareMetrics(samples, data) {
  const large = sizeLabel(LARGE);
  const matches = expectedSearch(data[LARGE].applications, SEARCH_TEXT).count;
  samples.define('Bytes transferred on load from a gzip-encoding server', {
    unit: 'KiB',
    note: `measured by Chromium (bodies + headers, favicon included); the gzip budget is ${BUDGETS.gzip / 1024} KiB for wasm + JS + CSS + HTML`,
  });
  samples.define('First visit (demo data created): navigation → first list paint', { unit: 'ms', note: 'empty storage; the app writes its 11 demo applications first' });
  for (const size of [sizeLabel(SMALL), large]) {
    samples.define(`${size} applications: navigation → first list paint`, { unit: 'ms', note: size === large ? 'the rows the window holds first, the rest of the page of 50 after that paint' : '' });
    samples.define(`… of which: navigation → wasm downloaded (${size})`, { unit: 'ms', note: 'resource timing responseEnd of the .wasm' });
    samples.define(`… of which: navigation → wasm instantiated (${size})`, { unit: 'ms', note: 'the app\'s main() starts right after' });
    samples.define(`… of which: navigation → first list row in DOM (${size})`, {
      unit: 'ms',
      note: 'since instantiation: loading storage, building state, rendering; after it: style, layout, paint',
    });
  }
  samples.define(`Browser's own storage work, no app code (${large}): load, list, read`, {
    unit: 'ms',
    note: 'a blank same-origin page in a fresh renderer, plain JavaScript: the floor under the app\'s start-up after instantiation',
  });
  samples.define(`… of which: first access loads the storage area (${large})`, { unit: 'ms', note: 'the whole origin\'s localStorage, records and activity log' });
  samples.define(`… of which: Object.keys (${large})`, { unit: 'ms', note: '' });
  samples.define(`… of which: getItem of every record (${large})`, { unit: 'ms', note: '' });
  samples.define(`Search keystroke → painted result (${SMALL})`, { unit: 'ms', note: `one input event with "${SEARCH_TEXT}"` });
  samples.define(`Search keystroke → painted result (${large})`, {
    unit: 'ms',
    note: `"${SEARCH_TEXT}" matches ${matches.toLocaleString('en-US')} of ${large}`,
  });
  samples.define(`… of which: keystroke → list DOM updated (${large})`, { unit: 'ms', note: 'script work: filter, diff, DOM writes' });
  samples.define(`Clear search → painted full list (${large})`, { unit: 'ms', note: '' });
  samples.define(`Sort change (Oldest secret first) → painted list (${large})`, { unit: 'ms', note: 'target: one frame (16 ms)' });
  samples.define(`Status filter change (Rotation in progress) → painted list (${large})`, { unit: 'ms', note: 'target: one frame (16 ms)' });
  samples.define(`Generate New Secret: Confirm → painted confirmation (${SMALL})`, { unit: 'ms', note: 'Retain for 30 Days (the default)' });
  samples.define(`Generate New Secret: Confirm → painted confirmation (${large})`, {
    unit: 'ms',
    note: 'Retain for 30 Days (the default); clicked 300 ms after the tick, which took the lock ahead',
  });
  samples.define(`… of which: Confirm → status text in DOM (${large})`, { unit: 'ms', note: '' });
  samples.define(`Generate New Secret: pointer press, then Confirm click → painted confirmation (${large})`, {
    unit: 'ms',
    note: `pointerdown ${PRESS_MS} ms before the click, as a mouse or touch press; the lock is taken during the press`,
  });
  samples.define(`Generate New Secret: Confirm clicked ${LATE_CLICK_MS / 1000} s after the tick → painted confirmation (${large})`, {
    unit: 'ms',
    note: 'the lock taken at the tick is still held',
  });
  samples.define(`Generate New Secret: Confirm clicked after another request took the lock → painted confirmation (${large})`, {
    unit: 'ms',
    note: 'the lock taken at the tick yielded to that request: the click requests it itself',
  });
  samples.define(`localStorage bytes written per rotation (${SMALL})`, { unit: 'B', note: 'key + value, UTF-16 (2 bytes per code unit)' });
  samples.define(`localStorage bytes written per rotation (${large})`, { unit: 'B', note: 'key + value, UTF-16 (2 bytes per code unit)' });
  samples.define(`setItem calls per rotation (${large})`, { unit: 'count', note: '' });
  samples.define(`JS heap used after loading ${SMALL} applications`, { unit: 'MiB', note: 'after a forced GC (CDP Runtime.getHeapUsage)' });
  samples.define(`JS heap used after loading ${large} applications`, { unit: 'MiB', note: 'after a forced GC (CDP Runtime.getHeapUsage)' });
  samples.define(`wasm linear memory after loading ${SMALL} applications`, { unit: 'MiB', note: 'WebAssembly.Memory size (grows, never shrinks)' });
  samples.define(`wasm linear memory after loading ${large} applications`, { unit: 'MiB', note: 'WebAssembly.Memory size (grows, never shrinks)' });
  samples.define(`localStorage per application (${large})`, { unit: 'B', note: 'all console keys incl. the index ÷ count, UTF-16' });
  samples.define(`localStorage per application (demo data written by the app)`, { unit: 'B', note: 'same, for the records the app itself encoded' });
  samples.define(`localStorage total (${large})`, {
    unit: 'MiB',
    note: 'with a full activity log; UTF-16; Chromium allows 10 MiB (5,242,880 code units) per origin',
  });
}

async function measureTransfer(browser, distCopy, samples, warnings) {
  const server = await startGzipServer(distCopy);
  try {
    for (let run = 1; run <= RUNS; run += 1) {
      const session = await freshPage(browser, server.url);
      const finished = [];
      session.context.on('requestfinished', (request) => finished.push(request));
      await loadList(session.page, '/applications');
      await sleep(200);
      let bytes = 0;
      for (const request of finished) {
        const sizes = await request.sizes();
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      }
      samples.add('Bytes transferred on load from a gzip-encoding server', bytes);
      collectProblems(session, 'gzip-served load', warnings);
      await session.context.close();
    }
  } finally {
    await server.close();
  }
}

function collectProblems(session, what, warnings) {
  for (const problem of session.problems) warnings.add(`${what}: ${problem}`);
  for (const request of session.foreignRequests) warnings.add(`${what}: a request to another origin: ${request}`);
}

async function firstVisitRun(browser, url, samples, warnings) {
  const session = await freshPage(browser, url);
  const marks = await loadList(session.page, '/applications');
  samples.add('First visit (demo data created): navigation → first list paint', marks.paint);
  const stored = await session.page.evaluate(storedFootprint, KEY_PREFIX);
  const records = await session.page.evaluate((prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)).length, RECORD_PREFIX);
  samples.add('localStorage per application (demo data written by the app)', (stored.units * UTF16) / records);
  collectProblems(session, 'first visit', warnings);
  await session.context.close();
}

async function seededRun(browser, url, count, data, samples, warnings) {
  const size = sizeLabel(count);
  const { applications, items } = data[count];
  const session = await freshPage(browser, url, items);
  const { page, context } = session;

  const marks = await loadList(page, '/applications');
  checkLoaded(marks, count);
  samples.add(`${size} applications: navigation → first list paint`, marks.paint);
  samples.add(`… of which: navigation → wasm downloaded (${size})`, marks.wasmFetched);
  samples.add(`… of which: navigation → wasm instantiated (${size})`, marks.wasmInstantiated);
  samples.add(`… of which: navigation → first list row in DOM (${size})`, marks.inDom);

  await sleep(500);
  const { heap, wasm } = await memory(context, page);
  samples.add(`JS heap used after loading ${size} applications`, heap);
  samples.add(`wasm linear memory after loading ${size} applications`, wasm);
  if (count === LARGE) {
    const stored = await page.evaluate(storedFootprint, KEY_PREFIX);
    samples.add(`localStorage per application (${size})`, (stored.units * UTF16) / count);
    samples.add(`localStorage total (${size})`, stored.units * UTF16);
  }

  const searchbox = page.getByRole('searchbox');
  await searchbox.focus();
  const input = await searchbox.elementHandle();
  const typed = await page.evaluate(timeSearch, { input, text: SEARCH_TEXT, firstId: expectedSearch(applications, SEARCH_TEXT).firstId });
  samples.add(`Search keystroke → painted result (${size})`, typed.paint);
  if (count === LARGE) {
    samples.add(`… of which: keystroke → list DOM updated (${size})`, typed.dom);
    await sleep(200);
    const cleared = await page.evaluate(timeSearch, { input, text: '', firstId: expectedSearch(applications, '').firstId });
    samples.add(`Clear search → painted full list (${size})`, cleared.paint);
    await sleep(200);
    const sorted = await page.evaluate(timeSelect, {
      select: await page.getByRole('combobox', { name: 'Sort', exact: true }).elementHandle(),
      value: 'oldest-secret',
    });
    samples.add(`Sort change (Oldest secret first) → painted list (${size})`, sorted.paint);
    await sleep(200);
    const filtered = await page.evaluate(timeSelect, {
      select: await page.getByRole('combobox', { name: 'Status', exact: true }).elementHandle(),
      value: 'rotation-in-progress',
    });
    samples.add(`Status filter change (Rotation in progress) → painted list (${size})`, filtered.paint);
  }

  const target = rotationTarget(applications);
  await page.goto(`/applications/${target.id}/configuration`);
  const rotation = await rotate(page);
  samples.add(`Generate New Secret: Confirm → painted confirmation (${size})`, rotation.paint);
  samples.add(`localStorage bytes written per rotation (${size})`, rotation.writes.reduce((sum, write) => sum + (write.key + write.value) * UTF16, 0));
  if (count === LARGE) {
    samples.add(`… of which: Confirm → status text in DOM (${size})`, rotation.dom);
    samples.add(`setItem calls per rotation (${size})`, rotation.writes.length);
    await page.goto(`/applications/${target.id}/configuration`); // a fresh status region
    const pressed = await rotate(page, { pressMs: PRESS_MS });
    samples.add(`Generate New Secret: pointer press, then Confirm click → painted confirmation (${size})`, pressed.paint);
    await page.goto(`/applications/${target.id}/configuration`);
    const late = await rotate(page, { settleMs: LATE_CLICK_MS });
    samples.add(`Generate New Secret: Confirm clicked ${LATE_CLICK_MS / 1000} s after the tick → painted confirmation (${size})`, late.paint);
    await page.goto(`/applications/${target.id}/configuration`);
    const requested = await rotate(page, { lockTakenAway: true });
    samples.add(`Generate New Secret: Confirm clicked after another request took the lock → painted confirmation (${size})`, requested.paint);
  }

  if (count === LARGE) await measureStorageFloor(session, samples);
  collectProblems(session, `${size} applications`, warnings);
  await context.close();
}

/**
 * The browser's own work on the same stored data that the app's start-up cannot avoid, timed in
 * a page of the same origin that runs none of the app's code, in a renderer of its own (the app's
 * page is closed first): the floor under "first list row in DOM" minus "wasm instantiated".
 */
async function measureStorageFloor(session, samples) {
  const size = sizeLabel(LARGE);
  await session.page.close();
  const blank = await session.newPage();
  await blank.goto('/favicon.svg');
  const floor = await blank.evaluate(storageFloor, RECORD_PREFIX);
  samples.add(`Browser's own storage work, no app code (${size}): load, list, read`, floor.total);
  samples.add(`… of which: first access loads the storage area (${size})`, floor.areaLoad);
  samples.add(`… of which: Object.keys (${size})`, floor.listKeys);
  samples.add(`… of which: getItem of every record (${size})`, floor.readRecords);
  await blank.close();
}

/** Runs `step`; a failed run is reported and skipped, a CannotRun ends the benchmark. */
async function attempt(what, step, warnings) {
  try {
    await step();
  } catch (error) {
    if (error instanceof CannotRun) throw error;
    warnings.add(`${what} failed: ${error.message.split('\n')[0]}`);
    progress(`${what} failed: ${error.message.split('\n')[0]}`);
  }
}

async function main() {
  const startedAt = Date.now();
  const loads = [os.loadavg()[0]];
  const { copy, assets } = await snapshotDist();

  let browser;
  let server;
  const warnings = new Set();
  try {
    try {
      browser = await launchBrowser();
    } catch (error) {
      throw new CannotRun(`Chromium did not start (${error.message.split('\n')[0]}); ./scripts/dev.sh test installs it`);
    }
    server = await serve(copy);
    // The large profile also has a full activity log (2,000 events), as a busy console would.
    const data = { [SMALL]: seedApplications(SMALL), [LARGE]: seedApplications(LARGE, Date.now(), { withFullLog: true }) };
    const samples = new Samples();
    declareMetrics(samples, data);

    progress('warming up the browser (one unrecorded run)');
    const scratch = new Samples();
    declareMetrics(scratch, data);
    await attempt('warm-up', () => seededRun(browser, server.url, SMALL, data, scratch, new Set()), warnings);

    progress(`page weight: ${RUNS} loads from a gzip-encoding server`);
    await attempt('transfer measurement', () => measureTransfer(browser, copy, samples, warnings), warnings);
    for (let run = 1; run <= RUNS; run += 1) {
      loads.push(os.loadavg()[0]);
      progress(`run ${run}/${RUNS}: first visit, ${SMALL} and ${sizeLabel(LARGE)} applications`);
      await attempt(`run ${run} (first visit)`, () => firstVisitRun(browser, server.url, samples, warnings), warnings);
      await attempt(`run ${run} (${SMALL})`, () => seededRun(browser, server.url, SMALL, data, samples, warnings), warnings);
      await attempt(`run ${run} (${sizeLabel(LARGE)})`, () => seededRun(browser, server.url, LARGE, data, samples, warnings), warnings);
    }

    const wasmAsset = assets.find((asset) => asset.kind === 'wasm');
    const built = wasmAsset ? (await stat(path.join(copy, wasmAsset.url))).mtime.toISOString() : 'unknown';
    const cpus = os.cpus();
    loads.push(os.loadavg()[0]);
    const busiest = Math.max(...loads);
    if (busiest > cpus.length) {
      warnings.add(
        `The machine was busy (1-minute load average up to ${busiest.toFixed(1)} on ${cpus.length} cores): ` +
          'timings are inflated and spread out; compare medians from a quiet machine.',
      );
    }
    const report = [
      '## Performance benchmark',
      '',
      `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
        `${os.type()} ${os.release()}; 1-minute load average ${loads[0].toFixed(1)} at start, up to ${busiest.toFixed(1)} during the run.`,
      `Browser: headless Chromium ${browser.version()} (playwright-core), fresh context (cold cache) per run, 1280×800.`,
      `Build: ${wasmAsset?.url.slice(1) ?? 'no wasm found'} (built ${built}). ${RUNS} runs per metric; ` +
        `${new Date(startedAt).toISOString()}, took ${Math.round((Date.now() - startedAt) / 1000)} s.`,
      '',
      '### Page weight (the files index.html loads: raw, gzip -9, brotli quality 11)',
      '',
      weightTable(weightByKind(assets), BUDGETS),
      '',
      '### Timings and memory',
      '',
      metricsTable(samples),
      '',
      'Times are from navigation start (performance.timeOrigin) or from the user action, to the end of the rendering work ' +
        'of the frame that shows the result (requestAnimationFrame, then a MessageChannel message). ' +
        `Seeded data: ${sizeLabel(LARGE)} applications in the app's own localStorage format (six types in turn, ` +
        'every seventh confidential OIDC app with a previous secret).',
    ];
    if (warnings.size > 0) report.push('', '### Warnings', '', ...[...warnings].map((warning) => `- ${warning}`));
    const markdown = `${report.join('\n')}\n`;
    process.stdout.write(`\n${markdown}`);
    await mkdir(path.dirname(RESULTS), { recursive: true });
    await writeFile(RESULTS, markdown);
    progress(`written to ${path.relative(ROOT, RESULTS)}`);

    const unmeasured = [...samples.metrics].filter(([, metric]) => metric.values.length === 0).map(([name]) => name);
    if (unmeasured.length > 0) throw new CannotRun(`no sample for: ${unmeasured.join('; ')}`);
  } finally {
    await browser?.close();
    await server?.close();
    await rm(copy, { recursive: true, force: true });
  }
}

main().catch((error) => {
  progress(error instanceof CannotRun ? error.message : error.stack);
  process.exitCode = 1;
});

