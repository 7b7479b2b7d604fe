// The Overview tab's edits: Rename Application (the same validation as adding, Escape and Cancel
// change nothing, hostile names are refused or shown as text, a name stored with a character that
// changes the direction of text is shown with it spelled out), the Enabled switch (saved at once,
// announced, quick toggles neither lost nor stale) and Delete Application (behind the shared
// confirmation; the panel closes and focus returns to the list), also across two tabs.
import { test, expect } from './fixtures.mjs';
import {
  ACKNOWLEDGE, assertModal, entry, generateDialog, openApplications, openConfiguration, openGenerateDialog, panelHeading, status,
} from './support/app.mjs';
import { MODES, expectAccessible } from './support/audit.mjs';

const renameDialog = (page) => page.getByRole('dialog', { name: 'Rename Application' });
const deleteDialog = (page) => page.getByRole('dialog', { name: 'Delete Application' });
const enabledSwitch = (page) => page.getByRole('switch', { name: 'Enabled' });
const nameField = (dialog) => dialog.getByRole('textbox', { name: 'Application Name' });

async function openOverview(page, name) {
  await page.getByRole('link', { name }).first().click();
  await expect(panelHeading(page, name)).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
}

async function openRenameDialog(page) {
  await page.getByRole('button', { name: 'Rename Application' }).click();
  const dialog = renameDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

async function renameTo(page, name) {
  const dialog = await openRenameDialog(page);
  await nameField(dialog).fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  return dialog;
}

async function deleteOpenApplication(page) {
  await page.getByRole('button', { name: 'Delete Application' }).click();
  const dialog = deleteDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toHaveCount(0);
}

/** Every stored item, by key. */
const storedRecords = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

/** A second tab of the same profile showing the same address as `page`. */
async function secondTab(page, newPage, name) {
  const other = await newPage();
  await other.goto(page.url());
  await expect(panelHeading(other, name)).toBeVisible();
  return other;
}

test.describe('Rename Application', () => {
  test('opens a modal dialog with the current name, saves a new one everywhere and announces it', async ({ page }) => {
    await openApplications(page);
    await openOverview(page, 'Partner Dashboard');
    const dialog = await openRenameDialog(page);
    await assertModal(dialog);
    await expect(nameField(dialog)).toHaveValue('Partner Dashboard');
    await nameField(dialog).fill('Partner Hub');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(panelHeading(page, 'Partner Hub')).toBeVisible();
    await expect(entry(page, 'Partner Hub')).toBeVisible();
    await expect(status(page)).toContainText('Application renamed.');
    await page.reload();
    await expect(panelHeading(page, 'Partner Hub')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Partner Dashboard' })).toHaveCount(0);
  });

  test('a blank name is refused inline and nothing changes', async ({ page }) => {
    await openApplications(page);
    await openOverview(page, 'Mobile Banking');
    const dialog = await renameTo(page, '   ');
    await expect(dialog.getByText('Enter a name for the application.')).toBeVisible();
    await expect(nameField(dialog)).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(panelHeading(page, 'Mobile Banking')).toBeVisible();
  });

  test('a name with a character that changes the direction of text (U+2067) is refused inline and nothing changes', async ({ page }) => {
    await openApplications(page);
    await openOverview(page, 'Partner Dashboard');
    const before = await storedRecords(page);
    const dialog = await openRenameDialog(page);
    await nameField(dialog).press('ControlOrMeta+a');
    await nameField(dialog).press('Delete');
    await nameField(dialog).pressSequentially('Partner ');
    await page.keyboard.insertText('\u2067');
    await nameField(dialog).pressSequentially('draobhsaD');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('The name contains an invisible character that changes the direction of text (U+2067). Remove it.')).toBeVisible();
    await expect(nameField(dialog)).toHaveAttribute('aria-invalid', 'true');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(panelHeading(page, 'Partner Dashboard')).toBeVisible();
    expect(await storedRecords(page), 'nothing was saved').toEqual(before);
  });

  test('a name stored before such characters were refused is shown with them spelled out, kept as stored, and can be renamed', async ({ page }) => {
    await openApplications(page);
    const spoofed = 'Mobile Banking\u202Egnp.exe';
    const shown = 'Mobile Banking[U+202E]gnp.exe';
    const key = await page.evaluate((name) => {
      const key = Object.keys(localStorage).find((candidate) => candidate.includes('.app.') && JSON.parse(localStorage.getItem(candidate)).name === 'Mobile Banking');
      localStorage.setItem(key, JSON.stringify({ ...JSON.parse(localStorage.getItem(key)), name }));
      return key;
    }, spoofed);
    await page.reload();
    await expect(entry(page, shown)).toBeVisible();
    await expect(page.getByRole('alert'), 'the record is readable').toHaveCount(0);
    await expect(page.getByText(spoofed)).toHaveCount(0);
    await openOverview(page, shown);
    const storedName = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key)).name, key);
    expect(await storedName(), 'reading changed nothing').toBe(spoofed);

    // Another change writes the record back with the name as it was stored.
    await enabledSwitch(page).click();
    await expect(enabledSwitch(page)).not.toBeChecked();
    await expect.poll(() => page.evaluate((key) => JSON.parse(localStorage.getItem(key)).on, key)).toBe(false);
    expect(await storedName()).toBe(spoofed);

    const dialog = await openRenameDialog(page);
    await expect(nameField(dialog)).toHaveValue(shown);
    await nameField(dialog).press('ControlOrMeta+a');
    await nameField(dialog).press('Delete');
    await nameField(dialog).pressSequentially('Mobile Banking');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(panelHeading(page, 'Mobile Banking')).toBeVisible();
    expect(await storedName()).toBe('Mobile Banking');
  });

  test('a 10,000-character name is refused inline with the limit', async ({ page }) => {
    await openApplications(page);
    await openOverview(page, 'Mobile Banking');
    const dialog = await renameTo(page, 'x'.repeat(10_000));
    await expect(dialog.getByText('The name can be at most 256 characters long; this one has 10000.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(panelHeading(page, 'Mobile Banking')).toBeVisible();
  });

  test('a name of markup is saved and shown as plain text', async ({ page }) => {
    const markup = '<img src=x onerror="window.__injected=1"><b>bold</b>';
    await openApplications(page);
    await openOverview(page, 'Mobile Banking');
    const dialog = await renameTo(page, markup);
    await expect(dialog).toHaveCount(0);
    await expect(panelHeading(page, markup)).toBeVisible();
    await expect(page.locator('.panel img, .app-list img, .panel b, .app-list b')).toHaveCount(0);
    expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  });

  test('Escape and Cancel change nothing, even after typing', async ({ page }) => {
    await openApplications(page);
    await openOverview(page, 'Mobile Banking');
    let dialog = await openRenameDialog(page);
    await nameField(dialog).fill('Typed then escaped');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    dialog = await openRenameDialog(page);
    await expect(nameField(dialog), 'a new opening starts from the stored name').toHaveValue('Mobile Banking');
    await nameField(dialog).fill('Typed then cancelled');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await page.reload();
    await expect(panelHeading(page, 'Mobile Banking')).toBeVisible();
  });

  test('a rename in another tab while the dialog is open is reported in it, and Save then applies on top of it', async ({ page, newPage }) => {
    await openApplications(page);
    await openOverview(page, 'Billing Sync Worker');
    const other = await secondTab(page, newPage, 'Billing Sync Worker');
    await page.bringToFront();
    const dialog = await openRenameDialog(page);
    await nameField(dialog).fill('Name from tab A');

    await other.bringToFront();
    await renameTo(other, 'Name from tab B');
    await expect(panelHeading(other, 'Name from tab B')).toBeVisible();

    await page.bringToFront();
    await expect(dialog.getByRole('alert')).toContainText('in another tab or window');
    await expect(panelHeading(page, 'Name from tab B')).toBeVisible();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(panelHeading(page, 'Name from tab A')).toBeVisible();
    await expect(panelHeading(other, 'Name from tab A')).toBeVisible();
  });
});

test.describe('Enabled', () => {
  test('turning it off saves at once, announces it, and the list says Disabled', async ({ page }) => {
    await openApplications(page);
    await openOverview(page, 'Mobile Banking');
    await expect(enabledSwitch(page)).toBeChecked();
    await enabledSwitch(page).click();
    await expect(status(page)).toContainText('Application disabled.');
    await expect(enabledSwitch(page)).not.toBeChecked();
    await expect(entry(page, 'Mobile Banking')).toContainText('Disabled');
    await page.reload();
    await expect(enabledSwitch(page)).not.toBeChecked();
  });

  test('two quick toggles end where the user left it, both saved', async ({ page }) => {
    await openApplications(page);
    await openOverview(page, 'Mobile Banking');
    await enabledSwitch(page).evaluate((input) => {
      input.click();
      input.click();
    });
    await expect(enabledSwitch(page)).toBeChecked();
    await expect(status(page)).toContainText('Application enabled.');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(entry(page, 'Mobile Banking')).not.toContainText('Disabled');
    await page.reload();
    await expect(enabledSwitch(page)).toBeChecked();
    const stored = () => page.evaluate(() => {
      const record = Object.keys(localStorage)
        .filter((key) => key.startsWith('client-secret-console.v1.app.'))
        .map((key) => JSON.parse(localStorage.getItem(key)))
        .find((candidate) => candidate.name === 'Mobile Banking');
      return { on: record?.on, rev: record?.rev };
    });
    const before = await stored();
    // Three quick toggles end disabled.
    await enabledSwitch(page).evaluate((input) => {
      input.click();
      input.click();
      input.click();
    });
    await expect(status(page)).toContainText('Application disabled.');
    // The first toggle already announced "disabled": wait until all three are saved.
    await expect.poll(stored, { message: 'the stored record after three saves' }).toEqual({ on: false, rev: before.rev + 3 });
    await page.reload();
    await expect(enabledSwitch(page)).not.toBeChecked();
  });

  test('leaving while a toggle waits to be saved asks first; staying lets it be saved, then nothing is asked', async ({ page, newPage }) => {
    await openApplications(page);
    await openOverview(page, 'Mobile Banking');
    // Another tab holds the console's cross-tab lock, so the save has to wait for it.
    const other = await newPage();
    await other.goto('/favicon.svg');
    await other.evaluate(() => {
      window.releaseLock = null;
      navigator.locks.request('client-secret-console.writes', () => new Promise((resolve) => {
        window.releaseLock = resolve;
      }));
    });
    await other.waitForFunction(() => typeof window.releaseLock === 'function');
    const asked = [];
    page.on('dialog', async (dialog) => {
      asked.push(dialog.type());
      await dialog.dismiss();
    });
    await enabledSwitch(page).click();
    await expect(enabledSwitch(page)).not.toBeChecked();
    // Reload while the save waits: the browser asks, and the user stays.
    await page.evaluate(() => location.reload());
    await expect.poll(() => asked).toEqual(['beforeunload']);
    await expect(panelHeading(page, 'Mobile Banking')).toBeVisible();
    await expect(status(page)).not.toContainText('Application disabled.');
    await other.evaluate(() => window.releaseLock());
    await expect(status(page)).toContainText('Application disabled.');
    // Saved: a reload now goes through without a question, and the change is there.
    await page.reload();
    await expect(enabledSwitch(page)).not.toBeChecked();
    expect(asked).toEqual(['beforeunload']);
  });
});

test.describe('Delete Application', () => {
  test('the confirmation says it cannot be undone and waits for the acknowledgement', async ({ page }) => {
    await openApplications(page);
    await openOverview(page, 'Legacy Intranet');
    await page.getByRole('button', { name: 'Delete Application' }).click();
    const dialog = deleteDialog(page);
    await assertModal(dialog);
    await expect(dialog.getByText('This action cannot be undone.', { exact: true })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(panelHeading(page, 'Legacy Intranet')).toBeVisible();
  });

  test('Confirm removes it from the list and storage, closes the panel and returns focus to the list', async ({ page }) => {
    await openApplications(page);
    await openOverview(page, 'Legacy Intranet');
    await deleteOpenApplication(page);
    await expect(page).toHaveURL(/\/applications$/);
    await expect(page.getByRole('tabpanel')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Legacy Intranet' })).toHaveCount(0);
    await expect(status(page)).toContainText('Application deleted.');
    await expect(page.locator('.list-count')).toHaveText('10 applications');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.app-list, .search'))), 'focus is in the list').toBe(true);
    await page.reload();
    await expect(page.getByRole('link', { name: 'Legacy Intranet' })).toHaveCount(0);
  });

  test('another tab showing the application says it was deleted and offers the way back to the list', async ({ page, newPage }) => {
    await openApplications(page);
    await openOverview(page, 'Expense Tracker');
    const other = await secondTab(page, newPage, 'Expense Tracker');
    await page.bringToFront();
    await deleteOpenApplication(page);

    await other.bringToFront();
    await expect(other.getByText('This application was deleted')).toBeVisible();
    await expect(other.getByRole('link', { name: 'Expense Tracker' })).toHaveCount(0);
    await other.getByRole('link', { name: 'Back to Applications' }).click();
    await expect(other).toHaveURL(/\/applications$/);
    await expect(other.locator('.list-count')).toHaveText('10 applications');
  });

  test('a Generate dialog open in another tab cannot act on the deleted application', async ({ page, newPage }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    const other = await secondTab(page, newPage, 'Partner Dashboard');
    const dialog = await openGenerateDialog(other);
    await dialog.getByRole('radio', { name: 'Retain for 1 Day' }).check();
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();

    await page.bringToFront();
    await page.getByRole('tab', { name: 'Overview' }).click();
    await deleteOpenApplication(page);

    await other.bringToFront();
    await expect(other.getByText('This application was deleted')).toBeVisible();
    await expect(generateDialog(other)).toHaveCount(0);
    await other.reload();
    await expect(other.getByText('No application has this address')).toBeVisible();
  });
});

test.describe('The Overview edits pass axe', () => {
  for (const mode of MODES) {
    test(`the Overview tab and its dialogs have no axe violations (${mode.name})`, async ({ page, axe }) => {
      await page.emulateMedia({ colorScheme: mode.colorScheme });
      await page.setViewportSize(mode.viewport);
      await openApplications(page);
      await openOverview(page, 'Mobile Banking');
      await enabledSwitch(page).click();
      await expect(status(page)).toContainText('Application disabled.');
      await expectAccessible(axe, page, `the Overview tab (${mode.name})`);
      const dialog = await renameTo(page, '  ');
      await expect(dialog.getByText('Enter a name for the application.')).toBeVisible();
      await expectAccessible(axe, page, `Rename Application with an error (${mode.name})`);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Delete Application' }).click();
      await expect(deleteDialog(page)).toBeVisible();
      await expectAccessible(axe, page, `Delete Application (${mode.name})`);
    });
  }
});
