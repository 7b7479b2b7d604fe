// The documented Revoke procedure (SPEC.md "Revoke" 1-5) on applications that have a previous
// secret on a fresh profile, step by step, and what it leaves behind.
import { test, expect } from './fixtures.mjs';
import {
  ACKNOWLEDGE, SECRET_SHAPE, assertModal, browserNow, expectConfirmNeedsAcknowledgement, openApplications,
  openConfiguration, openRevokeDialog, previousExpiry, previousRegion, readSecrets, recordDialogNotices, revokeDialog,
  secretRegion, status,
} from './support/app.mjs';

async function revoke(page) {
  const dialog = await openRevokeDialog(page);
  await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(revokeDialog(page)).toHaveCount(0);
}

test.describe('Revoke Previous Client Secret: the procedure step by step', () => {
  test('step 3: the Previous Client Secret region shows the masked previous secret, its expiry as <time datetime> and the Revoke button', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Field Service App');
    const region = previousRegion(page);
    await expect(region).toBeVisible();
    await expect(region.getByRole('heading', { name: 'Previous Client Secret', exact: true })).toBeVisible();
    await expect(region.locator('code')).toHaveCount(0);
    expect(await previousExpiry(page), 'the expiry is in the future').toBeGreaterThan(await browserNow(page));
    const { current, previous } = await readSecrets(page);
    expect(previous).toMatch(SECRET_SHAPE);
    expect(previous).not.toBe(current);
    await expect(region.getByRole('button', { name: 'Revoke Previous Client Secret' })).toBeVisible();
  });

  test('step 4: Revoke Previous Client Secret opens a modal dialog of that name saying This action cannot be undone.', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    const dialog = await openRevokeDialog(page);
    await assertModal(dialog);
    await expect(dialog.getByText('This action cannot be undone.', { exact: true })).toBeVisible();
    await expect(dialog.getByRole('checkbox', { name: ACKNOWLEDGE })).not.toBeChecked();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  });

  test('step 5: Confirm is disabled until I understand and would like to continue is ticked', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    await expectConfirmNeedsAcknowledgement(await openRevokeDialog(page));
  });

  test('Confirm removes the Previous Client Secret region, keeps the current secret, and it stays gone after a reload', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Nightly Report Job');
    const before = await readSecrets(page);
    expect(before.previous, 'Nightly Report Job starts with a previous secret').not.toBeNull();
    await revoke(page);
    await expect(previousRegion(page)).toHaveCount(0);
    expect(await readSecrets(page)).toEqual({ current: before.current, previous: null });

    await page.reload();
    await expect(secretRegion(page)).toBeVisible();
    await expect(previousRegion(page)).toHaveCount(0);
    expect(await readSecrets(page)).toEqual({ current: before.current, previous: null });
    await expect(page.getByText(before.previous)).toHaveCount(0);
  });

  test('the dialog closes on its own revoke without saying the secret changed elsewhere or is already gone', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    const dialog = await openRevokeDialog(page);
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
    const notices = await recordDialogNotices(page);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(revokeDialog(page)).toHaveCount(0);
    await expect(status(page)).toContainText('Previous client secret revoked');
    expect(await notices(), 'no notice or alert appeared while the dialog closed').toEqual([]);
  });

  test('a status message is announced after revoking', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    await revoke(page);
    await expect(status(page)).toContainText('Previous client secret revoked');
  });

  test('an application without a previous secret has no Previous Client Secret region and no Revoke button', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await expect(secretRegion(page)).toBeVisible();
    await expect(previousRegion(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Revoke Previous Client Secret' })).toHaveCount(0);
  });
});
