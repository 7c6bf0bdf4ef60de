/**
 * Finds a Chromium for the browser tests, and installs one when there is none.
 *
 * The search itself (`findChromium`, shared with the CLI's PNG export) is in src/cli/chromium.ts.
 * When it finds nothing, this tries `playwright install chromium` (where downloads work) and then
 * Debian's `chromium` package (as root, where `apt-get` exists), and looks again.
 */
import { spawnSync } from 'node:child_process';
import { findChromium, isExecutable, NO_CHROMIUM } from '../../src/cli/chromium.ts';

export { CHROMIUM_ARGS } from '../../src/cli/chromium.ts';

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: 15 * 60 * 1000 });
  return result.status === 0;
}

/** Finds Chromium, installing it once if needed; throws a one-line message when that fails. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found !== undefined) return found;
  console.warn('No Chromium found; trying to install one for the browser tests.');
  run('npx', ['--yes', 'playwright-core', 'install', 'chromium']);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (findChromium() === undefined && isRoot && isExecutable('/usr/bin/apt-get')) {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
  }
  const installed = findChromium();
  if (installed === undefined) throw new Error(NO_CHROMIUM);
  return installed;
}
