// Secret Rotation connected to a PingOne environment (SPEC "In a PingOne environment"): the page
// reads every secret-using application's secret, a few requests at a time, behind a progress
// bar, then shows the same tables; a secret's age is known only when this console generated it,
// and the others are counted and listed as Age unknown. Against the emulator
// (tests/pingone-emulator/), whose request log says what was read.
import { test, expect } from './fixtures.mjs';
import { generateSecret, openConfiguration } from './support/app.mjs';
import { EMULATOR, emulator, signOn } from './support/pingone.mjs';

test.describe.configure({ mode: 'serial' });
test.use({ allowedOrigins: [EMULATOR.api, EMULATOR.auth] });
test.beforeEach(async () => emulator.reset());

const BILLING_PORTAL = '5eed0001-1a2b-4c3d-8e4f-000000000001';
const SECRET_METHODS = ['CLIENT_SECRET_BASIC', 'CLIENT_SECRET_POST', 'CLIENT_SECRET_JWT'];

/** The emulator's applications whose secret the console reads: OIDC, with a secret method. */
async function secretUsing() {
  const { applications } = await emulator.state();
  return applications.filter((app) => app.protocol === 'OPENID_CONNECT' && SECRET_METHODS.includes(app.tokenEndpointAuthMethod));
}

const progress = (page) => page.getByRole('progressbar', { name: 'Reading client secrets' });
const ageUnknown = (page) => page.getByRole('region', { name: 'Age unknown' });

async function openRotation(page) {
  await page.getByRole('navigation').getByRole('link', { name: /^Secret Rotation/ }).click();
  await expect(page.getByRole('heading', { name: 'Secret Rotation', level: 1 })).toBeVisible();
}

/** Every secret GET the emulator answered, by application ID. */
async function secretReads() {
  const reads = await emulator.requests('GET', '/secret');
  return reads.map((entry) => entry.path.match(/applications\/([^/]+)\/secret/)[1]);
}

test('the page reads every secret behind a progress bar, then shows the tables with every age unknown', async ({ page }) => {
  const using = await secretUsing();
  expect(using.length).toBeGreaterThan(4);
  // Slow answers, so the progress can be seen moving.
  await emulator.fault({ method: 'GET', pathPattern: '/secret', kind: 'slow', count: using.length, delayMs: 700 });
  await signOn(page);
  await openRotation(page);
  const bar = progress(page);
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuemin', '0');
  await expect(bar).toHaveAttribute('aria-valuemax', String(using.length));
  await expect(bar).toContainText(new RegExp(`^Reading client secrets: \\d+ of ${using.length}$`));
  await expect(page.getByRole('heading', { name: 'Rotation Due' })).toHaveCount(0);
  await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9]/);
  await expect(bar).toBeHidden({ timeout: 15_000 });

  await expect(page.getByRole('region', { name: 'Rotations in Progress' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Rotation Due' })).toContainText('No rotation is due');
  const unknown = ageUnknown(page);
  await expect(unknown.getByRole('heading', { name: 'Age unknown', level: 2 })).toBeVisible();
  await expect(unknown).toContainText(`${using.length} applications`);
  await expect(unknown.getByRole('row')).toHaveCount(using.length + 1);
  for (const app of using) {
    const link = unknown.getByRole('link', { name: app.name, exact: true });
    await expect(link).toHaveAttribute('href', `/applications/${app.id}/configuration`);
  }
  await expect(unknown.getByRole('row', { name: /Billing Portal/ })).toContainText('OIDC Web App');
  await expect(unknown.getByRole('row', { name: /Inventory Sync/ })).toContainText('Service');

  const reads = await secretReads();
  expect(reads.toSorted()).toEqual(using.map((app) => app.id).toSorted());
});

test('a secret generated through the console has a known age, also after a reload; the others stay Age unknown', async ({ page }) => {
  const using = await secretUsing();
  await signOn(page);
  await openConfiguration(page, 'Billing Portal');
  await expect(page.locator('.rotation-status')).toContainText('Age unknown');
  await generateSecret(page, 'Do Not Retain');
  await expect(page.locator('.rotation-status')).toContainText('Within the rotation policy');

  await openRotation(page);
  await expect(progress(page)).toBeHidden();
  const unknown = ageUnknown(page);
  await expect(unknown).toContainText(`${using.length - 1} applications`);
  await expect(unknown.getByRole('link', { name: 'Billing Portal' })).toHaveCount(0);
  await expect(unknown.getByRole('link', { name: 'Partner Reporting' })).toBeVisible();

  // Remembered in this browser, by fingerprint only: after a reload (a silent sign-on), the
  // secret PingOne holds is still known to be the one generated.
  const { secretState } = await emulator.application(BILLING_PORTAL);
  const stored = await page.evaluate(() => Object.values(localStorage).join('\n'));
  expect(stored).not.toContain(secretState.secret);
  expect(stored).not.toContain(secretState.secret.slice(0, 16));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Secret Rotation', level: 1 })).toBeVisible();
  await expect(progress(page)).toBeHidden({ timeout: 15_000 });
  await expect(ageUnknown(page)).toContainText(`${using.length - 1} applications`);
  await expect(ageUnknown(page).getByRole('link', { name: 'Billing Portal' })).toHaveCount(0);

  // Rotated elsewhere, it is no longer the secret this console generated: its age is unknown.
  await emulator.rotateElsewhere(BILLING_PORTAL);
  await page.reload();
  await expect(progress(page)).toBeHidden({ timeout: 15_000 });
  await expect(ageUnknown(page)).toContainText(`${using.length} applications`);
  await expect(ageUnknown(page).getByRole('link', { name: 'Billing Portal' })).toBeVisible();
});

test('with 200 applications every secret is read once and the progress ends', async ({ page }) => {
  await emulator.reset({ applications: 200 });
  const using = await secretUsing();
  await signOn(page);
  await openRotation(page);
  await expect(progress(page)).toBeHidden({ timeout: 30_000 });
  await expect(ageUnknown(page)).toContainText(`${using.length} applications`);
  const reads = await secretReads();
  expect(reads.toSorted()).toEqual(using.map((app) => app.id).toSorted());
});
