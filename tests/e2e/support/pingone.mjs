// The PingOne emulator as the end-to-end tests use it (tests/pingone-emulator/): where it
// listens (each Playwright worker starts its own, fixtures.mjs, on origins of its own so
// PingOne's tests run in parallel files without sharing state), its control endpoints (never
// reachable from the console's pages: their origin is neither in the console's CSP nor in the
// tests' allowed origins), and signing the console on through it as an administrator does.
import { expect } from '@playwright/test';

// Worker n (Playwright's TEST_PARALLEL_INDEX, 0 or 1 with two workers) listens on
// EMULATOR_PORT + 10n and the two next ports; the site is built with CONNECT_ORIGINS naming the
// API and authorization server of both (emulatorOrigins).
const BASE_PORT = Number(process.env.EMULATOR_PORT ?? 4191);
const PORT = BASE_PORT + 10 * Number(process.env.TEST_PARALLEL_INDEX ?? 0);

/** The API and authorization server origins of `workers` workers' emulators: the build's CONNECT_ORIGINS. */
export function emulatorOrigins(workers) {
  return Array.from({ length: workers }, (_, index) => [0, 1].map((offset) => `http://127.0.0.1:${BASE_PORT + 10 * index + offset}`)).flat();
}

export const EMULATOR = {
  api: `http://127.0.0.1:${PORT}`,
  auth: `http://127.0.0.1:${PORT + 1}`,
  control: `http://127.0.0.1:${PORT + 2}`,
  environmentId: '3f5b1a2e-8c4d-4e6f-9a1b-2c3d4e5f6a7b',
  adminClientId: 'c5e0a1b2-7d3f-4a6e-9b8c-0d1e2f3a4b5c',
  username: 'admin',
  password: '2FederateM0re!',
  administrator: 'Ada Admin',
};

/** This worker's emulator options, for tests/pingone-emulator/server.mjs's startEmulator. */
export function emulatorOptions(consoleOrigin) {
  return {
    apiPort: PORT,
    authPort: PORT + 1,
    controlPort: PORT + 2,
    consoleOrigins: [consoleOrigin],
    redirectUris: [`${consoleOrigin}/`],
  };
}

async function control(method, path, body) {
  const response = await fetch(`${EMULATOR.control}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

export const emulator = {
  reset: (body = {}) => control('POST', '/reset', body),
  state: () => control('GET', '/state'),
  fault: (fault) => control('POST', '/faults', fault),
  expireTokens: () => control('POST', '/expire-tokens'),
  changeElsewhere: (id, attributes) => control('POST', `/applications/${id}`, attributes),
  rotateElsewhere: (id, body = {}) => control('POST', `/applications/${id}/rotate`, body),
  async application(id) {
    return (await this.state()).applications.find((application) => application.id === id);
  },
  /** The requests the emulator's API saw, e.g. `requests('POST', '/secret')`. */
  async requests(method, pathPart) {
    const { requestLog } = await this.state();
    return requestLog.filter((entry) => entry.method === method && entry.path.includes(pathPart));
  },
};

/** Opens Connect to PingOne on `page` and fills it in for this worker's emulator as an
 * administrator would (Region Custom, every field typed key by key); returns the dialog. */
export async function fillConnectDialog(page, { from = '/applications' } = {}) {
  await page.goto(from);
  await page.getByRole('button', { name: 'Connect to PingOne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect to PingOne' });
  await dialog.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'Custom' });
  await dialog.getByRole('textbox', { name: 'Environment ID' }).pressSequentially(EMULATOR.environmentId);
  await dialog.getByRole('textbox', { name: 'Client ID' }).pressSequentially(EMULATOR.adminClientId);
  await dialog.getByRole('textbox', { name: 'Authorization server' }).pressSequentially(`${EMULATOR.auth}/${EMULATOR.environmentId}`);
  await dialog.getByRole('textbox', { name: 'API' }).pressSequentially(`${EMULATOR.api}/v1`);
  return dialog;
}

/** Connects the console on `page` to the emulator: the Connect dialog, then PingOne's sign-on page. */
export async function signOn(page, options) {
  const dialog = await fillConnectDialog(page, options);
  await dialog.getByRole('button', { name: 'Sign On' }).click();
  await signOnAtPingOne(page);
}

/** Renames the open application through Rename Application, typing the new name. */
export async function renameTo(page, name) {
  await page.getByRole('button', { name: 'Rename' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Rename Application' });
  const field = dialog.getByRole('textbox', { name: 'Name' });
  await field.fill('');
  await field.pressSequentially(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  return dialog;
}

/** PingOne's own sign-on page: user name, password, Sign On. */
export async function signOnAtPingOne(page) {
  await page.getByLabel('Username').pressSequentially(EMULATOR.username);
  await page.getByLabel('Password').pressSequentially(EMULATOR.password);
  await page.getByRole('button', { name: 'Sign On' }).click();
  await expect(page.getByRole('banner').getByText('PingOne', { exact: true })).toBeVisible();
}
