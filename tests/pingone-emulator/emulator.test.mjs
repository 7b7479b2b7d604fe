// Checks that the PingOne emulator holds to the behaviours the console's end-to-end tests rely
// on, so a console that passes against it is not passing because the emulator is lenient.
// Shell-level checks (a copied Token Request command) run real curl; the rest uses fetch.
//
//   node --test tests/pingone-emulator/
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { promisify } from 'node:util';
import { startEmulator } from './server.mjs';
import { ADMINISTRATOR } from './seed.mjs';

const CONSOLE_ORIGIN = 'http://127.0.0.1:4173';
const REDIRECT_URI = 'http://127.0.0.1:4173/';
const BILLING_PORTAL = '5eed0001-1a2b-4c3d-8e4f-000000000001'; // CLIENT_SECRET_BASIC, no CLIENT_CREDENTIALS
const PARTNER_REPORTING = '5eed0002-1a2b-4c3d-8e4f-000000000002'; // CLIENT_SECRET_POST, previous secret
const ORDERS_GATEWAY = '5eed0003-1a2b-4c3d-8e4f-000000000003'; // CLIENT_SECRET_BASIC, CLIENT_CREDENTIALS
const INVENTORY_SYNC = '5eed0004-1a2b-4c3d-8e4f-000000000004'; // CLIENT_SECRET_POST, previous secret
const CUSTOMER_DASHBOARD = '5eed0005-1a2b-4c3d-8e4f-000000000005'; // SINGLE_PAGE_APP, NONE
const LEGACY_INTRANET = '5eed000b-1a2b-4c3d-8e4f-00000000000b'; // SAML
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

const execFileAsync = promisify(execFile);
let emulator;

const control = async (method, path, body) => {
  const response = await fetch(`${emulator.controlOrigin}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.status === 204 ? undefined : response.json();
};
const applicationState = async (id) => (await control('GET', '/state')).applications.find((application) => application.id === id);
const applicationsUrl = (suffix = '') => `${emulator.apiOrigin}/v1/environments/${emulator.environmentId}/applications${suffix}`;
const tokenUrl = () => `${emulator.authOrigin}/${emulator.environmentId}/as/token`;

/** Runs curl as a copied Token Request command would; answers the status and JSON body. */
async function curlToken(args) {
  const { stdout } = await execFileAsync('curl', ['--silent', '--show-error', '--write-out', '\n%{http_code}', ...args, tokenUrl()]);
  const lines = stdout.trimEnd().split('\n');
  return { status: Number(lines.pop()), body: JSON.parse(lines.join('\n')) };
}

function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(params) {
  const url = new URL(`${emulator.authOrigin}/${emulator.environmentId}/as/authorize`);
  for (const [name, value] of Object.entries({ response_type: 'code', client_id: emulator.adminClientId, redirect_uri: REDIRECT_URI, scope: 'openid profile', ...params })) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url;
}

/** Signs the administrator on through the sign-on page; answers the code, session cookie and verifier. */
async function signOn({ nonce } = {}) {
  const { verifier, challenge } = pkcePair();
  const page = await fetch(authorizeUrl({ state: 'state-1', nonce, code_challenge: challenge, code_challenge_method: 'S256' }), { redirect: 'manual' });
  assert.equal(page.status, 200);
  const flowId = /name="flowId" value="([^"]+)"/.exec(await page.text())[1];
  const submitted = await fetch(`${emulator.authOrigin}/${emulator.environmentId}/signon`, {
    method: 'POST',
    body: new URLSearchParams({ flowId, username: ADMINISTRATOR.username, password: ADMINISTRATOR.password, action: 'signOn' }),
    redirect: 'manual',
  });
  assert.equal(submitted.status, 302);
  const location = new URL(submitted.headers.get('location'));
  return { code: location.searchParams.get('code'), state: location.searchParams.get('state'), cookie: submitted.headers.get('set-cookie'), verifier };
}

function exchangeCode(code, verifier, headers = {}) {
  return fetch(tokenUrl(), {
    method: 'POST',
    headers,
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, client_id: emulator.adminClientId, code_verifier: verifier }),
  });
}

async function adminToken() {
  const { code, verifier } = await signOn();
  return (await (await exchangeCode(code, verifier)).json()).access_token;
}

async function api(method, suffix, { token, body } = {}) {
  const response = await fetch(applicationsUrl(suffix), {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: response.status === 204 ? undefined : await response.json() };
}

before(async () => {
  emulator = await startEmulator({ consoleOrigins: [CONSOLE_ORIGIN], redirectUris: [REDIRECT_URI] });
});
after(() => emulator.close());
beforeEach(() => control('POST', '/reset', {}));

describe('client credentials with curl (the Token Request command)', () => {
  test('CLIENT_SECRET_BASIC works with the current secret and refuses it in the form', async () => {
    const { secretState } = await applicationState(ORDERS_GATEWAY);
    const basic = await curlToken(['--user', `${ORDERS_GATEWAY}:${secretState.secret}`, '--data', 'grant_type=client_credentials']);
    assert.equal(basic.status, 200);
    assert.equal(basic.body.token_type, 'Bearer');
    assert.ok(basic.body.access_token);
    const inForm = await curlToken(['--data', `grant_type=client_credentials&client_id=${ORDERS_GATEWAY}&client_secret=${secretState.secret}`]);
    assert.equal(inForm.status, 401);
    assert.equal(inForm.body.error, 'invalid_client');
  });

  test('CLIENT_SECRET_POST works with the current secret', async () => {
    const { secretState } = await applicationState(INVENTORY_SYNC);
    const posted = await curlToken(['--data-urlencode', 'grant_type=client_credentials', '--data-urlencode', `client_id=${INVENTORY_SYNC}`, '--data-urlencode', `client_secret=${secretState.secret}`]);
    assert.equal(posted.status, 200);
    assert.ok(posted.body.access_token);
  });

  test('an unexpired previous secret works and records lastUsed; once revoked it is refused', async () => {
    const token = await adminToken();
    const { secretState } = await applicationState(INVENTORY_SYNC);
    assert.equal(secretState.previous.lastUsed, null);
    const usedFrom = Date.now();
    const withPrevious = ['--data-urlencode', 'grant_type=client_credentials', '--data-urlencode', `client_id=${INVENTORY_SYNC}`, '--data-urlencode', `client_secret=${secretState.previous.secret}`];
    assert.equal((await curlToken(withPrevious)).status, 200);
    const read = await api('GET', `/${INVENTORY_SYNC}/secret`, { token });
    assert.ok(Date.parse(read.body.previous.lastUsed) >= usedFrom - 1000);
    assert.equal((await api('DELETE', `/${INVENTORY_SYNC}/secret`, { token })).status, 204);
    const refused = await curlToken(withPrevious);
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error, 'invalid_client');
    assert.equal((await api('DELETE', `/${INVENTORY_SYNC}/secret`, { token })).status, 404, 'DELETE with no previous secret is 404');
  });

  test('a wrong secret and a grant the application lacks are refused', async () => {
    assert.equal((await curlToken(['--user', `${ORDERS_GATEWAY}:wrong`, '--data', 'grant_type=client_credentials'])).status, 401);
    const { secretState } = await applicationState(BILLING_PORTAL);
    const lacking = await curlToken(['--user', `${BILLING_PORTAL}:${secretState.secret}`, '--data', 'grant_type=client_credentials']);
    assert.equal(lacking.status, 400);
    assert.equal(lacking.body.error, 'unauthorized_client');
  });
});

describe('applications', () => {
  test('PUT replaces the whole application: an omitted optional attribute is cleared', async () => {
    const token = await adminToken();
    const { body: original } = await api('GET', `/${BILLING_PORTAL}`, { token });
    const { description, ...withoutDescription } = original;
    assert.ok(description);
    const replaced = await api('PUT', `/${BILLING_PORTAL}`, { token, body: { ...withoutDescription, id: 'ignored', createdAt: '2000-01-01T00:00:00.000Z' } });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.body.description, undefined);
    assert.equal(replaced.body.id, BILLING_PORTAL);
    assert.equal(replaced.body.createdAt, original.createdAt);
    assert.ok(Date.parse(replaced.body.updatedAt) > Date.parse(original.updatedAt));
    assert.equal((await api('GET', `/${BILLING_PORTAL}`, { token })).body.description, undefined);
  });

  test('PUT without a required attribute is 400 INVALID_DATA with REQUIRED_VALUE and its target', async () => {
    const token = await adminToken();
    const { body: original } = await api('GET', `/${BILLING_PORTAL}`, { token });
    const { tokenEndpointAuthMethod, enabled, ...incomplete } = original;
    const refused = await api('PUT', `/${BILLING_PORTAL}`, { token, body: incomplete });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, 'INVALID_DATA');
    assert.ok(refused.body.id && refused.body.message);
    assert.deepEqual(refused.body.details.map(({ code, target }) => `${code} ${target}`).sort(), ['REQUIRED_VALUE enabled', 'REQUIRED_VALUE tokenEndpointAuthMethod']);
  });

  test('the list has every application; /secret is 404 for SAML and NONE; PATCH is 405', async () => {
    const token = await adminToken();
    const list = await api('GET', '', { token });
    assert.equal(list.body.count, list.body._embedded.applications.length);
    assert.equal(list.body.size, list.body.count);
    assert.ok(list.body._links.self.href);
    assert.equal((await api('GET', `/${LEGACY_INTRANET}/secret`, { token })).body.code, 'NOT_FOUND');
    assert.equal((await api('GET', `/${CUSTOMER_DASHBOARD}/secret`, { token })).status, 404);
    assert.equal((await api('PATCH', `/${BILLING_PORTAL}`, { token, body: { name: 'x' } })).status, 405);
  });
});

describe('secret rotation', () => {
  test('previous.expiresAt must be at least 1 minute and at most 30 days ahead', async () => {
    const token = await adminToken();
    const rotate = (aheadMs) => api('POST', `/${ORDERS_GATEWAY}/secret`, { token, body: { previous: { expiresAt: new Date(Date.now() + aheadMs).toISOString() } } });
    for (const aheadMs of [59 * 1000, 30 * DAY_MS + MINUTE_MS]) {
      const refused = await rotate(aheadMs);
      assert.equal(refused.status, 400);
      assert.equal(refused.body.code, 'INVALID_DATA');
      assert.equal(refused.body.details[0].code, 'OUT_OF_RANGE');
      assert.equal(refused.body.details[0].target, 'previous.expiresAt');
    }
    const { secretState: original } = await applicationState(ORDERS_GATEWAY);
    const kept = await rotate(30 * DAY_MS - MINUTE_MS);
    assert.equal(kept.status, 200);
    assert.equal(kept.body.previous.secret, original.secret);
    assert.ok(kept.body.secret.length >= 64);
    assert.equal((await rotate(90 * 1000)).body.previous.secret, kept.body.secret, 'one previous slot: the newer old secret replaces it');
  });

  test('without a body the old secret dies at once', async () => {
    const token = await adminToken();
    const rotated = await api('POST', `/${PARTNER_REPORTING}/secret`, { token });
    assert.equal(rotated.status, 200);
    assert.equal(rotated.body.previous, undefined);
    assert.equal((await applicationState(PARTNER_REPORTING)).secretState.previous, null);
  });

  test('a dropped answer: the rotation happened, the client sees a network error', async () => {
    const token = await adminToken();
    const { secretState: original } = await applicationState(ORDERS_GATEWAY);
    await control('POST', '/faults', { method: 'POST', pathPattern: '/secret', kind: 'drop', count: 1 });
    await assert.rejects(api('POST', `/${ORDERS_GATEWAY}/secret`, { token }), TypeError);
    const { secretState: afterDrop } = await applicationState(ORDERS_GATEWAY);
    assert.notEqual(afterDrop.secret, original.secret);
    const log = (await control('GET', '/state')).requestLog.filter((entry) => entry.dropped);
    assert.equal(log.length, 1);
  });

  test('status429 answers REQUEST_LIMITED with Retry-After and changes nothing', async () => {
    const token = await adminToken();
    const { secretState: original } = await applicationState(ORDERS_GATEWAY);
    await control('POST', '/faults', { method: 'POST', pathPattern: `applications/${ORDERS_GATEWAY}/secret$`, regex: true, kind: 'status429' });
    const limited = await api('POST', `/${ORDERS_GATEWAY}/secret`, { token });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.code, 'REQUEST_LIMITED');
    assert.ok(limited.headers.get('retry-after'));
    assert.equal((await applicationState(ORDERS_GATEWAY)).secretState.secret, original.secret);
  });
});

describe('CORS', () => {
  const preflight = (url, requestHeaders, origin = CONSOLE_ORIGIN) => fetch(url, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': requestHeaders },
  });

  test('an API preflight allows Authorization and refuses any header off the list', async () => {
    const allowed = await preflight(applicationsUrl(`/${ORDERS_GATEWAY}/secret`), 'authorization,content-type');
    assert.equal(allowed.headers.get('access-control-allow-origin'), '*');
    assert.match(allowed.headers.get('access-control-allow-headers'), /\bAuthorization\b/);
    const refused = await preflight(applicationsUrl(`/${ORDERS_GATEWAY}/secret`), 'authorization,x-requested-with');
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
  });

  test('API responses expose Correlation-Id only, with a fresh one each time', async () => {
    const token = await adminToken();
    const read = () => fetch(applicationsUrl(), { headers: { Authorization: `Bearer ${token}`, Origin: 'https://anywhere.example' } });
    const [first, second] = [await read(), await read()];
    assert.equal(first.headers.get('access-control-allow-origin'), '*');
    assert.equal(first.headers.get('access-control-expose-headers'), 'Correlation-Id');
    assert.match(first.headers.get('correlation-id'), /^[0-9a-f-]{36}$/);
    assert.notEqual(first.headers.get('correlation-id'), second.headers.get('correlation-id'));
  });

  test('/as/token lets only the sign-on application\u2019s CORS origins read the answer', async () => {
    const allowed = await signOn();
    const fromConsole = await exchangeCode(allowed.code, allowed.verifier, { Origin: CONSOLE_ORIGIN });
    assert.equal(fromConsole.status, 200);
    assert.equal(fromConsole.headers.get('access-control-allow-origin'), CONSOLE_ORIGIN);
    const other = await signOn();
    const fromElsewhere = await exchangeCode(other.code, other.verifier, { Origin: 'https://evil.example' });
    assert.equal(fromElsewhere.headers.get('access-control-allow-origin'), null);
  });
});

describe('administrator sign-on (authorization code with PKCE)', () => {
  test('sign on, then a session gives a code at once; the verifier is checked; the code is single use', async () => {
    const nonce = 'nonce-1';
    const first = await signOn({ nonce });
    assert.equal(first.state, 'state-1');
    assert.match(first.cookie, /^ST=[^;]+; Path=\/3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7b; HttpOnly; SameSite=Lax/);
    const wrongVerifier = await exchangeCode(first.code, pkcePair().verifier);
    assert.equal(wrongVerifier.status, 400);
    assert.equal((await wrongVerifier.json()).error, 'invalid_grant');

    const { verifier, challenge } = pkcePair();
    const silent = await fetch(authorizeUrl({ state: 'state-2', prompt: 'none', code_challenge: challenge, code_challenge_method: 'S256' }), {
      headers: { Cookie: first.cookie.split(';')[0] },
      redirect: 'manual',
    });
    assert.equal(silent.status, 302);
    const code = new URL(silent.headers.get('location')).searchParams.get('code');
    const tokens = await exchangeCode(code, verifier);
    assert.equal(tokens.status, 200);
    const body = await tokens.json();
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 3600);
    const [header, claims, signature] = body.id_token.split('.');
    const jwks = await (await fetch(`${emulator.authOrigin}/${emulator.environmentId}/as/jwks`)).json();
    const key = createPublicKey({ key: jwks.keys[0], format: 'jwk' });
    assert.ok(verify('sha256', Buffer.from(`${header}.${claims}`), key, Buffer.from(signature, 'base64url')));
    const idToken = JSON.parse(Buffer.from(claims, 'base64url'));
    assert.equal(idToken.aud, emulator.adminClientId);
    assert.equal(idToken.name, 'Ada Admin');
    assert.equal(idToken.preferred_username, 'admin');
    assert.equal(idToken.iss, `${emulator.authOrigin}/${emulator.environmentId}/as`);
    assert.equal((await exchangeCode(code, verifier)).status, 400, 'a code is single use');
  });

  test('errors: unregistered redirect is a page, missing S256 and prompt=none without session redirect, Cancel is access_denied', async () => {
    const unregistered = await fetch(authorizeUrl({ redirect_uri: 'http://127.0.0.1:9/', code_challenge: pkcePair().challenge, code_challenge_method: 'S256' }), { redirect: 'manual' });
    assert.equal(unregistered.status, 400);
    assert.equal(unregistered.headers.get('location'), null);
    const errorOf = async (params) => new URL((await fetch(authorizeUrl({ state: 's', ...params }), { redirect: 'manual' })).headers.get('location')).searchParams;
    assert.equal((await errorOf({})).get('error'), 'invalid_request');
    assert.equal((await errorOf({ code_challenge: 'abc', code_challenge_method: 'plain' })).get('error'), 'invalid_request');
    const noSession = await errorOf({ prompt: 'none', code_challenge: pkcePair().challenge, code_challenge_method: 'S256' });
    assert.equal(noSession.get('error'), 'login_required');
    assert.equal(noSession.get('state'), 's');

    const page = await fetch(authorizeUrl({ state: 's', code_challenge: pkcePair().challenge, code_challenge_method: 'S256' }));
    const html = await page.text();
    assert.match(html, /<label for="username">Username<\/label>/);
    assert.match(html, /<button[^>]*>Cancel<\/button>/);
    const flowId = /name="flowId" value="([^"]+)"/.exec(html)[1];
    const signOnUrl = `${emulator.authOrigin}/${emulator.environmentId}/signon`;
    const wrong = await fetch(signOnUrl, { method: 'POST', body: new URLSearchParams({ flowId, username: 'admin', password: 'nope', action: 'signOn' }) });
    assert.match(await wrong.text(), /role="alert"/);
    const cancelled = await fetch(signOnUrl, { method: 'POST', body: new URLSearchParams({ flowId, action: 'cancel' }), redirect: 'manual' });
    const cancelParams = new URL(cancelled.headers.get('location')).searchParams;
    assert.equal(cancelParams.get('error'), 'access_denied');
    assert.ok(cancelParams.get('error_description'));
    assert.equal(cancelParams.get('state'), 's');
  });

  test('after /expire-tokens the API answers 401 ACCESS_FAILED / INVALID_TOKEN', async () => {
    const token = await adminToken();
    assert.equal((await api('GET', '', { token })).status, 200);
    await control('POST', '/expire-tokens');
    const expired = await api('GET', '', { token });
    assert.equal(expired.status, 401);
    assert.equal(expired.body.code, 'ACCESS_FAILED');
    assert.equal(expired.body.details[0].code, 'INVALID_TOKEN');
  });
});

describe('control', () => {
  test('reseeding 5000 applications takes well under a second', async () => {
    const startedAt = performance.now();
    const seeded = await control('POST', '/reset', { applications: 5000 });
    const elapsedMs = performance.now() - startedAt;
    assert.equal(seeded.applications, 5000);
    assert.ok(seeded.seedMilliseconds < 500, `seeding took ${seeded.seedMilliseconds} ms`);
    assert.ok(elapsedMs < 1000, `reset took ${elapsedMs} ms`);
    const list = await api('GET', '', { token: await adminToken() });
    assert.equal(list.body.count, 5000);
  });

  test('a change made elsewhere merges attributes and moves updatedAt', async () => {
    const original = await applicationState(BILLING_PORTAL);
    const changed = await control('POST', `/applications/${BILLING_PORTAL}`, { name: 'Billing Portal (renamed elsewhere)' });
    assert.equal(changed.name, 'Billing Portal (renamed elsewhere)');
    assert.equal(changed.description, original.description);
    assert.ok(Date.parse(changed.updatedAt) > Date.parse(original.updatedAt));
    const rotated = await control('POST', `/applications/${BILLING_PORTAL}/rotate`, {});
    assert.notEqual(rotated.secretState.secret, original.secretState.secret);
  });
});
