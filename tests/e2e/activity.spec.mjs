// Activity: every command leaves its event in the application's Activity tab and on the
// console-wide Activity page (newest first, <time datetime>, each naming its application,
// deletions included); a previous secret's expiry appears at its expiry time; no secret value
// appears in either view; a corrupt stored event is reported and kept byte for byte.
import { test, expect } from './fixtures.mjs';
import {
  ACKNOWLEDGE, generateSecret, openApplications, openConfiguration, openRevokeDialog, panelHeading,
  previousExpiry, readSecrets, status,
} from './support/app.mjs';
import { MODES, expectAccessible } from './support/audit.mjs';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const events = (page) => page.locator('.activity__event');
const eventTexts = (page) => page.locator('.activity__event .activity__text').allTextContents();

async function openActivityTab(page) {
  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true');
}

async function openActivityPage(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
}

async function renameTo(page, name) {
  await page.getByRole('button', { name: 'Rename Application' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename Application' });
  await dialog.getByRole('textbox', { name: 'Application Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
}

async function confirmIn(page, dialogName) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toHaveCount(0);
}

test.describe('Activity', () => {
  test.use({ clockAt: NOW });

  test('every command leaves its event in the Activity tab, newest first, each with <time datetime>', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await generateSecret(page, 'Retain for 7 Days');
    await expect(status(page)).toContainText('generated');
    await openRevokeDialog(page);
    await confirmIn(page, 'Revoke Previous Client Secret');
    await page.getByRole('combobox', { name: 'Token Endpoint Authentication Method' }).selectOption({ label: 'Client Secret Post' });
    await page.locator('form.auth-method').getByRole('button', { name: 'Save' }).click();
    await expect(status(page)).toContainText('changed to Client Secret Post');
    await page.getByRole('tab', { name: 'Overview' }).click();
    await renameTo(page, 'Partner Hub');
    const enabled = page.getByRole('switch', { name: 'Enabled' });
    await enabled.click();
    await expect(status(page)).toContainText('Application disabled.');
    await enabled.click();
    await expect(status(page)).toContainText('Application enabled.');

    await openActivityTab(page);
    const texts = await eventTexts(page);
    expect(texts.slice(0, 6)).toEqual([
      'Enabled',
      'Disabled',
      'Renamed from “Partner Dashboard” to “Partner Hub”',
      'Token endpoint authentication method changed from Client Secret Basic to Client Secret Post',
      'Previous client secret revoked',
      'Client secret generated; previous secret retained for 7 days',
    ]);
    const times = await events(page).locator('time[datetime]').evaluateAll((nodes) => nodes.map((node) => Date.parse(node.getAttribute('datetime'))));
    expect(times.every((time) => Number.isFinite(time))).toBe(true);
    expect(times, 'newest first').toEqual([...times].sort((a, b) => b - a));
    await page.reload();
    expect((await eventTexts(page)).slice(0, 6), 'the log survives a reload').toEqual(texts.slice(0, 6));
  });

  test('adding and deleting leave events on the Activity page, each naming its application', async ({ page }) => {
    await openApplications(page);
    await page.getByRole('button', { name: 'Add Application' }).click();
    const add = page.getByRole('dialog', { name: 'Add Application' });
    await add.getByRole('textbox', { name: 'Application Name' }).fill('Short-lived Worker');
    await add.getByRole('radio', { name: 'Worker' }).check();
    await add.getByRole('button', { name: 'Save' }).click();
    await expect(panelHeading(page, 'Short-lived Worker')).toBeVisible();
    await page.getByRole('button', { name: 'Delete Application' }).click();
    await confirmIn(page, 'Delete Application');

    await openActivityPage(page);
    const first = events(page).first();
    await expect(first).toContainText('Short-lived Worker (deleted)');
    await expect(first.locator('.activity__text')).toHaveText('Deleted');
    await expect(events(page).nth(1).locator('.activity__text')).toHaveText('Created as Worker');
    await expect(events(page).nth(1)).toContainText('Short-lived Worker');
    // Applications that still exist are links to their Activity tab.
    const link = events(page).locator('.activity__application a').first();
    const name = (await link.textContent()).trim();
    await link.click();
    await expect(panelHeading(page, name)).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true');
  });

  test('a previous secret\'s expiry appears as an event at its expiry time', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Field Service App');
    const expiry = await previousExpiry(page);
    await openActivityTab(page);
    await expect(page.getByText('Previous client secret expired')).toHaveCount(0);
    await page.clock.fastForward(expiry - NOW + 2_000);
    const expired = events(page).filter({ hasText: 'Previous client secret expired' });
    await expect(expired).toHaveCount(1);
    expect(Date.parse(await expired.locator('time').getAttribute('datetime'))).toBe(Math.floor(expiry / 1000) * 1000);
    await openActivityPage(page);
    await expect(events(page).filter({ hasText: 'Previous client secret expired' }).filter({ hasText: 'Field Service App' })).toHaveCount(1);
  });

  test('no secret value appears in the Activity tab, the Activity page or the stored log', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    const before = await readSecrets(page);
    await generateSecret(page, 'Retain for 1 Day');
    const after = await readSecrets(page);
    const secrets = [before.current, before.previous, after.current].filter(Boolean);
    await openActivityTab(page);
    await expect(events(page).first()).toContainText('Client secret generated; previous secret retained for 1 day');
    for (const secret of secrets) expect(await page.locator('main').textContent()).not.toContain(secret);
    await openActivityPage(page);
    await expect(events(page).first()).toContainText('Customer Portal');
    const html = await page.content();
    for (const secret of secrets) expect(html).not.toContain(secret);
    const log = await page.evaluate(() =>
      Object.keys(localStorage).filter((key) => key.includes('.activity.')).map((key) => localStorage.getItem(key)).join('\n'));
    expect(log.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  test('a corrupt activity entry is reported in an alert and kept byte for byte', async ({ page }) => {
    await openApplications(page);
    const key = await page.evaluate(() => Object.keys(localStorage).filter((name) => /\.activity\.\d+$/.test(name)).sort()[0]);
    expect(key, 'the demo recorded some activity').toBeTruthy();
    const garbage = '{"schema":1,"at":"not a time", <<broken';
    await page.evaluate(([name, value]) => localStorage.setItem(name, value), [key, garbage]);
    await page.reload();
    await openActivityPage(page);
    const alert = page.getByRole('alert').filter({ hasText: 'activity log' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(key);
    await expect(events(page).first()).toBeVisible();
    expect(await page.evaluate((name) => localStorage.getItem(name), key)).toBe(garbage);
    // Recording more events leaves the damaged slot as it is.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' }).click();
    await page.getByRole('link', { name: 'Mobile Banking' }).click();
    await page.getByRole('switch', { name: 'Enabled' }).click();
    await expect(status(page)).toContainText('Application disabled.');
    expect(await page.evaluate((name) => localStorage.getItem(name), key)).toBe(garbage);
  });
});

test.describe('Activity views pass axe', () => {
  test.use({ clockAt: NOW });
  for (const mode of MODES) {
    test(`the Activity page and an Activity tab have no axe violations (${mode.name})`, async ({ page, axe }) => {
      await page.emulateMedia({ colorScheme: mode.colorScheme });
      await page.setViewportSize(mode.viewport);
      await page.goto('/activity');
      await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
      await expect(events(page).first()).toBeVisible();
      await expectAccessible(axe, page, `the Activity page (${mode.name})`);
      await page.goto('/applications');
      await page.getByRole('link', { name: 'Customer Portal' }).click();
      await openActivityTab(page);
      await expect(events(page).first()).toBeVisible();
      await expectAccessible(axe, page, `the Activity tab (${mode.name})`);
    });
  }
});
