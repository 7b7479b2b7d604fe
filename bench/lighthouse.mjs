// Lighthouse on the built site as a phone user on a slow network would get it: the default mobile
// configuration (Moto G Power emulation, simulated 4G throttling), the files served gzip-encoded
// as real hosts send them (bench/support/page-weight.mjs), Debian's Chromium (never a downloaded
// browser). Prints a Markdown table of the median run (by performance score) and every run's
// scores, and writes it to bench/results/lighthouse.md.
//
//   node bench/lighthouse.mjs [distDir]      LIGHTHOUSE_RUNS=3 by default
//
// Like bench/run.mjs it reports and never judges: the exit code is non-zero only when it could
// not measure.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startGzipServer } from './support/page-weight.mjs';
import { median } from './support/report.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
const RESULTS = path.join(ROOT, 'bench', 'results', 'lighthouse.md');
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = [
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['first-contentful-paint', 'FCP'],
  ['speed-index', 'Speed Index'],
];
// The flags the lead's recipe names, plus the ones that keep a closed network quiet
// (scripts/chromium.mjs explains them).
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const progress = (message) => process.stderr.write(`lighthouse: ${message}\n`);
const score = (category) => Math.round((category?.score ?? NaN) * 100);

/** One Lighthouse run: the three category scores, the metrics and any failed audits' titles. */
async function audit(url, port) {
  const { lhr } = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
  const failing = CATEGORIES.filter((id) => id !== 'performance').flatMap((id) =>
    lhr.categories[id].auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => `${id}: ${lhr.audits[ref.id].title}`),
  );
  return {
    lcpElement: lcpElement(lhr.audits['largest-contentful-paint-element']),
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, score(lhr.categories[id])])),
    metrics: Object.fromEntries(METRICS.map(([id]) => [id, lhr.audits[id]])),
    failing,
    warnings: lhr.runWarnings,
    version: lhr.lighthouseVersion,
    browser: lhr.environment?.hostUserAgent ?? '',
  };
}

/** The LCP element as Lighthouse names it (its selector and a snippet of its markup) and the
 * phases of its paint, from the `largest-contentful-paint-element` audit's tables. */
function lcpElement(elementAudit) {
  const tables = elementAudit?.details?.items ?? [];
  const node = tables.flatMap((table) => table.items ?? []).find((item) => item.node)?.node;
  const phases = tables
    .flatMap((table) => table.items ?? [])
    .filter((item) => item.phase && typeof item.timing === 'number')
    .map((item) => `${item.phase} ${Math.round(item.timing)} ms`);
  if (!node) return 'not reported';
  const snippet = (node.snippet ?? '').replace(/\s+/g, ' ').slice(0, 120);
  return `\`${node.selector ?? node.nodeLabel ?? '?'}\` (${snippet})${phases.length > 0 ? `; ${phases.join(', ')}` : ''}`;
}

function table(runs) {
  const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  const lines = [
    `| | median run | ${runs.map((_, index) => `run ${index + 1}`).join(' | ')} |`,
    `| --- | ---: | ${runs.map(() => '---:').join(' | ')} |`,
  ];
  for (const id of CATEGORIES) {
    lines.push(`| ${id} | **${middle.scores[id]}** | ${runs.map((run) => run.scores[id]).join(' | ')} |`);
  }
  for (const [id, label] of METRICS) {
    lines.push(`| ${label} | ${middle.metrics[id].displayValue} | ${runs.map((run) => run.metrics[id].displayValue).join(' | ')} |`);
  }
  const lcp = runs.map((run) => run.metrics['largest-contentful-paint'].numericValue);
  lines.push('', `LCP median over the runs: ${(median(lcp) / 1000).toFixed(2)} s. LCP element (median run): ${middle.lcpElement}.`);
  return lines.join('\n');
}

async function main() {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: build the site first (./scripts/dev.sh build)`);
  // A copy, so a rebuild during the run cannot mix two builds.
  const copy = await mkdtemp(path.join(os.tmpdir(), 'csc-lighthouse-dist-'));
  await cp(DIST, copy, { recursive: true, filter: (source) => !source.includes(`${path.sep}.stage`) });
  const server = await startGzipServer(copy);
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  try {
    const runs = [];
    for (let run = 1; run <= RUNS; run += 1) {
      progress(`run ${run}/${RUNS} against ${server.url}/`);
      runs.push(await audit(`${server.url}/`, chrome.port));
    }
    const problems = [...new Set(runs.flatMap((run) => [...run.failing, ...run.warnings]))];
    const report = [
      '## Lighthouse',
      '',
      `Lighthouse ${runs[0].version}, default mobile configuration (simulated throttling), ${RUNS} runs; ` +
        `the site served gzip-encoded (level 9) from 127.0.0.1; ${os.cpus().length} cores, ` +
        `1-minute load average ${os.loadavg()[0].toFixed(1)} at the end; ${new Date().toISOString()}.`,
      `Browser: ${runs[0].browser}.`,
      '',
      table(runs),
      ...(problems.length > 0 ? ['', '### Audits below 100 and warnings', '', ...problems.map((problem) => `- ${problem}`)] : []),
    ].join('\n');
    process.stdout.write(`\n${report}\n`);
    await mkdir(path.dirname(RESULTS), { recursive: true });
    await writeFile(RESULTS, `${report}\n`);
    progress(`written to ${path.relative(ROOT, RESULTS)}`);
  } finally {
    await chrome.kill();
    await server.close();
    await rm(copy, { recursive: true, force: true });
  }
}

main().catch((error) => {
  progress(error.stack ?? String(error));
  process.exitCode = 1;
});
