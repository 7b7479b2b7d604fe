// Confirmations that change or remove something name the application they act on (its name and,
// since names may repeat, its client ID); the Confirm of a destructive one looks dangerous, a
// disabled Confirm looks disabled, and a dialog's backdrop clearly dims the page, dark or light.
import { test, expect } from './fixtures.mjs';
import { ACKNOWLEDGE, generateSecret, openApplications, openRevokeDialog } from './support/app.mjs';

const TWIN = 'Twin Portal';
const UNDONE = 'This action cannot be undone.';
const deleteDialog = (page) => page.getByRole('dialog', { name: 'Delete Application' });
const changeDialog = (page) => page.getByRole('dialog', { name: 'Change Token Endpoint Authentication Method' });
const methodSelect = (page) => page.getByRole('combobox', { name: 'Token Endpoint Authentication Method' });

/** Adds an OIDC Web App called `name` the way a person does; resolves to its client ID (from the page it opens). */
async function addWebApp(page, name) {
  await page.getByRole('button', { name: 'Add Application' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Application' });
  await dialog.getByRole('textbox', { name: 'Application Name' }).pressSequentially(name);
  await dialog.getByRole('radio', { name: /^OIDC Web App(\s|$)/ }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  const match = /\/applications\/([^/]+)\//.exec(new URL(page.url()).pathname);
  expect(match, `the new application's page names its client ID: ${page.url()}`).not.toBeNull();
  return decodeURIComponent(match[1]);
}

/** Two applications called TWIN; the second one's details are open. */
async function addTwins(page) {
  await openApplications(page);
  const first = await addWebApp(page, TWIN);
  const second = await addWebApp(page, TWIN);
  expect(second).not.toBe(first);
  return { first, second };
}

/** The dialog names TWIN and `own` client ID, and not the other one's. */
async function expectNames(dialog, own, other) {
  await expect(dialog).toContainText(TWIN);
  await expect(dialog).toContainText(own);
  await expect(dialog).not.toContainText(other);
}

test.describe('Destructive confirmations name the application they act on', () => {
  test('Revoke Previous Client Secret names the application of two with the same name', async ({ page }) => {
    const { first, second } = await addTwins(page);
    await page.getByRole('tab', { name: 'Configuration' }).click();
    await generateSecret(page, 'Retain for 7 Days');
    const dialog = await openRevokeDialog(page);
    await expect(dialog).toContainText(UNDONE);
    await expectNames(dialog, second, first);
  });

  test('Delete Application names the application of two with the same name', async ({ page }) => {
    const { first, second } = await addTwins(page);
    await page.getByRole('button', { name: 'Delete Application' }).click();
    const dialog = deleteDialog(page);
    await expect(dialog).toContainText(UNDONE);
    await expectNames(dialog, second, first);
  });

  test('Change Token Endpoint Authentication Method names the application of two with the same name', async ({ page }) => {
    const { first, second } = await addTwins(page);
    await page.getByRole('tab', { name: 'Configuration' }).click();
    await methodSelect(page).selectOption({ label: 'None' });
    await page.locator('form.auth-method').getByRole('button', { name: 'Save' }).click();
    await expectNames(changeDialog(page), second, first);
  });

  test('the other twin’s dialog names its own client ID', async ({ page }) => {
    const { first, second } = await addTwins(page);
    await page.locator(`a[href*="/applications/${encodeURIComponent(first)}/"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/applications/${first}/`));
    await page.getByRole('button', { name: 'Delete Application' }).click();
    await expectNames(deleteDialog(page), first, second);
  });
});

/** `#rrggbb` (a custom property's value) as the browser writes a computed colour. */
function rgbOf(hex) {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.trim().slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

const look = (locator) =>
  locator.evaluate((element) => {
    const style = getComputedStyle(element);
    return { background: style.backgroundColor, color: style.color, opacity: style.opacity };
  });

const token = (page, name) => page.evaluate((property) => getComputedStyle(document.documentElement).getPropertyValue(property), name);

/** The alpha of the open dialog's ::backdrop colour (1 when it is opaque). */
const backdropAlpha = (page) =>
  page.locator('dialog[open]').evaluate((dialog) => {
    const colour = getComputedStyle(dialog, '::backdrop').backgroundColor;
    const parts = colour.match(/[\d.]+/g).map(Number);
    return parts.length === 4 ? parts[3] : 1;
  });

for (const colorScheme of ['light', 'dark']) {
  test.describe(`Destructive confirmations look it (${colorScheme})`, () => {
    test.use({ colorScheme });

    test('Confirm of Revoke, Delete and a change to None has the danger colour; disabled it looks disabled', async ({ page }) => {
      await openApplications(page);
      const danger = rgbOf(await token(page, '--danger'));
      await page.getByRole('link', { name: 'Customer Portal' }).click();
      await page.getByRole('tab', { name: 'Configuration' }).click();

      const dialogs = [
        [() => openRevokeDialog(page), page.getByRole('dialog', { name: 'Revoke Previous Client Secret' })],
        [
          async () => {
            await methodSelect(page).selectOption({ label: 'None' });
            await page.locator('form.auth-method').getByRole('button', { name: 'Save' }).click();
          },
          changeDialog(page),
        ],
        [
          async () => {
            await page.getByRole('tab', { name: 'Overview' }).click();
            await page.getByRole('button', { name: 'Delete Application' }).click();
          },
          deleteDialog(page),
        ],
      ];
      for (const [open, dialog] of dialogs) {
        await open();
        await expect(dialog).toBeVisible();
        const confirm = dialog.getByRole('button', { name: 'Confirm' });
        await expect(confirm).toBeDisabled();
        const disabled = await look(confirm);
        await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
        await expect(confirm).toBeEnabled();
        const enabled = await look(confirm);
        expect(enabled.background, 'an enabled destructive Confirm is filled with the danger colour').toBe(danger);
        expect(disabled.background, 'a disabled Confirm is not coloured as an enabled one').not.toBe(enabled.background);
        expect(disabled.color, 'a disabled Confirm’s label is not coloured as an enabled one').not.toBe(enabled.color);
        expect(await backdropAlpha(page), 'the backdrop dims the page').toBeGreaterThanOrEqual(colorScheme === 'dark' ? 0.7 : 0.5);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await expect(dialog).toHaveCount(0);
      }
    });

    test('a Confirm that removes nothing keeps the primary colour', async ({ page }) => {
      await openApplications(page);
      const accent = rgbOf(await token(page, '--accent'));
      await page.getByRole('link', { name: 'Support Chat Widget' }).click();
      await page.getByRole('tab', { name: 'Configuration' }).click();
      await methodSelect(page).selectOption({ label: 'Client Secret Basic' });
      await page.locator('form.auth-method').getByRole('button', { name: 'Save' }).click();
      const dialog = changeDialog(page);
      await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
      expect((await look(dialog.getByRole('button', { name: 'Confirm' }))).background).toBe(accent);
    });
  });
}
