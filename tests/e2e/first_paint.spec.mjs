// The first paint before the wasm: index.html paints the console's frame with the real stylesheet,
// and the app takes it over without moving anything (CLS 0), at desktop width and at 360 px.
import { test, expect } from './fixtures.mjs';
import { DEMO_APPS, entries, heading } from './support/app.mjs';
import {
  cumulativeLayoutShift, frameGeometry, holdBackTheWasm, movedParts, painted, recordLayoutShifts,
} from './support/first_paint.mjs';

/** Each main navigation link as its address and its label (the live "N due" count left out: the
 * static frame cannot know it, and the badge ends its label's line, so nothing else moves). */
const navigationLinks = (page) =>
  page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => `${link.getAttribute('href')} ${link.firstChild?.textContent?.trim()}`));

for (const [width, height] of [[1280, 800], [360, 740]]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test('before the wasm arrives the page shows the top bar, the navigation, the heading and a loading line, styled', async ({ page }) => {
      await holdBackTheWasm(page);
      await page.goto('/');
      const frame = page.locator('#first-paint');
      await expect(frame.locator('.topbar')).toContainText('Client Secret Console');
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' })).toBeVisible();
      await expect(frame.getByText('Applications', { exact: true }).last()).toBeVisible();
      await expect(frame.getByText('Loading applications…')).toBeVisible();
      await expect(page.getByRole('main')).toHaveAttribute('aria-busy', 'true');
      const topBar = await frame.locator('.topbar').evaluate((element) => getComputedStyle(element).height);
      expect(topBar, 'the stylesheet applies to the frame').toBe('52px');
    });

    test('the app takes the frame over without layout shift, with the same navigation', async ({ page }) => {
      await recordLayoutShifts(page);
      const release = await holdBackTheWasm(page);
      await page.goto('/');
      await expect(page.getByText('Loading applications…')).toBeVisible();
      await painted(page);
      const before = await frameGeometry(page);
      const linksBefore = await navigationLinks(page);
      release();
      await expect(heading(page)).toBeVisible();
      await expect(page.locator('#first-paint')).toHaveCount(0);
      await painted(page);
      expect(movedParts(before, await frameGeometry(page)), 'no part of the frame moved').toEqual([]);
      expect(await navigationLinks(page), 'the frame had the app\'s navigation').toEqual(linksBefore);
      expect(await cumulativeLayoutShift(page)).toBe(0);
    });

    test('the largest text painted is the frame\'s page intro, before the wasm arrives, and no row of the list outgrows it', async ({ page }) => {
      await page.addInitScript(() => {
        window.__largestPaints = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            window.__largestPaints.push({ time: entry.startTime, className: entry.element?.className ?? '' });
          }
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      const release = await holdBackTheWasm(page);
      await page.goto('/');
      await expect(page.getByText('Loading applications…')).toBeVisible();
      await painted(page);
      const wasmReleasedAt = await page.evaluate(() => performance.now());
      release();
      await expect(entries(page)).toHaveCount(DEMO_APPS.length);
      await painted(page);
      const paints = await page.evaluate(() => window.__largestPaints);
      expect(paints.length, 'Chromium reported a largest contentful paint').toBeGreaterThan(0);
      const largest = paints.at(-1);
      expect(largest.className).toBe('page-intro');
      expect(largest.time).toBeLessThan(wasmReleasedAt);
    });
  });
}
