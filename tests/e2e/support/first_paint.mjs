// What "the app takes over the first-paint frame without layout shift" means, measured: the
// geometry of the frame's parts, and the layout shifts Chromium records. Used by
// tests/e2e/first_paint.spec.mjs and bench/first-paint.mjs.

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
  'page intro': ['text', '.page-intro'],
};

/** The geometry of each part of the frame now, by name ("x,y,width[,height]"). */
export const frameGeometry = (page) =>
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

/** The names of the parts whose geometry differs between two measurements, with both values. */
export const movedParts = (before, after) =>
  Object.keys(before)
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name} ${before[name]} -> ${after[name]}`);

/** Before anything loads: records every layout shift not caused by input (for the CLS sum). */
export const recordLayoutShifts = (page) =>
  page.addInitScript(() => {
    window.__layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });

/** The cumulative layout shift recorded so far. */
export const cumulativeLayoutShift = (page) =>
  page.evaluate(() => window.__layoutShifts.reduce((sum, value) => sum + value, 0));

/** Holds back the wasm until the returned function is called: the page shows only its frame. */
export async function holdBackTheWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Waits for two animation frames, so what the page shows has been painted. */
export const painted = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
