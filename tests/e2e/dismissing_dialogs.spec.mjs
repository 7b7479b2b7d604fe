// Cancel and Escape in the Generate New Secret and Revoke Previous Client Secret dialogs change
// nothing: same secrets, same expiry, same regions, nothing announced, also after a reload. Each
// dialog is filled in as far as it goes first (a retention other than the default, the
// acknowledgement ticked), so a dismissal that acted would show.
import { test, expect } from './fixtures.mjs';
import {
  ACKNOWLEDGE, generateDialog, openApplications, openConfiguration, openGenerateDialog, openRevokeDialog, previousExpiry,
  previousRegion, readSecrets, revokeDialog, status,
} from './support/app.mjs';

const APP = 'Customer Portal';

/** Everything a dismissed dialog must leave alone: both secrets and the previous secret's expiry. */
async function snapshot(page) {
  await expect(previousRegion(page)).toBeVisible();
  return { ...(await readSecrets(page)), expiry: await previousExpiry(page) };
}

async function expectUnchanged(page, before) {
  expect(await snapshot(page), 'secrets and expiry are unchanged').toEqual(before);
  await expect(status(page), 'nothing was announced').toHaveText('');
  await page.reload();
  await expect(previousRegion(page)).toBeVisible();
  expect(await snapshot(page), 'secrets and expiry are unchanged after a reload').toEqual(before);
}

async function fillGenerate(page) {
  const dialog = await openGenerateDialog(page);
  await dialog.getByRole('radio', { name: 'Do Not Retain Previous Secret' }).check();
  await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeEnabled();
  return dialog;
}

async function fillRevoke(page) {
  const dialog = await openRevokeDialog(page);
  await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeEnabled();
  return dialog;
}

for (const [title, fill, dialogOf] of [
  ['Generate New Secret', fillGenerate, generateDialog],
  ['Revoke Previous Client Secret', fillRevoke, revokeDialog],
]) {
  test.describe(`Dismissing ${title}`, () => {
    test(`Cancel in ${title} changes nothing, also after a reload`, async ({ page }) => {
      await openApplications(page);
      await openConfiguration(page, APP);
      const before = await snapshot(page);
      const dialog = await fill(page);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialogOf(page)).toHaveCount(0);
      await expectUnchanged(page, before);
    });

    test(`Escape in ${title} changes nothing, also after a reload`, async ({ page }) => {
      await openApplications(page);
      await openConfiguration(page, APP);
      const before = await snapshot(page);
      await fill(page);
      await page.keyboard.press('Escape');
      await expect(dialogOf(page)).toHaveCount(0);
      await expectUnchanged(page, before);
    });
  });
}
