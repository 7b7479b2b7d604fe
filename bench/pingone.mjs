// The PingOne connection measured against the emulator (tests/pingone-emulator/): the time from
// submitting PingOne's sign-on page to the environment's list painted, with 1,000 and 5,000
// applications, and the API requests each action costs (from the emulator's request log).
// Reports, never judges. Needs dist/ built with the emulator's origins in its CSP:
//   CONNECT_ORIGINS="http://127.0.0.1:4191 http://127.0.0.1:4192" ./scripts/dev.sh build
//   node bench/pingone.mjs
import { startEmulator } from '../tests/pingone-emulator/server.mjs';
import { launchBrowser, openPage, serve } from './support/browser.mjs';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const SIZES = [1_000, 5_000];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const site = await serve(new URL('../dist', import.meta.url).pathname);
const emulator = await startEmulator({
  apiPort: 4191,
  authPort: 4192,
  controlPort: 4193,
  consoleOrigins: [site.url],
  redirectUris: [`${site.url}/`],
});
const control = (method, path, body) =>
  fetch(`${emulator.controlOrigin}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  }).then((response) => (response.status === 204 ? undefined : response.json()));
const apiRequests = async () => (await control('GET', '/state')).requestLog.filter((entry) => entry.origin === 'api' || entry.path.startsWith('/v1/'));

const browser = await launchBrowser();
const allowed = [emulator.apiOrigin, emulator.authOrigin];

/** Signs on in a fresh profile; resolves to the page and the ms from submitting PingOne's sign-on page to the list painted. */
async function signOn(count) {
  const { context, page } = await openPage(browser, site.url, allowed);
  await page.goto('/applications');
  await page.getByRole('button', { name: 'Connect to PingOne' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect to PingOne' });
  await dialog.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'Custom' });
  await dialog.getByRole('textbox', { name: 'Environment ID' }).fill(emulator.environmentId);
  await dialog.getByRole('textbox', { name: 'Client ID' }).fill(emulator.adminClientId);
  await dialog.getByRole('textbox', { name: 'Authorization server' }).fill(`${emulator.authOrigin}/${emulator.environmentId}`);
  await dialog.getByRole('textbox', { name: 'API' }).fill(`${emulator.apiOrigin}/v1`);
  await dialog.getByRole('button', { name: 'Sign On' }).click();
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('2FederateM0re!');
  const started = Date.now();
  await page.getByRole('button', { name: 'Sign On' }).click();
  await page.getByRole('listitem').getByRole('link').first().waitFor();
  await page.getByText('Reading the environment').waitFor({ state: 'detached' });
  const elapsed = Date.now() - started;
  const shown = await page.getByRole('banner').textContent();
  if (!shown.includes(emulator.environmentId)) throw new Error(`not connected after ${count}`);
  return { context, page, elapsed };
}

const rows = [];
for (const count of SIZES) {
  const samples = [];
  for (let run = 0; run < RUNS; run += 1) {
    await control('POST', '/reset', { applications: count });
    const { context, elapsed } = await signOn(count);
    samples.push(elapsed);
    await context.close();
  }
  rows.push(`| sign-on submitted → list of ${count.toLocaleString('en-US')} painted | ${median(samples)} ms | ${Math.min(...samples)}–${Math.max(...samples)} ms |`);
}

// Requests per action, on the seeded environment.
await control('POST', '/reset', {});
const { context, page } = await signOn(13);
const count = async (action) => {
  const before = (await apiRequests()).length;
  await action();
  await page.waitForTimeout(300);
  const made = (await apiRequests()).slice(before);
  return `${made.length} (${made.map((entry) => `${entry.method} ${entry.path.split('/').slice(-1)[0] === 'secret' ? '…/secret' : entry.path.includes('/applications/') ? '…/{id}' : '…/applications'}`).join(', ')})`;
};
const requests = [];
requests.push(`| opening an application's Configuration tab | ${await count(async () => {
  await page.getByRole('link', { name: 'Billing Portal' }).first().click();
  await page.getByRole('tab', { name: 'Configuration' }).click();
  await page.getByRole('region', { name: 'Client Secret', exact: true }).waitFor();
})} |`);
requests.push(`| Generate New Secret (retain 7 days) | ${await count(async () => {
  await page.getByRole('button', { name: 'Generate New Secret' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate New Secret' });
  await dialog.getByRole('radio', { name: 'Retain for 7 Days' }).check();
  await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('region', { name: 'Previous Client Secret', exact: true }).waitFor();
})} |`);
requests.push(`| Revoke Previous Client Secret | ${await count(async () => {
  await page.getByRole('button', { name: 'Revoke Previous Client Secret' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke Previous Client Secret' });
  await dialog.getByRole('checkbox', { name: 'I understand and would like to continue' }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('region', { name: 'Previous Client Secret', exact: true }).waitFor({ state: 'detached' });
})} |`);
requests.push(`| Enabled switched off | ${await count(async () => {
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('switch', { name: 'Enabled' }).click();
  await page.getByRole('status').filter({ hasText: 'Application disabled.' }).waitFor();
})} |`);
await context.close();
await browser.close();
await emulator.close();
await site.close();

console.log(`| measure (median of ${RUNS}) | median | range |\n| --- | ---: | ---: |\n${rows.join('\n')}\n`);
console.log(`| action | API requests |\n| --- | --- |\n${requests.join('\n')}`);
