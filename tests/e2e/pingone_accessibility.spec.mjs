// axe-core audits of the PingOne connection's dialog and states (SPEC "Connecting to a PingOne
// environment"), each in light and dark at 1280 and 360 px, against this worker's emulator.
import { test, expect } from './fixtures.mjs';
import { openConfiguration } from './support/app.mjs';
import { auditState as auditStateOf } from './support/audit.mjs';
import { EMULATOR, emulator, fillConnectDialog, signOn } from './support/pingone.mjs';

/** A group per state (support/audit.mjs), each from a fresh seed of this worker's emulator. */
const auditState = (title, reach) =>
  auditStateOf(test, title, reach, {
    prepare: () => emulator.reset(),
    sessionOptions: { allowedOrigins: [EMULATOR.api, EMULATOR.auth] },
  });

async function openConnectDialog(page) {
  await page.goto('/applications');
  await page.getByRole('button', { name: 'Connect to PingOne' }).click();
  return page.getByRole('dialog', { name: 'Connect to PingOne' });
}

test.describe('axe finds no accessibility violations in the PingOne connection', () => {
  auditState('on the Connect to PingOne dialog', async (page) => {
    await openConnectDialog(page);
  });

  auditState('on the Connect to PingOne dialog, Custom, with a field refused', async (page) => {
    const dialog = await openConnectDialog(page);
    await dialog.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'Custom' });
    await dialog.getByRole('textbox', { name: 'Environment ID' }).pressSequentially('not-a-uuid');
    await dialog.getByRole('textbox', { name: 'API' }).pressSequentially('http://api.example.com/v1');
    await expect(dialog.locator('#connect-api-error')).not.toBeEmpty();
  });

  auditState('on the environment\'s applications', async (page) => {
    await signOn(page);
  });

  auditState('on a Configuration tab with a previous secret PingOne saw used', async (page) => {
    await signOn(page);
    await openConfiguration(page, 'Partner Reporting');
    await expect(page.getByText('Last used')).toBeVisible();
  });

  auditState('after a cancelled sign-on', async (page) => {
    const dialog = await fillConnectDialog(page);
    await dialog.getByRole('button', { name: 'Sign On' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'cancelled' })).toBeVisible();
  });
});
