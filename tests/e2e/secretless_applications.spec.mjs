// Applications without a client secret: SAML and WS-Federation applications (not OIDC-based) and
// Single-Page applications (OIDC, token endpoint auth method None) show why, and offer no secret.
import { test, expect } from './fixtures.mjs';
import { openApplications, openConfiguration, previousRegion, secretRegion } from './support/app.mjs';

const NOT_OIDC = 'Client secrets apply only to OIDC-based applications.';

/** Neither secret region, nor any of their buttons, is on the page. */
async function expectNoSecret(page) {
  await expect(secretRegion(page)).toHaveCount(0);
  await expect(previousRegion(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Generate New Secret' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /client secret/i })).toHaveCount(0);
  await expect(page.getByRole('tabpanel').locator('code')).toHaveCount(0);
}

test.describe('Applications without a client secret', () => {
  for (const [name, type] of [
    ['Employee HR Portal', 'SAML Application'],
    ['Legacy Intranet', 'WS-Federation application'],
  ]) {
    test(`the Configuration tab of a ${type} says client secrets apply only to OIDC-based applications and offers no secret`, async ({ page }) => {
      await openApplications(page);
      await openConfiguration(page, name);
      await expect(page.getByRole('tabpanel').getByText(NOT_OIDC, { exact: true })).toBeVisible();
      await expectNoSecret(page);
    });
  }

  test('the Configuration tab of a Single-Page app with auth method None explains why it has no client secret', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Support Chat Widget');
    const panel = page.getByRole('tabpanel');
    await expect(panel).toContainText(/\bNone\b/);
    await expect(panel.getByText(/secret/i).first()).toBeVisible();
    await expectNoSecret(page);
  });

  test('a newly added Single-Page app defaults to auth method None and has no client secret', async ({ page }) => {
    await openApplications(page);
    await page.getByRole('button', { name: 'Add Application' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add Application' });
    await dialog.getByRole('textbox', { name: 'Application Name' }).fill('Status Page');
    await dialog.getByRole('radio', { name: /^Single-Page(\s|$)/ }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await openConfiguration(page, 'Status Page');
    await expect(page.getByRole('tabpanel')).toContainText(/\bNone\b/);
    await expectNoSecret(page);
  });
});
