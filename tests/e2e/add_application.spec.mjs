// Add Application: the dialog, saving a new application of a chosen type, and refusing a blank name
// or one with a character that changes the direction of text.
import { test, expect } from './fixtures.mjs';
import {
  DEMO_APPS, SECRET_SHAPE, entries, entry, openApplications, openConfiguration, revealedSecret, secretRegion,
  visibleDescription,
} from './support/app.mjs';

const TYPES = ['OIDC Web App', 'Native', 'Single-Page', 'Worker', 'SAML Application', 'WS-Federation'];

/** The radio for `type`: its name is the type, possibly followed by a description. */
const typeRadio = (dialog, type) => dialog.getByRole('radio', { name: new RegExp(`^${type}(\\s|$)`) });

/** Chooses `type` with its radio or, where the choice is a select, its option. */
async function chooseType(dialog, type) {
  const radio = typeRadio(dialog, type);
  if ((await radio.count()) > 0) return radio.check();
  return dialog.getByRole('combobox').selectOption({ label: type });
}

async function openAddDialog(page) {
  await page.getByRole('button', { name: 'Add Application' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Application' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('Add Application', () => {
  test('Add Application opens a dialog with the Application Name field, the six application types and Save', async ({ page }) => {
    await openApplications(page);
    const dialog = await openAddDialog(page);
    await expect(dialog.getByRole('textbox', { name: 'Application Name' })).toBeVisible();
    const radios = dialog.getByRole('radio');
    if ((await radios.count()) > 0) {
      await expect(radios).toHaveCount(TYPES.length);
      for (const type of TYPES) {
        await expect(typeRadio(dialog, type)).toHaveCount(1);
      }
    } else {
      const options = await dialog.getByRole('combobox').getByRole('option').allTextContents();
      expect(options.map((option) => option.trim()).sort()).toEqual([...TYPES].sort());
    }
    await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  test('saving a named application adds it to the list, and it is still there after a reload', async ({ page }) => {
    await openApplications(page);
    const dialog = await openAddDialog(page);
    await dialog.getByRole('textbox', { name: 'Application Name' }).fill('Inventory Service');
    await chooseType(dialog, 'Worker');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(entry(page, 'Inventory Service Worker')).toHaveCount(1);
    await expect(entries(page)).toHaveCount(DEMO_APPS.length + 1);

    await page.goto('/applications');
    await expect(entry(page, 'Inventory Service Worker')).toHaveCount(1);
    await expect(entries(page)).toHaveCount(DEMO_APPS.length + 1);
  });

  test('an added OIDC Web App gets a client secret of at least 64 URL-unreserved characters', async ({ page }) => {
    await openApplications(page);
    const dialog = await openAddDialog(page);
    await dialog.getByRole('textbox', { name: 'Application Name' }).fill('Travel Booking');
    await chooseType(dialog, 'OIDC Web App');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await openConfiguration(page, 'Travel Booking');
    expect(await revealedSecret(secretRegion(page), 'client secret')).toMatch(SECRET_SHAPE);
  });

  test('saving with an empty name is refused with an inline message, and nothing is added', async ({ page }) => {
    await openApplications(page);
    const dialog = await openAddDialog(page);
    const name = dialog.getByRole('textbox', { name: 'Application Name' });
    for (const blank of ['', '   ']) {
      await name.fill(blank);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await expect(dialog).toBeVisible();
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      await expect
        .poll(() => visibleDescription(name), { message: `a blank name (${JSON.stringify(blank)}) is refused with a visible message` })
        .not.toBe('');
    }
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(entries(page)).toHaveCount(DEMO_APPS.length);
  });

  test('a name with a character that reverses text (U+202E) is refused inline, nothing is saved, and without it the name saves', async ({ page }) => {
    await openApplications(page);
    const stored = () => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    const before = await stored();
    const dialog = await openAddDialog(page);
    const name = dialog.getByRole('textbox', { name: 'Application Name' });
    // "Mobile Banking", U+202E, "gnp.exe" would be shown as "Mobile Bankingexe.png".
    await name.pressSequentially('Mobile Banking');
    await page.keyboard.insertText('\u202E');
    await name.pressSequentially('gnp.exe');
    await chooseType(dialog, 'Worker');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('The name contains an invisible character that changes the direction of text (U+202E). Remove it.')).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(entries(page)).toHaveCount(DEMO_APPS.length);
    expect(await stored(), 'nothing was saved').toEqual(before);

    await name.press('ControlOrMeta+a');
    await name.press('Delete');
    await name.pressSequentially('Mobile Banking gnp.exe');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(entry(page, 'Mobile Banking gnp.exe')).toHaveCount(1);
  });
});
