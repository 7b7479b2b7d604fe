// Where Confirm's milliseconds go, by timeline marks in the page (not a profiler): for the
// click (300 ms after the tick) and the pointer press at 10 and 10,000 applications, when the lock was
// requested and granted, the marker query answered, each setItem ran, the status text appeared
// and the frame was painted, all relative to the click. Median of BREAKDOWN_RUNS (5).
//
//   node bench/confirm-breakdown.mjs [distDir]
import path from 'node:path';
import os from 'node:os';
import { launchBrowser, seedStorage, serve } from './support/browser.mjs';
import { seedApplications, rotationTarget } from './support/seed.mjs';
import { benchHooks } from './support/in-page.mjs';

const [root = 'dist'] = process.argv.slice(2);
const RUNS = Number(process.env.BREAKDOWN_RUNS ?? 5);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function timelineHooks() {
  const marks = [];
  window.__marks = marks;
  const mark = (name) => marks.push([name, performance.now()]);
  const { request, query } = LockManager.prototype;
  LockManager.prototype.request = function markedRequest(name, ...rest) {
    const short = name.startsWith('client-secret-console.written.') ? 'marker' : 'lock';
    mark(`${short} requested`);
    const callback = rest.pop();
    return request.call(this, name, ...rest, (lock) => {
      mark(`${short} granted`);
      return callback(lock);
    });
  };
  LockManager.prototype.query = function markedQuery() {
    mark('query asked');
    return query.call(this).then((snapshot) => {
      mark('query answered');
      return snapshot;
    });
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function markedSetItem(key, value) {
    mark(`setItem ${key.split('.').slice(2, 3)} start`);
    const result = setItem.call(this, key, value);
    mark('setItem end');
    return result;
  };
}

async function timeline({ confirm, status, pressMs }) {
  const bench = window.__bench;
  const marks = window.__marks;
  const announced = () => status.textContent.includes('New client secret generated');
  marks.length = 0;
  let started;
  if (pressMs !== undefined) {
    started = performance.now();
    confirm.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, isPrimary: true }));
    await new Promise((resolve) => setTimeout(resolve, pressMs));
    confirm.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, isPrimary: true }));
  }
  const clicked = performance.now();
  confirm.click();
  const clickReturned = performance.now();
  const updated = await bench.until(announced);
  const painted = await bench.afterNextPaint();
  const relative = (at) => Math.round((at - clicked) * 10) / 10;
  return {
    marks: [['click handler returned', clickReturned], ...marks, ['status in DOM', updated], ['painted', painted]].map(([name, at]) => [name, relative(at)]),
  };
}

const server = await serve(path.resolve(root));
const browser = await launchBrowser();
const results = {};
try {
  for (const count of [10, 10_000]) {
    const { applications, items } = seedApplications(count, Date.now(), { withFullLog: count > 10 });
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(benchHooks);
      await context.addInitScript(timelineHooks);
      await seedStorage(context, server.url, items);
      const page = await context.newPage();
      const target = rotationTarget(applications);
      for (const pressMs of [undefined, 100]) {
        await page.goto(`${server.url}/applications/${target.id}/configuration`);
        await page.getByRole('region', { name: 'Client Secret' }).getByRole('button', { name: 'Generate New Secret' }).click();
        const dialog = page.getByRole('dialog', { name: 'Generate New Secret' });
        await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
        await sleep(300);
        const confirm = dialog.getByRole('button', { name: 'Confirm' });
        const { marks } = await page.evaluate(timeline, {
          confirm: await confirm.elementHandle(),
          status: await page.getByRole('status').elementHandle(),
          pressMs,
        });
        const key = `${count} ${pressMs === undefined ? 'click 300 ms after the tick' : 'pointer press'}`;
        (results[key] ??= []).push(marks);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const [key, runs] of Object.entries(results)) {
  console.log(`\n${key} (median of ${runs.length}, ms after the click)`);
  const names = runs[0].map(([name], index) => `${index}:${name}`);
  for (const [index, label] of names.entries()) {
    const values = runs.map((marks) => marks[index]?.[1]).filter((value) => value !== undefined);
    const sameName = runs.every((marks) => marks[index]?.[0] === runs[0][index][0]);
    console.log(`${String(median(values)).padStart(8)}  ${label}${sameName ? '' : ' (order differs between runs)'}`);
  }
}
