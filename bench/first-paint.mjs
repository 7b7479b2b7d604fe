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

const root = path.resolve(process.argv[2] ?? 'dist');
const shots = process.argv[3];
const server = createStaticHost({ root });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/**
 * What must not move when the app takes over: boxes (x, y, width, height), the containers whose
 * height follows the page's content (x, y, width), and the texts (the box of the text itself).
 */
const FRAME = {
  'top bar': ['box', '.topbar'],
  logo: ['box', '.topbar__logo'],
  product: ['text', '.topbar__product'],
  navigation: ['top', 'nav.sidebar'],
  'navigation link': ['box', '.sidebar__link'],
  content: ['top', 'main#main'],
  heading: ['text', '.page-header h1, .page-header__title'],
};

const boxes = (page) =>
  page.evaluate((frame) => {
    const measure = ([kind, selector]) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      let rect = element.getBoundingClientRect();
      if (kind === 'text') {
        const range = document.createRange();
        range.selectNodeContents(element);
        rect = range.getBoundingClientRect();
      }
      const values = kind === 'top' ? [rect.x, rect.y, rect.width] : [rect.x, rect.y, rect.width, rect.height];
      return values.map((value) => Math.round(value * 100) / 100).join(',');
    };
    return Object.fromEntries(Object.entries(frame).map(([name, what]) => [name, measure(what)]));
  }, FRAME);

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
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${origin}/`);
  await page.waitForSelector('#first-paint .first-paint__loading');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const before = await boxes(page);
  if (shots) await page.screenshot({ path: path.join(shots, `frame-${label.replaceAll(' ', '-')}.png`) });
  release();
  await page.getByRole('heading', { name: 'Applications', level: 1 }).waitFor();
  await page.waitForTimeout(500);
  const after = await boxes(page);
  if (shots) await page.screenshot({ path: path.join(shots, `app-${label.replaceAll(' ', '-')}.png`) });
  const cls = await page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));
  const moved = Object.keys(FRAME).filter((name) => before[name] !== after[name]);
  console.log(`${label}: CLS ${cls.toFixed(4)}; frame boxes that moved: ${moved.length ? moved.map((name) => `${name} ${before[name]} -> ${after[name]}`).join('; ') : 'none'}; console errors: ${errors.length}`);
  if (cls > 0 || moved.length || errors.length) failures += 1;
  await context.close();
}
await browser.close();
server.close();
process.exit(failures ? 1 : 0);
