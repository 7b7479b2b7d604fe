// The console's UI contract (SPEC.md) and the steps of the documented procedures, written once
// and used by every flow test. Everything is found by ARIA role and accessible name.
import { expect } from '@playwright/test';

export const ACKNOWLEDGE = 'I understand and would like to continue';
/** At least 64 URL-unreserved characters (SPEC.md: >= 64 characters, A-Z a-z 0-9 - . _ ~). */
export const SECRET_SHAPE = /^[A-Za-z0-9\-._~]{64,}$/;
/** An RFC 3339 timestamp, as in `<time datetime>`. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;
export const RETENTIONS = [
  'Retain for 1 Day',
  'Retain for 7 Days',
  'Retain for 30 Days',
  'Retain for custom duration',
  'Do Not Retain Previous Secret',
];

/** The demo applications of a fresh profile (fixed by the lead). */
export const DEMO_APPS = [
  { name: 'Customer Portal', type: 'OIDC Web App', secret: true, previous: true },
  { name: 'Partner Dashboard', type: 'OIDC Web App', secret: true, previous: false },
  { name: 'Mobile Banking', type: 'Native', secret: true, previous: false },
  { name: 'Field Service App', type: 'Native', secret: true, previous: true },
  { name: 'Support Chat Widget', type: 'Single-Page', secret: false },
  { name: 'Analytics Explorer', type: 'Single-Page', secret: false },
  { name: 'Billing Sync Worker', type: 'Worker', secret: true, previous: false },
  { name: 'Nightly Report Job', type: 'Worker', secret: true, previous: true },
  { name: 'Employee HR Portal', type: 'SAML Application', secret: false },
  { name: 'Legacy Intranet', type: 'WS-Federation', secret: false },
  { name: 'Expense Tracker', type: 'SAML Application', secret: false },
];

export const heading = (page) => page.getByRole('heading', { name: 'Applications', level: 1 });
export const searchBox = (page) => page.getByRole('searchbox').or(page.getByRole('textbox', { name: /search/i }));
/** The list entry (a link or button whose name contains the application's name). */
export const entry = (page, name) => page.getByRole('listitem').getByRole('link', { name });
/** Every list entry. */
export const entries = (page) => page.getByRole('listitem').getByRole('link');
export const panelHeading = (page, name) => page.getByRole('heading', { name, exact: true, level: 2 });
export const secretRegion = (page) => page.getByRole('region', { name: 'Client Secret', exact: true });
export const previousRegion = (page) => page.getByRole('region', { name: 'Previous Client Secret', exact: true });
export const generateDialog = (page) => page.getByRole('dialog', { name: 'Generate New Secret' });
export const revokeDialog = (page) => page.getByRole('dialog', { name: 'Revoke Previous Client Secret' });
export const status = (page) => page.getByRole('status');

/** Step 1: go to Applications > Applications. */
export async function openApplications(page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Applications', level: 1 })).toBeVisible();
}

/** Steps 2-3: open the application's details panel, then its Configuration tab. */
export async function openConfiguration(page, name) {
  await page.getByRole('link', { name }).first().click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await page.getByRole('tab', { name: 'Configuration' }).click();
  await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
}

/** Reveals the value with the region's "Show <what>" button, reads its <code>, and masks it again. */
export async function revealedSecret(region, what) {
  await region.getByRole('button', { name: `Show ${what}` }).click();
  const code = region.locator('code');
  await expect(code).toBeVisible();
  const value = (await code.textContent()).trim();
  await region.getByRole('button', { name: `Hide ${what}` }).click();
  await expect(code).toHaveCount(0);
  return value;
}

/** The current secret, and the previous one or null when there is no Previous Client Secret region. */
export async function readSecrets(page) {
  const current = await revealedSecret(secretRegion(page), 'client secret');
  const hasPrevious = (await previousRegion(page).count()) > 0;
  const previous = hasPrevious ? await revealedSecret(previousRegion(page), 'previous client secret') : null;
  return { current, previous };
}

/** The previous secret's expiry as its `<time datetime>` (checked to be RFC 3339) in epoch ms. */
export async function previousExpiry(page) {
  const time = previousRegion(page).locator('time[datetime]');
  await expect(time).toHaveCount(1);
  const datetime = await time.getAttribute('datetime');
  expect(datetime, 'the expiry is an RFC 3339 timestamp').toMatch(RFC3339);
  expect((await time.textContent()).trim(), 'the expiry has a human-readable text').not.toBe('');
  return Date.parse(datetime);
}

/** Step 4: Generate New Secret opens its modal dialog. */
export async function openGenerateDialog(page) {
  await secretRegion(page).getByRole('button', { name: 'Generate New Secret' }).click();
  const dialog = generateDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Steps 4-6 of Generate: choose retention (and the custom duration), acknowledge, confirm. */
export async function generateSecret(page, retention, custom) {
  const dialog = await openGenerateDialog(page);
  await dialog.getByRole('radio', { name: retention }).check();
  if (custom) {
    await dialog.getByRole('spinbutton', { name: 'Custom duration' }).fill(custom.amount);
    await dialog.getByRole('combobox', { name: 'Unit', exact: true }).selectOption({ label: custom.unit });
  }
  await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();
}

/** Confirm is disabled until the acknowledgement is ticked, enabled then, and disabled again once it is unticked. */
export async function expectConfirmNeedsAcknowledgement(dialog) {
  const confirm = dialog.getByRole('button', { name: 'Confirm' });
  const acknowledge = dialog.getByRole('checkbox', { name: ACKNOWLEDGE });
  await expect(confirm).toBeDisabled();
  await acknowledge.check();
  await expect(confirm).toBeEnabled();
  await acknowledge.uncheck();
  await expect(confirm).toBeDisabled();
}

/** Revoke step 4: Revoke Previous Client Secret opens its modal dialog. */
export async function openRevokeDialog(page) {
  await previousRegion(page).getByRole('button', { name: 'Revoke Previous Client Secret' }).click();
  const dialog = revokeDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The page's clock (the browser's Date.now(), which Playwright's fake clock moves). */
export const browserNow = (page) => page.evaluate(() => Date.now());

/** Asserts the dialog is modal: `<dialog>` opened with showModal(), or aria-modal="true". */
export async function assertModal(dialog) {
  const modal = await dialog.evaluate(
    (element) => element.getAttribute('aria-modal') === 'true' || (element.tagName === 'DIALOG' && element.matches(':modal')),
  );
  expect(modal, 'the dialog is modal').toBe(true);
}

/** The client ID an application's list entry links to (/applications/<clientId>/...). */
export async function clientIdFromEntry(page, name) {
  const href = await page.getByRole('link', { name }).first().getAttribute('href');
  const match = /\/applications\/([^/]+)\//.exec(href ?? '');
  expect(match, `the entry of ${name} links to /applications/<id>/...: ${href}`).not.toBeNull();
  return decodeURIComponent(match[1]);
}

/**
 * The visible text of the elements the field's aria-describedby names: how an inline message is
 * tied to its field. Empty when none of them is visible.
 */
export async function visibleDescription(field) {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').trim();
  const texts = [];
  for (const id of ids ? ids.split(/\s+/) : []) {
    const message = field.page().locator(`[id="${id}"]`);
    if ((await message.count()) === 1 && (await message.isVisible())) texts.push((await message.textContent()).trim());
  }
  return texts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Starts recording every notice or alert that appears in the open dialog from now on (its text);
 * returns a function that reads the record. For checking that a dialog's own action is not
 * reported to its user as somebody else's change while it closes.
 */
export async function recordDialogNotices(page) {
  await page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]');
    const before = new Set(dialog.querySelectorAll('.notice, [role="alert"]'));
    window.__dialogNotices = [];
    new MutationObserver(() => {
      for (const notice of dialog.querySelectorAll('.notice, [role="alert"]')) {
        if (!before.has(notice)) {
          before.add(notice);
          window.__dialogNotices.push(notice.textContent.trim());
        }
      }
    }).observe(dialog, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => window.__dialogNotices);
}
