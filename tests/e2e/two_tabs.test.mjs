// Two tabs of one browser on the same application's Configuration tab stay consistent without a
// reload (SPEC.md: "a change in one shows in the others"), and a dialog left open in one tab
// while the other changes the application says so and asks for the acknowledgement again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './support/harness.mjs';
import { expect } from './support/expect.mjs';
import {
  ACKNOWLEDGE,
  DAY,
  browserNow,
  generateSecret,
  openApplications,
  openConfiguration,
  openGenerateDialog,
  openRevokeDialog,
  previousExpiry,
  previousRegion,
  readSecrets,
  revealedSecret,
  revokeDialog,
  secretRegion,
  status,
} from './support/app.mjs';

const env = useBrowser();

/** Opens `name`'s Configuration tab in page A by the procedure, then the same address in a second tab B. */
async function openTwoTabs(session, name) {
  const a = session.page;
  await openApplications(a);
  await openConfiguration(a, name);
  await expect(secretRegion(a)).toBeVisible();
  const b = await session.newPage();
  await b.goto(a.url());
  await expect(b.getByRole('heading', { name, exact: true, level: 2 })).toBeVisible();
  await expect(b.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
  await expect(secretRegion(b)).toBeVisible();
  await Promise.all([a, b].map(markDocument));
  return { a, b };
}

/**
 * Makes `page` the foreground tab before acting in it: a background tab gets no animation frames,
 * which Playwright's actionability checks wait for, so acting in one is slow.
 */
async function inTab(page) {
  await page.bringToFront();
  return page;
}

/** Marks the loaded document, so a later check can tell that no reload or navigation happened. */
const markDocument = (page) => page.evaluate(() => { window.__sameDocument = true; });
async function assertNotReloaded(page, what) {
  assert.equal(await page.evaluate(() => window.__sameDocument === true), true, `${what} was not reloaded`);
}

/** Polls the revealed secret of `region` until it equals `expected`. */
async function expectRevealed(region, what, expected) {
  const deadline = Date.now() + 5_000;
  let seen;
  do {
    seen = await revealedSecret(region, what);
    if (seen === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  } while (Date.now() < deadline);
  assert.equal(seen, expected, `the ${what}`);
}

describe('Two tabs on one application', () => {
  test('generating a secret in one tab shows the new secret and the previous secret in the other without a reload', async () => {
    await env.run(async (session) => {
      const { a, b } = await openTwoTabs(session, 'Partner Dashboard');
      const before = await readSecrets(b);
      assert.equal(before.previous, null, 'Partner Dashboard starts without a previous secret');

      await generateSecret(await inTab(a), 'Retain for 7 Days');
      await expect(status(a)).toContainText('New client secret generated');
      const inA = await readSecrets(a);
      assert.equal(inA.previous, before.current);

      await expect(previousRegion(b)).toBeVisible();
      await inTab(b);
      await expectRevealed(secretRegion(b), 'client secret', inA.current);
      assert.equal(await revealedSecret(previousRegion(b), 'previous client secret'), before.current);
      await assertNotReloaded(b, 'the other tab');
    });
  });

  test('revoking the previous secret in one tab removes it in the other without a reload', async () => {
    await env.run(async (session) => {
      const { a, b } = await openTwoTabs(session, 'Customer Portal');
      const before = await readSecrets(await inTab(a));
      assert.ok(before.previous, 'Customer Portal starts with a previous secret');

      const dialog = await openRevokeDialog(await inTab(b));
      await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      await expect(revokeDialog(b)).toHaveCount(0);
      await expect(previousRegion(b)).toHaveCount(0);

      await expect(previousRegion(a)).toHaveCount(0);
      await inTab(a);
      assert.equal(await revealedSecret(secretRegion(a), 'client secret'), before.current, 'the current secret is unchanged');
      await assertNotReloaded(a, 'the other tab');
    });
  });

  test('a Generate dialog left open while another tab rotates says so, asks for the acknowledgement again, and then rotates from the new state', async () => {
    await env.run(async (session) => {
      const { a, b } = await openTwoTabs(session, 'Partner Dashboard');
      const s0 = (await readSecrets(b)).current;

      // Tab B: the dialog is filled in and ready to confirm...
      const dialog = await openGenerateDialog(await inTab(b));
      const acknowledge = dialog.getByRole('checkbox', { name: ACKNOWLEDGE });
      const confirm = dialog.getByRole('button', { name: 'Confirm' });
      await dialog.getByRole('radio', { name: 'Retain for 1 Day' }).check();
      await acknowledge.check();
      await expect(confirm).toBeEnabled();

      // ...when tab A rotates the secret.
      await generateSecret(await inTab(a), 'Retain for 7 Days');
      const s1 = (await readSecrets(a)).current;
      assert.notEqual(s1, s0);

      await inTab(b);
      await expect(dialog.getByText(/another tab/i).first()).toBeVisible();
      await expect(acknowledge).toBeUnchecked();
      await expect(confirm).toBeDisabled();
      await expect(dialog).toContainText(/replaced/i);

      await dialog.getByRole('radio', { name: 'Retain for 1 Day' }).check();
      await acknowledge.check();
      await expect(confirm).toBeEnabled();
      const rotatedAt = await browserNow(b);
      await confirm.click();
      await expect(dialog).toHaveCount(0);
      await expect(status(b)).toContainText('New client secret generated');

      const inB = await readSecrets(b);
      assert.ok(![s0, s1].includes(inB.current), 'a new secret was generated');
      assert.equal(inB.previous, s1, 'the previous secret is the one tab A generated');
      const expiresAt = await previousExpiry(b);
      assert.ok(Math.abs(expiresAt - (rotatedAt + DAY)) < 10_000, `the previous secret expires a day after the rotation: ${new Date(expiresAt).toISOString()}`);
      await assertNotReloaded(b, 'tab B');

      await expectRevealed(secretRegion(await inTab(a)), 'client secret', inB.current);
      assert.equal(await revealedSecret(previousRegion(a), 'previous client secret'), s1);
      assert.equal(await a.getByText(s0).count(), 0, 'the first secret is gone in tab A');
      await assertNotReloaded(a, 'tab A');
    });
  });
});
