// The Secret Rotation page's first paint with 10,000 stored applications: navigation start to the
// frame that shows the first rows of both tables, median of five fresh profiles. Uses the seeded
// data set of the main benchmark (bench/support/seed.mjs) and the same Chromium.
//
//   trunk build --release --dist dist && cp dist/index.html dist/404.html
//   node bench/rotation_paint.mjs [--count 10000] [--runs 5]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { seedApplications } from './support/seed.mjs';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' }, port: { type: 'string', default: '47393' } } });
const [count, runs] = [Number(values.count), Number(values.runs)];
const origin = `http://127.0.0.1:${values.port}`;

/** Installed before the app's scripts: records when both tables first have a row, then the paint after. */
function paintHook() {
  const rows = () => ['rotations-in-progress-heading', 'rotation-due-heading'].every((id) => document.querySelector(`table[aria-labelledby="${id}"] tbody tr`));
  const observer = new MutationObserver(() => {
    if (!rows()) return;
    observer.disconnect();
    window.__rowsInDom = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__firstPaint = performance.now(); };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];

const server = spawn('node', ['scripts/static-host.mjs', '--root', 'dist', '--port', values.port], { stdio: 'ignore' });
try {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const { items } = seedApplications(count);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 800 } });
    // Seed from a same-origin document that is not the app, so the app does not write its demo data.
    const seeding = await context.newPage();
    await seeding.goto('/favicon.svg');
    await seeding.evaluate((entries) => { for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value); }, items);
    await seeding.close();
    await context.addInitScript(paintHook);
    const page = await context.newPage();
    await page.goto('/rotation', { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__firstPaint !== undefined, null, { timeout: 30_000 });
    const sample = await page.evaluate(() => ({
      inDom: window.__rowsInDom,
      paint: window.__firstPaint,
      due: document.querySelector('table[aria-labelledby="rotation-due-heading"]').closest('section').querySelector('.badge').textContent,
      inProgress: document.querySelector('table[aria-labelledby="rotations-in-progress-heading"]').closest('section').querySelector('.badge').textContent,
    }));
    samples.push(sample);
    console.log(`run ${run + 1}: rows in DOM ${sample.inDom.toFixed(1)} ms, painted ${sample.paint.toFixed(1)} ms (due: ${sample.due}, in progress: ${sample.inProgress})`);
    await context.close();
  }
  await browser.close();
  console.log(`${count} applications, Secret Rotation first paint, median of ${runs}: ${median(samples.map((s) => s.paint)).toFixed(1)} ms (rows in DOM ${median(samples.map((s) => s.inDom)).toFixed(1)} ms)`);
} finally {
  server.kill();
}
