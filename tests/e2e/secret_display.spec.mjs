// Secret display on a narrow screen: a revealed secret breaks where its line is full, never at a
// hyphen as if it were two values, and never runs past its box; the masked dots wrap inside the
// box rather than being cut; a token request command never leaves an option (`-d`) alone on a
// line without its value. Checked on the lines the browser actually lays out, at 360 px.
import { test, expect } from './fixtures.mjs';
import { openApplications, openConfiguration, secretRegion } from './support/app.mjs';
import { expectAccessible } from './support/audit.mjs';

const RECORD_PREFIX = 'client-secret-console.v1.app.';
/** 64 URL-unreserved characters with one hyphen early: a line break after it would leave a short first line. */
const HYPHENATED_SECRET = 'Kq7Tz2Wm-' + 'x4Lr9Bv3Nc8Hd5Gf1Js6Pa0Yt7Ue2Wo4Qi9Rk3Mb8Vn5Cz1Xl6Sd0Fh7Jg2Tp'.slice(0, 55);

const tokenRequest = (page) => page.getByRole('region', { name: 'Token Request', exact: true });

/** The open application's client ID, from its address (/applications/<id>/<tab>). */
const openClientId = (page) => decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);

/** Sets fields of the open application's stored record (as an edit in another tab would) and reloads. */
async function editRecord(page, fields) {
  await page.evaluate(
    ([key, fields]) => {
      const record = JSON.parse(localStorage.getItem(key));
      const secret = fields.secret === undefined ? {} : { s: [fields.secret, record.s[1]] };
      const auth = fields.auth === undefined ? {} : { auth: fields.auth };
      localStorage.setItem(key, JSON.stringify({ ...record, ...secret, ...auth, rev: record.rev + 1 }));
    },
    [RECORD_PREFIX + openClientId(page), fields],
  );
  await page.reload();
}

/**
 * The lines the browser laid `element`'s text out in: each line's text, the right edge of its
 * last character, and the width of one character; with the right edge of the box's content.
 */
function layoutOf(element) {
  return element.evaluate((node) => {
    const box = node.closest('.secret__value, .command');
    const style = getComputedStyle(box);
    const contentRight = box.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    const lines = [];
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (let i = 0; i < text.data.length; i += 1) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const rect = [...range.getClientRects()].find((r) => r.width > 0);
        if (!rect) continue;
        const last = lines.at(-1);
        if (last && Math.abs(last.top - rect.top) < rect.height / 2) {
          last.text += text.data[i];
          last.right = rect.right;
        } else {
          lines.push({ top: rect.top, text: text.data[i], right: rect.right, charWidth: rect.width });
        }
      }
    }
    return { contentRight, lines };
  });
}

for (const colorScheme of ['light', 'dark']) test.describe(`Secret display at 360 px (${colorScheme})`, () => {
  test.use({ viewport: { width: 360, height: 780 }, colorScheme });

  test('a revealed secret fills each line before it breaks, at a hyphen or not, and stays inside its box', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Partner Dashboard');
    await editRecord(page, { secret: HYPHENATED_SECRET });
    const region = secretRegion(page);
    await region.getByRole('button', { name: 'Show client secret' }).click();
    const code = region.locator('code');
    await expect(code).toHaveText(HYPHENATED_SECRET);

    const { contentRight, lines } = await layoutOf(code);
    expect(lines.length, 'the secret needs more than one line at 360 px').toBeGreaterThan(1);
    expect(lines.map((line) => line.text).join('')).toBe(HYPHENATED_SECRET);
    for (const line of lines.slice(0, -1)) {
      expect(line.right, `"${line.text}" ends where the line is full`).toBeGreaterThan(contentRight - 1.5 * line.charWidth);
    }
    for (const line of lines) expect(line.right, `"${line.text}" stays inside the box`).toBeLessThanOrEqual(contentRight + 0.5);
    await expect(code).toHaveCSS('word-break', 'break-all');
  });

  test('the masked secret fits or wraps inside its box, never cut off', async ({ page }) => {
    await openApplications(page);
    await openConfiguration(page, 'Customer Portal');
    for (const region of [secretRegion(page), page.getByRole('region', { name: 'Previous Client Secret', exact: true })]) {
      const mask = region.locator('.secret__mask');
      await expect(mask).toBeVisible();
      const { scrollWidth, clientWidth } = await mask.evaluate((node) => ({ scrollWidth: node.scrollWidth, clientWidth: node.clientWidth }));
      expect(scrollWidth, 'no dot is cut off').toBeLessThanOrEqual(clientWidth);
      const { contentRight, lines } = await layoutOf(mask);
      for (const line of lines) expect(line.right).toBeLessThanOrEqual(contentRight + 0.5);
    }
  });

  test('a token request command keeps each option with its value on its line', async ({ page, axe }) => {
    await openApplications(page);
    await openConfiguration(page, 'Billing Sync Worker');
    // Client Secret Post: the secret is the value of a `-d`, longer than a line at 360 px.
    await editRecord(page, { auth: 'post' });
    const endpoint = tokenRequest(page).getByRole('textbox', { name: 'Token Endpoint' });
    await endpoint.pressSequentially('https://auth.example.com/as/token');
    await endpoint.press('Tab');
    await tokenRequest(page).getByRole('button', { name: 'Show command' }).click();
    const code = tokenRequest(page).locator('code');
    await expect(code).toContainText('client_secret=');
    await expect(code).not.toContainText('••');

    const { lines } = await layoutOf(code);
    const texts = lines.map((line) => line.text.trim());
    expect(texts.length, 'the command needs several lines').toBeGreaterThan(4);
    for (const text of texts) {
      expect(['-d', '-H', '-d \\', '-H \\'], `a line of its own: "${text}"`).not.toContain(text);
      expect(text.endsWith(' -d') || text.endsWith(' -H'), `"${text}" does not end with an option`).toBe(false);
    }
    // Every option line starts with its option and the start of its value.
    for (const text of texts.filter((line) => /^-[dH]\b/.test(line))) expect(text).toMatch(/^-[dH] '\S/);
    await secretRegion(page).getByRole('button', { name: 'Show client secret' }).click();
    await expect(secretRegion(page).locator('code')).toBeVisible();
    await expectAccessible(axe, page, 'a revealed secret and token request command at 360 px');
  });
});
