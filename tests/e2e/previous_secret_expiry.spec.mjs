// A previous secret at or past its expiry is gone (SPEC.md domain rules): with Playwright's fake
// clock, the Previous Client Secret region disappears when the retention ends, without a reload,
// and does not come back after one.
import { test, expect } from './fixtures.mjs';
import {
  DAY, browserNow, generateSecret, openApplications, openConfiguration, previousExpiry, previousRegion, readSecrets,
  secretRegion,
} from './support/app.mjs';

test.use({ clockAt: Date.parse('2026-12-01T09:00:00Z') });

/** Moves the fake clock on by `duration` (ms or a Playwright time string), then lets the app's 1-second tick run. */
async function advance(page, duration) {
  await page.clock.fastForward(duration);
  await page.clock.runFor(2000);
}

test.describe('Expiry of the previous secret', () => {
  test('a secret retained for 1 Day is shown until its expiry, then disappears without a reload and stays gone after one', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await generateSecret(page, 'Retain for 1 Day');
    await expect(previousRegion(page)).toBeVisible();
    const expiresAt = await previousExpiry(page);
    const now = await browserNow(page);
    expect(
      Math.abs(expiresAt - (now + DAY)),
      `expiry ${new Date(expiresAt).toISOString()} is a day after ${new Date(now).toISOString()}`,
    ).toBeLessThan(10_000);
    const { current } = await readSecrets(page);

    await advance(page, '23:58:00');
    await expect(previousRegion(page)).toBeVisible();

    await advance(page, '00:02:00');
    expect(await browserNow(page), 'the page clock is past the expiry').toBeGreaterThanOrEqual(expiresAt);
    await expect(previousRegion(page)).toHaveCount(0);
    await expect(secretRegion(page)).toBeVisible();

    await page.reload();
    await expect(secretRegion(page)).toBeVisible();
    expect(await browserNow(page), 'after the reload the page clock is still past the expiry').toBeGreaterThanOrEqual(expiresAt);
    await expect(previousRegion(page)).toHaveCount(0);
    expect(await readSecrets(page), 'only the new secret remains').toEqual({ current, previous: null });
  });

  test('the demo previous secrets are all gone once their 30-day maximum has passed', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    await expect(previousRegion(page)).toBeVisible();
    await advance(page, 31 * DAY);
    await expect(previousRegion(page)).toHaveCount(0);
    for (const name of ['Field Service App', 'Nightly Report Job']) {
      await openConfiguration(page, name);
      await expect(secretRegion(page)).toBeVisible();
      await expect(previousRegion(page)).toHaveCount(0);
    }
  });
});
