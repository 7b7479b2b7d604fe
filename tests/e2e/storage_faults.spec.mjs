// Damaged, missing, blocked and full storage: each fault is planted in localStorage after a first
// visit seeded the demo data, then the page is reloaded. The damage must be reported (role alert,
// with how many applications it affects), kept byte for byte whatever else the user does, and
// downloadable; everything else must keep working.
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.mjs';
import { generateSecret, openApplications, openConfiguration, revealedSecret } from './support/app.mjs';

const INDEX_KEY = 'client-secret-console.v1.index';
const RECORD_PREFIX = 'client-secret-console.v1.app.';
const DEMO_COUNT = 11;
const DAMAGED = 'Billing Sync Worker';
const ALSO_DAMAGED = 'Mobile Banking';
const ELSEWHERE = 'Partner Dashboard';
const GHOST_ID = '0badc0de-0000-4000-8000-000000000000';

// ---- helpers (local to this file) ----

const readRaw = (page, key) => page.evaluate((key) => localStorage.getItem(key), key);
const writeRaw = (page, key, value) =>
  page.evaluate(([key, value]) => localStorage.setItem(key, value), [key, value]);

/** The storage key of the demo application called `name`, read from localStorage itself. */
async function recordKeyOf(page, name) {
  const key = await page.evaluate(
    ([prefix, name]) =>
      Object.keys(localStorage).find((key) => {
        if (!key.startsWith(prefix)) return false;
        try {
          return JSON.parse(localStorage.getItem(key)).name === name;
        } catch {
          return false;
        }
      }),
    [RECORD_PREFIX, name],
  );
  expect(key, `a stored record for ${name}`).toBeDefined();
  return key;
}

/** A first visit (which seeds the demo data) in `page`, then `plant(page)` changes storage, then a reload. */
async function visitWithFault(page, plant) {
  await openApplications(page);
  await expect(page.getByRole('link', { name: DAMAGED })).toBeVisible();
  await plant(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Applications', level: 1 })).toBeVisible();
}

/** The alert about unreadable stored data (the one offering its download), asserted to contain `text`. */
const unreadableAlert = (page) =>
  page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Download unreadable data' }) });

async function storageAlert(page, text) {
  const alert = unreadableAlert(page);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(text);
  return alert;
}

async function expectListed(page, names) {
  for (const name of names) await expect(page.getByRole('link', { name }).first()).toBeVisible();
}

/** A rotation on another application works: new secret shown, announced, stored. */
async function rotateElsewhere(page) {
  await openConfiguration(page, ELSEWHERE);
  const region = page.getByRole('region', { name: 'Client Secret', exact: true });
  const before = await revealedSecret(region, 'client secret');
  await generateSecret(page, 'Retain for 1 Day');
  await expect(page.getByRole('status')).toContainText('New client secret generated');
  const after = await revealedSecret(region, 'client secret');
  expect(after, 'the rotation elsewhere replaced the secret').not.toBe(before);
  const stored = JSON.parse(await readRaw(page, await recordKeyOf(page, ELSEWHERE)));
  expect(stored.s[0], 'the rotation elsewhere was stored').toBe(after);
  await page.getByRole('button', { name: 'Close details' }).click();
  await expect(page.getByRole('heading', { name: ELSEWHERE, level: 2 })).toBeHidden();
}

/** Adds an OIDC Web App called `name` through the dialog; returns its storage key. */
async function addApplication(page, name) {
  await page.getByRole('button', { name: 'Add Application' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Application' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Application Name' }).fill(name);
  await dialog.getByRole('radio', { name: /OIDC Web App/ }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Close details' }).click();
  return recordKeyOf(page, name);
}

async function expectKept(page, kept, when) {
  for (const [key, raw] of Object.entries(kept)) {
    expect(await readRaw(page, key), `${key} is byte-identical ${when}`).toBe(raw);
  }
}

/** Clicks "Download unreadable data" and returns the downloaded file's text, parsed as JSON. */
async function downloadUnreadable(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 5_000 }),
    page.getByRole('button', { name: 'Download unreadable data' }).click(),
  ]);
  const text = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text, json: JSON.parse(text) };
}

/** The checks common to every damaged record: contained, kept, downloadable. */
async function expectDamageContained(page, { damagedNames, kept, details }) {
  const count = damagedNames.length;
  const alert = await storageAlert(
    page,
    count === 1 ? '1 stored application could not be read' : `${count} stored applications could not be read`,
  );
  for (const detail of details) await expect(alert).toContainText(detail);
  for (const name of damagedNames) await expect(page.getByRole('link', { name })).toHaveCount(0);
  await expectListed(page, [ELSEWHERE, 'Customer Portal', 'Employee HR Portal']);
  await expect(page.locator('.list-count')).toHaveText(`${DEMO_COUNT - count} applications`);
  await expectKept(page, kept, 'after the reload');

  await rotateElsewhere(page);
  await expectKept(page, kept, 'after a rotation on another application');

  const addedKey = await addApplication(page, 'Fault Drill App');
  await expectKept(page, kept, 'after adding an application');
  const index = JSON.parse(await readRaw(page, INDEX_KEY));
  for (const key of Object.keys(kept)) {
    expect(index, `the rewritten index still lists ${key}`).toContain(key.slice(RECORD_PREFIX.length));
  }
  expect(index, 'the index lists the new application').toContain(addedKey.slice(RECORD_PREFIX.length));

  const file = await downloadUnreadable(page);
  for (const [key, raw] of Object.entries(kept)) {
    expect(file.json[key]?.raw, `the download holds the raw text of ${key}`).toBe(raw);
  }
  await expectKept(page, kept, 'after the download');

  await page.reload();
  await storageAlert(page, count === 1 ? '1 stored application' : `${count} stored applications`);
  await expectKept(page, kept, 'after another reload');
}

// ---- tests ----

test.describe('Damaged records', () => {
  test('a record that is not valid JSON is reported, kept byte for byte and downloadable while the others work', async ({ page }) => {
    let kept;
    await visitWithFault(page, async (page) => {
      const key = await recordKeyOf(page, DAMAGED);
      const raw = (await readRaw(page, key)).slice(0, 40);
      await writeRaw(page, key, raw);
      kept = { [key]: raw };
    });
    await expectDamageContained(page, { damagedNames: [DAMAGED], kept, details: ['not valid JSON'] });
  });

  test('a deep link to an unreadable application says why in its panel; one to an unknown application says it does not exist', async ({ page }) => {
    let damagedKey;
    await visitWithFault(page, async (page) => {
      damagedKey = await recordKeyOf(page, DAMAGED);
      await writeRaw(page, damagedKey, '{"schema":2,"rev":');
    });
    const panel = page.getByRole('region', { name: 'Application not available' });
    await page.goto(`/applications/${damagedKey.slice(RECORD_PREFIX.length)}/configuration`);
    await expect(panel.getByRole('heading', { name: 'Application not available', level: 2 })).toBeVisible();
    await expect(panel).toContainText("This application's stored data is unreadable, so it is not shown: its data is not valid JSON");
    await expect(panel.getByRole('tab')).toHaveCount(0);
    await storageAlert(page, '1 stored application could not be read');

    await page.goto(`/applications/${GHOST_ID}/overview`);
    await expect(panel).toContainText('No application has this address.');
    await expect(panel).not.toContainText('unreadable');
    await panel.getByRole('button', { name: 'Close details' }).click();
    await expect(panel).toHaveCount(0);
    await expect(page).toHaveURL('/applications');
    expect(await readRaw(page, damagedKey), 'the damaged record is kept').toBe('{"schema":2,"rev":');
  });

  test('records of valid JSON but the wrong shape are reported with their count and kept byte for byte', async ({ page }) => {
    let kept;
    await visitWithFault(page, async (page) => {
      const first = await recordKeyOf(page, DAMAGED);
      const second = await recordKeyOf(page, ALSO_DAMAGED);
      await writeRaw(page, first, '[]');
      await writeRaw(page, second, '{"schema":1}');
      kept = { [first]: '[]', [second]: '{"schema":1}' };
    });
    await expectDamageContained(page, {
      damagedNames: [DAMAGED, ALSO_DAMAGED],
      kept,
      details: ['does not have the expected shape'],
    });
  });

  test('records written by a newer schema are refused, named as newer and never rewritten', async ({ page }) => {
    let kept;
    await visitWithFault(page, async (page) => {
      // One with today's fields and schema 99, one whose newer shape this version cannot know.
      const key = await recordKeyOf(page, DAMAGED);
      const raw = (await readRaw(page, key)).replace('"schema":2', '"schema":99');
      expect(raw).toMatch(/"schema":99/);
      await writeRaw(page, key, raw);
      const other = await recordKeyOf(page, ALSO_DAMAGED);
      const reshaped = JSON.stringify({ schema: 3, app: { title: ALSO_DAMAGED, secrets: [] } });
      await writeRaw(page, other, reshaped);
      kept = { [key]: raw, [other]: reshaped };
    });
    await expectDamageContained(page, {
      damagedNames: [DAMAGED, ALSO_DAMAGED],
      kept,
      details: ['newer version of the console (schema 99', 'newer version of the console (schema 3'],
    });
  });
});

test.describe('A damaged index', () => {
  test('an index naming a record that does not exist is reported while every stored application works', async ({ page }) => {
    let rawIndex;
    const ghostKey = `${RECORD_PREFIX}${GHOST_ID}`;
    await visitWithFault(page, async (page) => {
      const index = JSON.parse(await readRaw(page, INDEX_KEY));
      rawIndex = JSON.stringify([...index.slice(0, 3), GHOST_ID, ...index.slice(3)]);
      await writeRaw(page, INDEX_KEY, rawIndex);
    });
    const alert = await storageAlert(page, '1 stored application could not be read');
    await expect(alert).toContainText('record is missing');
    await expect(alert).toContainText(GHOST_ID);
    await expectListed(page, [ELSEWHERE, DAMAGED, 'Customer Portal', 'Expense Tracker']);
    await expect(page.locator('.list-count')).toHaveText(`${DEMO_COUNT} applications`);

    await rotateElsewhere(page);
    expect(await readRaw(page, INDEX_KEY), 'the index is byte-identical after a rotation elsewhere').toBe(rawIndex);
    expect(await readRaw(page, ghostKey), 'nothing was invented for the missing record').toBeNull();

    const addedKey = await addApplication(page, 'Fault Drill App');
    const index = JSON.parse(await readRaw(page, INDEX_KEY));
    const original = JSON.parse(rawIndex);
    expect(index.slice(0, original.length), 'adding kept every listed ID, the missing one too, in order').toEqual(original);
    expect(index, 'the index lists the new application').toContain(addedKey.slice(RECORD_PREFIX.length));
    expect(await readRaw(page, ghostKey), 'still nothing invented for the missing record').toBeNull();

    const file = await downloadUnreadable(page);
    expect(Object.keys(file.json), `the download names ${ghostKey}: ${file.text}`).toContain(ghostKey);
  });

  test('a record the index does not list is still shown, reported, kept and listed again when an application is added', async ({ page }) => {
    let kept;
    let recordKey;
    await visitWithFault(page, async (page) => {
      recordKey = await recordKeyOf(page, DAMAGED);
      const id = recordKey.slice(RECORD_PREFIX.length);
      const index = JSON.parse(await readRaw(page, INDEX_KEY)).filter((listed) => listed !== id);
      await writeRaw(page, INDEX_KEY, JSON.stringify(index));
      kept = { [recordKey]: await readRaw(page, recordKey) };
    });
    const alert = await storageAlert(page, '1 stored application');
    await expect(alert).toContainText('index does not list it');
    await expectListed(page, [DAMAGED, ELSEWHERE, 'Customer Portal']);
    await expect(page.locator('.list-count')).toHaveText(`${DEMO_COUNT} applications`);

    await rotateElsewhere(page);
    await expectKept(page, kept, 'after a rotation on another application');

    const file = await downloadUnreadable(page);
    expect(Object.keys(file.json), `the download names ${recordKey}: ${file.text}`).toContain(recordKey);
    const rawInDownload = file.json[recordKey]?.raw;

    await addApplication(page, 'Fault Drill App');
    await expectKept(page, kept, 'after adding an application');
    const index = JSON.parse(await readRaw(page, INDEX_KEY));
    expect(index, 'adding listed the lost record again').toContain(recordKey.slice(RECORD_PREFIX.length));

    await page.reload();
    await expectListed(page, [DAMAGED, 'Fault Drill App']);
    await expect(unreadableAlert(page)).toHaveCount(0);
    expect(rawInDownload, `the download holds the raw text of ${recordKey}: ${file.text}`).toBe(kept[recordKey]);
  });

  test('an unreadable index is kept byte for byte while every record still loads and nothing can be added', async ({ page }) => {
    const rawIndex = '[';
    await visitWithFault(page, (page) => writeRaw(page, INDEX_KEY, rawIndex));
    const alert = page.getByRole('alert').filter({ hasText: /index/ });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('unreadable');
    await expectListed(page, [DAMAGED, ELSEWHERE, ALSO_DAMAGED, 'Customer Portal', 'Expense Tracker']);
    await expect(page.locator('.list-count')).toHaveText(`${DEMO_COUNT} applications`);
    const alertText = (await alert.textContent()).replace(/\s+/g, ' ');

    await rotateElsewhere(page);
    expect(await readRaw(page, INDEX_KEY), 'the index is byte-identical after a rotation elsewhere').toBe(rawIndex);

    const keysBefore = await page.evaluate(() => Object.keys(localStorage).sort());
    await page.getByRole('button', { name: 'Add Application' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add Application' });
    await dialog.getByRole('textbox', { name: 'Application Name' }).fill('Fault Drill App');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByRole('alert')).toContainText('list of applications is unreadable');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await readRaw(page, INDEX_KEY), 'the index is byte-identical after a refused add').toBe(rawIndex);
    expect(await page.evaluate(() => Object.keys(localStorage).sort()), 'the refused add stored nothing').toEqual(keysBefore);

    const file = await downloadUnreadable(page);
    expect(file.json[INDEX_KEY]?.raw, `the download holds the raw index: ${file.text}`).toBe(rawIndex);

    await page.reload();
    await expect(page.locator('.list-count')).toHaveText(`${DEMO_COUNT} applications`);
    expect(await readRaw(page, INDEX_KEY), 'the index is byte-identical after another reload').toBe(rawIndex);
    // Every application loaded, so the alert must not claim that some application could not be read.
    expect(alertText, `the alert names the index, not unreadable applications: ${alertText}`).not.toMatch(
      /\b[1-9]\d* stored applications? could not be read/,
    );
  });
});

test.describe('Unavailable storage', () => {
  test('with localStorage blocked the console starts with the demo data in memory and says changes cannot be saved', async ({ page, context }) => {
    await context.addInitScript(() =>
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      }),
    );
    await openApplications(page);
    const alert = page.getByRole('alert').filter({ hasText: 'cannot be saved' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Changes cannot be saved');
    await expectListed(page, [ELSEWHERE, DAMAGED, 'Customer Portal', 'Legacy Intranet']);
    await expect(page.locator('.list-count')).toHaveText(`${DEMO_COUNT} applications`);

    // Still usable in memory.
    await openConfiguration(page, ELSEWHERE);
    const region = page.getByRole('region', { name: 'Client Secret', exact: true });
    const before = await revealedSecret(region, 'client secret');
    await generateSecret(page, 'Retain for 7 Days');
    await expect(page.getByRole('status')).toContainText('New client secret generated');
    expect(await revealedSecret(region, 'client secret')).not.toBe(before);
    // The browser itself logs nothing for a storage the page cannot reach, so no relaxation is needed.
  });

  test('when storage is full Generate New Secret fails in the dialog, changes nothing and the old secret stays stored', async ({ page, context }) => {
    await context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function setItemUnlessFull(key, value) {
        if (window.__fullStorage === true) throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await openApplications(page);
    await openConfiguration(page, ELSEWHERE);
    const region = page.getByRole('region', { name: 'Client Secret', exact: true });
    const before = await revealedSecret(region, 'client secret');
    const recordKey = await recordKeyOf(page, ELSEWHERE);
    const rawBefore = await readRaw(page, recordKey);

    await page.evaluate(() => {
      window.__fullStorage = true;
    });
    await region.getByRole('button', { name: 'Generate New Secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate New Secret' });
    await dialog.getByRole('radio', { name: 'Retain for 7 Days' }).check();
    await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    const error = dialog.getByRole('alert');
    await expect(error).toBeVisible();
    await expect(error).toContainText('storage for this site is full');
    await expect(dialog).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await revealedSecret(region, 'client secret'), 'the secret shown is unchanged').toBe(before);
    await expect(page.getByRole('region', { name: 'Previous Client Secret' })).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText('');
    expect(await readRaw(page, recordKey), 'the stored record is unchanged').toBe(rawBefore);

    await page.reload();
    await expect(page.getByRole('heading', { name: ELSEWHERE, level: 2 })).toBeVisible();
    expect(
      await revealedSecret(page.getByRole('region', { name: 'Client Secret', exact: true }), 'client secret'),
      'after a reload the old secret is still the stored one',
    ).toBe(before);
    await expect(page.getByRole('region', { name: 'Previous Client Secret' })).toHaveCount(0);
  });
});
