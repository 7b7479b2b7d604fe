// Retain for custom duration: a positive whole number of Days or Hours, at most 30 days (720
// hours); anything else keeps Confirm disabled and shows why (SPEC.md domain rules). The cases
// share one open dialog (custom chosen, the acknowledgement ticked, so only the duration can
// disable Confirm); each case starts from the opposite validity so the dialog must react, and
// none depends on another having run.
import { test, expect } from './fixtures.mjs';
import { ACKNOWLEDGE, openApplications, openConfiguration, openGenerateDialog, visibleDescription } from './support/app.mjs';

const INVALID = [
  ['0', 'Days', 'zero'],
  ['31', 'Days', 'more than 30 days'],
  ['721', 'Hours', 'more than 720 hours'],
  ['', 'Days', 'empty'],
  ['-3', 'Days', 'negative'],
  ['1.5', 'Days', 'not a whole number'],
];
const VALID = [
  ['30', 'Days'],
  ['720', 'Hours'],
  ['1', 'Hours'],
];

test.describe('Retain for custom duration', () => {
  let session;
  let dialog;
  const amount = () => dialog.getByRole('spinbutton', { name: 'Custom duration' });
  const unit = () => dialog.getByRole('combobox', { name: 'Unit', exact: true });
  const confirm = () => dialog.getByRole('button', { name: 'Confirm' });

  async function enter(value, unitLabel) {
    await unit().selectOption({ label: unitLabel });
    await amount().fill(value);
  }

  test.beforeAll(async ({ openSession }) => {
    session = await openSession();
    await openApplications(session.page);
    await openConfiguration(session.page, 'Partner Dashboard');
    dialog = await openGenerateDialog(session.page);
    await expect(amount()).toHaveCount(0);
    await dialog.getByRole('radio', { name: 'Retain for custom duration' }).check();
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  });
  test.afterAll(() => session?.close());

  test('choosing it reveals the number field Custom duration, right under its own option, and the select Unit with Days and Hours', async () => {
    await expect(amount()).toBeVisible();
    // Adapted: this asserted type="number", whose sanitising rewrote what was typed (number_fields.spec.mjs).
    await expect(amount(), 'a numeric keyboard on phones').toHaveAttribute('inputmode', 'numeric');
    await expect(unit().getByRole('option')).toHaveText(['Days', 'Hours']);
    const top = async (locator) => (await locator.boundingBox()).y;
    const fieldTop = await top(amount());
    expect(fieldTop, 'below Retain for custom duration').toBeGreaterThan(await top(dialog.getByRole('radio', { name: 'Retain for custom duration' })));
    expect(fieldTop, 'above Do Not Retain Previous Secret').toBeLessThan(await top(dialog.getByRole('radio', { name: 'Do Not Retain Previous Secret' })));
  });

  for (const [value, unitLabel, why] of INVALID) {
    test(`${JSON.stringify(value)} ${unitLabel} (${why}) keeps Confirm disabled and shows a message`, async () => {
      await enter('5', 'Days');
      await expect(confirm()).toBeEnabled();
      await enter(value, unitLabel);
      await expect(confirm()).toBeDisabled();
      await expect(amount()).toHaveAttribute('aria-invalid', 'true');
      await expect.poll(() => visibleDescription(amount()), { message: 'a visible message tied to the field says why' }).not.toBe('');
    });
  }

  for (const [value, unitLabel] of VALID) {
    test(`${JSON.stringify(value)} ${unitLabel} is accepted: Confirm is enabled and no message is shown`, async () => {
      await enter('0', 'Days');
      await expect(confirm()).toBeDisabled();
      await enter(value, unitLabel);
      await expect(confirm()).toBeEnabled();
      await expect(amount()).not.toHaveAttribute('aria-invalid', 'true');
      await expect.poll(() => visibleDescription(amount()), { message: 'no message is shown' }).toBe('');
    });
  }
});

test.describe('Retain for custom duration, freshly chosen on a 360 px screen', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  async function chooseCustom(page) {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    const dialog = await openGenerateDialog(page);
    await dialog.getByRole('radio', { name: 'Retain for custom duration' }).check();
    return dialog;
  }

  test('no error shows before anything is typed, though Confirm stays disabled while the field is empty', async ({ page }) => {
    const dialog = await chooseCustom(page);
    const amount = dialog.getByRole('spinbutton', { name: 'Custom duration' });
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await expect(amount).toHaveAttribute('aria-invalid', 'false');
    expect(await visibleDescription(amount), 'no message before typing').toBe('');

    await amount.pressSequentially('3');
    await amount.press('Backspace');
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect.poll(() => visibleDescription(amount), { message: 'once typed, an empty field says why' }).toContain('Enter how long');
  });

  test('the custom fields fit the dialog, and moving to Unit does not shift the dialog sideways', async ({ page }) => {
    const dialog = await chooseCustom(page);
    const amount = dialog.getByRole('spinbutton', { name: 'Custom duration' });
    const unit = dialog.getByRole('combobox', { name: 'Unit', exact: true });
    const title = dialog.getByRole('heading', { name: 'Generate New Secret' });
    const widths = await dialog.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    expect(widths.scrollWidth, `content ${widths.scrollWidth} px wide in a dialog of ${widths.clientWidth} px`).toBeLessThanOrEqual(widths.clientWidth);
    const dialogBox = await dialog.boundingBox();
    for (const field of [amount, unit]) {
      const box = await field.boundingBox();
      expect(box.x + box.width, 'the field ends inside the dialog').toBeLessThanOrEqual(dialogBox.x + dialogBox.width);
    }

    const titleBefore = await title.boundingBox();
    await amount.focus();
    await page.keyboard.press('Tab');
    await expect(unit).toBeFocused();
    expect(await dialog.evaluate((element) => element.scrollLeft), 'the dialog did not scroll sideways').toBe(0);
    expect((await title.boundingBox()).x, 'the title stays where it was').toBe(titleBefore.x);
  });
});
