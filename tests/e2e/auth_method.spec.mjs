// The Configuration tab's Token Endpoint Authentication Method: between the secret methods the
// secrets stay; to None (after the Change Token Endpoint Authentication Method confirmation) the
// current and previous secrets are removed; from None a new secret is generated. OIDC only.
import { test, expect } from './fixtures.mjs';
import {
  ACKNOWLEDGE, SECRET_SHAPE, assertModal, openApplications, openConfiguration, previousRegion, readSecrets, secretRegion, status,
} from './support/app.mjs';
import { MODES, expectAccessible } from './support/audit.mjs';

const methodSelect = (page) => page.getByRole('combobox', { name: 'Token Endpoint Authentication Method' });
const saveMethod = (page) => page.locator('form.auth-method').getByRole('button', { name: 'Save' });
const changeDialog = (page) => page.getByRole('dialog', { name: 'Change Token Endpoint Authentication Method' });

async function chooseMethod(page, label) {
  await methodSelect(page).selectOption({ label });
  await saveMethod(page).click();
}

async function confirmChangeToNone(page) {
  await chooseMethod(page, 'None');
  const dialog = changeDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toHaveCount(0);
}

test.describe('Token Endpoint Authentication Method', () => {
  test('an OIDC application offers the four methods with its own selected, and Save', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await expect(methodSelect(page).locator('option')).toHaveText([
      'Client Secret Basic', 'Client Secret Post', 'Client Secret JWT', 'None',
    ]);
    await expect(methodSelect(page).locator('option:checked')).toHaveText('Client Secret Basic');
    await expect(saveMethod(page)).toBeDisabled();
  });

  test('a Single-Page application keeps None as its default', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Support Chat Widget');
    await expect(methodSelect(page).locator('option:checked')).toHaveText('None');
    await expect(secretRegion(page)).toHaveCount(0);
  });

  test('a non-OIDC application offers no choice', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Legacy Intranet');
    await expect(methodSelect(page)).toHaveCount(0);
    await expect(page.getByText('Client secrets apply only to OIDC-based applications.', { exact: true })).toBeVisible();
  });

  test('between secret methods the secret stays, and the change is announced and kept', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    const before = await readSecrets(page);
    await chooseMethod(page, 'Client Secret Post');
    await expect(status(page)).toContainText('Token endpoint authentication method changed to Client Secret Post.');
    await expect(changeDialog(page)).toHaveCount(0);
    expect(await readSecrets(page)).toEqual(before);
    await page.reload();
    await expect(methodSelect(page).locator('option:checked')).toHaveText('Client Secret Post');
    expect(await readSecrets(page)).toEqual(before);
  });

  test('switching between secret methods while a previous secret is unexpired keeps both secrets', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Field Service App');
    const before = await readSecrets(page);
    expect(before.previous).not.toBeNull();
    await chooseMethod(page, 'Client Secret JWT');
    await expect(status(page)).toContainText('changed to Client Secret JWT');
    expect(await readSecrets(page)).toEqual(before);
  });

  test('to None asks first; Cancel keeps both secrets', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    const before = await readSecrets(page);
    await chooseMethod(page, 'None');
    const dialog = changeDialog(page);
    await assertModal(dialog);
    await expect(dialog).toContainText('The current client secret and the previous client secret, if any, will be removed.');
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await readSecrets(page)).toEqual(before);
    await page.reload();
    await expect(methodSelect(page).locator('option:checked')).toHaveText('Client Secret Basic');
  });

  test('to None after confirmation removes the current and the unexpired previous secret, for good', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    const before = await readSecrets(page);
    expect(before.previous).not.toBeNull();
    await confirmChangeToNone(page);
    await expect(status(page)).toContainText('The client secrets were removed.');
    await expect(secretRegion(page)).toHaveCount(0);
    await expect(previousRegion(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Generate New Secret' })).toHaveCount(0);
    await page.reload();
    await expect(secretRegion(page)).toHaveCount(0);
    await expect(methodSelect(page).locator('option:checked')).toHaveText('None');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain(before.current);
    expect(stored).not.toContain(before.previous);
  });

  test('a Web App from None is given a new secret without a question, said before Save, with no previous secret', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await confirmChangeToNone(page);
    await methodSelect(page).selectOption({ label: 'Client Secret Basic' });
    await expect(page.getByText('Saving generates a new client secret for this application.')).toBeVisible();
    await saveMethod(page).click();
    await expect(status(page)).toContainText('A new client secret was generated.');
    await expect(changeDialog(page)).toHaveCount(0);
    await expect(secretRegion(page)).toBeVisible();
    const { current, previous } = await readSecrets(page);
    expect(current).toMatch(SECRET_SHAPE);
    expect(previous).toBeNull();
  });

  test('None and back generates a secret different from the removed one', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    const before = await readSecrets(page);
    await confirmChangeToNone(page);
    await chooseMethod(page, 'Client Secret Post');
    await expect(secretRegion(page)).toBeVisible();
    const after = await readSecrets(page);
    expect(after.current).toMatch(SECRET_SHAPE);
    expect(after.current).not.toBe(before.current);
  });
});

/** Cancel closes the question, and the application stays on None without a secret, reloaded too. */
async function cancelKeepsNone(page, dialog) {
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(secretRegion(page)).toHaveCount(0);
  await page.reload();
  await expect(methodSelect(page).locator('option:checked')).toHaveText('None');
  await expect(secretRegion(page)).toHaveCount(0);
}

test.describe('A client secret for an application that cannot keep one', () => {
  test('a Single-Page application asks first, says why, and Cancel gives it nothing', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Support Chat Widget');
    await methodSelect(page).selectOption({ label: 'Client Secret Basic' });
    await expect(page.getByText('Saving asks for confirmation: a client secret would be generated, and this application cannot keep one.')).toBeVisible();
    await saveMethod(page).click();
    const dialog = changeDialog(page);
    await assertModal(dialog);
    await expect(dialog).toContainText('A Single-Page application cannot keep a client secret.');
    await expect(dialog).toContainText('can be read by anyone who uses it');
    await expect(dialog).toContainText('Prefer None with PKCE');
    await expect(dialog).toContainText('Support Chat Widget');
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await cancelKeepsNone(page, dialog);
  });

  test('a Single-Page application is given a secret once the administrator confirms', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Analytics Explorer');
    await chooseMethod(page, 'Client Secret JWT');
    const dialog = changeDialog(page);
    await expect(dialog).toBeVisible();
    await expect(secretRegion(page)).toHaveCount(0);
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(status(page)).toContainText('Token endpoint authentication method changed to Client Secret JWT. A new client secret was generated.');
    const { current, previous } = await readSecrets(page);
    expect(current).toMatch(SECRET_SHAPE);
    expect(previous).toBeNull();
    await page.reload();
    await expect(methodSelect(page).locator('option:checked')).toHaveText('Client Secret JWT');
  });

  test('a Native application asks first and says why; Cancel keeps None, Confirm gives it a secret', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Mobile Banking');
    await confirmChangeToNone(page);
    await chooseMethod(page, 'Client Secret Post');
    const dialog = changeDialog(page);
    await expect(dialog).toContainText('A Native application cannot keep a client secret.');
    await expect(dialog).toContainText("installed on its users' devices");
    await expect(dialog).toContainText('Prefer None with PKCE');
    await cancelKeepsNone(page, dialog);

    await chooseMethod(page, 'Client Secret Post');
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(status(page)).toContainText('A new client secret was generated.');
    expect((await readSecrets(page)).current).toMatch(SECRET_SHAPE);
  });
});

test.describe('The auth method form passes axe', () => {
  for (const mode of MODES) {
    test(`the form and its confirmation have no axe violations (${mode.name})`, async ({ page, axe }) => {
      await page.emulateMedia({ colorScheme: mode.colorScheme });
      await page.setViewportSize(mode.viewport);
      await openApplications(page);
      await openConfiguration(page, 'Customer Portal');
      await methodSelect(page).selectOption({ label: 'Client Secret JWT' });
      await expectAccessible(axe, page, `the Configuration tab with a method chosen (${mode.name})`);
      await chooseMethod(page, 'None');
      await expect(changeDialog(page)).toBeVisible();
      await expectAccessible(axe, page, `Change Token Endpoint Authentication Method (${mode.name})`);
    });
  }
});
