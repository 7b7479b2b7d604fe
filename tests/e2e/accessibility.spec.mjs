// axe-core audits of every state of the console, each in light and dark colour schemes at 1280 and
// 360 px wide. Any violation of any impact fails, and the failure lists each one (rule, impact,
// element, what to fix) so it can be acted on without re-running anything.
import { test, expect } from './fixtures.mjs';
import { openApplications, openConfiguration, openGenerateDialog } from './support/app.mjs';
import { auditState as auditStateOf } from './support/audit.mjs';

const INDEX_KEY = 'client-secret-console.v1.index';
const BROKEN_KEY = 'client-secret-console.v1.app.broken';

/** A group per state (support/audit.mjs), reached from the applications list. */
const auditState = (title, reach) =>
  auditStateOf(test, title, async (page) => {
    await openApplications(page);
    await reach(page);
  });

async function generateDialogOf(page, name) {
  await openConfiguration(page, name);
  return openGenerateDialog(page);
}

/** Stores an unreadable record listed in the index, with client ID `broken`. */
const plantUnreadableRecord = (page) =>
  page.evaluate(
    ([indexKey, brokenKey]) => {
      localStorage.setItem(brokenKey, '{not json');
      localStorage.setItem(indexKey, JSON.stringify([...JSON.parse(localStorage.getItem(indexKey)), 'broken']));
    },
    [INDEX_KEY, BROKEN_KEY],
  );

test.describe('axe finds no accessibility violations', () => {
  auditState('on the applications list', async () => {});

  auditState('on a search with no results', async (page) => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('no application is called this');
    await expect(page.getByText('No applications match your search.')).toBeVisible();
  });

  auditState('on the details panel Overview tab', async (page) => {
    await page.getByRole('link', { name: 'Customer Portal' }).click();
    await expect(page.getByRole('heading', { name: 'Customer Portal', level: 2 })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  });

  auditState('on the Configuration tab of an OIDC app with a previous secret, revealed', async (page) => {
    await openConfiguration(page, 'Customer Portal');
    for (const what of ['client secret', 'previous client secret']) {
      await page.getByRole('button', { name: `Show ${what}`, exact: true }).click();
    }
    await expect(page.getByRole('region', { name: 'Previous Client Secret' }).locator('code')).toBeVisible();
  });

  auditState('on the Configuration tab of a SAML app', async (page) => {
    await openConfiguration(page, 'Employee HR Portal');
    await expect(page.getByText('Client secrets apply only to OIDC-based applications.')).toBeVisible();
  });

  auditState('on the Configuration tab of a Single-Page app', async (page) => {
    await openConfiguration(page, 'Support Chat Widget');
    await expect(page.getByText('public client')).toBeVisible();
  });

  auditState('on the Generate New Secret dialog', async (page) => {
    const dialog = await generateDialogOf(page, 'Customer Portal');
    await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
  });

  auditState('on the Generate New Secret dialog with an invalid custom duration', async (page) => {
    const dialog = await generateDialogOf(page, 'Customer Portal');
    await dialog.getByRole('radio', { name: 'Retain for custom duration' }).check();
    await dialog.getByRole('spinbutton', { name: 'Custom duration' }).fill('31');
    await expect(dialog.locator('#custom-duration-error')).toContainText('30 days');
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  });

  auditState('on the Revoke Previous Client Secret dialog', async (page) => {
    await openConfiguration(page, 'Field Service App');
    await page.getByRole('button', { name: 'Revoke Previous Client Secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke Previous Client Secret' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('This action cannot be undone.');
  });

  auditState('on the Add Application dialog showing the empty-name error', async (page) => {
    await page.getByRole('button', { name: 'Add Application' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add Application' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Application Name' })).toHaveAttribute('aria-invalid', 'true');
  });

  auditState('on the confirmation shown after generating a secret', async (page) => {
    const dialog = await generateDialogOf(page, 'Nightly Report Job');
    await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText('New client secret generated');
  });

  auditState('on the alert about an unreadable stored application', async (page) => {
    await plantUnreadableRecord(page);
    await page.reload();
    await expect(page.getByRole('alert')).toContainText('could not be read');
    await expect(page.getByRole('link', { name: 'Customer Portal' })).toBeVisible();
  });

  auditState('on the details panel of an unreadable stored application', async (page) => {
    await plantUnreadableRecord(page);
    await page.goto('/applications/broken/overview');
    await expect(page.getByRole('heading', { name: 'Application not available', level: 2 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Application not available' })).toContainText('stored data is unreadable');
  });
});

test.describe('axe finds nothing in the confirmations that name their application, nor in the status message', () => {
  const acknowledge = (dialog) => dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
  const chooseMethod = async (page, label) => {
    await page.getByRole('combobox', { name: 'Token Endpoint Authentication Method' }).selectOption({ label });
    await page.locator('form.auth-method').getByRole('button', { name: 'Save' }).click();
  };

  auditState('on the Delete Application dialog, acknowledged (a destructive Confirm)', async (page) => {
    await page.getByRole('link', { name: 'Partner Dashboard' }).click();
    await page.getByRole('button', { name: 'Delete Application' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Application' });
    await expect(dialog).toContainText('Client ID');
    await acknowledge(dialog);
  });

  auditState('on the change to None, acknowledged', async (page) => {
    await openConfiguration(page, 'Customer Portal');
    await chooseMethod(page, 'None');
    const dialog = page.getByRole('dialog', { name: 'Change Token Endpoint Authentication Method' });
    await expect(dialog).toContainText('Client ID');
    await acknowledge(dialog);
  });

  auditState('on the question before a Single-Page application is given a secret', async (page) => {
    await openConfiguration(page, 'Support Chat Widget');
    await chooseMethod(page, 'Client Secret Basic');
    const dialog = page.getByRole('dialog', { name: 'Change Token Endpoint Authentication Method' });
    await expect(dialog).toContainText('A Single-Page application cannot keep a client secret.');
  });

  auditState('on the status message after Revoke, kept by the focus on Dismiss', async (page) => {
    await openConfiguration(page, 'Field Service App');
    await page.getByRole('button', { name: 'Revoke Previous Client Secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke Previous Client Secret' });
    await acknowledge(dialog);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('status')).toContainText('Previous client secret revoked');
    await page.getByRole('button', { name: 'Dismiss' }).focus();
  });
});
