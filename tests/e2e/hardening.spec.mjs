// Hardening of the page itself: its Content-Security-Policy and referrer policy, no traffic
// leaving the origin, secrets never leaking into the URL, the title or the console, revealed
// secrets hiding again, and the fatal-error banner staying hidden while all is well.
import { test, expect } from './fixtures.mjs';
import { SECRET_SHAPE, generateSecret, openApplications, openConfiguration, revealedSecret } from './support/app.mjs';

// A fixed instant for tests that drive the fake clock.
const CLOCK_AT = Date.parse('2026-11-23T09:00:00Z');
const CSP_VIOLATION = /Content Security Policy/i;

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

test.describe('Content-Security-Policy', () => {
  test('the page declares a CSP without inline scripts, with object-src and base-uri none', async ({ page }) => {
    await openApplications(page);
    const policy = await contentSecurityPolicy(page);
    expect(policy['object-src'], 'object-src is none').toEqual(["'none'"]);
    expect(policy['base-uri'], 'base-uri is none').toEqual(["'none'"]);
    const scriptSrc = policy['script-src'] ?? policy['default-src'];
    expect(scriptSrc, 'script-src (or default-src) is declared').toBeDefined();
    expect(scriptSrc, "script-src has no 'unsafe-inline'").not.toContain("'unsafe-inline'");
    expect(scriptSrc, "script-src has no 'unsafe-eval'").not.toContain("'unsafe-eval'");
    expect(
      scriptSrc.filter((source) => source.includes('*') || /^(https?:|data:|blob:)/.test(source)),
      'script-src allows no wildcard or other origin',
    ).toEqual([]);
  });

  test('an inline script injected into the page does not run', async ({ page, problems }) => {
    await openApplications(page);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = 1';
      document.body.append(script);
    });
    // The refusal is reported as a CSP violation in the console; an allowed inline script would
    // have run synchronously when appended, so once the report is in, it did not run.
    await expect.poll(() => problems.some((problem) => CSP_VIOLATION.test(problem)), { message: 'a CSP violation was reported' }).toBe(true);
    expect(await page.evaluate(() => window.__ran), 'the injected inline script did not run').toBeUndefined();
    // That report is the one expected problem; anything else still fails the test afterwards.
    problems.splice(0, problems.length, ...problems.filter((problem) => !CSP_VIOLATION.test(problem)));
  });

  test('the referrer policy meta is no-referrer', async ({ page }) => {
    await openApplications(page);
    const metas = page.locator('meta[name="referrer"]');
    await expect(metas).toHaveCount(1);
    await expect(metas).toHaveAttribute('content', 'no-referrer');
  });
});

test.describe('Secrets stay in the page', () => {
  test('no request leaves the origin during a full generate flow', async ({ page, context, baseURL, foreignRequests }) => {
    const origin = new URL(baseURL).origin;
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
    expect(after).not.toBe(before);
    const previous = page.getByRole('region', { name: 'Previous Client Secret' });
    await previous.getByRole('button', { name: 'Revoke Previous Client Secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke Previous Client Secret' });
    await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toBeHidden();
    await expect(previous).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Customer Portal', level: 2 })).toBeVisible();

    expect(requests.length, 'requests were observed').toBeGreaterThan(0);
    const elsewhere = requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
    expect(elsewhere, 'every request went to the page origin').toEqual([]);
    expect(foreignRequests).toEqual([]);
    for (const secret of [before, after]) {
      expect(requests.filter((url) => url.includes(secret)), 'no request URL carries a secret').toEqual([]);
    }
  });

  test('after revealing and generating no secret appears in the URL, the title or any console message', async ({ page }) => {
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
    await expect(previous.locator('code')).toHaveText(first);
    await current.getByRole('button', { name: 'Copy client secret' }).click();
    await expect(page.getByRole('status')).toContainText('copied');
    await look();
    // A history step and a reload must not surface one either.
    await page.goBack();
    await page.goForward();
    await look();

    const secrets = [first, second, oldPrevious];
    for (const secret of secrets) expect(secret).toMatch(SECRET_SHAPE);
    expect(new Set(secrets).size).toBe(3);
    for (const secret of secrets) {
      for (const url of seen.urls) expect(url, `the URL ${url} carries no secret`).not.toContain(secret);
      for (const title of seen.titles) expect(title, `the title ${title} carries no secret`).not.toContain(secret);
      for (const message of messages) expect(message, `no console message carries a secret: ${message}`).not.toContain(secret);
    }
    expect(seen.urls.length).toBeGreaterThanOrEqual(3);
    expect(seen.titles.length).toBeGreaterThanOrEqual(3);
  });
});

test.describe('Revealed secrets hide again', () => {
  test.use({ clockAt: CLOCK_AT });

  test('a revealed secret hides itself again after 30 seconds', async ({ page }) => {
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
  });

  test('a revealed secret is hidden again when its panel is closed and reopened', async ({ page }) => {
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
  });
});

test.describe('Fatal-error banner', () => {
  test('the fatal-error banner exists and stays hidden in normal operation', async ({ page }) => {
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
    await expect(banner, 'the banner keeps its hidden attribute').toHaveAttribute('hidden', '');
  });
});
