// Export and import preview of 10,000 applications in headless Chromium against dist/: the time
// from the Download click to the file handed to the browser, and from the file chosen in Import
// to its preview painted. Prints the median, min and max of BENCH_RUNS runs (5 by default).
//
//   node bench/exchange.mjs      (after `trunk build --release --dist dist`)
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../playwright.config.mjs';
import { seedApplications } from './support/seed.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const COUNT = 10_000;
const PORT = 4191;
const ORIGIN = `http://127.0.0.1:${PORT}`;

const server = spawn(process.execPath, ['scripts/static-host.mjs', '--root', 'dist', '--port', String(PORT)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const { items } = seedApplications(COUNT);
const samples = { export: [], preview: [] };

try {
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    await page.evaluate((entries) => {
      localStorage.clear();
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }, items);
    await page.goto(`${ORIGIN}/`);
    await page.getByText(`of ${COUNT.toLocaleString('en-US')} applications`).or(page.getByText(`of ${COUNT} applications`)).waitFor();

    // Export: Download clicked -> the file's anchor clicked (the JSON built and handed over).
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Include client secrets' }).check();
    await page.evaluate(() => {
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function timed() {
        window.__exported = performance.now();
        return click.call(this);
      };
      document.addEventListener('click', (event) => {
        if (event.target.closest?.('button')?.textContent === 'Download') window.__downloadClicked = performance.now();
      }, { capture: true });
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    samples.export.push(await page.evaluate(() => window.__exported - window.__downloadClicked));
    const file = await readFile(await download.path());

    // Preview: the file's change event -> the preview's summary in the DOM, then the next frame.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.evaluate(() => {
      const input = document.querySelector('#import-file');
      input.addEventListener('change', () => {
        window.__chosen = performance.now();
        const observer = new MutationObserver(() => {
          if (document.querySelector('.import__summary')) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => { window.__previewed = performance.now(); }, 0));
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      }, { capture: true });
    });
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'export.json', mimeType: 'application/json', buffer: file });
    await page.waitForFunction(() => window.__previewed !== undefined, null, { timeout: 30_000 });
    samples.preview.push(await page.evaluate(() => window.__previewed - window.__chosen));
    await context.close();
    process.stderr.write(`bench: run ${run + 1}/${RUNS} done\n`);
  }
} finally {
  await browser.close();
  server.kill();
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
};
const row = (label, values) => {
  const { median, min, max } = stats(values);
  return `| ${label} | ${median.toFixed(0)} ms | ${min.toFixed(0)}-${max.toFixed(0)} ms | 1000 ms |`;
};
console.log(`| metric (${COUNT.toLocaleString('en-US')} applications, ${RUNS} runs) | median | min-max | target |`);
console.log('| --- | ---: | ---: | ---: |');
console.log(row('Export with secrets: Download click to file handed to the browser', samples.export));
console.log(row('Import preview: file chosen to preview painted', samples.preview));
