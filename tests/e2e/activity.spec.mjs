// Activity: every command leaves its event in the application's Activity tab and on the
// console-wide Activity page (newest first, <time datetime> with a text to the second, each
// naming its application, deletions included); showing or copying a secret or the token request
// command, and exporting with client secrets, are recorded too; a previous secret's expiry
// appears at its expiry time; no secret value appears in either view or the stored log; a
// corrupt stored event is reported and kept byte for byte.
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.mjs';
import {
  ACKNOWLEDGE, generateSecret, openApplications, openConfiguration, openRevokeDialog, panelHeading,
  previousExpiry, previousRegion, readSecrets, secretRegion, status,
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

/** Every value stored under the activity log's keys, joined. */
const storedLog = (page) => page.evaluate(() =>
  Object.keys(localStorage).filter((key) => key.includes('.activity.')).map((key) => localStorage.getItem(key)).join('\n'));

const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

/** Clicks a Copy button and waits until its copy is announced. */
async function copyWith(page, button) {
  await button.click();
  await expect(status(page)).toContainText('copied to the clipboard');
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

  test('showing and copying secrets and the token request command are recorded, to the second, never with the secret', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    const current = secretRegion(page);
    await current.getByRole('button', { name: 'Show client secret' }).click();
    const secret = (await current.locator('code').textContent()).trim();
    await copyWith(page, current.getByRole('button', { name: 'Copy client secret' }));
    expect(await clipboard(page)).toBe(secret);
    await copyWith(page, previousRegion(page).getByRole('button', { name: 'Copy previous client secret' }));
    const previous = await clipboard(page);
    const tokenRequest = page.getByRole('region', { name: 'Token Request', exact: true });
    await tokenRequest.getByRole('textbox', { name: 'Token Endpoint' }).pressSequentially('https://auth.example.com/as/token');
    await tokenRequest.getByRole('textbox', { name: 'Token Endpoint' }).press('Tab');
    await tokenRequest.getByRole('button', { name: 'Show command' }).click();
    await copyWith(page, tokenRequest.getByRole('button', { name: 'Copy Command' }));
    const command = await clipboard(page);
    expect(command).toContain('curl');

    await openActivityTab(page);
    await expect(events(page).locator('.activity__text').first()).toHaveText('Token request command copied');
    expect((await eventTexts(page)).slice(0, 5)).toEqual([
      'Token request command copied',
      'Token request command revealed',
      'Previous client secret copied',
      'Client secret copied',
      'Client secret revealed',
    ]);
    await openActivityPage(page);
    await expect(events(page).first()).toContainText('Customer Portal');
    await expect(events(page).first().locator('.activity__text')).toHaveText('Token request command copied');

    const log = await storedLog(page);
    for (const value of [secret, previous, command]) expect(log).not.toContain(value);
    expect(await page.locator('main').textContent()).not.toContain(secret);
    await page.reload();
    expect((await eventTexts(page)).slice(0, 5), 'the events were stored').toEqual([
      'Token request command copied',
      'Token request command revealed',
      'Previous client secret copied',
      'Client secret copied',
      'Client secret revealed',
    ]);
  });

  test('an event\'s time reads to the second, as its datetime says', async ({ page }) => {
    await openApplications(page);
    await page.clock.fastForward(7_000);
    await page.getByRole('link', { name: 'Mobile Banking' }).click();
    await page.getByRole('switch', { name: 'Enabled' }).click();
    await expect(status(page)).toContainText('Application disabled.');
    await openActivityTab(page);
    const time = events(page).first().locator('time');
    const seconds = new Date(await time.getAttribute('datetime')).getUTCSeconds();
    expect(seconds, 'the clock moved past the whole minute').toBeGreaterThan(0);
    await expect(time).toHaveText(new RegExp(`\\d{2}:\\d{2}:${String(seconds).padStart(2, '0')}\\b`));
  });

  test('an export with client secrets is recorded as a console event naming how many applications it held', async ({ page }) => {
    await openApplications(page);
    const exportFile = async (withSecrets) => {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Export Applications' });
      if (withSecrets) await dialog.getByRole('checkbox', { name: 'Include client secrets' }).check();
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
      await expect(dialog).toHaveCount(0);
      return readFile(await download.path(), 'utf8');
    };
    await exportFile(false);
    const file = await exportFile(true);
    const applications = JSON.parse(file).applications.length;
    expect(applications).toBe(11);
    const secrets = file.match(/[A-Za-z0-9\-._~]{64,}/g);
    expect(secrets.length, 'the file holds secrets').toBeGreaterThan(0);

    await openActivityPage(page);
    const exported = events(page).filter({ hasText: 'exported' });
    await expect(exported, 'an export without secrets is not recorded').toHaveCount(1);
    await expect(exported.locator('.activity__text')).toHaveText('Applications exported with client secrets (11 applications)');
    await expect(exported.locator('.activity__application')).toHaveText('Console');
    await expect(events(page).first()).toContainText('Applications exported with client secrets');
    const log = await storedLog(page);
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  test('no secret value appears in the Activity tab, the Activity page or the stored log', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    const before = await readSecrets(page);
    await generateSecret(page, 'Retain for 1 Day');
    const after = await readSecrets(page);
    const secrets = [before.current, before.previous, after.current].filter(Boolean);
    await openActivityTab(page);
    await expect(events(page).filter({ hasText: 'Client secret generated; previous secret retained for 1 day' })).toHaveCount(1);
    for (const secret of secrets) expect(await page.locator('main').textContent()).not.toContain(secret);
    await openActivityPage(page);
    await expect(events(page).first()).toContainText('Customer Portal');
    const html = await page.content();
    for (const secret of secrets) expect(html).not.toContain(secret);
    const log = await storedLog(page);
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
