// What the frame that shows Confirm's change costs the browser, by a DevTools trace
// (devtools.timeline) of one Generate New Secret confirmation at 10,000 applications: when the
// first frame after the click was painted, and how many elements were restyled (and in how many
// ms) before it. Closing a modal dialog restyles the whole page; this says whether that happens
// before or after the change is painted. TRACE_RUNS (3) runs, each line one run.
//
//   node bench/confirm-trace.mjs [distDir]
import path from 'node:path';
import os from 'node:os';
import { launchBrowser, seedStorage, serve } from './support/browser.mjs';
import { seedApplications, rotationTarget } from './support/seed.mjs';
import { benchHooks } from './support/in-page.mjs';

const [root = 'dist'] = process.argv.slice(2);
const RUNS = Number(process.env.TRACE_RUNS ?? 3);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const { applications, items } = seedApplications(10_000, Date.now(), { withFullLog: true });
const target = rotationTarget(applications);

async function traceOneConfirm(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(benchHooks);
  await seedStorage(context, url, items);
  const page = await context.newPage();
  await page.goto(`${url}/applications/${target.id}/configuration`);
  await page.getByRole('region', { name: 'Client Secret' }).getByRole('button', { name: 'Generate New Secret' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate New Secret' });
  await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
  await sleep(300);
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await sleep(100);
  await dialog.getByRole('button', { name: 'Confirm' }).evaluate((confirm) => confirm.click());
  await page.getByRole('status').filter({ hasText: 'New client secret generated' }).waitFor();
  await sleep(200);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  const inOrder = events.sort((a, b) => a.ts - b.ts);
  const clicked = inOrder.find((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'click').ts;
  const painted = inOrder.find((event) => event.name === 'Paint' && event.ts > clicked).ts;
  const restyles = inOrder.filter((event) => event.name === 'UpdateLayoutTree' && event.ts > clicked && event.ts < painted);
  return {
    paintedMs: (painted - clicked) / 1000,
    restyleMs: restyles.reduce((sum, event) => sum + event.dur, 0) / 1000,
    restyled: restyles.reduce((sum, event) => sum + (event.args?.elementCount ?? 0), 0),
  };
}

const server = await serve(path.resolve(root));
const browser = await launchBrowser();
try {
  console.log(`load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  for (let run = 0; run < RUNS; run += 1) {
    const { paintedMs, restyleMs, restyled } = await traceOneConfirm(browser, server.url);
    console.log(`first paint after the click ${paintedMs.toFixed(1)} ms; before it ${restyled} elements restyled in ${restyleMs.toFixed(2)} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
