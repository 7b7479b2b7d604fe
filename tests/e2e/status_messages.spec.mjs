// The message that confirms an action (the role="status" live region): it covers no control of
// the page, at 1280 and at 360 px; it leaves on its own (not while hovered), with Dismiss, and
// when the administrator goes to another page; and it sits under a dialog's backdrop.
import { test, expect } from './fixtures.mjs';
import { generateSecret, openApplications, openConfiguration, openRevokeDialog, previousRegion, status } from './support/app.mjs';

const dismiss = (page) => page.getByRole('button', { name: 'Dismiss' });

/**
 * The visible controls of the page (buttons, links, fields, tabs, switches in view) whose box
 * overlaps the box the status message is drawn in: the floating (fixed or absolute) box that
 * holds the role="status" region, or the region itself when it is in flow. By geometry, not by
 * hit-testing: a message that lets clicks through (pointer-events: none) still hides what is under it.
 */
const controlsUnderTheMessage = (page) =>
  page.evaluate(() => {
    const region = document.querySelector('[role="status"]');
    let message = region;
    for (let element = region; element && element !== document.body; element = element.parentElement) {
      if (['fixed', 'absolute', 'sticky'].includes(getComputedStyle(element).position)) {
        message = element;
        break;
      }
    }
    const area = message.getBoundingClientRect();
    if (area.width === 0 || area.height === 0) return ['(the message has no box)'];
    const covered = [];
    for (const control of document.querySelectorAll('button, a[href], input, select, textarea, [role="tab"], [role="switch"]')) {
      if (message.contains(control) || !control.checkVisibility()) continue;
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom <= 0 || box.top >= innerHeight) continue;
      const overlaps = box.left < area.right - 0.5 && box.right > area.left + 0.5 && box.top < area.bottom - 0.5 && box.bottom > area.top + 0.5;
      if (overlaps) covered.push(`${control.tagName.toLowerCase()} "${(control.getAttribute('aria-label') ?? control.textContent).trim().slice(0, 40)}"`);
    }
    return covered;
  });

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
];

test.describe('The status message covers no control', () => {
  for (const viewport of VIEWPORTS) {
    test(`after Generate and after Revoke at ${viewport.width} px`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await openApplications(page);
      await openConfiguration(page, 'Partner Dashboard');
      await generateSecret(page, 'Retain for 7 Days');
      await expect(status(page)).toContainText('New client secret generated');
      await expect(previousRegion(page).getByRole('button', { name: 'Revoke Previous Client Secret' })).toBeVisible();
      expect(await controlsUnderTheMessage(page), 'controls under the message after Generate').toEqual([]);
      // Where the previous secret's controls are in view, the message is not over them either.
      await previousRegion(page).scrollIntoViewIfNeeded();
      expect(await controlsUnderTheMessage(page), 'controls under the message, the previous secret in view').toEqual([]);

      await openRevokeDialog(page);
      const dialog = page.getByRole('dialog', { name: 'Revoke Previous Client Secret' });
      await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      await expect(dialog).toHaveCount(0);
      await expect(status(page)).toContainText('Previous client secret revoked');
      expect(await controlsUnderTheMessage(page), 'controls under the message after Revoke').toEqual([]);
      await page.mouse.wheel(0, 400);
      expect(await controlsUnderTheMessage(page), 'controls under the message, scrolled').toEqual([]);
    });
  }

  test('the longest message, after a Single-Page app is given a secret at 360 px, covers nothing either', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openApplications(page);
    await openConfiguration(page, 'Support Chat Widget');
    await page.getByRole('combobox', { name: 'Token Endpoint Authentication Method' }).selectOption({ label: 'Client Secret Basic' });
    await page.locator('form.auth-method').getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change Token Endpoint Authentication Method' });
    await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(status(page)).toContainText('A new client secret was generated.');
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await controlsUnderTheMessage(page)).toEqual([]);
  });
});

test.describe('The status message leaves', () => {
  test.use({ clockAt: Date.UTC(2026, 11, 1, 9, 0, 0) });

  test('on its own after about ten seconds, announced and then gone from the live region that stays', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await generateSecret(page, 'Retain for 7 Days');
    await expect(status(page)).toContainText('New client secret generated');
    await page.clock.runFor(5_000);
    await expect(status(page)).toContainText('New client secret generated');
    await page.clock.runFor(6_000);
    await expect(status(page)).toHaveText('');
    await expect(status(page)).toHaveCount(1);
    await expect(dismiss(page)).toHaveCount(0);
  });

  test('not while the pointer is on it; once it leaves, after the same time again', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await generateSecret(page, 'Retain for 7 Days');
    await status(page).hover();
    await page.clock.runFor(20_000);
    await expect(status(page)).toContainText('New client secret generated');
    await page.getByRole('heading', { name: 'Partner Dashboard', level: 2 }).hover();
    await page.clock.runFor(11_000);
    await expect(status(page)).toHaveText('');
  });

  test('with Dismiss, which a keyboard reaches too', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await generateSecret(page, 'Retain for 7 Days');
    await expect(dismiss(page)).toBeVisible();
    await dismiss(page).click();
    await expect(status(page)).toHaveText('');
    await expect(dismiss(page)).toHaveCount(0);

    await generateSecret(page, 'Do Not Retain Previous Secret');
    await expect(status(page)).toContainText('New client secret generated');
    await dismiss(page).focus();
    await page.clock.runFor(20_000);
    await expect(status(page)).toContainText('New client secret generated');
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText('');
  });

  test('when the administrator goes to another page, but not to another tab of the same application', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await generateSecret(page, 'Retain for 7 Days');
    await page.getByRole('tab', { name: 'Overview' }).click();
    await expect(status(page)).toContainText('New client secret generated');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
    await expect(status(page)).toHaveText('');
  });

  test('but what Add Application and Delete Application say is kept on the page they open', async ({ page }) => {
    await openApplications(page);
    await page.getByRole('button', { name: 'Add Application' }).click();
    const add = page.getByRole('dialog', { name: 'Add Application' });
    await add.getByRole('textbox', { name: 'Application Name' }).pressSequentially('Short-lived App');
    await add.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: 'Short-lived App', level: 2 })).toBeVisible();
    await expect(status(page)).toHaveText('Application added.');

    await page.getByRole('button', { name: 'Delete Application' }).click();
    const remove = page.getByRole('dialog', { name: 'Delete Application' });
    await remove.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
    await remove.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('heading', { name: 'Short-lived App', level: 2 })).toHaveCount(0);
    await expect(status(page)).toHaveText('Application deleted.');
  });
});

test('the status message sits under a dialog’s backdrop, dimmed with the page', async ({ page }) => {
  await openApplications(page);
  await openConfiguration(page, 'Partner Dashboard');
  await generateSecret(page, 'Retain for 7 Days');
  await expect(status(page)).toContainText('New client secret generated');
  const clip = await status(page).boundingBox();
  const before = await page.screenshot({ clip });
  await openRevokeDialog(page);
  const after = await page.screenshot({ clip });
  expect(after.equals(before), 'the message looks dimmed behind the open dialog').toBe(false);
  await expect(page.getByRole('dialog', { name: 'Revoke Previous Client Secret' }).getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
});
