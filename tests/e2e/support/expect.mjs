// A small web-first assertion helper for playwright-core (which ships without `expect`): each
// assertion retries until it holds or the timeout passes, then fails with what it last saw.
import assert from 'node:assert/strict';

const TIMEOUT = 5_000;

async function poll(describe, read, holds, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await read();
      if (holds(last)) return last;
    } catch (error) {
      last = `error: ${error.message.split('\n')[0]}`;
    }
    if (Date.now() > deadline) assert.fail(`${describe}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const matches = (expected) => (seen) =>
  typeof seen === 'string' && (expected instanceof RegExp ? expected.test(seen) : seen === expected);
const includes = (expected) => (seen) =>
  typeof seen === 'string' && (expected instanceof RegExp ? expected.test(seen) : seen.includes(expected));
const normalized = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

export function expect(locator, { timeout = TIMEOUT } = {}) {
  const name = locator.toString();
  const check = (describe, read, holds) => poll(`${name} ${describe}`, read, holds, timeout);
  return {
    toBeVisible: () => locator.waitFor({ state: 'visible', timeout }),
    toBeHidden: () => locator.waitFor({ state: 'hidden', timeout }),
    toHaveCount: (count) => check(`has ${count} matches`, () => locator.count(), (seen) => seen === count),
    toHaveAttribute: (attribute, value) =>
      check(`has ${attribute}=${value}`, () => locator.getAttribute(attribute), value instanceof RegExp ? matches(value) : (seen) => seen === value),
    /** Whitespace-normalized text content equals the string or matches the RegExp. */
    toHaveText: (text) => check(`has text ${text}`, async () => normalized(await locator.textContent()), matches(text)),
    toContainText: (text) => check(`contains ${text}`, async () => normalized(await locator.textContent()), includes(text)),
    toBeDisabled: () => check('is disabled', () => locator.isDisabled(), (seen) => seen === true),
    toBeEnabled: () => check('is enabled', () => locator.isEnabled(), (seen) => seen === true),
    toBeChecked: () => check('is checked', () => locator.isChecked(), (seen) => seen === true),
    toBeUnchecked: () => check('is not checked', () => locator.isChecked(), (seen) => seen === false),
    toBeFocused: () =>
      check('is focused', () => locator.evaluate((element) => element === document.activeElement), (seen) => seen === true),
  };
}

/** Web-first assertions on the page itself. */
export function expectPage(page, { timeout = TIMEOUT } = {}) {
  return {
    /** The URL's path (without origin, query or hash) equals the string or matches the RegExp. */
    toHavePath: (expected) =>
      poll(`the page path is ${expected}`, () => new URL(page.url()).pathname, matches(expected), timeout),
  };
}
