// How this project launches Chromium: Debian's /usr/bin/chromium (never a downloaded browser, see
// TOOLCHAIN.md) with the flags verified on this machine. Shared by the end-to-end suite
// (playwright.config.mjs), the benchmark and the profiler so they measure the same browser.

/** Without the background-networking flags the closed network makes Chromium noisy. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * With two windows open, headless Chromium (156, software compositing) intermittently gives one of
 * them a single animation frame a second. Playwright's actionability checks wait for animation
 * frames and the browser dispatches a dialog's close event at one, so that window's every step
 * would lag by a second and a closed dialog would linger. Measured here: with both of these flags
 * both windows render every frame; with either alone, or with none, they do not.
 */
export const TWO_WINDOW_ARGS = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

/** Launch options for playwright's `chromium.launch` (or `use.launchOptions`), plus `extraArgs`. */
export function chromiumLaunchOptions(extraArgs = []) {
  return {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  };
}
