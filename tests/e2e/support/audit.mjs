// axe-core audits for every spec: the four modes every state is checked in, the rules run, and an
// assertion that lists each violation (rule, impact, element, fix) so a failure can be acted on.
import { expect } from '@playwright/test';

/** What axe runs: WCAG 2.2 A/AA and axe's best practices; only violations are reported. */
export const AXE_RUN = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  resultTypes: ['violations'],
};

export const MODES = [
  { name: 'light', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { name: 'dark', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  { name: 'light at 360 px', colorScheme: 'light', viewport: { width: 360, height: 740 } },
  { name: 'dark at 360 px', colorScheme: 'dark', viewport: { width: 360, height: 740 } },
];

/** One line per failing element: rule, impact, selector, markup and axe's summary of the fix. */
export function describeViolations(violations) {
  return violations
    .flatMap((violation) =>
      violation.nodes.map((node) =>
        [
          `- ${violation.id} (${node.impact ?? violation.impact}): ${violation.help}`,
          `  target: ${node.target.join(' ')}`,
          `  html: ${node.html.replace(/\s+/g, ' ').slice(0, 240)}`,
          `  ${(node.failureSummary ?? '').replace(/\n\s*/g, ' | ')}`,
          `  ${violation.helpUrl}`,
        ].join('\n'),
      ),
    )
    .join('\n');
}

/** Runs axe (the fixture's `axe`) on `page` and fails listing every violation of `what`. */
export async function expectAccessible(axe, page, what) {
  const { violations } = await axe(page, AXE_RUN);
  expect(violations.length, `axe violations in ${what}:\n${describeViolations(violations)}`).toBe(0);
}

/** Waits until nothing is animating, so colours are measured as the user finally sees them. */
async function settled(page) {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}

/**
 * A group of `test` (the suite's, from fixtures.mjs) per state: the state is reached once, by
 * `reach(page)` in a profile the group shares (`openSession(sessionOptions)`, after `prepare()`),
 * and audited in every mode (a test each, so the report names the mode; each sets its own size
 * and colour scheme, so none depends on another). The page must also have logged nothing and
 * asked no other origin.
 */
export function auditState(test, title, reach, { sessionOptions = {}, prepare = async () => {} } = {}) {
  test.describe(title, () => {
    let session;
    test.beforeAll(async ({ openSession }) => {
      await prepare();
      session = await openSession(sessionOptions);
      await reach(session.page);
    });
    test.afterAll(() => session?.close());

    for (const mode of MODES) {
      test(mode.name, async ({ axe }) => {
        const { page } = session;
        await page.setViewportSize(mode.viewport);
        await page.emulateMedia({ colorScheme: mode.colorScheme });
        await settled(page);
        const { violations } = await axe(page, AXE_RUN);
        expect(violations, `axe found violations (${mode.name}):\n${describeViolations(violations)}`).toEqual([]);
      });
    }
  });
}
