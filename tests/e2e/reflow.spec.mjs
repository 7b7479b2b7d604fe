// Reflow (WCAG 1.4.10) and zoom: at 200% zoom of a 1280 × 800 window (640 × 400 CSS pixels) and
// on a 360 px wide phone, no view scrolls sideways, nothing is cut off, and every action of the
// Generate and Revoke procedures can still be reached and used.
import { test, expect } from './fixtures.mjs';
import {
  ACKNOWLEDGE, generateDialog, openApplications, openConfiguration, openGenerateDialog, openRevokeDialog, previousRegion,
  revokeDialog, secretRegion, status,
} from './support/app.mjs';

const SIZES = [
  { name: '200% zoom of 1280 × 800', viewport: { width: 640, height: 400 } },
  { name: '360 px wide', viewport: { width: 360, height: 740 } },
];

/** Fails when the page, or any element in it, is wider than the viewport (sideways scrolling or clipping). */
async function expectNoSidewaysOverflow(page, where) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((element) => element.getClientRects().length > 0)
      .filter((element) => {
        const box = element.getBoundingClientRect();
        // Wholly off to the left is the skip link's hiding place until it is focused; partly is cut off.
        return box.right > width + 1 || (box.left < -1 && box.right > 0);
      })
      // Only the outermost offender: its children overflow with it.
      .filter((element, _, all) => !all.some((other) => other !== element && other.contains(element)))
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
  expect(overflow.scrollWidth, `${where}: the page scrolls sideways (${overflow.scrollWidth} > ${overflow.width} px)`).toBeLessThanOrEqual(overflow.width);
  expect(overflow.wide, `${where}: elements reach past the viewport's edge`).toEqual([]);
}

test.describe('Reflow at 200% zoom and on a narrow screen', () => {
  for (const { name, viewport } of SIZES) {
    test.describe(name, () => {
      test.use({ viewport });

      test(`at ${name}: list, panel and both dialogs fit the width, and Generate and Revoke can be completed`, async ({ page }) => {
        await openApplications(page);
        await expectNoSidewaysOverflow(page, 'the list');

        await openConfiguration(page, 'Customer Portal');
        await expectNoSidewaysOverflow(page, 'the Configuration tab');
        // A revealed secret is 64 characters without a space: it must wrap, not widen the page.
        await secretRegion(page).getByRole('button', { name: 'Show client secret' }).click();
        await previousRegion(page).getByRole('button', { name: 'Show previous client secret' }).click();
        await expect(previousRegion(page).locator('code')).toBeVisible();
        await expectNoSidewaysOverflow(page, 'the Configuration tab with both secrets revealed');

        await openGenerateDialog(page);
        await expectNoSidewaysOverflow(page, 'the Generate New Secret dialog');
        const generate = generateDialog(page);
        await generate.getByRole('radio', { name: 'Retain for 7 Days' }).check();
        await generate.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
        await generate.getByRole('button', { name: 'Confirm' }).click();
        await expect(generate).toHaveCount(0);
        await expect(status(page)).toContainText('New client secret generated');
        await expect(secretRegion(page)).toBeVisible();

        await openRevokeDialog(page);
        await expectNoSidewaysOverflow(page, 'the Revoke Previous Client Secret dialog');
        const revoke = revokeDialog(page);
        await revoke.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
        await revoke.getByRole('button', { name: 'Confirm' }).click();
        await expect(revoke).toHaveCount(0);
        await expect(previousRegion(page)).toHaveCount(0);
        await expectNoSidewaysOverflow(page, 'the Configuration tab after revoking');
      });
    });
  }
});

/** The boxes of the Secret Rotation link, of its label's last line and of its "2 due" count. */
async function rotationLinkLayout(page) {
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Secret Rotation/ });
  await expect(link.getByText('2 due', { exact: true })).toBeVisible();
  return link.evaluate((element) => {
    const box = ({ top, bottom, left, right }) => ({ top, bottom, left, right });
    const label = [...element.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent.includes('Secret Rotation'));
    const range = document.createRange();
    range.selectNodeContents(label);
    const lines = [...range.getClientRects()];
    const count = [...element.querySelectorAll('*')].find((node) => node.textContent === '2 due');
    return { link: box(element.getBoundingClientRect()), label: box(lines[lines.length - 1]), count: box(count.getBoundingClientRect()) };
  });
}

test.describe('The navigation count and the Applications toolbar', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 640, height: 400 }, { width: 360, height: 740 }]) {
    test.describe(`${viewport.width} px wide`, () => {
      test.use({ viewport });

      test('the "2 due" count sits on the line of the Secret Rotation label, after it and inside the link', async ({ page }) => {
        await openApplications(page);
        const { link, label, count } = await rotationLinkLayout(page);
        const middle = (count.top + count.bottom) / 2;
        expect(middle, `the count's middle (${middle}) is within the label's line (${label.top}-${label.bottom})`).toBeGreaterThan(label.top);
        expect(middle).toBeLessThan(label.bottom);
        expect(count.left, 'the count follows the label').toBeGreaterThanOrEqual(label.right);
        expect(count.top, 'the count does not float above the link').toBeGreaterThanOrEqual(link.top);
        expect(count.right, 'the count stays inside the link').toBeLessThanOrEqual(link.right + 0.5);
        await expectNoSidewaysOverflow(page, 'the navigation with its count');
      });

      test('Add Application, Export and Import share one row', async ({ page }) => {
        await openApplications(page);
        const tops = [];
        for (const name of ['Add Application', 'Export', 'Import']) {
          const box = await page.getByRole('main').getByRole('button', { name, exact: true }).boundingBox();
          tops.push(Math.round(box.y));
          expect(box.x + box.width, `${name} fits the width`).toBeLessThanOrEqual(viewport.width);
        }
        expect(new Set(tops).size, `the buttons' rows: ${tops.join(', ')}`).toBe(1);
      });
    });
  }
});
