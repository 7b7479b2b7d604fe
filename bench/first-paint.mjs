// The first paint before the wasm, measured: loads the built site with the wasm held back, takes
// the geometry of the frame index.html paints (and a screenshot), lets the wasm through, takes the
// same geometry of the app's own frame, and reports the layout shift Chromium recorded
// (PerformanceObserver 'layout-shift', the CLS sum) at desktop and 360 px, light and dark.
//
//   node bench/first-paint.mjs [dist] [screenshot dir]
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createStaticHost } from '../scripts/static-host.mjs';
import { CHROMIUM_ARGS } from '../playwright.config.mjs';
import {
  cumulativeLayoutShift, frameGeometry, holdBackTheWasm, movedParts, painted, recordLayoutShifts,
} from '../tests/e2e/support/first_paint.mjs';

const root = path.resolve(process.argv[2] ?? 'dist');
const shots = process.argv[3];
const server = createStaticHost({ root });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
let failures = 0;
for (const [label, viewport, colorScheme] of [
  ['desktop light', { width: 1280, height: 800 }, 'light'],
  ['desktop dark', { width: 1280, height: 800 }, 'dark'],
  ['360 px light', { width: 360, height: 740 }, 'light'],
  ['360 px dark', { width: 360, height: 740 }, 'dark'],
]) {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => ['error', 'warning'].includes(message.type()) && errors.push(message.text()));
  await recordLayoutShifts(page);
  const release = await holdBackTheWasm(page);
  await page.goto(`${origin}/`);
  await page.waitForSelector('#first-paint .first-paint__loading');
  await painted(page);
  const before = await frameGeometry(page);
  if (shots) await page.screenshot({ path: path.join(shots, `frame-${label.replaceAll(' ', '-')}.png`) });
  release();
  await page.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
  await page.waitForTimeout(500);
  const moved = movedParts(before, await frameGeometry(page));
  if (shots) await page.screenshot({ path: path.join(shots, `app-${label.replaceAll(' ', '-')}.png`) });
  const cls = await cumulativeLayoutShift(page);
  console.log(`${label}: CLS ${cls.toFixed(4)}; frame parts that moved: ${moved.length ? moved.join('; ') : 'none'}; console errors: ${errors.length}`);
  if (cls > 0 || moved.length || errors.length) failures += 1;
  await context.close();
}
await browser.close();
server.close();
process.exit(failures ? 1 : 0);
