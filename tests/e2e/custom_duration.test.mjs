// Retain for custom duration: a positive whole number of Days or Hours, at most 30 days (720
// hours); anything else keeps Confirm disabled and shows why (SPEC.md domain rules). The cases
// share one open dialog (custom chosen, the acknowledgement ticked, so only the duration can
// disable Confirm); each case starts from the opposite validity so the dialog must react.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './support/harness.mjs';
import { expect } from './support/expect.mjs';
import { ACKNOWLEDGE, openApplications, openConfiguration, openGenerateDialog, visibleDescription } from './support/app.mjs';

const env = useBrowser();
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

describe('Retain for custom duration', () => {
  let session;
  let dialog;
  const amount = () => dialog.getByRole('spinbutton', { name: 'Custom duration' });
  const unit = () => dialog.getByRole('combobox', { name: 'Unit', exact: true });
  const confirm = () => dialog.getByRole('button', { name: 'Confirm' });

  async function enter(value, unitLabel) {
    await unit().selectOption({ label: unitLabel });
    await amount().fill(value);
  }

  before(async () => {
    session = await env.open();
    await openApplications(session.page);
    await openConfiguration(session.page, 'Partner Dashboard');
    dialog = await openGenerateDialog(session.page);
    await expect(amount()).toHaveCount(0);
    await dialog.getByRole('radio', { name: 'Retain for custom duration' }).check();
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  });
  after(async () => {
    session.assertClean();
    await session.close();
  });

  test('choosing it reveals the number field Custom duration and the select Unit with Days and Hours', async () => {
    await expect(amount()).toBeVisible();
    assert.equal(await amount().getAttribute('type'), 'number');
    const options = await unit().getByRole('option').allTextContents();
    assert.deepEqual(options.map((option) => option.trim()), ['Days', 'Hours']);
  });

  for (const [value, unitLabel, why] of INVALID) {
    test(`${JSON.stringify(value)} ${unitLabel} (${why}) keeps Confirm disabled and shows a message`, async () => {
      await enter('5', 'Days');
      await expect(confirm()).toBeEnabled();
      await enter(value, unitLabel);
      await expect(confirm()).toBeDisabled();
      await expect(amount()).toHaveAttribute('aria-invalid', 'true');
      assert.notEqual(await visibleDescription(amount()), '', 'a visible message tied to the field says why');
    });
  }

  for (const [value, unitLabel] of VALID) {
    test(`${JSON.stringify(value)} ${unitLabel} is accepted: Confirm is enabled and no message is shown`, async () => {
      await enter('0', 'Days');
      await expect(confirm()).toBeDisabled();
      await enter(value, unitLabel);
      await expect(confirm()).toBeEnabled();
      assert.notEqual(await amount().getAttribute('aria-invalid'), 'true');
      assert.equal(await visibleDescription(amount()), '', 'no message is shown');
    });
  }
});
