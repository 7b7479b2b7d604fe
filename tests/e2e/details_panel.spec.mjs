// The details panel: what it holds, its own address per tab (deep links), and closing it.
import { test, expect } from './fixtures.mjs';
import { clientIdFromEntry, entry, heading, openApplications, panelHeading, searchBox, secretRegion } from './support/app.mjs';

test.describe('Details panel', () => {
  test('the panel has a heading with the application name, a tablist with Overview, Configuration and Activity, and a close control', async ({ page }) => {
    await openApplications(page);
    await entry(page, 'Customer Portal').click();
    await expect(panelHeading(page, 'Customer Portal')).toBeVisible();
    const tablist = page.getByRole('tablist');
    await expect(tablist).toHaveCount(1);
    await expect(tablist.getByRole('tab')).toHaveText(['Overview', 'Configuration', 'Activity']);
    await expect(tablist.getByRole('tab', { name: 'Overview', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(tablist.getByRole('tab', { name: 'Configuration', exact: true })).toHaveAttribute('aria-selected', 'false');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Close details' })).toBeVisible();
  });

  test('Close details closes the panel and returns to /applications', async ({ page }) => {
    await openApplications(page);
    await entry(page, 'Partner Dashboard').click();
    await expect(panelHeading(page, 'Partner Dashboard')).toBeVisible();
    await page.getByRole('button', { name: 'Close details' }).click();
    await expect(panelHeading(page, 'Partner Dashboard')).toHaveCount(0);
    await expect(page.getByRole('tablist')).toHaveCount(0);
    await expect(page).toHaveURL('/applications');
    await expect(heading(page)).toBeVisible();
  });

  test('Escape closes the details panel and focus returns to the list entry', async ({ page }) => {
    await openApplications(page);
    await entry(page, 'Billing Sync Worker').click();
    await expect(panelHeading(page, 'Billing Sync Worker')).toBeVisible();
    await page.getByRole('tab', { name: 'Configuration' }).click();
    await expect(secretRegion(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panelHeading(page, 'Billing Sync Worker')).toHaveCount(0);
    await expect(page).toHaveURL('/applications');
    await expect(entry(page, 'Billing Sync Worker')).toBeFocused();
  });

  test('Escape closes the panel after a click on its text, and right after a click on the entry', async ({ page }) => {
    await openApplications(page);
    await entry(page, 'Mobile Banking').click();
    await expect(panelHeading(page, 'Mobile Banking')).toBeVisible();
    // A click on text that is not a control: focus is on the page itself, not in the panel.
    await page.getByRole('tabpanel').getByText('Client ID', { exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(panelHeading(page, 'Mobile Banking')).toHaveCount(0);
    await expect(page).toHaveURL('/applications');
    await expect(entry(page, 'Mobile Banking')).toBeFocused();

    await entry(page, 'Partner Dashboard').click();
    await expect(panelHeading(page, 'Partner Dashboard')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panelHeading(page, 'Partner Dashboard')).toHaveCount(0);
    await expect(entry(page, 'Partner Dashboard')).toBeFocused();
  });

  test('Escape in the search field or in an open dialog does not close the panel', async ({ page }) => {
    await openApplications(page);
    await entry(page, 'Mobile Banking').click();
    await expect(panelHeading(page, 'Mobile Banking')).toBeVisible();
    await searchBox(page).pressSequentially('mob');
    await page.keyboard.press('Escape');
    await expect(panelHeading(page, 'Mobile Banking')).toBeVisible();
    await page.getByRole('button', { name: 'Rename Application' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename Application' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(panelHeading(page, 'Mobile Banking')).toBeVisible();
  });

  test('clicking the Configuration tab leaves focus on that tab', async ({ page }) => {
    await openApplications(page);
    await entry(page, 'Partner Dashboard').click();
    await expect(panelHeading(page, 'Partner Dashboard')).toBeVisible();
    await page.getByRole('tab', { name: 'Configuration' }).click();
    await expect(secretRegion(page)).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Configuration' })).toBeFocused();
  });

  test('a deep link to an application Configuration tab opens that view directly', async ({ page }) => {
    await openApplications(page);
    const clientId = await clientIdFromEntry(page, 'Field Service App');
    await page.goto(`/applications/${clientId}/configuration`);
    await expect(panelHeading(page, 'Field Service App')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
    await expect(secretRegion(page)).toBeVisible();
    await expect(heading(page)).toBeVisible();

    await page.reload();
    await expect(panelHeading(page, 'Field Service App')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
    await expect(secretRegion(page)).toBeVisible();
    await expect(page).toHaveURL(`/applications/${clientId}/configuration`);
  });

  test('a deep link to an application Overview tab opens that view directly', async ({ page }) => {
    await openApplications(page);
    const clientId = await clientIdFromEntry(page, 'Expense Tracker');
    await page.goto(`/applications/${clientId}/overview`);
    await expect(panelHeading(page, 'Expense Tracker')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toContainText(clientId);
  });
});
