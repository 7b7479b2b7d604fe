// Real bash for the tests of shell commands the console builds (the Token Request's curl).
import { execFile } from 'node:child_process';

/** Runs `text` with bash as it is, as a paste into a terminal would; resolves to { code, stdout, stderr }. */
export function runInBash(text) {
  return new Promise((resolve) => {
    execFile('bash', ['-c', text], { timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
