// The open application's own rotation status on its Configuration tab: overdue by, due in, a
// rotation in progress until, within the policy (next rotation due in), or no policy; following
// the clock and the policy, and absent for an application without a client secret.
import { test, expect } from './fixtures.mjs';
import { DAY, openApplications, openConfiguration, status } from './support/app.mjs';
import { MODES, expectAccessible } from './support/audit.mjs';

/** A fixed start, so the demo data (created relative to it) gives the same ages every run. */
const START = Date.UTC(2026, 11, 1, 9, 0, 0);
const tabPanel = (page) => page.getByRole('tabpanel');

test.describe('the rotation status on the Configuration tab', () => {
  test.use({ clockAt: START });

  test('an overdue application says by how long and what the policy asks for', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await expect(tabPanel(page).getByText(/^Rotation overdue by 3 days/)).toBeVisible();
    await expect(tabPanel(page)).toContainText('The rotation policy asks for a new client secret every 90 days.');
  });

  test('a due application says in how long, and becomes overdue as the clock moves', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Mobile Banking');
    await expect(tabPanel(page).getByText(/^Rotation due in (3 days 23 hours|4 days)\.$/)).toBeVisible();
    await page.clock.fastForward(5 * DAY);
    await expect(tabPanel(page).getByText(/^Rotation overdue by (1 day|23 hours)/)).toBeVisible();
    await expect(tabPanel(page).getByText(/^Rotation due in/)).toHaveCount(0);
  });

  test('a rotation in progress says until when, and the new secret is within the policy', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    const inProgress = tabPanel(page).getByText(/^Rotation in progress until/);
    await expect(inProgress).toBeVisible();
    const datetime = await inProgress.locator('time[datetime]').getAttribute('datetime');
    expect(Date.parse(datetime)).toBeGreaterThan(START);
    await expect(tabPanel(page).getByText('Within the rotation policy', { exact: true })).toBeVisible();
    await expect(tabPanel(page)).toContainText(/: next rotation due in \d+ days( \d+ hours?)? \(a new client secret every 90 days\)\./);
  });

  test('without a policy it says so, with a way to set one', async ({ page }) => {
    await page.goto('/rotation');
    const form = page.getByRole('form', { name: 'Rotation Policy' });
    await form.getByRole('checkbox', { name: 'No rotation policy' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(status(page)).toContainText('Rotation policy saved: no rotation policy.');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' }).click();
    await openConfiguration(page, 'Partner Dashboard');
    await expect(tabPanel(page)).toContainText('No rotation policy: this client secret is never due for rotation.');
    await expect(tabPanel(page).getByText(/^Rotation overdue/)).toHaveCount(0);
    await tabPanel(page).getByRole('link', { name: 'Set a rotation policy' }).click();
    await expect(page.getByRole('heading', { name: 'Secret Rotation', level: 1 })).toBeVisible();
  });

  test('an application without a client secret shows no rotation status', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Support Chat Widget');
    await expect(tabPanel(page)).not.toContainText('Rotation');
  });
});

test.describe('the Overview tab says the type once', () => {
  test('Type: OIDC Web App, with no protocol repeated after it', async ({ page }) => {
    await openApplications(page);
    await page.getByRole('link', { name: 'Customer Portal' }).click();
    const type = tabPanel(page).locator('dt', { hasText: 'Type' }).locator('xpath=following-sibling::dd');
    await expect(type).toHaveText('OIDC Web App');
  });
});

test.describe('the rotation status passes axe', () => {
  for (const mode of MODES) {
    test(`overdue and in progress (${mode.name})`, async ({ page, axe }) => {
      await page.emulateMedia({ colorScheme: mode.colorScheme });
      await page.setViewportSize(mode.viewport);
      await openApplications(page);
      await openConfiguration(page, 'Partner Dashboard');
      await expect(tabPanel(page).getByText(/^Rotation overdue by/)).toBeVisible();
      await expectAccessible(axe, page, `an overdue application's Configuration tab (${mode.name})`);
      await page.getByRole('button', { name: 'Close details' }).click();
      await openConfiguration(page, 'Customer Portal');
      await expect(tabPanel(page).getByText(/^Rotation in progress until/)).toBeVisible();
      await expectAccessible(axe, page, `a rotation in progress (${mode.name})`);
    });
  }
});
