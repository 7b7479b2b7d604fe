// Connected to a PingOne environment (SPEC "Connecting to a PingOne environment"), against the
// emulator in tests/pingone-emulator/ on origins of its own, so Chromium enforces CORS as with
// PingOne. Every check reads the emulator's state: what PingOne would hold, not what the page
// says. The emulator is shared, so this file runs its tests one after another, each from a
// fresh seed.
import { test, expect } from './fixtures.mjs';
import { runInBash } from './support/bash.mjs';
import {
  ACKNOWLEDGE,
  DAY,
  DEMO_APPS,
  SECRET_SHAPE,
  entries,
  generateDialog,
  openConfiguration,
  previousExpiry,
  previousRegion,
  readSecrets,
  revokeDialog,
  secretRegion,
  status,
} from './support/app.mjs';
import { EMULATOR, emulator, fillConnectDialog, renameTo, signOn } from './support/pingone.mjs';

test.describe.configure({ mode: 'serial' });
test.use({ allowedOrigins: [EMULATOR.api, EMULATOR.auth] });
test.beforeEach(async () => emulator.reset());

const PARTNER_REPORTING = '5eed0002-1a2b-4c3d-8e4f-000000000002';
const BILLING_PORTAL = '5eed0001-1a2b-4c3d-8e4f-000000000001';

/** Takes out of `problems` what Chromium itself logs for an answer a test asked for (a refusal
 * or a lost answer is reported in the console by the browser, not the page), at most `most`. */
async function expectBrowserReports(problems, pattern, most) {
  // The console message may arrive a moment after the page showed the outcome.
  await expect.poll(() => problems.some((problem) => pattern.test(problem))).toBe(true);
  const reports = problems.filter((problem) => pattern.test(problem));
  expect(reports.length).toBeLessThanOrEqual(most);
  problems.splice(0, problems.length, ...problems.filter((problem) => !reports.includes(problem)));
}

async function generateWith(page, retention) {
  await secretRegion(page).getByRole('button', { name: 'Generate New Secret' }).click();
  const dialog = generateDialog(page);
  await dialog.getByRole('radio', { name: retention }).check();
  await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  return dialog;
}

test('the Connect dialog keeps Sign On disabled with the reason beside each wrong field', async ({ page }) => {
  await page.goto('/applications');
  await page.getByRole('button', { name: 'Connect to PingOne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect to PingOne' });
  await expect(dialog.getByText(new URL(page.url()).origin + '/', { exact: true })).toBeVisible();
  const signOnButton = dialog.getByRole('button', { name: 'Sign On' });
  await expect(signOnButton).toBeDisabled();
  const environment = dialog.getByRole('textbox', { name: 'Environment ID' });
  await environment.pressSequentially('not-a-uuid');
  await expect(environment).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.locator('#connect-environment-error')).not.toBeEmpty();
  await environment.fill('');
  await environment.pressSequentially(EMULATOR.environmentId);
  await expect(environment).toHaveAttribute('aria-invalid', 'false');
  await dialog.getByRole('textbox', { name: 'Client ID' }).pressSequentially(EMULATOR.adminClientId);
  await expect(signOnButton).toBeEnabled();
  await dialog.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'Custom' });
  await expect(signOnButton).toBeDisabled();
  const api = dialog.getByRole('textbox', { name: 'API' });
  await api.pressSequentially('http://api.example.com/v1');
  await expect(api).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('signing on shows the environment\'s applications, named as PingOne names them', async ({ page }) => {
  await signOn(page);
  await expect(page.getByRole('banner')).toContainText(EMULATOR.environmentId);
  await expect(page.getByRole('banner')).toContainText(EMULATOR.administrator);
  await expect(page).toHaveURL(/\/applications$/);
  const { applications } = await emulator.state();
  await expect(entries(page)).toHaveCount(applications.length);
  for (const application of applications) {
    await expect(page.getByRole('listitem').getByRole('link', { name: application.name, exact: false }).first()).toBeVisible();
  }
  for (const demo of DEMO_APPS.filter((demo) => !applications.some((app) => app.name === demo.name))) {
    await expect(page.getByRole('link', { name: demo.name })).toHaveCount(0);
  }
  expect(page.url(), 'no code or state left in the address').not.toMatch(/[?&](code|state)=/);
});

test('the secret is read from PingOne; Generate with 7 days sends one POST and keeps the old one as previous', async ({ page }) => {
  await signOn(page);
  await openConfiguration(page, 'Billing Portal');
  const before = await emulator.application(BILLING_PORTAL);
  const shown = await readSecrets(page);
  expect(shown.current).toBe(before.secretState.secret);
  const chosenAt = Date.now();
  const dialog = await generateWith(page, 'Retain for 7 Days');
  await expect(dialog).toBeHidden();
  await expect(previousRegion(page)).toBeVisible();
  const after = await emulator.application(BILLING_PORTAL);
  expect(after.secretState.secret).not.toBe(before.secretState.secret);
  expect(after.secretState.previous.secret).toBe(before.secretState.secret);
  expect(Math.abs(Date.parse(after.secretState.previous.expiresAt) - (chosenAt + 7 * DAY))).toBeLessThan(60_000);
  expect(await emulator.requests('POST', `/applications/${BILLING_PORTAL}/secret`)).toHaveLength(1);
  const now = await readSecrets(page);
  expect(now.current).toBe(after.secretState.secret);
  expect(now.current).toMatch(SECRET_SHAPE);
  expect(Math.abs((await previousExpiry(page)) - Date.parse(after.secretState.previous.expiresAt))).toBeLessThan(1000);
});

test('Revoke Previous Client Secret deletes PingOne\'s previous secret', async ({ page }) => {
  await signOn(page);
  await openConfiguration(page, 'Partner Reporting');
  await expect(previousRegion(page)).toBeVisible();
  await previousRegion(page).getByRole('button', { name: 'Revoke Previous Client Secret' }).click();
  const dialog = revokeDialog(page);
  await expect(dialog).toContainText('Partner Reporting');
  await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  await expect(previousRegion(page)).toHaveCount(0);
  expect((await emulator.application(PARTNER_REPORTING)).secretState.previous).toBeNull();
  expect(await emulator.requests('DELETE', `/applications/${PARTNER_REPORTING}/secret`)).toHaveLength(1);
});

test('a rotation whose answer is lost is settled by reading: one POST, the new secret shown', async ({ page, problems }) => {
  await signOn(page);
  await openConfiguration(page, 'Billing Portal');
  await readSecrets(page);
  await emulator.fault({ method: 'POST', pathPattern: '/secret', kind: 'drop', count: 1 });
  const dialog = await generateWith(page, 'Do Not Retain Previous Secret');
  await expect(dialog).toBeHidden();
  await expect(status(page)).toContainText('went through');
  const after = await emulator.application(BILLING_PORTAL);
  expect(await emulator.requests('POST', `/applications/${BILLING_PORTAL}/secret`)).toHaveLength(1);
  expect((await readSecrets(page)).current).toBe(after.secretState.secret);
  await expectBrowserReports(problems, new RegExp(`/applications/${BILLING_PORTAL}/secret`), 2);
});

test('a rotation made elsewhere meanwhile is caught, and nothing is sent', async ({ page }) => {
  await signOn(page);
  await openConfiguration(page, 'Billing Portal');
  await readSecrets(page);
  await emulator.rotateElsewhere(BILLING_PORTAL);
  const dialog = await generateWith(page, 'Retain for 1 Day');
  await expect(dialog.getByRole('alert').first()).toBeVisible();
  await expect(dialog).toBeVisible();
  expect(await emulator.requests('POST', `/applications/${BILLING_PORTAL}/secret`)).toHaveLength(0);
});

test('Rename sends the whole application back: every other attribute is kept', async ({ page }) => {
  await signOn(page);
  const before = await emulator.application(BILLING_PORTAL);
  await page.getByRole('link', { name: 'Billing Portal' }).first().click();
  const dialog = await renameTo(page, 'Billing Portal EU');
  await expect(dialog).toBeHidden();
  const after = await emulator.application(BILLING_PORTAL);
  const { name: _old, updatedAt: _u1, ...kept } = before;
  const { name: renamed, updatedAt: _u2, ...keptAfter } = after;
  expect(renamed).toBe('Billing Portal EU');
  expect(keptAfter).toEqual(kept);
});

test('an expired session offers Sign On and keeps the page', async ({ page, problems }) => {
  await signOn(page);
  await openConfiguration(page, 'Billing Portal');
  await readSecrets(page);
  const address = page.url();
  await emulator.expireTokens();
  await generateWith(page, 'Retain for 1 Day');
  const alert = page.getByRole('main').getByRole('alert').filter({ hasText: 'session' });
  await expect(alert.first()).toBeVisible();
  await page.keyboard.press('Escape');
  await alert.first().getByRole('button', { name: 'Sign On' }).click();
  // PingOne's session still stands, so it answers at once and the same page comes back.
  await expect(page).toHaveURL(address);
  await expect(secretRegion(page)).toBeVisible();
  await expectBrowserReports(problems, /status of 401/, 1);
});

test('a reload signs on again silently, back on the same page', async ({ page }) => {
  await signOn(page);
  await openConfiguration(page, 'Billing Portal');
  const address = page.url();
  await page.reload();
  await expect(page).toHaveURL(address);
  await expect(page.getByRole('banner')).toContainText(EMULATOR.environmentId);
  await expect(secretRegion(page)).toBeVisible();
});

test('Sign Off returns to this browser\'s applications, unchanged', async ({ page }) => {
  await page.goto('/applications');
  await expect(entries(page)).toHaveCount(DEMO_APPS.length);
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([key]) => !key.endsWith('.connection')).sort()));
  await signOn(page);
  await page.getByRole('button', { name: 'Sign Off' }).click();
  await expect(page.getByRole('button', { name: 'Connect to PingOne' })).toBeVisible();
  await expect(entries(page)).toHaveCount(DEMO_APPS.length);
  const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([key]) => !key.endsWith('.connection')).sort()));
  expect(after).toBe(stored);
  const everything = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(everything, 'no token in storage').not.toMatch(/access_token|eyJ/);
});

test('a cancelled sign-on comes back with the reason in an alert', async ({ page }) => {
  const dialog = await fillConnectDialog(page);
  await dialog.getByRole('button', { name: 'Sign On' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cancelled' })).toBeVisible();
  await expect(entries(page)).toHaveCount(DEMO_APPS.length);
  expect(page.url()).not.toMatch(/[?&](code|state|error)=/);
});

test('Enabled, the auth method and Delete change PingOne, each keeping every other attribute', async ({ page }) => {
  await signOn(page);
  const before = await emulator.application(BILLING_PORTAL);
  await page.getByRole('link', { name: 'Billing Portal' }).first().click();
  await page.getByRole('switch', { name: 'Enabled' }).click();
  await expect(status(page).filter({ hasText: 'Application disabled.' })).toBeVisible();
  const disabled = await emulator.application(BILLING_PORTAL);
  expect(disabled.enabled).toBe(false);
  const { enabled: _e1, updatedAt: _u1, ...kept } = before;
  const { enabled: _e2, updatedAt: _u2, ...keptAfter } = disabled;
  expect(keptAfter).toEqual(kept);

  await page.getByRole('tab', { name: 'Configuration' }).click();
  await expect(secretRegion(page)).toBeVisible();
  await page.getByRole('combobox', { name: 'Token Endpoint Authentication Method' }).selectOption({ label: 'Client Secret Post' });
  await page.locator('form.auth-method').getByRole('button', { name: 'Save' }).click();
  await expect(status(page).filter({ hasText: 'changed to Client Secret Post' })).toBeVisible();
  const changed = await emulator.application(BILLING_PORTAL);
  expect(changed.tokenEndpointAuthMethod).toBe('CLIENT_SECRET_POST');
  expect(changed.redirectUris).toEqual(before.redirectUris);
  expect(changed.secretState.secret, 'the secret stays').toBe(before.secretState.secret);

  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Delete Application' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Application' });
  await expect(dialog).toContainText('Billing Portal');
  await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
  expect(await emulator.application(BILLING_PORTAL)).toBeUndefined();
  await expect(page.getByRole('listitem').getByRole('link', { name: 'Billing Portal' })).toHaveCount(0);
});

test('Previous Client Secret says when PingOne last saw it used, or that it reports none', async ({ page }) => {
  await signOn(page);
  await openConfiguration(page, 'Partner Reporting');
  const used = previousRegion(page);
  await expect(used).toContainText('Last used');
  const reported = (await emulator.application(PARTNER_REPORTING)).secretState.previous.lastUsed;
  const shown = Date.parse(await used.locator('time[datetime]').last().getAttribute('datetime'));
  expect(Math.abs(shown - Date.parse(reported)), 'the reported time, to the second').toBeLessThan(1000);
  await page.getByRole('link', { name: 'Inventory Sync' }).first().click();
  await page.getByRole('tab', { name: 'Configuration' }).click();
  await expect(previousRegion(page)).toContainText('No use reported');
});

test('a refusal shows PingOne\'s message and Correlation ID; the change is not retried', async ({ page, problems }) => {
  await signOn(page);
  await page.getByRole('link', { name: 'Billing Portal' }).first().click();
  await emulator.fault({ method: 'PUT', pathPattern: BILLING_PORTAL, kind: 'status500', count: 1 });
  const dialog = await renameTo(page, 'Billing Portal EU');
  const alert = dialog.getByRole('alert').filter({ hasText: 'Correlation ID' });
  await expect(alert).toBeVisible();
  const puts = await emulator.requests('PUT', BILLING_PORTAL);
  expect(puts).toHaveLength(1);
  expect(await alert.textContent()).toContain(puts[0].correlationId);
  expect((await emulator.application(BILLING_PORTAL)).name).toBe('Billing Portal');
  await expectBrowserReports(problems, /status of 500/, 1);
});

test('a rate-limited read is waited out: the secret still arrives', async ({ page, problems }) => {
  await signOn(page);
  await emulator.fault({ method: 'GET', pathPattern: `${BILLING_PORTAL}/secret`, kind: 'status429', count: 1 });
  await openConfiguration(page, 'Billing Portal');
  const { current } = await readSecrets(page);
  expect(current).toBe((await emulator.application(BILLING_PORTAL)).secretState.secret);
  expect(await emulator.requests('GET', `${BILLING_PORTAL}/secret`)).toHaveLength(2);
  await expectBrowserReports(problems, /status of 429/, 1);
});

test('SAML and WS-Federation applications say secrets do not apply; Activity names the administrator', async ({ page }) => {
  await signOn(page);
  const { applications } = await emulator.state();
  const saml = applications.find((application) => application.protocol === 'SAML');
  await openConfiguration(page, saml.name);
  await expect(page.getByText('Client secrets apply only to OIDC-based applications.')).toBeVisible();
  await page.getByRole('link', { name: 'Billing Portal' }).first().click();
  await page.getByRole('tab', { name: 'Configuration' }).click();
  const dialog = await generateWith(page, 'Do Not Retain Previous Secret');
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: 'Activity' }).click();
  const first = page.locator('.activity__event').first();
  await expect(first).toContainText('Billing Portal');
  await expect(first).toContainText(`By ${EMULATOR.administrator}.`);
});


test('a copied Token Request gets a token from the environment; using the previous secret shows as Last used', async ({ page }) => {
  const INVENTORY_SYNC = '5eed0004-1a2b-4c3d-8e4f-000000000004';
  await signOn(page);
  await openConfiguration(page, 'Inventory Sync');
  await expect(previousRegion(page)).toContainText('No use reported');
  const tokenRequest = page.getByRole('region', { name: 'Token Request', exact: true });
  await expect(tokenRequest.getByRole('textbox', { name: 'Token Endpoint' })).toHaveValue(
    `${EMULATOR.auth}/${EMULATOR.environmentId}/as/token`,
  );
  const copy = async () => {
    await tokenRequest.getByRole('button', { name: 'Copy Command' }).click();
    await expect(status(page).filter({ hasText: 'copied' })).toBeVisible();
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const current = await runInBash(await copy());
  expect(current.code, current.stderr).toBe(0);
  expect(JSON.parse(current.stdout).access_token, current.stdout).toBeTruthy();

  await tokenRequest.getByRole('radio', { name: 'Previous secret' }).check();
  const previous = await runInBash(await copy());
  expect(JSON.parse(previous.stdout).access_token, previous.stdout).toBeTruthy();
  const lastUsed = (await emulator.application(INVENTORY_SYNC)).secretState.previous.lastUsed;
  expect(lastUsed, 'PingOne recorded the use of the previous secret').toBeTruthy();

  await page.reload();
  await expect(previousRegion(page)).toContainText('Last used');
  const shown = Date.parse(await previousRegion(page).locator('time[datetime]').last().getAttribute('datetime'));
  expect(Math.abs(shown - Date.parse(lastUsed))).toBeLessThan(1000);
});

test('Check a Secret tells PingOne\'s current and previous secrets from anything else, sending nothing', async ({ page }) => {
  await signOn(page);
  await openConfiguration(page, 'Partner Reporting');
  await expect(secretRegion(page)).toBeVisible();
  const { secretState } = await emulator.application(PARTNER_REPORTING);
  const apiRequests = async () => (await emulator.state()).requestLog.filter((entry) => entry.path.startsWith('/v1/')).length;
  const requestsBefore = await apiRequests();
  await secretRegion(page).getByRole('button', { name: 'Check a Secret' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check a Secret' });
  const check = async (text) => {
    await dialog.getByLabel('Secret', { exact: true }).pressSequentially(text);
    await dialog.getByRole('button', { name: 'Check', exact: true }).click();
    const answer = await dialog.getByRole('status').textContent();
    await dialog.getByLabel('Secret', { exact: true }).fill('');
    return answer;
  };
  expect(await check(secretState.secret)).toBe('This is the current client secret.');
  expect(await check(secretState.previous.secret)).toContain('This is the previous client secret.');
  expect(await check(`${secretState.secret}x`)).toBe('This secret is not valid for this application.');
  expect(await apiRequests(), 'checking asks PingOne nothing').toBe(requestsBefore);
});
