// Static hosting under a sub-path (a project site such as https://example.github.io/console/):
// the site built with `--public-url /console/` (dist-subpath/) served under /console/ with the
// host's 404.html fallback. Everything must stay under /console/: the router, every link, the
// favicon, deep links, reloads, and a whole rotation.
import { test, expect } from './fixtures.mjs';
import { SUB_PATH_URL } from '../../playwright.config.mjs';
import {
  DEMO_APPS, clientIdFromEntry, entries, generateSecret, heading, openConfiguration, panelHeading,
  previousRegion, readSecrets, secretRegion, status,
} from './support/app.mjs';

const BASE = '/console/';

test.use({ baseURL: SUB_PATH_URL });

test.beforeAll(() => {
  if (!SUB_PATH_URL) {
    throw new Error('dist-subpath/ is missing: build it with PUBLIC_URL=/console/ DIST=dist-subpath ./scripts/dev.sh build');
  }
});

/** Every response the page received from its own origin, recorded from now on. */
function recordResponses(page) {
  const responses = [];
  page.on('response', (response) => responses.push(response));
  return responses;
}

/** The path of every link in the page (skip links to an anchor of the page itself excepted). */
const linkPaths = (page) =>
  page.locator('a[href]').evaluateAll((links) =>
    links.filter((link) => !link.getAttribute('href').startsWith('#')).map((link) => new URL(link.href).pathname),
  );

async function expectLinksUnderBase(page) {
  const paths = await linkPaths(page);
  expect(paths.length, 'the page has links').toBeGreaterThan(0);
  for (const path of paths) expect(path, 'every link stays under the sub-path').toMatch(/^\/console\//);
}

test.describe('Served under a sub-path (/console/)', () => {
  test('the list loads at /console/ with every demo application, and its links stay under /console/', async ({ page }) => {
    const responses = recordResponses(page);
    await page.goto(BASE);
    await expect(heading(page)).toBeVisible();
    await expect(page).toHaveURL(/\/console\/applications$/);
    await expect(entries(page)).toHaveCount(DEMO_APPS.length);
    await expectLinksUnderBase(page);
    const failed = responses.filter((response) => response.status() >= 400).map((response) => `${response.status()} ${response.url()}`);
    expect(failed, 'nothing the page loaded failed').toEqual([]);
    for (const response of responses) expect(new URL(response.url()).pathname).toMatch(/^\/console\//);
  });

  test('the favicon and the top bar logo are served under /console/', async ({ page }) => {
    await page.goto(BASE);
    await expect(heading(page)).toBeVisible();
    const icon = await page.locator('link[rel="icon"]').evaluate((link) => link.href);
    expect(new URL(icon).pathname).toMatch(/^\/console\/favicon[^/]*\.svg$/);
    const favicon = await page.request.get(icon);
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toContain('image/svg+xml');
    const logo = await page.locator('.topbar__logo').evaluate((element) => getComputedStyle(element).backgroundImage);
    const logoUrl = /url\("([^"]+)"\)/.exec(logo)?.[1];
    expect(new URL(logoUrl).pathname).toBe('/console/favicon.svg');
    expect((await page.request.get(logoUrl)).status()).toBe(200);
  });

  test('a deep link to an application\'s Configuration tab opens it through the 404.html fallback, and so does a reload', async ({ page, newPage }) => {
    await page.goto(BASE);
    const name = 'Partner Dashboard';
    const clientId = await clientIdFromEntry(page, name);

    const deep = await newPage();
    const document = await deep.goto(`applications/${encodeURIComponent(clientId)}/configuration`);
    expect(document.status(), 'the host answered with its 404.html fallback').toBe(404);
    await expect(panelHeading(deep, name)).toBeVisible();
    await expect(deep.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true');
    await expect(secretRegion(deep)).toBeVisible();
    await expect(deep).toHaveURL(new RegExp(`/console/applications/${clientId}/configuration$`));
    await expectLinksUnderBase(deep);

    await deep.reload();
    await expect(panelHeading(deep, name)).toBeVisible();
    await expect(secretRegion(deep)).toBeVisible();
    await expect(deep).toHaveURL(new RegExp(`/console/applications/${clientId}/configuration$`));
  });

  test('a full rotation works there: Generate New Secret with retention, Confirm, the new secret is shown and the old one kept', async ({ page }) => {
    await page.goto(BASE);
    await openConfiguration(page, 'Mobile Banking');
    await expect(page).toHaveURL(/\/console\/applications\/[^/]+\/configuration$/);
    const before = await readSecrets(page);
    expect(before.previous).toBeNull();

    await generateSecret(page, 'Retain for 7 Days');
    await expect(status(page)).toContainText('New client secret generated');
    const after = await readSecrets(page);
    expect(after.current).not.toBe(before.current);
    expect(after.previous, 'the replaced secret is retained as the previous one').toBe(before.current);

    await page.reload();
    await expect(previousRegion(page)).toBeVisible();
    expect(await readSecrets(page)).toEqual(after);
  });

  test('navigation stays under /console/: closing the panel, the Applications link, and an unknown address', async ({ page }) => {
    await page.goto(BASE);
    await openConfiguration(page, 'Customer Portal');
    await page.getByRole('button', { name: 'Close details' }).click();
    await expect(page).toHaveURL(/\/console\/applications$/);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' }).click();
    await expect(page).toHaveURL(/\/console\/applications$/);
    await expect(entries(page)).toHaveCount(DEMO_APPS.length);

    await page.goto('no-such-page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to Applications' }).click();
    await expect(page).toHaveURL(/\/console\/applications$/);
    await expect(heading(page)).toBeVisible();
  });
});
