// Upgrading in place: a record left by the first version (schema 1), with a field no version of
// this console defines, is read and shown as it was, left untouched by reading, and rewritten in
// the current schema (2) by the next change, with the unknown field carried over.
import { test, expect } from './fixtures.mjs';
import { DAY, generateSecret, openApplications, openConfiguration, readSecrets, status } from './support/app.mjs';

const APP = 'Partner Dashboard';
const RECORD_PREFIX = 'client-secret-console.v1.app.';
const CURRENT = 'c'.repeat(40) + '-current-from-schema-1';
const PREVIOUS = 'p'.repeat(40) + '-previous-from-schema-1';

/** The application's record key, found by its name in whatever schema it is stored. */
const recordKeyOf = (page, name) =>
  page.evaluate(
    ([prefix, name]) => Object.keys(localStorage).find((key) => key.startsWith(prefix) && JSON.parse(localStorage.getItem(key)).name === name),
    [RECORD_PREFIX, name],
  );

/** `APP` as the first version wrote it (field order included), plus a field it never defined. */
function schema1Record(now) {
  return JSON.stringify({
    schema: 1,
    rev: 4,
    name: APP,
    type: 'web',
    enabled: true,
    auth: 'basic',
    created: now - 90 * DAY,
    secret: { value: CURRENT, created: now - DAY },
    previous: { value: PREVIOUS, expires: now + 3 * DAY },
    labels: ['prod', { team: 'identity' }],
  });
}

test.describe('Schema migration', () => {
  test('a schema 1 record is shown as it was, untouched by reading, and rewritten as schema 2 with its unknown field by the next change', async ({ page }) => {
    await openApplications(page);
    const key = await recordKeyOf(page, APP);
    expect(key, `the demo data has ${APP}`).toBeDefined();
    const now = await page.evaluate(() => Date.now());
    const old = schema1Record(now);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [key, old]);

    await page.reload();
    await openConfiguration(page, APP);
    expect(await readSecrets(page)).toEqual({ current: CURRENT, previous: PREVIOUS });
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(await page.evaluate((key) => localStorage.getItem(key), key), 'reading never rewrites').toBe(old);

    await generateSecret(page, 'Retain for 7 Days');
    await expect(status(page)).toContainText('New client secret generated');
    const rewritten = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), key));
    expect(Object.keys(rewritten)).toEqual(['schema', 'rev', 'name', 'type', 'on', 'auth', 'at', 's', 'p', 'labels']);
    expect(rewritten.schema).toBe(2);
    expect(rewritten.rev).toBe(5);
    expect(rewritten.at, 'the creation time carried over').toBe(now - 90 * DAY);
    expect(rewritten.p[0], 'the schema 1 current secret is now the previous one').toBe(CURRENT);
    expect(rewritten.labels, 'the unknown field survived the migration').toEqual(['prod', { team: 'identity' }]);
    const { current, previous } = await readSecrets(page);
    expect(rewritten.s[0]).toBe(current);
    expect(previous).toBe(CURRENT);
  });
});
