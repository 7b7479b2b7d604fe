// Export Applications and Import Applications (SPEC.md "Export and import"): a round trip through
// a file with and without secrets, every kind of bad file (said in plain words, with nothing to
// acknowledge or confirm), a file edited by hand, conflicts, a full storage part-way through an
// import, another tab rotating during one, and axe audits of every dialog state.
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import {
  ACKNOWLEDGE, DEMO_APPS, SECRET_SHAPE, entries, generateDialog, generateSecret, openApplications, openConfiguration,
  openGenerateDialog, readSecrets, status,
} from './support/app.mjs';

const RECORD_PREFIX = 'client-secret-console.v1.app.';
const INDEX_KEY = 'client-secret-console.v1.index';
const ACTIVITY_PREFIX = 'client-secret-console.v1.activity.';
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

/** The client IDs of the Imported events in the stored activity log. */
const importedEvents = (page) =>
  page.evaluate((prefix) => {
    const ids = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (!key.startsWith(prefix) || key.endsWith('.head')) continue;
      const event = JSON.parse(localStorage.getItem(key));
      if (event.k === 'imported') ids.push(event.id);
    }
    return ids;
  }, ACTIVITY_PREFIX);

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

/** Neither the acknowledgement nor Confirm is offered; Cancel is. */
async function expectNothingToConfirm(dialog) {
  await expect(dialog.getByRole('checkbox', { name: ACKNOWLEDGE })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Confirm' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeVisible();
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
    expect(json).toMatchObject({ format: FORMAT, version: 2, includesSecrets: false });
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

  test('the dialog says in plain words how many applications it exports, and mentions unreadable ones only when there are some', async ({ page }) => {
    await openApplications(page);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = exportDialog(page);
    await expect(dialog.getByText('Exports 11 applications, as a JSON file that Import reads back.', { exact: true })).toBeVisible();
    await expect(dialog.getByText(/could not be read/)).toHaveCount(0);
    await expect(dialog.getByText(/readable/)).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.evaluate(([prefix]) => localStorage.setItem(`${prefix}broken`, '{not json'), [RECORD_PREFIX]);
    await page.goto('/');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(dialog.getByText('Exports 11 applications, as a JSON file that Import reads back.', { exact: true })).toBeVisible();
    await expect(dialog.getByText(/^1 stored application could not be read and is left out\./)).toBeVisible();
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
    expect((await importedEvents(page)).sort(), 'every imported application has an Imported activity event').toEqual(Object.keys(before.records).sort());
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

  test('importing the file just exported is Unchanged everywhere and there is nothing to confirm', async ({ page }) => {
    await openApplications(page);
    const { json } = await exportFile(page, { secrets: true });
    const dialog = await chooseFile(page, json);
    expect((await readPreview(page)).every((row) => row.outcome === 'Unchanged')).toBe(true);
    await expectNothingToConfirm(dialog);
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

test.describe('Import Applications: bad files are refused with a clear message and nothing written', () => {
  const NOT_JSON = 'This file is not JSON, so it cannot be an export. Choose a file exported by Client Secret Console.';
  const NOT_AN_EXPORT = 'This file is not an export of Client Secret Console applications. Choose a file made with Export.';
  const refusals = [
    ['an empty file', '', 'This file is empty. Choose a file exported by Client Secret Console.'],
    ['not JSON', 'hello, this is not json', NOT_JSON],
    ['JSON cut short', '{"format": "client-secret-console.applications", "applications": [', NOT_JSON],
    ['JSON broken on line 4 of many', '{\n  "format": "client-secret-console.applications",\n  "version": 2,\n  "applications": [}\n]\n}\n', 'This file is not JSON (it stops making sense near line 4), so it cannot be an export. Choose a file exported by Client Secret Console.'],
    ['JSON of another shape', { applications: [{ name: 'x' }] }, NOT_AN_EXPORT],
    ['a JSON array', [1, 2, 3], NOT_AN_EXPORT],
    ['an envelope of a newer format version', envelope([entry('future')], 3), /newer version of the console \(format version 3; this version reads up to 2\)/],
  ];
  for (const [what, contents, message] of refusals) {
    test(`${what}: said in plain words, with nothing to acknowledge or confirm`, async ({ page }) => {
      await openApplications(page);
      const before = await storage(page);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expectNothingToConfirm(importDialog(page));
      const dialog = await chooseFile(page, contents);
      await expect(dialog.getByRole('alert')).toHaveText(message);
      await expect(dialog.getByRole('alert')).not.toHaveText(/EOF|column|expected|invalid type|parsing/);
      await expect(dialog.getByRole('table')).toHaveCount(0);
      await expectNothingToConfirm(dialog);
      expect(await storage(page)).toEqual(before);
    });
  }

  test('a refused file after a good one takes the preview, the acknowledgement and Confirm away; a good one brings them back', async ({ page }) => {
    await openApplications(page);
    const dialog = await chooseFile(page, envelope([entry('new-one')]));
    await expect(previewRows(page)).toHaveCount(1);
    await expect(dialog.getByRole('checkbox', { name: ACKNOWLEDGE })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await chooseFile(page, 'hello, this is not json');
    await expect(dialog.getByRole('alert')).toHaveText(NOT_JSON);
    await expect(dialog.getByRole('table')).toHaveCount(0);
    await expectNothingToConfirm(dialog);
    await chooseFile(page, envelope([entry('new-one')]));
    await expect(previewRows(page)).toHaveCount(1);
    await confirmImport(dialog);
    await expect(dialog).toHaveCount(0);
    expect(Object.keys((await storage(page)).records)).toContain('new-one');
  });

  test('acknowledging one file does not acknowledge the next: choosing another file asks again', async ({ page }) => {
    await openApplications(page);
    const dialog = await chooseFile(page, envelope([entry('first-file')]), 'first.json');
    await expect(previewRows(page)).toHaveCount(1);
    const acknowledge = dialog.getByRole('checkbox', { name: ACKNOWLEDGE });
    await acknowledge.check();
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeEnabled();

    await chooseFile(page, envelope([entry('second-file'), entry('third-entry')]), 'second.json');
    await expect(previewRows(page)).toHaveCount(2);
    await expect(acknowledge, 'the second file was never acknowledged').not.toBeChecked();
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
    await confirmImport(dialog);
    await expect(dialog).toHaveCount(0);
    const stored = Object.keys((await storage(page)).records);
    expect(stored).toEqual(expect.arrayContaining(['second-file', 'third-entry']));
    expect(stored).not.toContain('first-file');
  });

  test('an entry of the wrong shape is described in plain words', async ({ page }) => {
    await openApplications(page);
    const file = envelope([entry('flag', { enabled: 'yes' }), entry('extra', { labels: ['x'] }), { clientId: 'bare' }]);
    await chooseFile(page, file);
    expect((await readPreview(page)).map((row) => [row.clientId, row.outcome, row.details])).toEqual([
      ['flag', 'Invalid', 'The "enabled" must be true or false.'],
      ['extra', 'Invalid', 'The entry has a field this console does not know: "labels".'],
      ['bare', 'Invalid', 'The entry has no "name".'],
    ]);
  });

  test('the file field is a real file input named File, reached with Tab, whose button looks like the console\'s buttons and which shows the chosen file', async ({ page }) => {
    await openApplications(page);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = importDialog(page);
    const field = dialog.getByLabel('File', { exact: true });
    await expect(field).toHaveAttribute('type', 'file');
    const look = (locator, pseudo) =>
      locator.evaluate((element, pseudo) => {
        const style = getComputedStyle(element, pseudo);
        return { background: style.backgroundColor, border: style.borderTopColor, radius: style.borderTopLeftRadius, weight: style.fontWeight, height: style.minHeight };
      }, pseudo);
    expect(await look(field, '::file-selector-button')).toEqual(await look(dialog.getByRole('button', { name: 'Cancel' }), null));
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Shift+Tab');
    await expect(field, 'the field is the stop before Cancel: nothing hidden is in between').toBeFocused();
    await chooseFile(page, envelope([entry('new-one')]), 'my-applications.json');
    await expect(field).toHaveValue(/my-applications\.json$/);
  });

  test('a 50 MB file is refused by its size before it is read', async ({ page }) => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'csc-import-'));
    const big = path.join(directory, 'big.json');
    await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
    try {
      await openApplications(page);
      const before = await storage(page);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const dialog = importDialog(page);
      await dialog.getByLabel('File', { exact: true }).setInputFiles(big);
      await expect(dialog.getByRole('alert')).toHaveText(/52428800 bytes; files larger than 20971520 bytes \(20 MB\) are not read/);
      expect(await storage(page)).toEqual(before);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  test('invalid entries are rows with their reason; hostile names are text; only the valid rows are written', async ({ page }) => {
    await openApplications(page);
    const before = await storage(page);
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const shortSecret = entry('short-secret', { clientSecret: { value: 'abc', createdAt: '2026-11-01T09:00:00Z' } });
    const badAlphabet = entry('bad-alphabet', { clientSecret: { value: `${'a'.repeat(63)}!`, createdAt: '2026-11-01T09:00:00Z' } });
    const file = envelope([entry('dup'), entry('dup', { name: 'Second copy' }), shortSecret, badAlphabet, entry('hostile', { name: hostile }), entry('blank', { name: '   ' })]);
    const dialog = await chooseFile(page, file);
    const preview = await readPreview(page);
    expect(preview.map((row) => [row.clientId, row.outcome])).toEqual([
      ['dup', 'Invalid'], ['dup', 'Invalid'], ['short-secret', 'Invalid'], ['bad-alphabet', 'Invalid'], ['hostile', 'New'], ['blank', 'Invalid'],
    ]);
    expect(preview[0].details).toBe('The client ID appears 2 times in the file.');
    expect(preview[2].details).toContain('must be 64 to 512 characters long; this one has 3');
    expect(preview[3].details).toContain('may contain only the characters A-Z a-z 0-9 - . _ ~');
    expect(preview[4].name).toBe(hostile);
    expect(preview[5].details).toBe('Enter a name for the application.');
    await expect(dialog.locator('img')).toHaveCount(0);
    await confirmImport(dialog);
    await expect(dialog).toHaveCount(0);
    const after = await storage(page);
    expect(Object.keys(after.records).length).toBe(Object.keys(before.records).length + 1);
    expect(JSON.parse(after.records.hostile).name).toBe(hostile);
    await expect(page.getByRole('link', { name: hostile })).toBeVisible();
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  test('an expired previous secret is dropped and the preview says so', async ({ page }) => {
    await openApplications(page);
    const lapsed = entry('lapsed', {
      createdAt: '2026-01-01T00:00:00Z',
      clientSecret: { value: 'C'.repeat(64), createdAt: '2026-01-10T09:00:00Z' },
      previousClientSecret: { value: 'P'.repeat(64), expiresAt: '2026-01-17T09:00:00Z' },
    });
    const dialog = await chooseFile(page, envelope([lapsed]));
    expect(await readPreview(page)).toMatchObject([{ clientId: 'lapsed', outcome: 'New', details: 'Its expired previous secret is dropped.' }]);
    await confirmImport(dialog);
    await expect(dialog).toHaveCount(0);
    const stored = JSON.parse((await storage(page)).records.lapsed);
    expect(stored.s[0]).toBe('C'.repeat(64));
    expect(stored.p).toBeUndefined();
  });

  test('a file exported by this console and then hand-edited: each edit is checked like the UI would', async ({ page }) => {
    await openApplications(page);
    const { json } = await exportFile(page, { secrets: true });
    const [first, second, third, fourth] = json.applications;
    first.name = '';
    second.revision += 1;
    second.name = 'Renamed by hand';
    third.type = 'mainframe';
    fourth.revision += 5;
    fourth.createdAt = '2020-01-01T00:00:00Z';
    const dialog = await chooseFile(page, json);
    const preview = await readPreview(page);
    expect(preview.slice(0, 4).map((row) => row.outcome)).toEqual(['Invalid', 'Update', 'Invalid', 'Update']);
    expect(preview[2].details).toContain('The type must be one of');
    await confirmImport(dialog);
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Renamed by hand' })).toBeVisible();
    const stored = JSON.parse((await storage(page)).records[second.clientId]);
    expect([stored.name, stored.rev]).toEqual(['Renamed by hand', second.revision]);
  });
});

test.describe('Import Applications: a file edited by hand', () => {
  test('a name and Enabled edited in the file, revision untouched, is an Update when only the file changed, and imports', async ({ page }) => {
    await openApplications(page);
    const { json } = await exportFile(page, { secrets: false });
    const portal = json.applications.find((application) => application.name === 'Customer Portal');
    const before = JSON.parse((await storage(page)).records[portal.clientId]);
    portal.name = 'Customer Portal (edited)';
    portal.enabled = false;
    const dialog = await chooseFile(page, json);
    const row = (await readPreview(page)).find((r) => r.clientId === portal.clientId);
    expect([row.outcome, row.details]).toEqual(['Update', 'The stored client secrets are kept.']);
    await expect(dialog.getByText('11 applications in the file: 1 Update, 10 Unchanged.')).toBeVisible();
    await confirmImport(dialog);
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Customer Portal \(edited\)/ })).toBeVisible();
    const after = JSON.parse((await storage(page)).records[portal.clientId]);
    expect([after.name, after.on, after.s[0]]).toEqual(['Customer Portal (edited)', false, before.s[0]]);
    expect(after.rev, 'the revision moves on, so other tabs see the change').toBe(before.rev + 1);
  });

  test('edited in the file and changed in the console since the export is a Conflict', async ({ page }) => {
    await openApplications(page);
    const { json } = await exportFile(page, { secrets: true });
    const mobile = json.applications.find((application) => application.name === 'Mobile Banking');
    mobile.name = 'Mobile Banking (edited)';
    await openConfiguration(page, 'Mobile Banking');
    await generateSecret(page, 'Retain for 1 Day');
    await page.goto('/');
    await chooseFile(page, json);
    const row = (await readPreview(page)).find((r) => r.clientId === mobile.clientId);
    expect([row.outcome, row.details]).toEqual(['Conflict', 'Both the stored application and the file\'s changed since a common revision.']);
  });

  test('a name with a character that reverses text is an Invalid entry with the reason, shown spelled out; the rest imports', async ({ page }) => {
    await openApplications(page);
    const before = await storage(page);
    const dialog = await chooseFile(page, envelope([entry('spoof', { name: 'Mobile Banking\u202Egnp.exe' }), entry('plain')]));
    expect(await readPreview(page)).toEqual([
      { name: 'Mobile Banking[U+202E]gnp.exe', clientId: 'spoof', outcome: 'Invalid', details: 'The name contains an invisible character that changes the direction of text (U+202E). Remove it.', result: undefined },
      { name: 'Imported plain', clientId: 'plain', outcome: 'New', details: '', result: undefined },
    ]);
    await confirmImport(dialog);
    await expect(dialog).toHaveCount(0);
    const after = await storage(page);
    expect(after.records.spoof, 'the refused entry was not saved').toBeUndefined();
    expect(Object.keys(after.records).sort()).toEqual([...Object.keys(before.records), 'plain'].sort());
  });
});

test.describe('Import Applications: conflicts', () => {
  test('a stored application newer than the file is a Conflict, skipped unless replacing is chosen', async ({ page }) => {
    await openApplications(page);
    const { json } = await exportFile(page, { secrets: true });
    await openConfiguration(page, 'Mobile Banking');
    await generateSecret(page, 'Retain for 1 Day');
    const mobile = json.applications.find((application) => application.name === 'Mobile Banking');
    const newer = JSON.parse((await storage(page)).records[mobile.clientId]);
    await page.goto('/');

    let dialog = await chooseFile(page, json);
    const row = (await readPreview(page)).find((r) => r.clientId === mobile.clientId);
    expect(row.outcome).toBe('Conflict');
    expect(row.details).toContain('at least as new as the file');
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
    await expect(dialog.getByRole('button', { name: 'Confirm' }), 'nothing to write while the conflict is skipped').toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(JSON.parse((await storage(page)).records[mobile.clientId])).toEqual(newer);

    dialog = await chooseFile(page, json);
    await dialog.getByRole('checkbox', { name: "Replace conflicting applications with the file's version" }).check();
    await confirmImport(dialog);
    await expect(dialog).toHaveCount(0);
    const replaced = JSON.parse((await storage(page)).records[mobile.clientId]);
    expect(replaced.s[0]).toBe(mobile.clientSecret.value);
    expect(replaced.rev, 'the revision still moves forward').toBe(newer.rev + 1);
  });
});

/** `count` new worker applications with secrets, `bulk-00000` onwards. */
const bulk = (count) => Array.from({ length: count }, (_, n) => entry(`bulk-${String(n).padStart(5, '0')}`));

test.describe('Import Applications: writing', () => {
  test('a storage that fills up half way stops the import, lists what was and was not imported, and leaves everything consistent', async ({ page }) => {
    test.setTimeout(120_000);
    await openApplications(page);
    // About 230 characters per record (with its key) and 17 per index entry: room for about 1,500 of 2,000.
    await page.evaluate(() => {
      let [fits, refused] = [0, 16 * 1024 * 1024];
      while (refused - fits > 1024) {
        const middle = Math.floor((fits + refused) / 2);
        try {
          localStorage.setItem('filler', 'x'.repeat(middle));
          fits = middle;
        } catch {
          refused = middle;
        }
      }
      localStorage.setItem('filler', 'x'.repeat(fits - 1500 * 230 - 2000 * 17));
    });
    const dialog = await chooseFile(page, envelope(bulk(2000)));
    await confirmImport(dialog);
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText("The browser's storage for this site is full", { timeout: 60_000 });
    const imported = Number((await alert.textContent()).match(/stopped after (\d+) of 2000 applications/)[1]);
    expect(imported).toBeGreaterThan(0);
    expect(imported).toBeLessThan(2000);
    await expect(dialog.getByRole('columnheader', { name: 'Result' })).toBeVisible();
    expect((await readPreview(page))[0].result).toBe('Imported');

    const after = await storage(page);
    const stored = Object.keys(after.records);
    expect(stored.filter((id) => id.startsWith('bulk-'))).toHaveLength(imported);
    expect([...after.index].sort(), 'the index lists exactly the stored records').toEqual([...stored].sort());
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.evaluate(() => localStorage.removeItem('filler'));
    await page.goto('/');
    await expect(page.getByRole('alert'), 'every stored record is readable and listed').toHaveCount(0);

    // With room again, the same file imports the rest: what was imported is Unchanged now.
    const again = await chooseFile(page, envelope(bulk(2000)));
    await expect(again.getByText(`2000 applications in the file: ${2000 - imported} New, ${imported} Unchanged.`)).toBeVisible();
    await confirmImport(again);
    await expect(again).toHaveCount(0, { timeout: 60_000 });
    expect(Object.keys((await storage(page)).records).filter((id) => id.startsWith('bulk-'))).toHaveLength(2000);
  });

  test('one tab importing while another rotates the same application: no update is lost', async ({ page, newPage }) => {
    test.setTimeout(120_000);
    await openApplications(page);
    const { json } = await exportFile(page, { secrets: true });
    const portal = json.applications.find((application) => application.name === 'Customer Portal');
    portal.revision += 1;
    portal.enabled = false;
    // The portal comes last, in the third chunk of writes.
    const file = { ...json, applications: [...bulk(2500), portal] };

    const other = await newPage();
    await openApplications(other);
    await openConfiguration(other, 'Customer Portal');
    const rotation = await openGenerateDialog(other);
    await rotation.getByRole('radio', { name: 'Do Not Retain Previous Secret' }).check();
    await rotation.getByRole('checkbox', { name: ACKNOWLEDGE }).check();

    const dialog = await chooseFile(page, file);
    await expect(previewRows(page)).toHaveCount(100);
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
    // Both confirm at once. Whichever change lands second finds its dialog asking again (the
    // other tab's change arrived first) or its command refused; the administrator then confirms
    // the updated state once more, as the dialog asks.
    const tryConfirm = (where) => where.getByRole('button', { name: 'Confirm' }).click({ timeout: 3_000 }).catch(() => {});
    await Promise.all([tryConfirm(dialog), tryConfirm(rotation)]);
    const settle = async (where, finished, askedAgain) => {
      await expect(finished.or(askedAgain).first()).toBeVisible({ timeout: 60_000 });
      if (await finished.first().isVisible()) return;
      await where.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
      await where.getByRole('button', { name: 'Confirm' }).click();
      await expect(finished.first()).toBeVisible({ timeout: 60_000 });
    };
    const stopped = dialog.getByRole('alert').filter({ hasText: 'The import stopped' });
    await settle(
      dialog,
      stopped.or(status(page).filter({ hasText: 'Imported' })),
      dialog.getByRole('alert').filter({ hasText: 'the preview was updated' }),
    );
    // The rotation's own status message leaves on its own after a while (and the import above may
    // take longer than that), so a rotation that went through is told by its dialog having closed.
    const refused = rotation.getByRole('alert').filter({ hasText: 'while you were looking at it' });
    const rotationAskedAgain = rotation.getByRole('alert').filter({ hasText: 'While this dialog was open' });
    const rotationSettled = async () => (await generateDialog(other).count()) === 0 || (await refused.isVisible());
    await expect.poll(async () => (await rotationSettled()) || (await rotationAskedAgain.isVisible()), { timeout: 60_000 }).toBe(true);
    if (!(await rotationSettled())) {
      await rotation.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
      await rotation.getByRole('button', { name: 'Confirm' }).click();
      await expect.poll(rotationSettled, { timeout: 60_000 }).toBe(true);
    }
    const rotationSucceeded = (await generateDialog(other).count()) === 0;
    const final = JSON.parse((await storage(page)).records[portal.clientId]);
    const importWrotePortal = final.on === false;
    if (rotationSucceeded) {
      const { current } = await readSecrets(other);
      expect(final.s[0], 'the rotation the other tab reported is stored').toBe(current);
    }
    expect(importWrotePortal || rotationSucceeded, 'the import skipped the portal only because the rotation came first').toBe(true);
    if (importWrotePortal && rotationSucceeded) expect(final.rev, 'the rotation is on top of the import').toBe(portal.revision + 1);
    expect(Object.keys((await storage(page)).records).filter((id) => id.startsWith('bulk-')).length).toBeGreaterThanOrEqual(2000);
  });
});

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const MODES = [
  { name: 'light', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { name: 'dark', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  { name: 'light at 360 px', colorScheme: 'light', viewport: { width: 360, height: 740 } },
  { name: 'dark at 360 px', colorScheme: 'dark', viewport: { width: 360, height: 740 } },
];
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core over the whole page in every mode: no violation of any impact. */
async function auditEveryMode(page, state) {
  // The Content-Security-Policy blocks inline script tags; evaluating through the protocol is not subject to it.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(await axeSource);
  for (const mode of MODES) {
    await page.setViewportSize(mode.viewport);
    await page.emulateMedia({ colorScheme: mode.colorScheme });
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    const { violations } = await page.evaluate((values) => window.axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }), AXE_TAGS);
    const described = violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} ${node.failureSummary}`));
    expect(described, `${state}, ${mode.name}`).toEqual([]);
  }
}

test.describe('Export and Import dialogs: axe-core finds no violation in any state, light, dark or 360 px', () => {
  test('Export Applications, without and with secrets, and with unreadable data listed', async ({ page }) => {
    await openApplications(page);
    await page.evaluate(([prefix]) => localStorage.setItem(`${prefix}broken`, '{not json'), [RECORD_PREFIX]);
    await page.goto('/');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await auditEveryMode(page, 'export dialog');
    await exportDialog(page).getByRole('checkbox', { name: 'Include client secrets' }).check();
    await auditEveryMode(page, 'export dialog with secrets');
  });

  test('Import Applications: empty, a refused file, and a preview with every outcome and the conflict choice', async ({ page }) => {
    await openApplications(page);
    const { json } = await exportFile(page, { secrets: true });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await auditEveryMode(page, 'import dialog before a file');
    await chooseFile(page, 'not json');
    await expect(importDialog(page).getByRole('alert')).toBeVisible();
    await auditEveryMode(page, 'import dialog with a refused file');
    const third = json.applications.find((application) => application.name === 'Mobile Banking');
    const [first, second] = json.applications.filter((application) => application !== third);
    second.revision += 1;
    second.name = 'Renamed';
    // Changed on both sides: edited in the file, and rotated here since the export.
    await importDialog(page).getByRole('button', { name: 'Cancel' }).click();
    await page.setViewportSize(MODES[0].viewport);
    await openConfiguration(page, third.name);
    await generateSecret(page, 'Retain for 1 Day');
    await page.goto('/');
    third.name = 'Changed on both sides';
    const file = { ...json, applications: [first, second, third, entry('brand-new'), entry('bad', { name: '' }), ...bulk(150)] };
    const dialog = await chooseFile(page, file);
    await expect(dialog.getByRole('checkbox', { name: "Replace conflicting applications with the file's version" })).toBeVisible();
    expect(new Set((await readPreview(page)).map((row) => row.outcome))).toEqual(new Set(['Unchanged', 'Update', 'Conflict', 'New', 'Invalid']));
    await dialog.getByRole('checkbox', { name: ACKNOWLEDGE }).check();
    await auditEveryMode(page, 'import preview');
  });
});
