// Export Applications and Import Applications (SPEC.md "Export and import"): a round trip through
// a file with and without secrets, every kind of bad file, conflicts, a full storage part-way
// through an import, another tab rotating during one, and axe audits of every dialog state.
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import {
  ACKNOWLEDGE, DEMO_APPS, SECRET_SHAPE, openApplications, openConfiguration, generateSecret, readSecrets,
  status, entries,
} from './support/app.mjs';

const RECORD_PREFIX = 'client-secret-console.v1.app.';
const INDEX_KEY = 'client-secret-console.v1.index';
const FORMAT = 'client-secret-console.applications';
const exportDialog = (page) => page.getByRole('dialog', { name: 'Export Applications' });
const importDialog = (page) => page.getByRole('dialog', { name: 'Import Applications' });
const previewRows = (page) => importDialog(page).getByRole('table').locator('tbody tr');

/** Every stored application record by client ID, as raw text, and the index. */
const storage = (page) =>
  page.evaluate(([prefix, indexKey]) => {
    const records = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key.startsWith(prefix)) records[key.slice(prefix.length)] = localStorage.getItem(key);
    }
    return { records, index: JSON.parse(localStorage.getItem(indexKey) ?? 'null') };
  }, [RECORD_PREFIX, INDEX_KEY]);

/** Exports through the dialog and returns the downloaded file's name and parsed contents. */
async function exportFile(page, { secrets }) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('checkbox', { name: 'Include client secrets' });
  if (secrets) await box.check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  await expect(dialog).toHaveCount(0);
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text, json: JSON.parse(text) };
}

/** Opens Import and chooses a file with `contents` (text, Buffer or an object to serialise). */
async function chooseFile(page, contents, name = 'applications.json') {
  if (!(await importDialog(page).isVisible())) await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = importDialog(page);
  await expect(dialog).toBeVisible();
  const buffer = Buffer.isBuffer(contents) ? contents : Buffer.from(typeof contents === 'string' ? contents : JSON.stringify(contents));
  await dialog.getByLabel('File', { exact: true }).setInputFiles({ name, mimeType: 'application/json', buffer });
  return dialog;
}

async function confirmImport(dialog) {
  await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
}

/** The preview's rows as { name, clientId, outcome, details }. */
const readPreview = (page) =>
  previewRows(page).evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent.trim());
      return { name: cells[0], clientId: cells[1], outcome: cells[2], details: cells[3], result: cells[4] };
    }),
  );

/** Clears the site's data, as "clear site data" would, and reloads to an empty console. */
async function clearSiteData(page) {
  // Reloaded from / (a deep link's reload is a 404 answered with the app, which logs an error).
  // An empty index says "not a first visit", so no demo applications are seeded over the import.
  await page.evaluate((indexKey) => {
    localStorage.clear();
    localStorage.setItem(indexKey, '[]');
  }, INDEX_KEY);
  await page.goto('/');
  await expect(entries(page)).toHaveCount(0);
}

/** A valid application entry of format version 1. */
function entry(clientId, overrides = {}) {
  return {
    clientId,
    name: `Imported ${clientId}`,
    type: 'worker',
    enabled: true,
    tokenEndpointAuthMethod: 'client_secret_basic',
    createdAt: '2026-11-01T09:00:00.000Z',
    revision: 1,
    clientSecret: { value: clientId.replace(/[^A-Za-z0-9]/g, '').padEnd(64, 'S').slice(0, 64), createdAt: '2026-11-01T09:00:00.000Z' },
    ...overrides,
  };
}
const envelope = (applications, version = 1) => ({ format: FORMAT, version, exportedAt: '2026-12-01T00:00:00.000Z', includesSecrets: true, applications });

test.describe('Export Applications', () => {
  test('Export opens a modal dialog with Include client secrets and Download, and with secrets it says the file holds live credentials', async ({ page }) => {
    await openApplications(page);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = exportDialog(page);
    await expect(dialog).toBeVisible();
    expect(await dialog.evaluate((element) => element.matches(':modal'))).toBe(true);
    await expect(dialog.getByText('live credentials')).toHaveCount(0);
    await dialog.getByRole('checkbox', { name: 'Include client secrets' }).check();
    await expect(dialog.getByText('This file will hold live credentials.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test('the file is a versioned envelope named by the date, and without secrets it holds no secret value', async ({ page }) => {
    await page.clock.install({ time: Date.parse('2026-12-01T10:00:00Z') });
    await openApplications(page);
    const before = await storage(page);
    const { name, text, json } = await exportFile(page, { secrets: false });
    expect(name).toBe('client-secret-console-2026-12-01.json');
    expect(json).toMatchObject({ format: FORMAT, version: 1, includesSecrets: false });
    expect(Date.parse(json.exportedAt)).not.toBeNaN();
    expect(json.applications.map((application) => application.name).sort()).toEqual(DEMO_APPS.map((app) => app.name).sort());
    for (const record of Object.values(before.records)) {
      const stored = JSON.parse(record);
      for (const secret of [stored.s?.[0], stored.p?.[0]].filter(Boolean)) expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/clientSecret/);
    expect(await storage(page), 'exporting changes nothing').toEqual(before);
    await expect(status(page)).toContainText('Exported 11 applications');
  });

  test('unreadable stored data is listed in the dialog, left out of the file and left unchanged', async ({ page }) => {
    await openApplications(page);
    await page.evaluate(([prefix]) => localStorage.setItem(`${prefix}broken`, '{not json'), [RECORD_PREFIX]);
    await page.goto('/');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(exportDialog(page).getByText(`${RECORD_PREFIX}broken`)).toBeVisible();
    await exportDialog(page).getByRole('button', { name: 'Cancel' }).click();
    const { json } = await exportFile(page, { secrets: true });
    expect(json.applications).toHaveLength(11);
    expect(json.applications.some((application) => application.clientId === 'broken')).toBe(false);
    expect((await storage(page)).records.broken).toBe('{not json');
  });
});

test.describe('Import Applications: a round trip', () => {
  test('export with secrets, clear site data, import: the same applications, secrets and revisions', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    await generateSecret(page, 'Retain for 7 Days');
    const before = await storage(page);
    const { json } = await exportFile(page, { secrets: true });
    await clearSiteData(page);

    const dialog = await chooseFile(page, json);
    const preview = await readPreview(page);
    expect(preview).toHaveLength(11);
    expect(preview.every((row) => row.outcome === 'New')).toBe(true);
    await expect(dialog.getByText('11 applications in the file: 11 New.')).toBeVisible();
    expect((await storage(page)).records, 'nothing is written before Confirm').toEqual({});
    await confirmImport(dialog);
    await expect(dialog).toHaveCount(0);
    await expect(status(page)).toContainText('Imported 11 applications.');

    const after = await storage(page);
    expect(after.records).toEqual(before.records);
    expect([...after.index].sort()).toEqual([...before.index].sort());
    await page.goto('/');
    await expect(entries(page)).toHaveCount(11);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('export without secrets, clear site data, import: the same applications and revisions, with new secrets, as the preview said', async ({ page }) => {
    await openApplications(page);
    const before = await storage(page);
    const { json } = await exportFile(page, { secrets: false });
    await clearSiteData(page);
    const dialog = await chooseFile(page, json);
    const preview = await readPreview(page);
    const withSecret = DEMO_APPS.filter((app) => app.secret).map((app) => app.name);
    for (const row of preview) {
      expect(row.outcome).toBe('New');
      expect(row.details.includes('A new client secret will be generated.')).toBe(withSecret.includes(row.name));
    }
    await confirmImport(dialog);
    await expect(dialog).toHaveCount(0);
    const after = await storage(page);
    expect(Object.keys(after.records).sort()).toEqual(Object.keys(before.records).sort());
    for (const [id, text] of Object.entries(after.records)) {
      const [was, now] = [JSON.parse(before.records[id]), JSON.parse(text)];
      expect({ ...now, s: undefined, p: undefined }).toEqual({ ...was, s: undefined, p: undefined });
      expect(Boolean(now.s)).toBe(Boolean(was.s));
      if (now.s) {
        expect(now.s[0]).toMatch(SECRET_SHAPE);
        expect(now.s[0]).not.toBe(was.s[0]);
      }
      expect(now.p).toBeUndefined();
    }
  });

  test('importing the file just exported is Unchanged everywhere and Confirm stays disabled', async ({ page }) => {
    await openApplications(page);
    const { json } = await exportFile(page, { secrets: true });
    const dialog = await chooseFile(page, json);
    expect((await readPreview(page)).every((row) => row.outcome === 'Unchanged')).toBe(true);
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  });

  test('Cancel after a preview changes nothing', async ({ page }) => {
    await openApplications(page);
    const before = await storage(page);
    const dialog = await chooseFile(page, envelope([entry('new-one')]));
    await expect(previewRows(page)).toHaveCount(1);
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
    expect(await storage(page)).toEqual(before);
  });
});
