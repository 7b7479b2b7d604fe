// A previous secret at or past its expiry is gone (SPEC.md domain rules): with Playwright's fake
// clock, the Previous Client Secret region disappears when the retention ends, without a reload,
// and does not come back after one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './support/harness.mjs';
import { expect } from './support/expect.mjs';
import {
  DAY, browserNow, generateSecret, openApplications, openConfiguration, previousExpiry, previousRegion, readSecrets,
  secretRegion,
} from './support/app.mjs';

const env = useBrowser();
const START = new Date('2026-12-01T09:00:00Z');

/** Moves the fake clock on by `duration` (ms or a Playwright time string), then lets the app's 1-second tick run. */
async function advance(page, duration) {
  await page.clock.fastForward(duration);
  await page.clock.runFor(2000);
}

describe('Expiry of the previous secret', () => {
  test('a secret retained for 1 Day is shown until its expiry, then disappears without a reload and stays gone after one', () =>
    env.run({ clockAt: START }, async ({ page }) => {
      await openApplications(page);
      await openConfiguration(page, 'Partner Dashboard');
      await generateSecret(page, 'Retain for 1 Day');
      await expect(previousRegion(page)).toBeVisible();
      const expiresAt = await previousExpiry(page);
      const now = await browserNow(page);
      assert.ok(Math.abs(expiresAt - (now + DAY)) < 10_000, `expiry ${new Date(expiresAt).toISOString()} is a day after ${new Date(now).toISOString()}`);
      const { current } = await readSecrets(page);

      await advance(page, '23:58:00');
      await expect(previousRegion(page)).toBeVisible();

      await advance(page, '00:02:00');
      assert.ok((await browserNow(page)) >= expiresAt, 'the page clock is past the expiry');
      await expect(previousRegion(page)).toHaveCount(0);
      await expect(secretRegion(page)).toBeVisible();

      await page.reload();
      await expect(secretRegion(page)).toBeVisible();
      assert.ok((await browserNow(page)) >= expiresAt, 'after the reload the page clock is still past the expiry');
      await expect(previousRegion(page)).toHaveCount(0);
      assert.deepEqual(await readSecrets(page), { current, previous: null }, 'only the new secret remains');
    }));

  test('the demo previous secrets are all gone once their 30-day maximum has passed', () =>
    env.run({ clockAt: START }, async ({ page }) => {
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
    }));
});
