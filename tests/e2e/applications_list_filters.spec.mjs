// The Applications list's Type, Status and Sort selects and the search text, kept in the address
// (?q=&type=&status=&sort=): what each shows, and that reload, Back/Forward and a pasted link
// restore it while unknown values are ignored.
import { test, expect } from './fixtures.mjs';
import { entries, entry, openApplications, searchBox } from './support/app.mjs';
import { MODES, expectAccessible } from './support/audit.mjs';

const typeSelect = (page) => page.getByRole('combobox', { name: 'Type', exact: true });
const statusSelect = (page) => page.getByRole('combobox', { name: 'Status', exact: true });
const sortSelect = (page) => page.getByRole('combobox', { name: 'Sort', exact: true });
const countLine = (page) => page.locator('.list-count');
const names = (page) => entries(page).locator('.app-row__name').allTextContents();

test.describe('Applications list filters and sort', () => {
  test('the selects offer exactly the options of the UI contract', async ({ page }) => {
    await openApplications(page);
    await expect(typeSelect(page).locator('option')).toHaveText([
      'All types', 'OIDC Web App', 'Native', 'Single-Page', 'Worker', 'SAML Application', 'WS-Federation',
    ]);
    await expect(statusSelect(page).locator('option')).toHaveText([
      'All statuses', 'Rotation in progress', 'Rotation due', 'Rotation overdue', 'No client secret', 'Disabled',
    ]);
    await expect(sortSelect(page).locator('option')).toHaveText([
      'Name', 'Newest first', 'Oldest secret first', 'Previous secret expiring first',
    ]);
  });

  test('the list is sorted by name by default', async ({ page }) => {
    await openApplications(page);
    const shown = await names(page);
    expect(shown).toEqual([...shown].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(shown).toHaveLength(11);
  });

  test('the Type filter keeps one type and the count line says how many match', async ({ page }) => {
    await openApplications(page);
    await typeSelect(page).selectOption({ label: 'Native' });
    await expect(entries(page)).toHaveCount(2);
    expect(await names(page)).toEqual(['Field Service App', 'Mobile Banking']);
    await expect(countLine(page)).toHaveText('2 of 11 applications match');
    await expect(page).toHaveURL(/[?&]type=native\b/);
  });

  test('Rotation in progress shows the applications whose previous secret is unexpired, each saying when it expires', async ({ page }) => {
    await openApplications(page);
    await statusSelect(page).selectOption({ label: 'Rotation in progress' });
    expect(await names(page)).toEqual(['Customer Portal', 'Field Service App', 'Nightly Report Job']);
    for (const row of await entries(page).all()) {
      await expect(row).toContainText('Rotation in progress');
      const datetime = await row.locator('time[datetime]').getAttribute('datetime');
      expect(Date.parse(datetime)).toBeGreaterThan(await page.evaluate(() => Date.now()));
    }
  });

  test('No client secret shows public clients and non-OIDC applications', async ({ page }) => {
    await openApplications(page);
    await statusSelect(page).selectOption({ label: 'No client secret' });
    expect(await names(page)).toEqual([
      'Analytics Explorer', 'Employee HR Portal', 'Expense Tracker', 'Legacy Intranet', 'Support Chat Widget',
    ]);
  });

  test('Disabled shows nothing on a fresh profile; the empty state names the filter and Clear filters lists everything again', async ({ page }) => {
    await openApplications(page);
    await statusSelect(page).selectOption({ label: 'Disabled' });
    await expect(entries(page)).toHaveCount(0);
    await expect(page.getByText('No applications match the filter Status: Disabled.')).toBeVisible();
    await expect(page.getByText('No applications match your search.')).toHaveCount(0);
    await expect(countLine(page)).toHaveText('0 of 11 applications match');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(entries(page)).toHaveCount(11);
    await expect(statusSelect(page)).toHaveValue('');
    await expect(page).toHaveURL('/applications');
    await expect(searchBox(page)).toBeFocused();
  });

  test('a search and filters that match nothing are named, and Clear search and filters resets all three but not the sort', async ({ page }) => {
    await page.goto('/applications?sort=newest');
    await typeSelect(page).selectOption({ label: 'Worker' });
    await statusSelect(page).selectOption({ label: 'Rotation in progress' });
    await searchBox(page).pressSequentially('billing');
    await expect(entries(page)).toHaveCount(0);
    await expect(page.getByText('No applications match your search with the filters Type: Worker and Status: Rotation in progress.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await expect(entries(page)).toHaveCount(11);
    await expect(searchBox(page)).toHaveValue('');
    await expect(typeSelect(page)).toHaveValue('');
    await expect(statusSelect(page)).toHaveValue('');
    await expect(sortSelect(page)).toHaveValue('newest');
    await expect(page).toHaveURL('/applications?sort=newest');
    // Back brings the cleared query back, as for any other choice.
    await page.goBack();
    await expect(searchBox(page)).toHaveValue('billing');
    await expect(page.getByRole('button', { name: 'Clear search and filters' })).toBeVisible();
  });

  test('a search alone that matches nothing offers Clear search', async ({ page }) => {
    await openApplications(page);
    await searchBox(page).pressSequentially('nothing by this name');
    await expect(page.getByText('No applications match your search.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect(entries(page)).toHaveCount(11);
    await expect(searchBox(page)).toHaveValue('');
  });

  test('Previous secret expiring first puts the soonest expiry first', async ({ page }) => {
    await openApplications(page);
    await sortSelect(page).selectOption({ label: 'Previous secret expiring first' });
    const shown = await names(page);
    expect(shown.slice(0, 3)).toEqual(['Field Service App', 'Customer Portal', 'Nightly Report Job']);
    await expect(page).toHaveURL(/[?&]sort=previous-expiring\b/);
  });

  test('Newest first and Oldest secret first reorder the list', async ({ page }) => {
    await openApplications(page);
    await sortSelect(page).selectOption({ label: 'Newest first' });
    // The demo applications were created a week apart, in the order they are listed in the seed.
    await expect(entries(page).first()).toContainText('Expense Tracker');
    await sortSelect(page).selectOption({ label: 'Oldest secret first' });
    await expect(entries(page).first()).toContainText('Partner Dashboard');
    const last = await names(page);
    expect(last.slice(-5).sort()).toEqual(
      ['Analytics Explorer', 'Employee HR Portal', 'Expense Tracker', 'Legacy Intranet', 'Support Chat Widget'],
    );
  });

  test('search, filters and sort survive a reload', async ({ page }) => {
    await openApplications(page);
    await searchBox(page).fill('a');
    await typeSelect(page).selectOption({ label: 'Native' });
    await sortSelect(page).selectOption({ label: 'Newest first' });
    const before = await names(page);
    // The address follows once the list's frame is painted; a reload comes after the user saw it.
    await expect(page).toHaveURL(/[?&]sort=newest\b/);
    await page.reload();
    await expect(searchBox(page)).toHaveValue('a');
    await expect(typeSelect(page)).toHaveValue('native');
    await expect(sortSelect(page)).toHaveValue('newest');
    expect(await names(page)).toEqual(before);
  });

  test('Back undoes a filter choice and Forward redoes it; typing does not add history entries', async ({ page }) => {
    await openApplications(page);
    const historyLength = () => page.evaluate(() => history.length);
    const entriesBefore = await historyLength();
    await searchBox(page).pressSequentially('port');
    await expect(page).toHaveURL(/[?&]q=port\b/);
    expect(await historyLength(), 'each keystroke replaced the history entry').toBe(entriesBefore);
    const searched = ['Customer Portal', 'Employee HR Portal', 'Nightly Report Job', 'Support Chat Widget'];
    await expect(entries(page)).toHaveCount(searched.length);
    expect(await names(page)).toEqual(searched);
    await statusSelect(page).selectOption({ label: 'Rotation in progress' });
    await expect(entries(page)).toHaveCount(2);
    expect(await names(page)).toEqual(['Customer Portal', 'Nightly Report Job']);
    // The list shows a choice at once; the address follows once that frame is painted.
    await expect(page).toHaveURL(/[?&]status=rotation-in-progress\b/);
    await page.goBack();
    await expect(statusSelect(page)).toHaveValue('');
    await expect(searchBox(page)).toHaveValue('port');
    await expect(entries(page)).toHaveCount(searched.length);
    await page.goForward();
    await expect(statusSelect(page)).toHaveValue('rotation-in-progress');
    await expect(entries(page)).toHaveCount(2);
  });

  test('two choices made faster than the address follows are two history entries, and Back undoes the last alone', async ({ page }) => {
    await openApplications(page);
    const status = await statusSelect(page).elementHandle();
    const type = await typeSelect(page).elementHandle();
    // Both choices in one task: the address has not followed the first when the second comes.
    await page.evaluate(([status, type]) => {
      for (const [select, value] of [[status, 'rotation-in-progress'], [type, 'native']]) {
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }, [status, type]);
    await expect(page).toHaveURL(/[?&]type=native\b/);
    await expect(page).toHaveURL(/[?&]status=rotation-in-progress\b/);
    await page.goBack();
    await expect(typeSelect(page)).toHaveValue('');
    await expect(statusSelect(page)).toHaveValue('rotation-in-progress');
    await expect(page).toHaveURL(/[?&]status=rotation-in-progress\b/);
  });

  // The address follows a change once the browser is idle after painting it. `history.back()` is
  // asynchronous, and under load the browser can be idle before Back arrives; the change is then
  // rightly written first. This holds the page's idle callbacks until Back has arrived, so the
  // test is of the order it names: Back before the address follows.
  const holdIdleWorkUntilBack = (page) => page.evaluate(() => {
    const whenIdle = window.requestIdleCallback.bind(window);
    const held = [];
    let backArrived = false;
    // Registered after the app's own listener, so it runs after the app has seen Back.
    window.addEventListener('popstate', () => {
      backArrived = true;
      for (const work of held.splice(0)) whenIdle(work);
    }, { once: true });
    window.requestIdleCallback = (work, options) => {
      if (backArrived) return whenIdle(work, options);
      held.push(work);
      return 0;
    };
  });

  // The address follows a change once the browser is idle after painting it; this waits past that.
  const afterTheAddressWouldHaveFollowed = (page) => page.evaluate(() => new Promise((done) => {
    requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => setTimeout(done, 100))));
  }));

  test('Back pressed before the address follows a choice goes back from where the address was, and the choice is not written over that entry', async ({ page }) => {
    await openApplications(page);
    await typeSelect(page).selectOption({ label: 'Native' });
    await expect(page).toHaveURL(/[?&]type=native\b/);
    const status = await statusSelect(page).elementHandle();
    await holdIdleWorkUntilBack(page);
    // The choice and Back in one task: Back comes before the address has followed the choice.
    await page.evaluate((status) => {
      status.value = 'rotation-in-progress';
      status.dispatchEvent(new Event('change', { bubbles: true }));
      history.back();
    }, status);
    await expect(typeSelect(page)).toHaveValue('');
    await afterTheAddressWouldHaveFollowed(page);
    await expect(page).toHaveURL(/\/applications$/);
    await expect(typeSelect(page)).toHaveValue('');
    await expect(statusSelect(page)).toHaveValue('');
    await page.goForward();
    await expect(typeSelect(page)).toHaveValue('native');
    await expect(statusSelect(page)).toHaveValue('');
    await expect(page).toHaveURL(/[?&]type=native$/);
  });

  test('Back pressed while typing is on its way shows the entry Back went to, and the typing does not replace it', async ({ page }) => {
    await openApplications(page);
    await statusSelect(page).selectOption({ label: 'Rotation in progress' });
    await expect(page).toHaveURL(/[?&]status=rotation-in-progress\b/);
    const search = await searchBox(page).elementHandle();
    await holdIdleWorkUntilBack(page);
    await page.evaluate((search) => {
      search.value = 'port';
      search.dispatchEvent(new Event('input', { bubbles: true }));
      history.back();
    }, search);
    await expect(statusSelect(page)).toHaveValue('');
    await afterTheAddressWouldHaveFollowed(page);
    await expect(page).toHaveURL(/\/applications$/);
    await expect(searchBox(page)).toHaveValue('');
    await expect(statusSelect(page)).toHaveValue('');
    await expect(countLine(page)).not.toContainText('match');
    await page.goForward();
    await expect(statusSelect(page)).toHaveValue('rotation-in-progress');
    await expect(searchBox(page)).toHaveValue('');
    await expect(page).not.toHaveURL(/[?&]q=/);
  });

  test('a pasted link opens the list as it says, with unknown values ignored', async ({ page }) => {
    await page.goto('/applications?q=e&type=worker&status=rotation-in-progress&sort=newest');
    await expect(entries(page)).toHaveCount(1);
    expect(await names(page)).toEqual(['Nightly Report Job']);
    await page.goto('/applications?type=mainframe&status=%3Cscript%3E&sort=random&q=bank');
    await expect(typeSelect(page)).toHaveValue('');
    await expect(statusSelect(page)).toHaveValue('');
    await expect(sortSelect(page)).toHaveValue('name');
    expect(await names(page)).toEqual(['Mobile Banking']);
  });

  test('opening an application and closing its panel keeps the list as it was', async ({ page }) => {
    await page.goto('/applications?type=native');
    await entry(page, 'Mobile Banking').click();
    await expect(page).toHaveURL(/\/applications\/[^/]+\/overview\?type=native$/);
    await page.getByRole('tab', { name: 'Configuration' }).click();
    await expect(page).toHaveURL(/\/configuration\?type=native$/);
    await page.getByRole('button', { name: 'Close details' }).click();
    await expect(page).toHaveURL(/\/applications\?type=native$/);
    await expect(entries(page)).toHaveCount(2);
  });
});

test.describe('Rotation due and overdue follow the rotation policy', () => {
  const policyForm = (page) => page.getByRole('form', { name: 'Rotation Policy' });
  const row = (page, name) => entries(page).filter({ hasText: name });

  test('under the default 90-day policy the list says which secrets are due or overdue, in text', async ({ page }) => {
    await openApplications(page);
    await expect(row(page, 'Partner Dashboard')).toContainText('Rotation overdue');
    await expect(row(page, 'Mobile Banking')).toContainText('Rotation due');
    await expect(row(page, 'Mobile Banking')).not.toContainText('overdue');
    for (const secretless of ['Support Chat Widget', 'Employee HR Portal']) {
      await expect(row(page, secretless)).not.toContainText('Rotation');
    }
    await statusSelect(page).selectOption({ label: 'Rotation due' });
    expect(await names(page)).toEqual(['Mobile Banking', 'Partner Dashboard']);
  });

  test('Rotation overdue keeps only the secrets past the interval, in the address like the other filters', async ({ page }) => {
    await openApplications(page);
    await statusSelect(page).selectOption({ label: 'Rotation overdue' });
    expect(await names(page)).toEqual(['Partner Dashboard']);
    await expect(row(page, 'Partner Dashboard')).toContainText('Rotation overdue');
    await expect(page).toHaveURL(/[?&]status=rotation-overdue\b/);
    await page.reload();
    await expect(statusSelect(page)).toHaveValue('rotation-overdue');
    await expect(entries(page)).toHaveCount(1);
    await page.goto('/applications?status=rotation-overdue&type=native');
    await expect(page.getByText('No applications match the filters Type: Native and Status: Rotation overdue.')).toBeVisible();
  });

  test('a policy saved in another tab changes the badges and the Rotation due filter at once', async ({ page, newPage }) => {
    await page.goto('/applications?status=rotation-due');
    await expect(entries(page)).toHaveCount(2);
    const other = await newPage();
    await other.goto('/rotation');
    await policyForm(other).getByRole('checkbox', { name: 'No rotation policy' }).check();
    await policyForm(other).getByRole('button', { name: 'Save' }).click();
    await expect(other.getByRole('status')).toContainText('Rotation policy saved: no rotation policy.');
    await expect(entries(page)).toHaveCount(0);
    await statusSelect(page).selectOption({ label: 'All statuses' });
    await expect(entries(page)).toHaveCount(11);
    await expect(entries(page).filter({ hasText: /Rotation (due|overdue)/ })).toHaveCount(0);
  });
});

test.describe('The filtered list passes axe', () => {
  for (const mode of MODES) {
    test(`a filtered, sorted list has no axe violations (${mode.name})`, async ({ page, axe }) => {
      await page.emulateMedia({ colorScheme: mode.colorScheme });
      await page.setViewportSize(mode.viewport);
      await page.goto('/applications?status=rotation-in-progress&sort=previous-expiring');
      await expect(entries(page)).toHaveCount(3);
      await expectAccessible(axe, page, `the filtered list (${mode.name})`);
    });
  }
});
