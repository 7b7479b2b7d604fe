// Procedure step 1: Applications > Applications, browsing and searching for an application.
import { test, expect } from './fixtures.mjs';
import { DEMO_APPS, clientIdFromEntry, entries, entry, heading, openApplications, searchBox } from './support/app.mjs';

/** The names of the listed applications, in order. */
async function listedNames(page) {
  const names = await entries(page).evaluateAll((links) => links.map((link) => link.textContent));
  return names.map((text) => DEMO_APPS.find((app) => text.includes(app.name))?.name ?? text.trim());
}

/** Waits until the list shows exactly `names` (in any order). */
async function expectListed(page, names) {
  await expect
    .poll(async () => (await listedNames(page)).sort(), { message: 'the listed applications' })
    .toEqual([...names].sort());
}

test.describe('Applications list', () => {
  test('the root address redirects to /applications', async ({ page }) => {
    await page.goto('/');
    await expect(heading(page)).toBeVisible();
    await expect(page).toHaveURL('/applications');
  });

  test('a first visit shows the heading Applications and every demo application', async ({ page }) => {
    await openApplications(page);
    await expectListed(page, DEMO_APPS.map((app) => app.name));
  });

  test('each list entry is a link named with the application, its type and its client ID', async ({ page }) => {
    await openApplications(page);
    for (const app of DEMO_APPS) {
      const link = entry(page, app.name);
      await expect(link).toHaveCount(1);
      const clientId = await clientIdFromEntry(page, app.name);
      await expect(page.getByRole('link', { name: `${app.name} ${app.type} ${clientId}` })).toHaveCount(1);
    }
  });

  test('searching by part of a name filters the list as you type, ignoring case', async ({ page }) => {
    await openApplications(page);
    const search = searchBox(page);
    await search.focus();
    await page.keyboard.type('pORT');
    await expectListed(page, ['Customer Portal', 'Support Chat Widget', 'Nightly Report Job', 'Employee HR Portal']);
    await page.keyboard.type('A');
    await expectListed(page, ['Customer Portal', 'Employee HR Portal']);
    await page.keyboard.press('Home');
    await page.keyboard.type('CUSTOMER ');
    await expectListed(page, ['Customer Portal']);
  });

  test('searching by client ID filters the list, ignoring case, also by a part of it', async ({ page }) => {
    await openApplications(page);
    const clientId = await clientIdFromEntry(page, 'Legacy Intranet');
    const search = searchBox(page);
    await search.fill(clientId.toUpperCase());
    await expectListed(page, ['Legacy Intranet']);
    await search.fill(clientId.slice(-12));
    await expectListed(page, ['Legacy Intranet']);
  });

  test('a search that matches nothing shows an empty state, and clearing it lists everything again', async ({ page }) => {
    await openApplications(page);
    const search = searchBox(page);
    await search.fill('no application is called this');
    await expect(entries(page)).toHaveCount(0);
    await expect(page.getByRole('main').getByText(/no applications? (match|found)/i)).toBeVisible();
    await search.fill('');
    await expectListed(page, DEMO_APPS.map((app) => app.name));
  });
});
