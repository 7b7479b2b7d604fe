// The console with the keyboard alone: Tab order, the list entries, the tabs pattern, the Generate and
// Revoke dialogs, Escape, and where focus goes afterwards. Setup may focus an element directly, but
// every step under test is a key press.
import { test, expect } from './fixtures.mjs';
import { ACKNOWLEDGE, openApplications } from './support/app.mjs';

/** The focused element as a role and a name, e.g. `button "Add Application"`, for readable failures. */
function focusedElement(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const implicit = { A: 'link', BUTTON: 'button', SELECT: 'combobox', H2: 'heading', INPUT: element.type === 'search' ? 'searchbox' : element.type };
    const role = element.getAttribute('role') ?? implicit[element.tagName] ?? element.tagName.toLowerCase();
    const name = element.getAttribute('aria-label') ?? element.labels?.[0]?.textContent ?? element.textContent;
    return `${role} "${name.replace(/\s+/g, ' ').trim()}"`;
  });
}

/** Presses `key` until `locator` has focus; fails listing everything focus passed through. */
async function pressUntilFocused(page, locator, { key = 'Tab', max = 30 } = {}) {
  const visited = [];
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press(key);
    visited.push(await focusedElement(page));
    if (await locator.evaluate((element) => element === document.activeElement).catch(() => false)) return visited;
  }
  throw new Error(`${key} never focused ${locator}; focus went through:\n  ${visited.join('\n  ')}`);
}

/** Opens an application from its focused list entry with Enter and tabs to its Overview tab; returns the entry. */
async function openPanelByKeyboard(page, name) {
  await openApplications(page);
  const entry = page.getByRole('link', { name });
  await entry.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await pressUntilFocused(page, page.getByRole('tab', { name: 'Overview' }));
  return entry;
}

/** Opens an application's panel by keyboard, then its Configuration tab with ArrowRight. */
async function openConfigurationByKeyboard(page, name) {
  await openPanelByKeyboard(page, name);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Configuration' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
}

/**
 * Opens `application`'s Configuration tab by keyboard, tabs to the button named `title` and
 * presses `key` on it; returns that button and the dialog of the same name, checked visible.
 */
async function openDialogByKeyboard(page, application, title, key = 'Enter') {
  await openConfigurationByKeyboard(page, application);
  const opener = page.getByRole('button', { name: title });
  await pressUntilFocused(page, opener);
  await page.keyboard.press(key);
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return { opener, dialog };
}

/** With focus on the acknowledgement: Space ticks it, Tab moves to Confirm; returns Confirm. */
async function acknowledgeByKeyboard(page, dialog) {
  const acknowledge = dialog.getByRole('checkbox', { name: ACKNOWLEDGE });
  await expect(acknowledge).toBeFocused();
  await page.keyboard.press('Space');
  await expect(acknowledge, 'Space ticks the acknowledgement').toBeChecked();
  await page.keyboard.press('Tab');
  const confirm = dialog.getByRole('button', { name: 'Confirm' });
  await expect(confirm).toBeFocused();
  return confirm;
}

async function expectTabSelected(page, selected, other) {
  const tabs = page.getByRole('tablist').getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await expect(page.getByRole('tab', { name: selected })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: selected })).toHaveAttribute('tabindex', '0');
  await expect(page.getByRole('tab', { name: selected })).toBeFocused();
  await expect(page.getByRole('tab', { name: other })).toHaveAttribute('aria-selected', 'false');
  await expect(page.getByRole('tab', { name: other })).toHaveAttribute('tabindex', '-1');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', `tab-${selected.toLowerCase()}`);
  await expect(page).toHaveURL(new RegExp(`/applications/[0-9a-f-]{36}/${selected.toLowerCase()}$`));
}

test.describe('Keyboard: the applications list', () => {
  test('Tab reaches Add Application, the search box and the list entries, and Enter opens an entry', async ({ page }) => {
    await openApplications(page);
    const visited = await pressUntilFocused(page, page.getByRole('link', { name: 'Customer Portal' }));
    const add = visited.indexOf('button "Add Application"');
    const search = visited.findIndex((seen) => seen.startsWith('searchbox "Search'));
    const order = `Add Application, then the search box, then the list; focus went:\n  ${visited.join('\n  ')}`;
    expect(add, order).toBeGreaterThanOrEqual(0);
    expect(search, order).toBeGreaterThan(add);
    expect(search, 'the first list entry follows the search box').toBe(visited.length - 2);

    await page.keyboard.press('Tab');
    const entry = page.getByRole('link', { name: 'Partner Dashboard' });
    await expect(entry).toBeFocused();
    const clientId = await entry.getAttribute('data-client-id');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Partner Dashboard', level: 2 })).toBeVisible();
    await expect(page).toHaveURL(`/applications/${clientId}/overview`);
  });

  test('Escape in the details panel closes it and focus returns to its list entry', async ({ page }) => {
    const entry = await openPanelByKeyboard(page, 'Mobile Banking');

    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Mobile Banking', level: 2 })).toBeHidden();
    await expect(page).toHaveURL('/applications');
    await expect(entry).toBeFocused();
  });

  test('at 360 px wide, where the panel replaces the list, Enter on an entry moves focus into the panel', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openApplications(page);
    await page.getByRole('link', { name: 'Mobile Banking' }).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Mobile Banking' });
    await expect(panel.getByRole('heading', { name: 'Mobile Banking', level: 2 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Mobile Banking' })).toBeHidden();
    await expect(panel.locator(':focus')).toHaveCount(1).catch(async () => {
      throw new Error(`focus should move into the details panel once its list entry is hidden; it is on ${await focusedElement(page)}`);
    });
  });
});

test.describe('Keyboard: the details tabs follow the WAI-ARIA tabs pattern', () => {
  test('only the selected tab is in the Tab sequence', async ({ page }) => {
    await openPanelByKeyboard(page, 'Customer Portal');
    await expectTabSelected(page, 'Overview', 'Configuration');

    await page.keyboard.press('ArrowRight');
    await expectTabSelected(page, 'Configuration', 'Overview');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page), 'Tab leaves the tablist for the panel content').toBe('button "Show client secret"');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedElement(page), 'Shift+Tab skips the unselected tab').toBe('button "Close details"');
  });

  test('ArrowRight, ArrowLeft, Home and End move the selection and the focus', async ({ page }) => {
    await openPanelByKeyboard(page, 'Field Service App');

    const steps = [
      ['ArrowRight', 'Configuration', 'Overview'],
      ['ArrowRight', 'Overview', 'Configuration'],
      ['ArrowLeft', 'Configuration', 'Overview'],
      ['ArrowLeft', 'Overview', 'Configuration'],
      ['End', 'Configuration', 'Overview'],
      ['Home', 'Overview', 'Configuration'],
    ];
    for (const [key, selected, other] of steps) {
      await page.keyboard.press(key);
      await expectTabSelected(page, selected, other);
    }
    await expect(page.getByRole('heading', { name: 'Field Service App', level: 2 })).toBeVisible();
  });
});

test.describe('Keyboard: Generate New Secret', () => {
  test('the dialog is operated with the keyboard alone and confirms into the status region', async ({ page }) => {
    const { opener, dialog } = await openDialogByKeyboard(page, 'Partner Dashboard', 'Generate New Secret');
    await expect(dialog.getByRole('radiogroup', { name: 'Retain Previous Secret' }).locator(':focus')).toHaveCount(1);

    const sevenDays = dialog.getByRole('radio', { name: 'Retain for 7 Days' });
    await pressUntilFocused(page, sevenDays, { key: 'ArrowDown', max: 5 });
    await page.keyboard.press('Space');
    await expect(sevenDays, 'Space leaves Retain for 7 Days selected').toBeChecked();
    await page.keyboard.press('Tab');
    const confirm = await acknowledgeByKeyboard(page, dialog);
    await expect(confirm).toBeEnabled();
    await page.keyboard.press('Enter');

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText('New client secret generated');
    await expect(page.getByRole('region', { name: 'Previous Client Secret' })).toBeVisible();
    await expect(opener).toBeFocused();
  });

  test('Escape cancels the dialog, changes nothing and returns focus to Generate New Secret', async ({ page }) => {
    const { opener, dialog } = await openDialogByKeyboard(page, 'Partner Dashboard', 'Generate New Secret', 'Space');
    await pressUntilFocused(page, dialog.getByRole('radio', { name: 'Do Not Retain Previous Secret' }), { key: 'ArrowDown', max: 5 });
    await pressUntilFocused(page, dialog.getByRole('checkbox', { name: ACKNOWLEDGE }), { max: 3 });
    await page.keyboard.press('Space');

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Partner Dashboard', level: 2 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Previous Client Secret' })).toHaveCount(0);
    await expect(page.getByRole('status'), 'nothing was announced').toHaveText('');
  });
});

test.describe('Keyboard: Revoke Previous Client Secret', () => {
  test('the dialog is operated with the keyboard alone and confirms into the status region', async ({ page }) => {
    const { dialog } = await openDialogByKeyboard(page, 'Customer Portal', 'Revoke Previous Client Secret');

    await acknowledgeByKeyboard(page, dialog);
    await page.keyboard.press('Space');

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Previous client secret revoked');
    await expect(page.getByRole('region', { name: 'Previous Client Secret' })).toHaveCount(0);
    // The button that opened the dialog went with its section: focus lands on the panel heading.
    await expect(page.getByRole('heading', { name: 'Customer Portal', level: 2 })).toBeFocused();
  });

  test('Escape cancels the dialog and returns focus to Revoke Previous Client Secret', async ({ page }) => {
    const { opener, dialog } = await openDialogByKeyboard(page, 'Nightly Report Job', 'Revoke Previous Client Secret');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    await expect(page.getByRole('region', { name: 'Previous Client Secret' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Nightly Report Job', level: 2 })).toBeVisible();
  });
});

test.describe('Keyboard: confirmations are announced', () => {
  test('the status region is present before any action and announces a copied secret', async ({ page }) => {
    await openConfigurationByKeyboard(page, 'Billing Sync Worker');
    const status = page.getByRole('status');
    await expect(status).toHaveCount(1);
    await expect(status, 'the live region starts empty').toHaveText('');

    await pressUntilFocused(page, page.getByRole('button', { name: 'Copy client secret' }));
    await page.keyboard.press('Enter');
    await expect(status).toContainText('The client secret was copied to the clipboard.');
  });

  test('adding an application with the keyboard announces it and opens its details', async ({ page }) => {
    await openApplications(page);
    await pressUntilFocused(page, page.getByRole('button', { name: 'Add Application' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add Application' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Application Name' })).toBeFocused();
    await page.keyboard.type('Keyboard Only App');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('radio', { name: 'OIDC Web App' })).toBeFocused();
    const worker = dialog.getByRole('radio', { name: 'Worker' });
    await pressUntilFocused(page, worker, { key: 'ArrowDown', max: 5 });
    await expect(worker, 'the arrow keys select the focused type').toBeChecked();
    await pressUntilFocused(page, dialog.getByRole('button', { name: 'Save' }), { max: 3 });
    await page.keyboard.press('Enter');

    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText('Application added.');
    await expect(page.getByRole('heading', { name: 'Keyboard Only App', level: 2 })).toBeVisible();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}\/overview$/);
  });
});
