// Hardening of the page itself: its Content-Security-Policy and referrer policy, no traffic
// leaving the origin, secrets never leaking into the URL, the title or the console, revealed
// secrets hiding again, and the fatal-error banner staying hidden while all is well.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './support/harness.mjs';
import { expect } from './support/expect.mjs';
import { generateSecret, openApplications, openConfiguration, revealedSecret } from './support/app.mjs';

const SECRET_SHAPE = /^[A-Za-z0-9\-._~]{64,}$/;
// A fixed instant for tests that drive the fake clock.
const CLOCK_AT = new Date('2026-11-23T09:00:00Z');
const env = useBrowser();

/** The page's CSP meta parsed into { directive: [sources] }. */
async function contentSecurityPolicy(page) {
  const metas = page.locator('meta[http-equiv="Content-Security-Policy" i]');
  await expect(metas).toHaveCount(1);
  const content = await metas.getAttribute('content');
  const policy = {};
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy[name.toLowerCase()] = sources;
  }
  return policy;
}

/** Every console message of `page`, whatever its type, as text. */
function recordConsole(page) {
  const messages = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`uncaught: ${error.stack ?? error.message}`));
  return messages;
}

describe('Content-Security-Policy', () => {
  test('the page declares a CSP without inline scripts, with object-src and base-uri none', () =>
    env.run(async ({ page }) => {
      await openApplications(page);
      const policy = await contentSecurityPolicy(page);
      assert.deepEqual(policy['object-src'], ["'none'"], 'object-src is none');
      assert.deepEqual(policy['base-uri'], ["'none'"], 'base-uri is none');
      const scriptSrc = policy['script-src'] ?? policy['default-src'];
      assert.ok(scriptSrc, 'script-src (or default-src) is declared');
      assert.ok(!scriptSrc.includes("'unsafe-inline'"), `script-src has no 'unsafe-inline': ${scriptSrc.join(' ')}`);
      assert.ok(!scriptSrc.includes("'unsafe-eval'"), `script-src has no 'unsafe-eval': ${scriptSrc.join(' ')}`);
      assert.ok(!scriptSrc.includes('*') && !scriptSrc.some((source) => /^(https?:|data:|blob:)/.test(source)),
        `script-src allows no wildcard or other origin: ${scriptSrc.join(' ')}`);
    }));

  test('an inline script injected into the page does not run', async () => {
    const { page, context, problems } = await env.open();
    await openApplications(page);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = 1';
      document.body.append(script);
    });
    // Give a script that was allowed every chance to have run.
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.__ran), undefined, 'the injected inline script did not run');
    // The refusal is reported as a CSP violation in the console; that is expected here, so no assertClean.
    assert.ok(
      problems.some((problem) => /Content Security Policy/i.test(problem)),
      `a CSP violation was reported: ${JSON.stringify(problems)}`,
    );
    await context.close();
  });

  test('the referrer policy meta is no-referrer', () =>
    env.run(async ({ page }) => {
      await openApplications(page);
      const metas = page.locator('meta[name="referrer"]');
      await expect(metas).toHaveCount(1);
      assert.equal(await metas.getAttribute('content'), 'no-referrer');
    }));
});

describe('Secrets stay in the page', () => {
  test('no request leaves the origin during a full generate flow', () =>
    env.run(async ({ page, context, foreignRequests }) => {
      const origin = new URL(env.server.url).origin;
      const requests = [];
      context.on('request', (request) => requests.push(request.url()));
      await openApplications(page);
      await openConfiguration(page, 'Customer Portal');
      const current = page.getByRole('region', { name: 'Client Secret', exact: true });
      const before = await revealedSecret(current, 'client secret');
      await current.getByRole('button', { name: 'Copy client secret' }).click();
      await expect(page.getByRole('status')).toContainText('copied');
      await generateSecret(page, 'Retain for 30 Days');
      await expect(page.getByRole('status')).toContainText('New client secret generated');
      const after = await revealedSecret(current, 'client secret');
      assert.notEqual(after, before);
      const previous = page.getByRole('region', { name: 'Previous Client Secret' });
      await previous.getByRole('button', { name: 'Revoke Previous Client Secret' }).click();
      const dialog = page.getByRole('dialog', { name: 'Revoke Previous Client Secret' });
      await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      await expect(dialog).toBeHidden();
      await expect(previous).toHaveCount(0);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Customer Portal', level: 2 })).toBeVisible();

      assert.ok(requests.length > 0, 'requests were observed');
      const elsewhere = requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
      assert.deepEqual(elsewhere, [], 'every request went to the page origin');
      assert.deepEqual(foreignRequests, []);
      for (const secret of [before, after]) {
        assert.ok(!requests.some((url) => url.includes(secret)), 'no request URL carries a secret');
      }
    }));

  test('after revealing and generating no secret appears in the URL, the title or any console message', () =>
    env.run(async ({ page }) => {
      const messages = recordConsole(page);
      const seen = { urls: [], titles: [] };
      const look = async () => {
        seen.urls.push(await page.evaluate(() => location.href));
        seen.titles.push(await page.evaluate(() => document.title));
      };
      page.on('framenavigated', (frame) => frame === page.mainFrame() && seen.urls.push(frame.url()));
      await openApplications(page);
      await openConfiguration(page, 'Field Service App');
      const current = page.getByRole('region', { name: 'Client Secret', exact: true });
      const previous = page.getByRole('region', { name: 'Previous Client Secret' });
      await current.getByRole('button', { name: 'Show client secret' }).click();
      const first = await current.locator('code').textContent();
      await previous.getByRole('button', { name: 'Show previous client secret' }).click();
      const oldPrevious = await previous.locator('code').textContent();
      await look();
      await generateSecret(page, 'Retain for 7 Days');
      await expect(page.getByRole('status')).toContainText('New client secret generated');
      await current.getByRole('button', { name: 'Show client secret' }).click();
      const second = await current.locator('code').textContent();
      await previous.getByRole('button', { name: 'Show previous client secret' }).click();
      assert.equal(await previous.locator('code').textContent(), first);
      await current.getByRole('button', { name: 'Copy client secret' }).click();
      await expect(page.getByRole('status')).toContainText('copied');
      await look();
      // A history step and a reload must not surface one either.
      await page.goBack();
      await page.goForward();
      await look();

      const secrets = [first, second, oldPrevious];
      for (const secret of secrets) assert.match(secret, SECRET_SHAPE);
      assert.equal(new Set(secrets).size, 3);
      for (const secret of secrets) {
        for (const url of seen.urls) assert.ok(!url.includes(secret), `the URL ${url} carries no secret`);
        for (const title of seen.titles) assert.ok(!title.includes(secret), `the title ${title} carries no secret`);
        for (const message of messages) assert.ok(!message.includes(secret), `no console message carries a secret: ${message}`);
      }
      assert.ok(seen.urls.length >= 3 && seen.titles.length >= 3);
    }));
});

describe('Revealed secrets hide again', () => {
  test('a revealed secret hides itself again after 30 seconds', () =>
    env.run({ clockAt: CLOCK_AT }, async ({ page }) => {
      await openApplications(page);
      await openConfiguration(page, 'Partner Dashboard');
      const current = page.getByRole('region', { name: 'Client Secret', exact: true });
      await current.getByRole('button', { name: 'Show client secret' }).click();
      await expect(current.locator('code')).toHaveText(SECRET_SHAPE);
      await page.clock.runFor(25_000);
      await expect(current.locator('code')).toHaveCount(1);
      await expect(current.getByRole('button', { name: 'Hide client secret' })).toBeVisible();
      await page.clock.runFor(6_000);
      await expect(current.locator('code')).toHaveCount(0);
      await expect(current.getByRole('button', { name: 'Show client secret' })).toBeVisible();
    }));

  test('a revealed secret is hidden again when its panel is closed and reopened', () =>
    env.run({ clockAt: CLOCK_AT }, async ({ page }) => {
      await openApplications(page);
      await openConfiguration(page, 'Customer Portal');
      const current = page.getByRole('region', { name: 'Client Secret', exact: true });
      const previous = page.getByRole('region', { name: 'Previous Client Secret' });
      await current.getByRole('button', { name: 'Show client secret' }).click();
      await previous.getByRole('button', { name: 'Show previous client secret' }).click();
      await expect(current.locator('code')).toHaveCount(1);
      await expect(previous.locator('code')).toHaveCount(1);
      await page.getByRole('button', { name: 'Close details' }).click();
      await expect(page.getByRole('heading', { name: 'Customer Portal', level: 2 })).toBeHidden();
      await openConfiguration(page, 'Customer Portal');
      await expect(current.getByRole('button', { name: 'Show client secret' })).toBeVisible();
      await expect(previous.getByRole('button', { name: 'Show previous client secret' })).toBeVisible();
      await expect(current.locator('code')).toHaveCount(0);
      await expect(previous.locator('code')).toHaveCount(0);
    }));
});

describe('Fatal-error banner', () => {
  test('the fatal-error banner exists and stays hidden in normal operation', () =>
    env.run(async ({ page }) => {
      await openApplications(page);
      const banner = page.locator('#fatal-error');
      await expect(banner).toHaveCount(1);
      await expect(banner).toBeHidden();
      await openConfiguration(page, 'Mobile Banking');
      await generateSecret(page, 'Retain for 1 Day');
      await expect(page.getByRole('status')).toContainText('New client secret generated');
      await page.getByRole('button', { name: 'Close details' }).click();
      await expect(banner).toHaveCount(1);
      await expect(banner).toBeHidden();
      assert.equal(await banner.getAttribute('hidden'), '', 'the banner keeps its hidden attribute');
    }));
});
