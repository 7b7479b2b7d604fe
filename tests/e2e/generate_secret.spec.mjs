// The documented Generate procedure, step by step (SPEC.md "Generate" 1-6), for every retention
// choice, and what it leaves behind: a new secret, the old one retained (or not), a confirmation,
// and all of it after a reload. The custom duration's validation: custom_duration.spec.mjs.
import { test, expect } from './fixtures.mjs';
import {
  ACKNOWLEDGE, DAY, HOUR, RETENTIONS, SECRET_SHAPE, assertModal, browserNow, clientIdFromEntry, entry,
  expectConfirmNeedsAcknowledgement, generateDialog, generateSecret, openApplications, openConfiguration,
  openGenerateDialog, panelHeading, previousExpiry, previousRegion, readSecrets, recordDialogNotices, revealedSecret,
  secretRegion, status,
} from './support/app.mjs';

/** Tolerance between the expiry the app records and now + retention measured around Confirm. */
const SLACK = 5_000;

/**
 * The whole procedure on `name` with `retention` (steps 1-6): reads the secrets before, generates,
 * and checks the new current secret and the previous one, which must be the OLD current value
 * expiring `retentionMs` after the new secret was created, or absent when `retentionMs` is null.
 */
async function rotateAndCheck(page, name, retention, retentionMs, custom) {
  await openApplications(page);
  await openConfiguration(page, name);
  const before = await readSecrets(page);
  expect(before.current, 'the current secret has the documented shape').toMatch(SECRET_SHAPE);

  const startedAt = await browserNow(page);
  await generateSecret(page, retention, custom);
  const confirmedAt = await browserNow(page);

  await expect(secretRegion(page).getByRole('button', { name: 'Show client secret' })).toBeVisible();
  const after = await readSecrets(page);
  expect(after.current, 'the new secret has the documented shape').toMatch(SECRET_SHAPE);
  expect(after.current, 'the current secret changed').not.toBe(before.current);
  if (retentionMs === null) {
    await expect(previousRegion(page)).toHaveCount(0);
    return { before, after };
  }
  await expect(previousRegion(page)).toBeVisible();
  expect(after.previous, 'the previous secret is the old current secret').toBe(before.current);
  const expiresAt = await previousExpiry(page);
  const expected =
    `expiry ${new Date(expiresAt).toISOString()} is now + ${retentionMs / HOUR} h ` +
    `(between ${new Date(startedAt + retentionMs).toISOString()} and ${new Date(confirmedAt + retentionMs).toISOString()})`;
  expect(expiresAt, expected).toBeGreaterThanOrEqual(startedAt + retentionMs - SLACK);
  expect(expiresAt, expected).toBeLessThanOrEqual(confirmedAt + retentionMs + SLACK);
  return { before, after };
}

test.describe('Generate New Secret: the procedure step by step', () => {
  test('step 2: clicking an application entry opens its details panel at a URL of its own', async ({ page }) => {
    await openApplications(page);
    const clientId = await clientIdFromEntry(page, 'Partner Dashboard');
    await entry(page, 'Partner Dashboard').click();
    await expect(panelHeading(page, 'Partner Dashboard')).toBeVisible();
    await expect(page).toHaveURL(`/applications/${clientId}/overview`);
  });

  test('step 2: Enter on a focused application entry opens its details panel', async ({ page }) => {
    await openApplications(page);
    const clientId = await clientIdFromEntry(page, 'Mobile Banking');
    await entry(page, 'Mobile Banking').focus();
    await page.keyboard.press('Enter');
    await expect(panelHeading(page, 'Mobile Banking')).toBeVisible();
    await expect(page).toHaveURL(`/applications/${clientId}/overview`);
  });

  test('step 3: the Configuration tab has its own URL and a Client Secret region with a masked secret', async ({ page }) => {
    await openApplications(page);
    const clientId = await clientIdFromEntry(page, 'Partner Dashboard');
    await openConfiguration(page, 'Partner Dashboard');
    await expect(page).toHaveURL(`/applications/${clientId}/configuration`);
    const region = secretRegion(page);
    await expect(region).toBeVisible();
    await expect(region.getByRole('heading', { name: 'Client Secret', exact: true })).toBeVisible();
    await expect(region.locator('code')).toHaveCount(0);
    await expect(region.getByRole('button', { name: 'Generate New Secret' })).toBeVisible();
  });

  test('step 3: Show client secret reveals a secret of at least 64 URL-unreserved characters in a code element', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Billing Sync Worker');
    const region = secretRegion(page);
    await region.getByRole('button', { name: 'Show client secret' }).click();
    await expect(region.locator('code')).toHaveText(SECRET_SHAPE);
    await region.getByRole('button', { name: 'Hide client secret' }).click();
    await expect(region.locator('code')).toHaveCount(0);
  });

  test('step 4: Generate New Secret opens a modal dialog with the radio group Retain Previous Secret and its five choices', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    const dialog = await openGenerateDialog(page);
    await assertModal(dialog);
    const group = dialog.getByRole('radiogroup', { name: 'Retain Previous Secret' });
    await expect(group).toBeVisible();
    await expect(group.getByRole('radio')).toHaveCount(5);
    for (const name of RETENTIONS) await expect(group.getByRole('radio', { name })).toHaveCount(1);
    await expect(dialog.getByRole('checkbox', { name: ACKNOWLEDGE })).not.toBeChecked();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  });

  test('step 5: each retention radio is named exactly as the documented choice, hints going to its description', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    const dialog = await openGenerateDialog(page);
    for (const name of RETENTIONS) await expect(dialog.getByRole('radio', { name, exact: true })).toHaveCount(1);
  });

  test('step 5: Retain for 30 Days is preselected when the dialog opens', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    const dialog = await openGenerateDialog(page);
    await expect(dialog.getByRole('radio', { name: 'Retain for 30 Days' })).toBeChecked();
    for (const name of RETENTIONS.filter((name) => name !== 'Retain for 30 Days')) {
      await expect(dialog.getByRole('radio', { name })).not.toBeChecked();
    }
  });

  test('step 6: Confirm is disabled until I understand and would like to continue is ticked', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Mobile Banking');
    await expectConfirmNeedsAcknowledgement(await openGenerateDialog(page));
  });

  test('the dialog warns when an existing previous secret will be replaced, and only then', async ({ page }) => {
    const warning = (dialog) => dialog.getByText(/already has a previous secret|will be replaced|replaces? the (existing )?previous/i);
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    await expect(previousRegion(page)).toBeVisible();
    let dialog = await openGenerateDialog(page);
    await expect(warning(dialog).first()).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();

    await openConfiguration(page, 'Partner Dashboard');
    await expect(previousRegion(page)).toHaveCount(0);
    dialog = await openGenerateDialog(page);
    await expect(warning(dialog)).toHaveCount(0);
  });
});

test.describe('Generate New Secret: each retention choice', () => {
  test('Retain for 1 Day keeps the old secret as the previous secret, expiring 1 day after the new one is created', async ({ page }) => {
    await rotateAndCheck(page, 'Partner Dashboard', 'Retain for 1 Day', DAY);
  });

  test('Retain for 7 Days keeps the old secret as the previous secret, expiring 7 days after the new one is created', async ({ page }) => {
    await rotateAndCheck(page, 'Mobile Banking', 'Retain for 7 Days', 7 * DAY);
  });

  test('Retain for 30 Days keeps the old secret as the previous secret, expiring 30 days after the new one is created', async ({ page }) => {
    await rotateAndCheck(page, 'Billing Sync Worker', 'Retain for 30 Days', 30 * DAY);
  });

  test('a custom duration of 14 Days keeps the previous secret for 14 days', async ({ page }) => {
    await rotateAndCheck(page, 'Partner Dashboard', 'Retain for custom duration', 14 * DAY, { amount: '14', unit: 'Days' });
  });

  test('a custom duration of 36 Hours keeps the previous secret for 36 hours', async ({ page }) => {
    await rotateAndCheck(page, 'Mobile Banking', 'Retain for custom duration', 36 * HOUR, { amount: '36', unit: 'Hours' });
  });

  test('a custom duration of 720 Hours, the maximum, keeps the previous secret for 30 days', async ({ page }) => {
    await rotateAndCheck(page, 'Billing Sync Worker', 'Retain for custom duration', 720 * HOUR, { amount: '720', unit: 'Hours' });
  });

  test('Do Not Retain Previous Secret leaves no previous secret, even where one existed', async ({ page }) => {
    const { before } = await rotateAndCheck(page, 'Customer Portal', 'Do Not Retain Previous Secret', null);
    expect(before.previous, 'Customer Portal had a previous secret before').not.toBeNull();
  });

  test('generating on an application with a previous secret replaces that previous secret with the old current one', async ({ page }) => {
    const { before, after } = await rotateAndCheck(page, 'Field Service App', 'Retain for 7 Days', 7 * DAY);
    expect(before.previous, 'Field Service App had a previous secret before').not.toBeNull();
    expect(after.previous, 'the earlier previous secret is gone').not.toBe(before.previous);
    await expect(previousRegion(page)).toHaveCount(1);
  });
});

test.describe('Generate New Secret: what it leaves behind', () => {
  test('a status message is announced after generating a new secret', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Nightly Report Job');
    await generateSecret(page, 'Retain for 1 Day');
    await expect(status(page)).toContainText('New client secret generated');
  });

  test('the dialog closes on its own rotation without a notice that the application changed elsewhere', async ({ page }) => {
    await openApplications(page);
    // Without a previous secret: the one this rotation creates must not show up as a warning.
    await openConfiguration(page, 'Partner Dashboard');
    await expect(previousRegion(page)).toHaveCount(0);
    const dialog = await openGenerateDialog(page);
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
    const notices = await recordDialogNotices(page);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(generateDialog(page)).toHaveCount(0);
    await expect(status(page)).toContainText('New client secret generated');
    expect(await notices(), 'no notice or alert appeared while the dialog closed').toEqual([]);
  });

  test('a rotation persists across a reload, and the reloaded URL shows the same Configuration view', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await generateSecret(page, 'Retain for 7 Days');
    await expect(previousRegion(page)).toBeVisible();
    const rotated = await readSecrets(page);
    const expiry = await previousExpiry(page);
    const url = page.url();

    await page.reload();
    await expect(panelHeading(page, 'Partner Dashboard')).toBeVisible();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
    await expect(previousRegion(page)).toBeVisible();
    expect(await readSecrets(page)).toEqual(rotated);
    expect(await previousExpiry(page)).toBe(expiry);
  });

  test('a rotation without retention persists across a reload with no previous secret', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    await generateSecret(page, 'Do Not Retain Previous Secret');
    await expect(previousRegion(page)).toHaveCount(0);
    const rotated = await readSecrets(page);

    await page.reload();
    await expect(secretRegion(page)).toBeVisible();
    await expect(previousRegion(page)).toHaveCount(0);
    expect(await readSecrets(page)).toEqual(rotated);
  });

  test('every generation produces a different secret', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Mobile Banking');
    const seen = new Set([await revealedSecret(secretRegion(page), 'client secret')]);
    for (let round = 0; round < 3; round += 1) {
      await generateSecret(page, 'Do Not Retain Previous Secret');
      await expect(generateDialog(page)).toBeHidden();
      const value = await revealedSecret(secretRegion(page), 'client secret');
      expect(value).toMatch(SECRET_SHAPE);
      seen.add(value);
    }
    expect(seen.size, 'four distinct secrets').toBe(4);
  });
});

test.describe('Generate New Secret: what the choice means in time', () => {
  const START = Date.UTC(2026, 11, 1, 9, 0, 0);
  test.use({ clockAt: START });
  const keptUntil = (dialog) => dialog.getByText('The current secret will keep working as the previous secret until');
  const stopsAtOnce = (dialog) => dialog.getByText('The current secret will stop working at once.', { exact: true });

  /** The dialog says the current secret is kept until now + `retentionMs`, as a `<time datetime>`. */
  async function expectKeptFor(page, dialog, retentionMs) {
    const time = keptUntil(dialog).locator('time[datetime]');
    await expect(time).toHaveCount(1);
    await expect(time).not.toHaveText('');
    await expect(stopsAtOnce(dialog)).toHaveCount(0);
    // The page's clock ticks on while we read: the preview follows it within its one-second tick.
    const offBy = async () => {
      const seconds = (Date.parse(await time.getAttribute('datetime')) - (await browserNow(page)) - retentionMs) / 1000;
      return Math.abs(seconds) <= 2.5 ? 'on time' : `${seconds} s off`;
    };
    await expect.poll(offBy, { message: `kept until now + ${retentionMs / HOUR} h` }).toBe('on time');
  }

  test('each choice says, before Confirm, until when the previous secret would be kept', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    const dialog = await openGenerateDialog(page);
    await expectKeptFor(page, dialog, 30 * DAY);
    await dialog.getByRole('radio', { name: 'Retain for 1 Day' }).check();
    await expectKeptFor(page, dialog, DAY);
    await dialog.getByRole('radio', { name: 'Retain for 7 Days' }).check();
    await expectKeptFor(page, dialog, 7 * DAY);

    await dialog.getByRole('radio', { name: 'Retain for custom duration' }).check();
    await expect(keptUntil(dialog), 'nothing said while the custom duration is empty').toHaveCount(0);
    const amount = dialog.getByRole('spinbutton', { name: 'Custom duration' });
    await amount.pressSequentially('14');
    await expectKeptFor(page, dialog, 14 * DAY);
    await dialog.getByRole('combobox', { name: 'Unit', exact: true }).selectOption({ label: 'Hours' });
    await expectKeptFor(page, dialog, 14 * HOUR);
    await amount.pressSequentially('0');
    await expect(amount).toHaveValue('140');
    await expectKeptFor(page, dialog, 140 * HOUR);
    await amount.pressSequentially('0');
    await expect(keptUntil(dialog), 'nothing said for 1400 hours, which is refused').toHaveCount(0);
    await expect(stopsAtOnce(dialog)).toHaveCount(0);

    await dialog.getByRole('radio', { name: 'Do Not Retain Previous Secret' }).check();
    await expect(stopsAtOnce(dialog)).toBeVisible();
    await expect(keptUntil(dialog)).toHaveCount(0);
  });

  test('the warning names the existing previous secret and its expiry, and what becomes of the current one', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    const expiry = await previousExpiry(page);
    const dialog = await openGenerateDialog(page);
    const warning = dialog.getByText('This application already has a previous secret, expiring');
    await expect(warning).toContainText('When you confirm, that previous secret stops working at once and the current secret becomes the previous secret.');
    expect(Date.parse(await warning.locator('time').getAttribute('datetime'))).toBe(expiry);
    await dialog.getByRole('radio', { name: 'Do Not Retain Previous Secret' }).check();
    await expect(warning).toContainText('When you confirm, that previous secret stops working at once and so does the current secret.');
  });

  test('right after a 7-day rotation the previous secret says it expires in 7 days', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await generateSecret(page, 'Retain for 7 Days');
    await expect(previousRegion(page)).toContainText('(in 7 days)');
  });
});
