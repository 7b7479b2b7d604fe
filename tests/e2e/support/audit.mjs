// axe-core audits for the lifecycle specs: the four modes every new state is checked in, and an
// assertion that lists each violation (rule, impact, element, fix) so a failure can be acted on.
import { expect } from '@playwright/test';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export const MODES = [
  { name: 'light', colorScheme: 'light', viewport: { width: 1280, height: 800 } },
  { name: 'dark', colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
  { name: 'light at 360 px', colorScheme: 'light', viewport: { width: 360, height: 740 } },
  { name: 'dark at 360 px', colorScheme: 'dark', viewport: { width: 360, height: 740 } },
];

function describeViolations(violations) {
  return violations
    .flatMap((violation) =>
      violation.nodes.map((node) =>
        [
          `- ${violation.id} (${node.impact ?? violation.impact}): ${violation.help}`,
          `  target: ${node.target.join(' ')}`,
          `  html: ${node.html.replace(/\s+/g, ' ').slice(0, 240)}`,
          `  ${(node.failureSummary ?? '').replace(/\n\s*/g, ' | ')}`,
        ].join('\n'),
      ),
    )
    .join('\n');
}

/** Runs axe (the fixture's `axe`) on `page` and fails listing every violation of `what`. */
export async function expectAccessible(axe, page, what) {
  const { violations } = await axe(page, { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] });
  expect(violations.length, `axe violations in ${what}:\n${describeViolations(violations)}`).toBe(0);
}
