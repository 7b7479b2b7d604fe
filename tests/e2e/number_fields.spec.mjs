// Typed input is taken as typed (SPEC.md "UI contract"): the number fields Custom duration and
// Rotation interval (days) keep exactly what the administrator typed, key by key, pasted or
// filled, and refuse anything that is not a whole number in range with the reason beside the
// field and the action disabled; nothing is ever saved as another number. (A browser's number
// input once turned "0.5" typed key by key into "50", "1e3" into "3" and "-1" into "1", and
// saved that.) Each case starts from a valid value, so the field must react to what is typed.
import { test, expect } from './fixtures.mjs';
import {
  ACKNOWLEDGE, DAY, browserNow, openApplications, openConfiguration, openGenerateDialog, previousExpiry,
  previousRegion, status, visibleDescription,
} from './support/app.mjs';

const START = Date.UTC(2026, 11, 1, 9, 0, 0);

/** Empties a field the way a person does: select everything, then Backspace. */
async function clear(field) {
  await field.press('ControlOrMeta+a');
  await field.press('Backspace');
  await expect(field).toHaveValue('');
}

/** Types `text` key by key into the emptied field. */
async function typeInto(field, text) {
  await clear(field);
  await field.pressSequentially(text);
}

/** Pastes `text` from the clipboard into the emptied field with the keyboard. */
async function pasteInto(field, text) {
  await field.page().evaluate((value) => navigator.clipboard.writeText(value), text);
  await clear(field);
  await field.press('ControlOrMeta+v');
}

/** The field keeps `text`, says it is invalid with a visible reason, and `action` is disabled. */
async function expectRefused(field, action, text) {
  await expect(field, 'the field shows exactly what was entered').toHaveValue(text);
  await expect(action).toBeDisabled();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect.poll(() => visibleDescription(field), { message: 'the reason is shown beside the field' }).not.toBe('');
}

test.describe('Custom duration', () => {
  test.use({ clockAt: START });
  let session;
  let dialog;
  const amount = () => dialog.getByRole('spinbutton', { name: 'Custom duration' });
  const unit = () => dialog.getByRole('combobox', { name: 'Unit', exact: true });
  const confirm = () => dialog.getByRole('button', { name: 'Confirm' });

  /** Starts each case from a valid 5 Days, then chooses `unitLabel`. */
  async function startValid(unitLabel) {
    await unit().selectOption({ label: 'Days' });
    await typeInto(amount(), '5');
    await expect(confirm()).toBeEnabled();
    await unit().selectOption({ label: unitLabel });
  }

  test.beforeAll(async ({ openSession }) => {
    session = await openSession({ clockAt: START });
    await openApplications(session.page);
    await openConfiguration(session.page, 'Partner Dashboard');
    dialog = await openGenerateDialog(session.page);
    await dialog.getByRole('radio', { name: 'Retain for custom duration' }).check();
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  });
  test.afterAll(() => session?.close());

  for (const [typed, unitLabel] of [
    ['0.5', 'Hours'],
    ['1e3', 'Days'],
    ['-1', 'Days'],
    ['1.5', 'Days'],
    ['31', 'Days'],
    ['721', 'Hours'],
  ]) {
    test(`${typed} ${unitLabel} typed key by key stays as typed and keeps Confirm disabled`, async () => {
      await startValid(unitLabel);
      await typeInto(amount(), typed);
      await expectRefused(amount(), confirm(), typed);
    });
  }

  for (const [entered, unitLabel] of [['0.5', 'Hours'], ['1e3', 'Days'], ['-1', 'Days']]) {
    test(`${entered} ${unitLabel} pasted or filled is refused the same way`, async () => {
      await startValid(unitLabel);
      await pasteInto(amount(), entered);
      await expectRefused(amount(), confirm(), entered);
      await startValid(unitLabel);
      await amount().fill(entered);
      await expectRefused(amount(), confirm(), entered);
    });
  }

  test('the arrow keys step a whole number within the range, and leave other text alone', async () => {
    await startValid('Days');
    await typeInto(amount(), '29');
    await amount().press('ArrowUp');
    await expect(amount()).toHaveValue('30');
    await amount().press('ArrowUp');
    await expect(amount(), 'never past 30 days').toHaveValue('30');
    await expect(amount()).toHaveAttribute('aria-valuenow', '30');
    await expect(amount()).toHaveAttribute('aria-valuemax', '30');
    await unit().selectOption({ label: 'Hours' });
    await expect(amount()).toHaveAttribute('aria-valuemax', '720');
    await typeInto(amount(), '1e3');
    await amount().press('ArrowDown');
    await expectRefused(amount(), confirm(), '1e3');
  });
});

test.describe('Custom duration: a valid amount typed key by key', () => {
  test.use({ clockAt: START });

  test('14 Days is accepted and the previous secret expires 14 days after Confirm', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    const dialog = await openGenerateDialog(page);
    await dialog.getByRole('radio', { name: 'Retain for custom duration' }).check();
    const amount = dialog.getByRole('spinbutton', { name: 'Custom duration' });
    await amount.pressSequentially('14');
    await expect(amount).toHaveValue('14');
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
    const confirm = dialog.getByRole('button', { name: 'Confirm' });
    await expect(confirm).toBeEnabled();
    const before = await browserNow(page);
    await confirm.click();
    await expect(dialog).toBeHidden();
    const after = await browserNow(page);
    await expect(previousRegion(page)).toBeVisible();
    const expiresAt = await previousExpiry(page);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 14 * DAY - 2_000);
    expect(expiresAt).toBeLessThanOrEqual(after + 14 * DAY + 2_000);
  });
});

test.describe('Rotation interval (days)', () => {
  test.use({ clockAt: START });
  const policyForm = (page) => page.getByRole('form', { name: 'Rotation Policy' });
  const interval = (page) => policyForm(page).getByRole('spinbutton', { name: 'Rotation interval (days)' });
  const save = (page) => policyForm(page).getByRole('button', { name: 'Save' });

  async function openRotation(page) {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Secret Rotation/ }).click();
    await expect(page.getByRole('heading', { name: 'Secret Rotation', level: 1 })).toBeVisible();
    await expect(interval(page)).toHaveValue('90');
  }

  test('-1, 1e3, 0.5 and 3651 typed key by key stay as typed and keep Save disabled; nothing is saved', async ({ page }) => {
    await openRotation(page);
    for (const typed of ['-1', '1e3', '0.5', '3651']) {
      await typeInto(interval(page), '45');
      await expect(save(page)).toBeEnabled();
      await typeInto(interval(page), typed);
      await expectRefused(interval(page), save(page), typed);
      await interval(page).press('Enter');
    }
    await expect(status(page)).not.toContainText('Rotation policy saved');
    await page.reload();
    await expect(interval(page), 'the stored policy is still the default').toHaveValue('90');
  });

  test('pasted or filled, the same text is refused', async ({ page }) => {
    await openRotation(page);
    for (const entered of ['-1', '1e3', '0.5']) {
      await pasteInto(interval(page), entered);
      await expectRefused(interval(page), save(page), entered);
      await interval(page).fill(entered);
      await expectRefused(interval(page), save(page), entered);
    }
  });

  test('a valid interval typed key by key is saved as typed', async ({ page }) => {
    await openRotation(page);
    await typeInto(interval(page), '45');
    await expect(interval(page)).toHaveValue('45');
    await expect(interval(page)).toHaveAttribute('aria-invalid', 'false');
    await save(page).click();
    await expect(status(page)).toContainText('Rotation policy saved: rotate client secrets every 45 days.');
    await page.reload();
    await expect(interval(page)).toHaveValue('45');
  });
});
