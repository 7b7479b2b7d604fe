// The Secret Rotation page (SPEC.md "Secret Rotation page"): the navigation link and its count,
// Rotations in Progress ticking down and losing rows at expiry, Rotation Due by the policy, the
// Rotation Policy form, a second tab following a policy change, policy changes in the activity
// log, and axe-core audits.
import { test, expect } from './fixtures.mjs';
import { DAY, HOUR, panelHeading, previousRegion, status } from './support/app.mjs';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** A fixed start, so the demo data (created relative to it) gives the same times every run. */
const START = Date.UTC(2026, 11, 1, 9, 0, 0);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const rotationLink = (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Secret Rotation/ });
const inProgress = (page) => page.getByRole('table', { name: 'Rotations in Progress', exact: true });
const due = (page) => page.getByRole('table', { name: 'Rotation Due', exact: true });
const policyForm = (page) => page.getByRole('form', { name: 'Rotation Policy' });
const intervalField = (page) => policyForm(page).getByRole('spinbutton', { name: 'Rotation interval (days)' });
const noPolicy = (page) => policyForm(page).getByRole('checkbox', { name: 'No rotation policy' });
const save = (page) => policyForm(page).getByRole('button', { name: 'Save' });
/** The application names of a table's rows, in order (each row is headed by its application). */
const applicationsIn = (table) => table.locator('tbody tr').getByRole('rowheader');

async function openRotation(page) {
  await page.goto('/');
  await rotationLink(page).click();
  await expect(page).toHaveURL(/\/rotation$/);
  await expect(page.getByRole('heading', { name: 'Secret Rotation', level: 1 })).toBeVisible();
}

async function savePolicy(page, days) {
  await intervalField(page).fill(String(days));
  await save(page).click();
  const announced = days === 1 ? 'every day' : `every ${days} days`;
  await expect(status(page)).toContainText(`Rotation policy saved: rotate client secrets ${announced}.`);
}

test.describe('on the demo data', () => {
  test.use({ clockAt: START });

  test('rotations in progress are listed soonest expiry first with their expiry and time left', async ({ page }) => {
    await openRotation(page);
    const table = inProgress(page);
    await expect(applicationsIn(table)).toHaveText(['Field Service App', 'Customer Portal', 'Nightly Report Job']);
    const first = table.locator('tbody tr').first();
    // Field Service App was rotated 4 hours before START with 1 day of retention.
    const datetimes = await table.locator('time').evaluateAll((times) => times.map((time) => time.dateTime));
    for (const datetime of datetimes) expect(datetime).toMatch(RFC3339);
    // The demo data is created when the page first loads, a moment after START.
    expect(Date.parse(datetimes[0]) - (START + 20 * HOUR)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(datetimes[0]) - (START + 20 * HOUR)).toBeLessThan(10_000);
    await expect(first.getByRole('cell').last()).toHaveText(/^(20 hours|19 hours 59 minutes)$/);
  });

  test('rotation due lists the overdue secret first, then the due one, and no application without a secret', async ({ page }) => {
    await openRotation(page);
    const table = due(page);
    await expect(applicationsIn(table)).toHaveText(['Partner Dashboard', 'Mobile Banking']);
    const [overdue, dueSoon] = [table.locator('tbody tr').nth(0), table.locator('tbody tr').nth(1)];
    await expect(overdue.getByRole('cell').nth(0)).toHaveText(/^93 days/);
    await expect(overdue.getByRole('cell').nth(1)).toHaveText(/^Overdue by 3 days/);
    await expect(dueSoon.getByRole('cell').nth(0)).toHaveText(/^86 days/);
    await expect(dueSoon.getByRole('cell').nth(1)).toHaveText(/^Due in 3 days 23 hours|^Due in 4 days/);
  });

  test('the navigation link says how many rotations are due', async ({ page }) => {
    await page.goto('/');
    await expect(rotationLink(page)).toHaveAccessibleName('Secret Rotation, 2 due');
    await expect(rotationLink(page).getByText('2 due', { exact: true })).toBeVisible();
  });

  test('the time left counts down without a reload and the row leaves by itself at expiry', async ({ page }) => {
    await openRotation(page);
    const table = inProgress(page);
    const fieldService = table.getByRole('row', { name: /Field Service App/ });
    await page.clock.fastForward(5 * 60 * 1000);
    await expect(fieldService.getByRole('cell').last()).toHaveText(/^19 hours 5\d minutes$/);
    await page.clock.fastForward(20 * HOUR);
    await expect(fieldService).toHaveCount(0);
    await expect(applicationsIn(table)).toHaveText(['Customer Portal', 'Nightly Report Job']);
  });

  test('each application links to its Configuration tab', async ({ page }) => {
    await openRotation(page);
    await inProgress(page).getByRole('link', { name: 'Customer Portal' }).click();
    await expect(page).toHaveURL(/\/applications\/[^/]+\/configuration$/);
    await expect(panelHeading(page, 'Customer Portal')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
    await expect(previousRegion(page)).toBeVisible();

    await page.goBack();
    await due(page).getByRole('link', { name: 'Partner Dashboard' }).click();
    await expect(page).toHaveURL(/\/applications\/[^/]+\/configuration$/);
    await expect(panelHeading(page, 'Partner Dashboard')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
  });
});

test.describe('the Rotation Policy form', () => {
  test.use({ clockAt: START });

  test('a policy change is recorded on the Activity page as a console event, never in an application\'s Activity tab', async ({ page }) => {
    await openRotation(page);
    await savePolicy(page, 30);
    await savePolicy(page, 30);
    await noPolicy(page).check();
    await save(page).click();
    await expect(status(page)).toContainText('Rotation policy saved: no rotation policy.');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
    const policyEvents = page.locator('.activity__event').filter({ hasText: 'Rotation policy changed' });
    await expect(policyEvents.locator('.activity__text'), 'newest first, saving the same policy again records nothing').toHaveText([
      'Rotation policy changed from 30 days to no rotation policy',
      'Rotation policy changed from 90 days to 30 days',
    ]);
    await expect(policyEvents.first().locator('.activity__application')).toHaveText('Console');
    const times = await policyEvents.locator('time[datetime]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime')));
    expect(times).toHaveLength(2);
    for (const datetime of times) expect(datetime).toMatch(RFC3339);
    await expect(page.locator('.activity__event').first()).toContainText('Rotation policy changed');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' }).click();
    await page.getByRole('link', { name: 'Partner Dashboard' }).first().click();
    await expect(panelHeading(page, 'Partner Dashboard')).toBeVisible();
    await page.getByRole('tab', { name: 'Activity' }).click();
    await expect(page.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.activity__event').first()).toBeVisible();
    await expect(page.getByText('Rotation policy changed')).toHaveCount(0);
  });

  test('shows the default of 90 days on a first visit', async ({ page }) => {
    await openRotation(page);
    await expect(intervalField(page)).toHaveValue('90');
    await expect(noPolicy(page)).not.toBeChecked();
    await expect(save(page)).toBeEnabled();
  });

  test('invalid intervals keep Save disabled with the reason beside the field', async ({ page }) => {
    await openRotation(page);
    const cases = [
      ['', 'Enter the rotation interval in days.'],
      ['0', 'The rotation interval must be between 1 and 3650 days.'],
      ['3651', 'The rotation interval must be between 1 and 3650 days.'],
      ['-5', 'Enter a whole number of days, such as 90.'],
      ['1.5', 'Enter a whole number of days, such as 90.'],
      ['1e3', 'Enter a whole number of days, such as 90.'],
    ];
    for (const [typed, reason] of cases) {
      await intervalField(page).fill(typed);
      await expect(save(page), `Save with "${typed}"`).toBeDisabled();
      await expect(intervalField(page)).toHaveAttribute('aria-invalid', 'true');
      await expect(intervalField(page)).toHaveAccessibleDescription(new RegExp(reason.replace(/[.()]/g, '\\$&')));
      await expect(policyForm(page).getByText(reason, { exact: true })).toBeVisible();
    }
    await intervalField(page).press('Enter');
    await expect(status(page)).not.toContainText('Rotation policy saved');
    await intervalField(page).fill('30');
    await expect(save(page)).toBeEnabled();
    await expect(intervalField(page)).toHaveAttribute('aria-invalid', 'false');
  });

  test('an interval of 1 day makes every secret older than a day due, and it survives a reload', async ({ page }) => {
    await openRotation(page);
    await savePolicy(page, 1);
    // Every application with a secret except Field Service App, rotated 4 hours ago.
    await expect(applicationsIn(due(page))).toHaveText([
      'Partner Dashboard',
      'Mobile Banking',
      'Billing Sync Worker',
      'Nightly Report Job',
      'Customer Portal',
    ]);
    await expect(rotationLink(page)).toHaveAccessibleName('Secret Rotation, 5 due');
    await page.reload();
    await expect(intervalField(page)).toHaveValue('1');
    await expect(applicationsIn(due(page))).toHaveCount(5);
  });

  test('an interval of 3650 days leaves nothing due and the navigation without a count', async ({ page }) => {
    await openRotation(page);
    await savePolicy(page, 3650);
    await expect(applicationsIn(due(page))).toHaveCount(0);
    await expect(page.getByText('No rotation is due', { exact: false })).toBeVisible();
    await expect(rotationLink(page)).toHaveAccessibleName('Secret Rotation');
  });

  test('no rotation policy empties Rotation Due and keeps the rotations in progress', async ({ page }) => {
    await openRotation(page);
    await noPolicy(page).check();
    await expect(intervalField(page)).toBeDisabled();
    await save(page).click();
    await expect(status(page)).toContainText('Rotation policy saved: no rotation policy.');
    await expect(applicationsIn(due(page))).toHaveCount(0);
    await expect(page.getByText('No rotation is due', { exact: false })).toBeVisible();
    await expect(applicationsIn(inProgress(page))).toHaveCount(3);
    await expect(rotationLink(page)).toHaveAccessibleName('Secret Rotation');
    await page.reload();
    await expect(noPolicy(page)).toBeChecked();
  });

  test('a policy saved in one tab updates the other tab without a reload', async ({ page, newPage }) => {
    await openRotation(page);
    const other = await newPage();
    await openRotation(other);
    await expect(applicationsIn(due(other))).toHaveCount(2);

    await savePolicy(page, 1);
    await expect(applicationsIn(due(other))).toHaveCount(5);
    await expect(rotationLink(other)).toHaveAccessibleName('Secret Rotation, 5 due');
    await expect(intervalField(other)).toHaveValue('1');

    await noPolicy(other).check();
    await save(other).click();
    await expect(applicationsIn(due(page))).toHaveCount(0);
    await expect(rotationLink(page)).toHaveAccessibleName('Secret Rotation');
    await expect(noPolicy(page)).toBeChecked();
  });
});

/** The cells of `table`'s rows that reach past the viewport or are cut off by the table's frame. */
function clippedCells(table) {
  return table.evaluate((table) => {
    const frame = table.parentElement.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    return [...table.querySelectorAll('tbody th, tbody td')]
      .filter((cell) => {
        const box = cell.getBoundingClientRect();
        return box.left < Math.max(0, frame.left) - 1 || box.right > Math.min(width, frame.right) + 1;
      })
      .map((cell) => `${cell.textContent} (${Math.round(cell.getBoundingClientRect().right)} px)`);
  });
}

for (const { name, viewport } of [
  { name: '360 px wide', viewport: { width: 360, height: 740 } },
  { name: '200% zoom of 1280 × 800', viewport: { width: 640, height: 400 } },
]) {
  test.describe(`at ${name}`, () => {
    test.use({ viewport, clockAt: START });

    test('every cell of both tables is inside the viewport, and the tables keep their columns for assistive technology', async ({ page }) => {
      await openRotation(page);
      // "19 hours 55 minutes" is the longest time left the demo data has.
      await page.clock.fastForward(5 * 60 * 1000);
      await expect(inProgress(page).locator('tbody tr').first().getByRole('cell').last()).toHaveText(/minutes$/);
      for (const [table, columns] of [
        [inProgress(page), ['Application', 'Previous secret expires', 'Time left']],
        [due(page), ['Application', 'Secret age', 'Due']],
      ]) {
        await expect(table.getByRole('columnheader')).toHaveText(columns);
        await expect(table.locator('tbody tr').first().getByRole('cell')).toHaveCount(2);
        expect(await clippedCells(table), 'cells cut off at the edge').toEqual([]);
      }
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, 'the page does not scroll sideways').toBeLessThanOrEqual(viewport.width);
    });
  });
}

test.describe('paging', () => {
  test('a long table shows 100 rows and then 100 more on request', async ({ page }) => {
    await page.goto('/');
    // 250 more demo-like applications through the UI would be slow; seed a copy of one instead.
    await page.evaluate(() => {
      const prefix = 'client-secret-console.v1.';
      const index = JSON.parse(localStorage.getItem(`${prefix}index`));
      const template = index
        .map((id) => JSON.parse(localStorage.getItem(`${prefix}app.${id}`)))
        .find((record) => record.name === 'Partner Dashboard');
      for (let copy = 1; copy <= 250; copy += 1) {
        const id = `00000000-0000-4000-8000-${String(copy).padStart(12, '0')}`;
        localStorage.setItem(`${prefix}app.${id}`, JSON.stringify({ ...template, name: `Overdue Copy ${copy}` }));
        index.push(id);
      }
      localStorage.setItem(`${prefix}index`, JSON.stringify(index));
    });
    await page.reload();
    await rotationLink(page).click();
    await expect(rotationLink(page)).toHaveAccessibleName('Secret Rotation, 252 due');
    const rows = due(page).locator('tbody tr');
    await expect(rows).toHaveCount(100);
    await page.getByRole('button', { name: 'Show 100 more' }).click();
    await expect(rows).toHaveCount(200);
    await page.getByRole('button', { name: 'Show 52 more' }).click();
    await expect(rows).toHaveCount(252);
    await expect(page.getByRole('button', { name: /^Show \d+ more$/ })).toHaveCount(0);
  });
});

for (const [mode, options] of [
  ['light at 1280 px', { colorScheme: 'light' }],
  ['dark at 1280 px', { colorScheme: 'dark' }],
  ['light at 360 px', { colorScheme: 'light', viewport: { width: 360, height: 800 } }],
  ['dark at 360 px', { colorScheme: 'dark', viewport: { width: 360, height: 800 } }],
]) {
  test.describe(`accessibility, ${mode}`, () => {
    test.use({ ...options, clockAt: START });

    test('the page has no axe-core violations, with rows, with an invalid interval and with empty tables', async ({ page, axe }) => {
      const audit = async (state) => {
        const { violations } = await axe(page, { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] });
        expect(violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`), state).toEqual([]);
      };
      await openRotation(page);
      await audit('with rows');
      await intervalField(page).fill('0');
      await audit('with an invalid interval');
      await noPolicy(page).check();
      await save(page).click();
      await expect(applicationsIn(due(page))).toHaveCount(0);
      await page.clock.fastForward(31 * DAY);
      await expect(applicationsIn(inProgress(page))).toHaveCount(0);
      await audit('with empty tables');
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, 'the page does not scroll sideways').toBeLessThanOrEqual(options.viewport?.width ?? 1280);
    });
  });
}

test.describe('what an empty Rotation Due table says', () => {
  test.use({ clockAt: START, viewport: { width: 360, height: 740 } });
  const dueSection = (page) => page.getByRole('region', { name: 'Rotation Due', exact: true });

  test('with No rotation policy it says there is none, so nothing is due, and points to the Rotation Policy form', async ({ page }) => {
    await openRotation(page);
    await noPolicy(page).check();
    await save(page).click();
    await expect(status(page)).toContainText('Rotation policy saved: no rotation policy.');
    await expect(applicationsIn(due(page))).toHaveCount(0);
    await expect(dueSection(page)).toContainText('No rotation is due because there is no rotation policy: without one, no client secret is ever due.');
    await expect(dueSection(page)).not.toContainText('younger than the rotation policy requires');
    await page.evaluate(() => window.scrollTo(0, 0));
    await dueSection(page).getByRole('link', { name: 'Rotation Policy' }).click();
    await expect(policyForm(page).getByRole('heading', { name: 'Rotation Policy' })).toBeInViewport();
  });

  test('under a policy nothing has reached, it says every secret is younger than the policy requires', async ({ page }) => {
    await openRotation(page);
    await savePolicy(page, 3650);
    await expect(applicationsIn(due(page))).toHaveCount(0);
    await expect(dueSection(page)).toContainText('No rotation is due: every client secret is younger than the rotation policy requires.');
    await expect(dueSection(page).getByRole('link')).toHaveCount(0);
  });
});
