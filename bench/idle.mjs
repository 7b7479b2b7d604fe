// Main-thread script time while the page sits idle at 10,000 applications (a full activity log):
// what the once-a-second tick of `now` costs. Per build, 3 rounds interleaved; the CPU profiler
// samples 10 s after the list has painted, and every sample but idle, program and GC counts.
//
//   node bench/idle.mjs dist [/tmp/other-dist ...]
import path from 'node:path';
import { launchBrowser, openPage, seedStorage, serve } from './support/browser.mjs';
import { seedApplications } from './support/seed.mjs';
const dists = process.argv.slice(2);
if (dists.length === 0) {
  console.error('usage: node bench/idle.mjs <distDir> [<distDir> ...]');
  process.exit(2);
}
const ROUNDS = 3;
const PROFILED_MS = 10_000;
const NOT_SCRIPT = new Set(['(idle)', '(program)', '(garbage collector)']);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds of script per second over a CPU profile. */
function scriptPerSecond(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let busy = 0;
  profile.samples.forEach((id, index) => {
    if (!NOT_SCRIPT.has(byId.get(id).callFrame.functionName)) busy += profile.timeDeltas[index] ?? 0;
  });
  return busy / 1000 / (PROFILED_MS / 1000);
}

async function idleScript(browser, dist, items) {
  const server = await serve(path.resolve(dist));
  const session = await openPage(browser, server.url);
  try {
    await seedStorage(session.context, server.url, items);
    const { page } = session;
    await page.goto('/applications');
    await page.waitForSelector('.app-list li', { timeout: 30_000 });
    await sleep(3000); // past the first paint's follow-up work (the activity log is read when idle)
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await sleep(PROFILED_MS);
    const { profile } = await cdp.send('Profiler.stop');
    return scriptPerSecond(profile);
  } finally {
    await session.context.close();
    await server.close();
  }
}

const { items } = seedApplications(10_000, Date.now(), { withFullLog: true });
const browser = await launchBrowser();
try {
  const results = dists.map(() => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, dist] of dists.entries()) results[index].push(await idleScript(browser, dist, items));
  }
  for (const [index, dist] of dists.entries()) {
    console.log(`${dist}: script per idle second ${results[index].map((ms) => `${ms.toFixed(2)} ms`).join(', ')}`);
  }
} finally {
  await browser.close();
}
