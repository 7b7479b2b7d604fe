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

  test('choosing it reveals the number field Custom duration and the select Unit with Days and Hours', async () => {
    await expect(amount()).toBeVisible();
    await expect(amount()).toHaveAttribute('type', 'number');
    await expect(unit().getByRole('option')).toHaveText(['Days', 'Hours']);
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
