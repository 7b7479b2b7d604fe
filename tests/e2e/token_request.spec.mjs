// Token Request: the curl command the Configuration tab builds, copied from the page and run by
// real bash against a real OpenID Provider (npm oidc-provider on 127.0.0.1), for each client
// authentication method; hostile Token Endpoint and Scope text never makes bash run anything
// else. The page itself never talks to the provider (the fixtures fail any foreign request).
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures.mjs';
import { runInBash } from './support/bash.mjs';
import { openApplications, openConfiguration, readSecrets } from './support/app.mjs';
import { SCOPE, startProvider } from './support/oidc_provider.mjs';

const METHODS = [
  { stored: 'basic', registered: 'client_secret_basic' },
  { stored: 'post', registered: 'client_secret_post' },
  { stored: 'jwt', registered: 'client_secret_jwt' },
];
const RECORD_PREFIX = 'client-secret-console.v1.app.';

const tokenRequest = (page) => page.getByRole('region', { name: 'Token Request', exact: true });
const endpointField = (page) => tokenRequest(page).getByRole('textbox', { name: 'Token Endpoint' });
const scopeField = (page) => tokenRequest(page).getByRole('textbox', { name: 'Scope' });
const command = (page) => tokenRequest(page).locator('code');


/** The open application's client ID, from its address (/applications/<id>/<tab>). */
function openClientId(page) {
  return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
}

/** Stores `auth` as the application's token endpoint auth method (as an edit elsewhere would) and reloads. */
async function useAuthMethod(page, clientId, auth) {
  await page.evaluate(
    ([key, auth]) => {
      const record = JSON.parse(localStorage.getItem(key));
      localStorage.setItem(key, JSON.stringify({ ...record, auth, rev: record.rev + 1 }));
    },
    [RECORD_PREFIX + clientId, auth],
  );
  await page.reload();
  await expect(tokenRequest(page)).toBeVisible();
}

/** Types the endpoint and leaves the field, which saves it when valid. */
async function enterEndpoint(page, url) {
  await endpointField(page).fill(url);
  await endpointField(page).press('Tab');
}

async function copiedCommand(page) {
  await tokenRequest(page).getByRole('button', { name: 'Copy Command' }).click();
  await expect(page.getByRole('status')).toContainText('copied');
  return page.evaluate(() => navigator.clipboard.readText());
}

/** A secret (URL-unreserved characters only) as a form body carries it: `~` is the one encoded. */
const formEncoded = (secret) => secret.replaceAll('~', '%7E');

/** A secret that differs from `secret` in its last character only. */
const oneCharacterOff = (secret) => secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');

for (const { stored, registered } of METHODS) {
  test(`a copied ${registered} command run by bash gets an access token, and one wrong character gets invalid_client`, async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Billing Sync Worker');
    const clientId = openClientId(page);
    await useAuthMethod(page, clientId, stored);
    const { current } = await readSecrets(page);
    const provider = await startProvider([{ client_id: clientId, client_secret: current, token_endpoint_auth_method: registered }]);
    const impostor = await startProvider([
      { client_id: clientId, client_secret: oneCharacterOff(current), token_endpoint_auth_method: registered },
    ]);
    try {
      await enterEndpoint(page, provider.tokenEndpoint);
      await scopeField(page).fill(SCOPE);
      await expect(command(page)).toContainText(provider.tokenEndpoint);
      await expect(command(page)).toContainText('••••••••');
      await expect(command(page)).not.toContainText(current);

      const granted = await runInBash(await copiedCommand(page));
      expect(granted.code, granted.stderr).toBe(0);
      const token = JSON.parse(granted.stdout);
      expect(token.access_token, granted.stdout).toBeTruthy();
      expect(token.token_type).toBe('Bearer');
      expect(token.scope).toBe(SCOPE);

      await enterEndpoint(page, impostor.tokenEndpoint);
      await expect(command(page)).toContainText(impostor.tokenEndpoint);
      const refused = await runInBash(await copiedCommand(page));
      expect(JSON.parse(refused.stdout).error, refused.stdout).toBe('invalid_client');
      const status = await runInBash(`${await copiedCommand(page)} -o /dev/null -w '%{http_code}'`);
      expect(status.stdout).toBe('401');
    } finally {
      await provider.close();
      await impostor.close();
    }
  });
}

test('Show reveals only the secret in the command, and Copy Command copies the real one', async ({ page }) => {
  await openApplications(page);
  await openConfiguration(page, 'Customer Portal');
  const clientId = openClientId(page);
  await useAuthMethod(page, clientId, 'post');
  const { current, previous } = await readSecrets(page);
  await enterEndpoint(page, 'https://auth.example.com/as/token');
  const masked = await command(page).textContent();
  expect(masked).toContain("'client_secret=••••••••'");
  await tokenRequest(page).getByRole('button', { name: 'Show command' }).click();
  const shown = await command(page).textContent();
  expect(shown).toBe(masked.replace('••••••••', formEncoded(current)));
  expect(await copiedCommand(page)).toBe(shown);

  await tokenRequest(page).getByRole('radio', { name: 'Previous secret' }).check();
  await tokenRequest(page).getByRole('button', { name: 'Show command' }).click();
  await expect(command(page)).toContainText(`client_secret=${formEncoded(previous)}'`);
  expect(await copiedCommand(page)).toContain(`client_secret=${formEncoded(previous)}'`);
});

test.describe('a revealed command', () => {
  test.use({ clockAt: Date.UTC(2026, 11, 1, 9, 0, 0) });

  test('is masked again after 30 seconds, as a revealed secret is', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    await enterEndpoint(page, 'https://auth.example.com/as/token');
    await expect(command(page)).toContainText('••••••••');
    await tokenRequest(page).getByRole('button', { name: 'Show command' }).click();
    await expect(command(page)).not.toContainText('••••••••');
    await page.clock.runFor(25_000);
    await expect(command(page)).not.toContainText('••••••••');
    await expect(tokenRequest(page).getByRole('button', { name: 'Hide command' })).toBeVisible();
    await page.clock.runFor(6_000);
    await expect(command(page)).toContainText('••••••••');
    await expect(tokenRequest(page).getByRole('button', { name: 'Show command' })).toBeVisible();
  });
});

test('the previous secret is offered only while one exists', async ({ page }) => {
  await openApplications(page);
  await openConfiguration(page, 'Billing Sync Worker');
  await expect(tokenRequest(page).getByRole('radio', { name: 'Current secret' })).toBeChecked();
  await expect(tokenRequest(page).getByRole('radio', { name: 'Previous secret' })).toHaveCount(0);
});

test('a JWT command carries a fresh assertion for the endpoint, and New Assertion makes another', async ({ page }) => {
  await openApplications(page);
  await openConfiguration(page, 'Billing Sync Worker');
  const clientId = openClientId(page);
  await useAuthMethod(page, clientId, 'jwt');
  await enterEndpoint(page, 'https://auth.example.com/as/token');
  const assertionOf = (text) => /client_assertion=([^'\s]+)/.exec(text)[1];
  const first = assertionOf(await copiedCommand(page));
  const [header, claims] = first
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
  expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
  expect(claims.iss).toBe(clientId);
  expect(claims.sub).toBe(clientId);
  expect(claims.aud).toBe('https://auth.example.com/as/token');
  expect(claims.exp - claims.iat).toBe(300);
  expect(Math.abs(claims.iat * 1000 - Date.now())).toBeLessThan(60_000);
  await expect(command(page)).not.toContainText(first.split('.')[2]);

  await tokenRequest(page).getByRole('button', { name: 'New Assertion' }).click();
  await expect.poll(async () => assertionOf(await copiedCommand(page))).not.toBe(first);
  const second = assertionOf(await copiedCommand(page));
  const renewed = JSON.parse(Buffer.from(second.split('.')[1], 'base64url').toString());
  expect(renewed.jti).not.toBe(claims.jti);
});

test('the Token Endpoint is kept for the whole console, across reloads, applications and tabs', async ({ page, newPage }) => {
  await openApplications(page);
  await openConfiguration(page, 'Billing Sync Worker');
  const other = await newPage();
  await openApplications(other);
  await openConfiguration(other, 'Mobile Banking');
  await enterEndpoint(page, 'https://auth.example.com/as/token');
  await expect(page.getByRole('status')).toContainText('Token Endpoint saved');
  await expect(endpointField(other)).toHaveValue('https://auth.example.com/as/token');
  await page.reload();
  await expect(endpointField(page)).toHaveValue('https://auth.example.com/as/token');
  await scopeField(page).fill(SCOPE);
  await page.reload();
  await expect(scopeField(page)).toHaveValue('');
  const stored = await page.evaluate(() => Object.values(localStorage).join('\n'));
  expect(stored).not.toContain(SCOPE);
});

test('the Token Endpoint hint says what it accepts: https, or http on loopback, which is accepted', async ({ page }) => {
  await openApplications(page);
  await openConfiguration(page, 'Billing Sync Worker');
  await expect(endpointField(page)).toHaveAccessibleDescription(/^An absolute https URL \(http only for localhost, 127\.0\.0\.1 or \[::1\]\)\./);
  for (const url of ['http://localhost:8080/as/token', 'http://127.0.0.1/as/token', 'http://[::1]:9000/as/token']) {
    await endpointField(page).fill('');
    await endpointField(page).pressSequentially(url);
    await endpointField(page).press('Tab');
    await expect(endpointField(page)).not.toHaveAttribute('aria-invalid', 'true');
    await expect(command(page)).toContainText(`'${url}'`);
  }
});

test.describe('hostile Token Endpoint and Scope text', () => {
  const marker = path.join(tmpdir(), `pwned-${process.pid}-${Date.now()}`);
  test.afterEach(() => rmSync(marker, { force: true }));

  test('is refused with a reason when it cannot be a URL, and no command is offered', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Billing Sync Worker');
    const cases = [
      [`https://auth.example.com/token $(touch ${marker})`, 'a space'],
      ['https://auth.example.com/`id`', '`'],
      ['http://auth.example.com/token', 'must use https'],
      ['https://admin:hunter2@auth.example.com/token', 'user name or password'],
      ['https://auth.example.com/token#x', 'fragment'],
      [`https://auth.example.com/${'x'.repeat(10_000)}`, 'at most 2048 characters'],
      ['auth.example.com/token', 'absolute URL'],
    ];
    for (const [url, reason] of cases) {
      await enterEndpoint(page, url);
      await expect(endpointField(page)).toHaveAttribute('aria-invalid', 'true');
      await expect(tokenRequest(page).locator('#token-endpoint-error')).toContainText(reason);
      await expect(command(page)).toHaveCount(0);
      await expect(tokenRequest(page).getByRole('button', { name: 'Copy Command' })).toHaveCount(0);
    }
    const stored = await page.evaluate(() => localStorage.getItem('client-secret-console.v1.settings'));
    expect(stored).toBeNull();
  });

  test('that a URL may contain is quoted, so bash runs only curl', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Billing Sync Worker');
    const provider = await startProvider([]);
    try {
      const url = `${provider.tokenEndpoint}?';$(touch$IFS${marker});'`;
      const scope = `$(touch ${marker}) \`touch ${marker}\` ;touch ${marker}; '$(touch ${marker})'`;
      await enterEndpoint(page, url);
      await scopeField(page).fill(scope);
      await expect(tokenRequest(page).getByRole('button', { name: 'Copy Command' })).toBeVisible();
      const text = await copiedCommand(page);
      const result = await runInBash(text);
      expect(existsSync(marker), 'bash ran something the text smuggled in').toBe(false);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).error, 'curl reached the provider, which answered').toBeTruthy();
    } finally {
      await provider.close();
    }
  });

  test('with characters a scope cannot have is refused inline', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Billing Sync Worker');
    await enterEndpoint(page, 'https://auth.example.com/token');
    await scopeField(page).fill('say "hi"');
    await expect(scopeField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(tokenRequest(page).locator('#scope-error')).toContainText('cannot contain');
    await expect(command(page)).toHaveCount(0);
  });
});

test.describe('accessibility of the Token Request', () => {
  const MODES = [
    { name: 'light', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
    { name: 'dark', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
    { name: 'light at 360 px wide', colorScheme: 'light', viewport: { width: 360, height: 740 } },
    { name: 'dark at 360 px wide', colorScheme: 'dark', viewport: { width: 360, height: 740 } },
  ];
  for (const mode of MODES) {
    test.describe(mode.name, () => {
      test.use({ colorScheme: mode.colorScheme, viewport: mode.viewport });
      test('axe finds no violation with a command shown, an invalid endpoint, and an answered check', async ({ page, axe }) => {
        const audit = async (state) => {
          const { violations } = await axe(page, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
            resultTypes: ['violations'],
          });
          expect(violations.map((violation) => `${state}: ${violation.id} ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
        };
        await openApplications(page);
        await openConfiguration(page, 'Customer Portal');
        await enterEndpoint(page, 'https://auth.example.com/as/token');
        await scopeField(page).fill(SCOPE);
        await tokenRequest(page).getByRole('button', { name: 'Show command' }).click();
        await audit('command shown');
        await enterEndpoint(page, 'http://auth.example.com/token');
        await audit('invalid endpoint');
        await page.getByRole('button', { name: 'Check a Secret' }).click();
        const dialog = page.getByRole('dialog', { name: 'Check a Secret' });
        await dialog.getByRole('button', { name: 'Check' }).click();
        await audit('blank check');
        await dialog.getByLabel('Secret').fill(' not-the-secret ');
        await dialog.getByRole('button', { name: 'Check' }).click();
        await expect(dialog.getByRole('status')).toContainText('not valid');
        await audit('answered check');
      });
    });
  }
});
