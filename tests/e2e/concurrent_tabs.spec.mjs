// Two tabs of the same browser racing on one application's secrets through the UI. Every write to
// localStorage is logged by an init script (after it succeeded), so the test can check not only
// the final state but the whole history: each successful operation is exactly one write, each
// write moves the revision by one, and no operation is lost or applied twice.
import { test, expect } from './fixtures.mjs';
import { chromiumLaunchOptions, TWO_WINDOW_ARGS } from '../../scripts/chromium.mjs';
import { ACKNOWLEDGE, openApplications } from './support/app.mjs';

const APP = 'Partner Dashboard';
const RECORD_PREFIX = 'client-secret-console.v1.app.';
const RETENTIONS = ['Retain for 1 Day', 'Retain for 7 Days', 'Retain for 30 Days'];
// 100 iterations, each one operation in tab A and one in tab B: 200 operations.
const ITERATIONS = Number(process.env.CONCURRENT_TABS_ITERATIONS ?? 100);
const SEED = Number(process.env.CONCURRENT_TABS_SEED ?? Date.now() % 2 ** 31);
// The actions skip Playwright's wait for a stable element (two animation frames each) to keep 200
// operations quick; they still scroll into view and click with the mouse. A click that lands while
// Confirm is disabled does nothing, and confirmUntilDone reads the outcome from the page, never
// assuming one. They give up after 2 s so a race that disables a control is retried at once.
const ACT = { force: true, timeout: 2_000 };
// What a dialog may say when it asks again; anything else is a real failure.
const ASKS_AGAIN = /changed in another tab or window|in another tab or window\. Review the current state/;
// Two windows need their own launch flags (see TWO_WINDOW_ARGS), so this file runs in a worker
// with a browser of its own.
test.use({ launchOptions: chromiumLaunchOptions(TWO_WINDOW_ARGS) });
// How long a dialog may take to settle into an outcome while the other tab races it.
const OUTCOME_TIMEOUT = 10_000;

/**
 * A small seeded PRNG (mulberry32). The seed is noted on the test (an annotation in the report); with
 * CONCURRENT_TABS_SEED a run makes the same choices wherever the race leaves the same state on screen.
 */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Logs every successful localStorage write of the page, in order. */
function logWrites() {
  const setItem = Storage.prototype.setItem;
  window.__writes = [];
  Storage.prototype.setItem = function loggedSetItem(key, value) {
    const result = setItem.call(this, key, value);
    window.__writes.push([key, value]);
    return result;
  };
}

/**
 * The open dialog's state, read in one round trip: whether a dialog is open (or still in the page),
 * its acknowledgement box, whether Confirm is enabled, whether it says there is nothing left to
 * revoke, and the text of its alerts.
 */
const dialogState = (page) =>
  page.evaluate(async () => {
    const dialog = document.querySelector('dialog[open]');
    if (!dialog) return { open: false, present: document.querySelector('dialog') !== null };
    const locks = await navigator.locks.query();
    const confirm = [...dialog.querySelectorAll('button')].find((button) => button.textContent.trim() === 'Confirm');
    return {
      open: true,
      checked: dialog.querySelector('input[type="checkbox"]')?.checked === true,
      enabled: confirm !== undefined && !confirm.disabled,
      moot: dialog.textContent.includes('There is no longer a previous secret to revoke'),
      alerts: [...dialog.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent.replace(/\s+/g, ' ').trim()),
      title: dialog.querySelector('h2')?.textContent,
      locks: { held: locks.held.length, pending: locks.pending.length },
    };
  });

/** Milliseconds until the page's next animation frame (about 16 when it renders normally). */
const frameDelay = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const start = performance.now();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }),
  );

/** Waits until a closed dialog has also left the page (its close event ran), before the next step. */
const settled = (page) =>
  expect
    .poll(async () => (await dialogState(page)).present, { message: 'the closed dialog left the page', timeout: OUTCOME_TIMEOUT })
    .toBe(false);

/**
 * Ticks the acknowledgement and confirms until the dialog closes after a Confirm ('done'), or,
 * for a revoke whose previous secret another tab already removed, cancels ('moot'). Every time the
 * dialog asks again (another tab changed the application), its alert text is kept in `askedAgain`.
 */
async function confirmUntilDone(page, dialog, askedAgain) {
  const box = dialog.getByRole('checkbox', { name: ACKNOWLEDGE });
  const confirm = dialog.getByRole('button', { name: 'Confirm' });
  let clicked = false;
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const state = await dialogState(page);
    if (!state.open) {
      expect(clicked, 'the dialog closed only after Confirm was clicked').toBe(true);
      await settled(page);
      return 'done';
    }
    if (state.moot) {
      expect(state.enabled, 'Confirm is disabled when there is nothing left to revoke').toBe(false);
      await dialog.getByRole('button', { name: 'Cancel' }).click(ACT);
      await settled(page);
      return 'moot';
    }
    try {
      if (!state.checked) await box.check(ACT);
      await confirm.click(ACT);
      clicked = true;
    } catch {
      // Another tab's change unticked the box (or the dialog closed) in between: look again.
      continue;
    }
    // The outcome: the dialog closes (done); or the box is unticked again, with an alert saying why
    // (asked again); or the box is still ticked and Confirm enabled (the click landed while Confirm
    // was disabled and did nothing: try again). Ticked and disabled means the action is running,
    // unless there is nothing left to revoke.
    const read = async () => {
      const after = await dialogState(page);
      if (!after.open) return 'closed';
      if (!after.checked) return after;
      // Ticked but nothing left to revoke (it went while the box was being ticked): Cancel next time.
      if (after.moot) return 'moot';
      return after.enabled ? 'ignored' : null;
    };
    let outcome = null;
    await expect
      .poll(async () => (outcome = await read()), { message: 'the dialog closed, asked again or ignored the click', timeout: OUTCOME_TIMEOUT })
      .not.toBeNull();
    if (outcome.alerts?.length > 0) askedAgain.push(outcome.alerts.join(' | '));
  }
  throw new Error('the dialog never accepted the confirmation');
}

/** Opens the Generate dialog, picks a random retention among 1, 7 and 30 days and confirms. */
async function generate(page, rng, askedAgain) {
  await page
    .getByRole('region', { name: 'Client Secret', exact: true })
    .getByRole('button', { name: 'Generate New Secret' })
    .click(ACT);
  const dialog = page.getByRole('dialog', { name: 'Generate New Secret' });
  await expect(dialog).toBeVisible();
  const retention = dialog.getByRole('radio', { name: RETENTIONS[Math.floor(rng() * RETENTIONS.length)] });
  // Another tab's change can move the choices between aiming and clicking (the notice about a
  // previous secret that will be replaced comes or goes above them): aim again at once.
  await expect(() => retention.check(ACT), 'the retention choice took').toPass({ intervals: [0], timeout: 20_000 });
  return confirmUntilDone(page, dialog, askedAgain);
}

/**
 * One operation in `page` through the UI: Revoke (sometimes, when a previous secret is shown) or
 * Generate. A revoke that another tab made moot is cancelled and a Generate takes its place, so
 * every operation ends in exactly one successful change.
 */
async function operate(page, rng, tally, askedAgain) {
  const previous = page.getByRole('region', { name: 'Previous Client Secret' });
  if ((await previous.isVisible()) && rng() < 0.35) {
    let opened = false;
    try {
      await previous.getByRole('button', { name: 'Revoke Previous Client Secret' }).click(ACT);
      opened = true;
    } catch {
      // The other tab revoked it a moment ago: generate instead.
    }
    if (opened) {
      const dialog = page.getByRole('dialog', { name: 'Revoke Previous Client Secret' });
      await expect(dialog).toBeVisible();
      if ((await confirmUntilDone(page, dialog, askedAgain)) === 'done') {
        tally.revoke += 1;
        return;
      }
      tally.moot += 1;
    }
  }
  expect(await generate(page, rng, askedAgain)).toBe('done');
  tally.generate += 1;
}

/**
 * The test's profile (its `context`, `page` and `newPage` fixtures) with two pages on APP's
 * Configuration tab, writes logged from here on. Returns the tabs ({ label, page, tally }), the
 * record's key and its stored record.
 */
async function openTwoTabs({ context, page: pageA, newPage }) {
  await context.addInitScript(logWrites);
  await openApplications(pageA);
  await pageA.getByRole('link', { name: APP }).click();
  const clientId = new URL(pageA.url()).pathname.split('/')[2];
  const recordKey = `${RECORD_PREFIX}${clientId}`;
  const path = `/applications/${clientId}/configuration`;
  await pageA.goto(path);
  const pageB = await newPage();
  await pageB.goto(path);
  const tabs = [
    { label: 'A', page: pageA, tally: { generate: 0, revoke: 0, moot: 0 } },
    { label: 'B', page: pageB, tally: { generate: 0, revoke: 0, moot: 0 } },
  ];
  for (const { label, page } of tabs) {
    await expect(page.getByRole('heading', { name: APP, level: 2 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Client Secret', exact: true })).toBeVisible();
    await page.evaluate(() => {
      window.__writes = [];
    });
    const delays = [await frameDelay(page), await frameDelay(page), await frameDelay(page)];
    expect(Math.max(...delays), `tab ${label} renders animation frames normally: ${delays.map(Math.round)} ms`).toBeLessThan(250);
  }
  const start = readRecord(await pageA.evaluate((key) => localStorage.getItem(key), recordKey));
  return { tabs, recordKey, start };
}

/** A stored record (schema 2) as named facts: { rev, secret: { value, created }, previous?: { value, expires } }. */
function readRecord(text) {
  const record = JSON.parse(text);
  expect(record.schema, 'records are written in the current schema').toBe(2);
  const [value, created] = record.s;
  const previous = record.p ? { value: record.p[0], expires: record.p[1] } : undefined;
  return { rev: record.rev, secret: { value, created }, previous };
}

/**
 * The stored record once both tabs' copies of localStorage agree on it. Each renderer keeps its own
 * copy and learns of the other tab's writes asynchronously (whatwg/html#403), so reading one tab
 * right after the other wrote can see the record before that write.
 */
async function agreedRecord(tabs, key) {
  let texts = [];
  await expect
    .poll(
      async () => {
        texts = await Promise.all(tabs.map(({ page }) => page.evaluate((key) => localStorage.getItem(key), key)));
        return new Set(texts).size;
      },
      { message: 'both tabs show the same stored record', timeout: OUTCOME_TIMEOUT },
    )
    .toBe(1);
  return readRecord(texts[0]);
}

test.describe('Two tabs on the same application', () => {
  test('a dialog asks again for every change another tab makes while it is open, also a repeated one', async ({ context, page, newPage }) => {
    const { tabs, recordKey, start } = await openTwoTabs({ context, page, newPage });
    const [{ page: pageA }, { page: pageB }] = tabs;
    const rng = random(SEED);
    await pageA.getByRole('region', { name: 'Client Secret', exact: true }).getByRole('button', { name: 'Generate New Secret' }).click();
    const dialog = pageA.getByRole('dialog', { name: 'Generate New Secret' });
    const box = dialog.getByRole('checkbox', { name: ACKNOWLEDGE });
    await box.check();

    expect(await generate(pageB, rng, [])).toBe('done');
    await expect(dialog.getByRole('alert')).toContainText('a new client secret was generated in another tab or window');
    await expect(box).not.toBeChecked();
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();

    await box.check();
    expect(await generate(pageB, rng, [])).toBe('done');
    expect((await agreedRecord(tabs, recordKey)).rev).toBe(start.rev + 2);
    // The second change looks like the first, but it is another state the user has not reviewed.
    await expect(box).not.toBeChecked();
    await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();

    await box.check();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toBeHidden();
    const record = await agreedRecord(tabs, recordKey);
    expect(record.rev, 'the confirmed rotation was applied once, after both changes').toBe(start.rev + 3);
  });


  test('interleaved and racing rotations and revocations in two tabs are each applied exactly once', async ({ context, page, newPage }) => {
    test.setTimeout(240_000);
    const note = (description) => test.info().annotations.push({ type: 'race', description });
    note(`seed ${SEED}, ${ITERATIONS} iterations of one operation per tab`);
    const startedAt = Date.now();
    const { tabs, recordKey, start } = await openTwoTabs({ context, page, newPage });

    // One generator per tab; which operation runs still depends on what the race left on screen.
    tabs[0].rng = random(SEED);
    tabs[1].rng = random(SEED + 1);
    const askedAgain = [];
    let concurrentPairs = 0;
    for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
      const [first, second] = iteration % 2 === 0 ? tabs : [tabs[1], tabs[0]];
      if (iteration % 3 === 0) {
        concurrentPairs += 1;
        await Promise.all([
          operate(first.page, first.rng, first.tally, askedAgain),
          operate(second.page, second.rng, second.tally, askedAgain),
        ]);
      } else {
        await operate(first.page, first.rng, first.tally, askedAgain);
        await operate(second.page, second.rng, second.tally, askedAgain);
      }
    }
    const succeeded = (tally) => tally.generate + tally.revoke;
    const successes = succeeded(tabs[0].tally) + succeeded(tabs[1].tally);
    expect(successes, 'every operation ended in one successful change').toBe(2 * ITERATIONS);
    note(
      `A ${JSON.stringify(tabs[0].tally)}, B ${JSON.stringify(tabs[1].tally)}, ${concurrentPairs} racing pairs, ` +
        `asked again ${askedAgain.length} times (${askedAgain.filter((text) => /while you were looking at it/.test(text)).length} ` +
        `after a refused write), ${Math.round((Date.now() - startedAt) / 1000)} s`,
    );

    // Every "asks again" said why, and said nothing else.
    for (const text of askedAgain) expect(text, `an unexpected dialog alert: ${text}`).toMatch(ASKS_AGAIN);
    expect(askedAgain.length, 'the races made a dialog ask again at least once').toBeGreaterThan(0);

    // The stored record counts every successful operation exactly once.
    const record = await agreedRecord(tabs, recordKey);
    expect(record.rev, `rev ${record.rev} = ${start.rev} + ${successes} successful operations`).toBe(start.rev + successes);

    // The history: one write per success, revisions consecutive, each write one operation on the one before.
    const writes = [];
    for (const tab of tabs) {
      const logged = await tab.page.evaluate(() => window.__writes);
      const own = logged.filter(([key]) => key === recordKey).map(([, value]) => ({ tab: tab.label, record: readRecord(value) }));
      expect(own.length, `tab ${tab.label} wrote once per successful operation`).toBe(succeeded(tab.tally));
      expect(logged.filter(([key]) => key !== recordKey).map(([key]) => key), `tab ${tab.label} wrote no other key`).toEqual([]);
      writes.push(...own);
    }
    writes.sort((a, b) => a.record.rev - b.record.rev);
    const revisions = writes.map((write) => write.record.rev);
    expect(revisions, 'revisions are consecutive, none repeated').toEqual(Array.from({ length: successes }, (_, n) => start.rev + 1 + n));
    const kinds = { A: { generate: 0, revoke: 0 }, B: { generate: 0, revoke: 0 } };
    const secrets = new Set([start.secret.value]);
    let before = start;
    for (const { tab, record: after } of writes) {
      if (after.secret.value === before.secret.value) {
        expect(before.previous, `rev ${after.rev}: a revoke had a previous secret to remove`).toBeDefined();
        expect(after.previous, `rev ${after.rev}: a revoke removed the previous secret`).toBeUndefined();
        kinds[tab].revoke += 1;
      } else {
        expect(secrets.has(after.secret.value), `rev ${after.rev}: a generated secret is new`).toBe(false);
        secrets.add(after.secret.value);
        expect(after.previous?.value, `rev ${after.rev}: the replaced secret became the previous one`).toBe(before.secret.value);
        const retainedDays = (after.previous.expires - after.secret.created) / 86_400_000;
        expect([1, 7, 30], `rev ${after.rev}: retained ${retainedDays} days`).toContain(Math.round(retainedDays * 1000) / 1000);
        kinds[tab].generate += 1;
      }
      before = after;
    }
    for (const tab of tabs) {
      expect(kinds[tab.label], `tab ${tab.label}'s operations are in the history`).toEqual({ generate: tab.tally.generate, revoke: tab.tally.revoke });
    }
    expect(writes.at(-1)?.record ?? start, 'the last write is what is stored').toEqual(record);

    // Both tabs show what is stored, without a reload.
    for (const { label, page } of tabs) {
      const current = page.getByRole('region', { name: 'Client Secret', exact: true });
      await current.getByRole('button', { name: 'Show client secret' }).click();
      await expect(current.locator('code')).toHaveText(record.secret.value);
      const previous = page.getByRole('region', { name: 'Previous Client Secret' });
      if (record.previous) {
        await expect(previous).toBeVisible();
        await previous.getByRole('button', { name: 'Show previous client secret' }).click();
        await expect(previous.locator('code')).toHaveText(record.previous.value);
      } else {
        await expect(previous).toHaveCount(0);
      }
      await expect(page.getByRole('dialog'), `tab ${label} has no dialog left open`).toHaveCount(0);
    }
  });
});
