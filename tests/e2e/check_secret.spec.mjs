// Check a Secret: the Configuration tab's read-only check of a pasted secret against the
// application's current and previous secrets, and what it never does with the typed value.
import { test, expect } from './fixtures.mjs';
import { DAY, generateSecret, openApplications, openConfiguration, readSecrets } from './support/app.mjs';

const CURRENT = 'This is the current client secret.';
const PREVIOUS = 'This is the previous client secret.';
const NOT_VALID = 'This secret is not valid for this application.';
const TRIMMED = 'White space around the pasted text was removed before checking.';

const checkDialog = (page) => page.getByRole('dialog', { name: 'Check a Secret' });

async function openCheckDialog(page) {
  await page.getByRole('region', { name: 'Client Secret', exact: true }).getByRole('button', { name: 'Check a Secret' }).click();
  await expect(checkDialog(page)).toBeVisible();
  expect(await checkDialog(page).evaluate((dialog) => dialog.matches(':modal')), 'the dialog is modal').toBe(true);
  return checkDialog(page);
}

/** Types `text` into the Secret field, presses Check, and returns the answer region. */
async function check(dialog, text) {
  const field = dialog.getByLabel('Secret', { exact: true });
  await expect(field).toHaveAttribute('type', 'password');
  await field.fill(text);
  await dialog.getByRole('button', { name: 'Check', exact: true }).click();
  return dialog.getByRole('status');
}

const storageSnapshot = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

test('the current secret, the previous one with its expiry, and anything else are told apart', async ({ page }) => {
  await openApplications(page);
  await openConfiguration(page, 'Customer Portal');
  const { current, previous } = await readSecrets(page);
  const expiry = await page
    .getByRole('region', { name: 'Previous Client Secret', exact: true })
    .locator('time[datetime]')
    .getAttribute('datetime');
  const before = await storageSnapshot(page);
  const dialog = await openCheckDialog(page);

  await expect(await check(dialog, current)).toHaveText(CURRENT);
  const answer = await check(dialog, previous);
  await expect(answer).toContainText(PREVIOUS);
  await expect(answer.locator('time')).toHaveAttribute('datetime', expiry);
  await expect(answer.locator('time')).not.toHaveText('');
  await expect(await check(dialog, current.slice(0, -1))).toHaveText(NOT_VALID);
  await expect(await check(dialog, `${current}x`)).toHaveText(NOT_VALID);

  expect(await storageSnapshot(page), 'checking writes nothing').toBe(before);
});

test("another application's secret is not valid", async ({ page }) => {
  await openApplications(page);
  await openConfiguration(page, 'Billing Sync Worker');
  const { current: others } = await readSecrets(page);
  await openConfiguration(page, 'Customer Portal');
  const dialog = await openCheckDialog(page);
  await expect(await check(dialog, others)).toHaveText(NOT_VALID);
});

test.describe('with the page clock', () => {
  test.use({ clockAt: Date.UTC(2026, 11, 1, 9, 0, 0) });

  test('a previous secret past its expiry is not valid', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    const { previous } = await readSecrets(page);
    const dialog = await openCheckDialog(page);
    await expect(await check(dialog, previous)).toContainText(PREVIOUS);
    // The demo's previous secret was retained 7 days, 2 days ago.
    await page.clock.setSystemTime(Date.UTC(2026, 11, 1, 9, 0, 0) + 5 * DAY + 3600 * 1000);
    await expect(await check(dialog, previous)).toHaveText(NOT_VALID);
  });
});

test('blank input gets an inline message and no answer', async ({ page }) => {
  await openApplications(page);
  await openConfiguration(page, 'Customer Portal');
  const dialog = await openCheckDialog(page);
  for (const blank of ['', '   ']) {
    const answer = await check(dialog, blank);
    await expect(dialog.getByText('Enter or paste the secret to check.')).toBeVisible();
    await expect(dialog.getByLabel('Secret', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(answer).toHaveText('');
  }
});

test('surrounding white space is removed, and the answer says so', async ({ page }) => {
  await openApplications(page);
  await openConfiguration(page, 'Customer Portal');
  const { current } = await readSecrets(page);
  const dialog = await openCheckDialog(page);
  const answer = await check(dialog, `  \t${current}   `);
  await expect(answer).toContainText(CURRENT);
  await expect(answer).toContainText(TRIMMED);
  await expect(await check(dialog, current)).not.toContainText(TRIMMED);
});

test('a 1 MB paste gets a clear answer', async ({ page }) => {
  await openApplications(page);
  await openConfiguration(page, 'Customer Portal');
  const dialog = await openCheckDialog(page);
  await expect(await check(dialog, 'x'.repeat(1 << 20))).toHaveText(NOT_VALID);
});

test('the typed value is cleared on close and never reaches the URL, the title or storage', async ({ page }) => {
  await openApplications(page);
  await openConfiguration(page, 'Customer Portal');
  const typed = `typed-${Date.now()}-candidate`;
  const url = page.url();
  const title = await page.title();
  const before = await storageSnapshot(page);
  let dialog = await openCheckDialog(page);
  await expect(await check(dialog, typed)).toHaveText(NOT_VALID);
  expect(page.url()).toBe(url);
  expect(await page.title()).toBe(title);
  expect(await storageSnapshot(page)).toBe(before);

  await page.keyboard.press('Escape');
  await expect(checkDialog(page)).toHaveCount(0);
  expect(await page.content()).not.toContain(typed);
  dialog = await openCheckDialog(page);
  await expect(dialog.getByLabel('Secret', { exact: true })).toHaveValue('');
  await expect(dialog.getByRole('status')).toHaveText('');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(checkDialog(page)).toHaveCount(0);
  expect(page.url()).toBe(url);
  expect(await storageSnapshot(page)).toBe(before);
});

/** Checks Billing Sync Worker's current secret, then opens the list in a second tab. */
async function answerCurrentThenOpenAnotherTab(page, newPage) {
  await openApplications(page);
  await openConfiguration(page, 'Billing Sync Worker');
  const { current } = await readSecrets(page);
  const dialog = await openCheckDialog(page);
  await expect(await check(dialog, current)).toHaveText(CURRENT);
  const other = await newPage();
  await openApplications(other);
  return { dialog, other };
}

test.describe('while the dialog is open, another tab', () => {
  test('generating a new secret withdraws the answer, says why, and a new check answers for the secrets as they are now', async ({ page, newPage }) => {
    const { dialog, other } = await answerCurrentThenOpenAnotherTab(page, newPage);
    await openConfiguration(other, 'Billing Sync Worker');
    await generateSecret(other, 'Retain for 7 Days');

    const answer = dialog.getByRole('status');
    await expect(answer).toHaveText(
      'The answer was withdrawn. While this dialog was open, a new client secret was generated in another tab or window. ' +
        'Check again to compare with the secrets as they are now.',
    );
    await expect(answer).not.toContainText(CURRENT);
    await dialog.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(answer).toContainText(PREVIOUS);
    await expect(answer).not.toContainText('withdrawn');
  });

  test('renaming the application leaves the answer, which is still true', async ({ page, newPage }) => {
    const { dialog, other } = await answerCurrentThenOpenAnotherTab(page, newPage);
    await other.getByRole('link', { name: 'Billing Sync Worker' }).first().click();
    await other.getByRole('button', { name: 'Rename Application' }).click();
    const rename = other.getByRole('dialog', { name: 'Rename Application' });
    await rename.getByRole('textbox', { name: 'Application Name' }).fill('Billing Sync Worker (EU)');
    await rename.getByRole('button', { name: 'Save' }).click();
    await expect(rename).toHaveCount(0);

    await expect(page.getByRole('heading', { name: 'Billing Sync Worker (EU)', level: 2 })).toBeVisible();
    await expect(dialog.getByRole('status')).toHaveText(CURRENT);
  });
});
