/**
 * Finds a Chromium for the browser tests, and installs one when there is none.
 *
 * The search order is: `CHROMIUM_PATH`, then a system Chromium or Chrome, then the browser that
 * Playwright downloaded. When none is found it tries `playwright install chromium` (where downloads
 * work) and then Debian's `chromium` package (as root, where `apt-get` exists), and looks again.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chromium } from 'playwright-core';

/** Flags that keep headless Chromium quiet and working on machines without a network or GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const HOW_TO_GET_ONE =
  'No Chromium found for the browser tests: set CHROMIUM_PATH, install Chromium (Debian: apt-get install chromium), or run `npx playwright install chromium`.';

function isExecutable(path: string | undefined): path is string {
  if (path === undefined || path === '') return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first Chromium found, or `undefined`. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no executable is there.`);
  }
  const system = SYSTEM_BROWSERS.find(isExecutable);
  if (system !== undefined) return system;
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  return isExecutable(bundled) ? bundled : undefined;
}

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
  if (installed === undefined) throw new Error(HOW_TO_GET_ONE);
  return installed;
}
