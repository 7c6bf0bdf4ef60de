/**
 * Finds a Chromium on this machine, for the commands and tests that drive the built widget in a
 * headless browser. The search order is: `CHROMIUM_PATH`, then a system Chromium or Chrome, then
 * the browser that Playwright downloaded.
 */
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

/** What to do when no Chromium is found; the tests and the CLI say the same. */
export const NO_CHROMIUM =
  'No Chromium found: set CHROMIUM_PATH, install Chromium (Debian: apt-get install chromium), or run `npx playwright install chromium`.';

/** Whether `path` names a file this process may run. */
export function isExecutable(path: string | undefined): path is string {
  if (path === undefined || path === '') return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first Chromium found, or `undefined`; throws when `CHROMIUM_PATH` names no executable. */
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
