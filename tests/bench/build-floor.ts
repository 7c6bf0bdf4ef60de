/** Builds the floor bundle and says where it is: the benchmark and the bundle budget both need it. */
import { execFileSync } from 'node:child_process';

export const FLOOR_BUNDLE = 'node_modules/.bench/floor/floor.js';

export function buildFloor(): string {
  execFileSync(process.execPath, [
    'node_modules/vite/bin/vite.js',
    'build',
    '--config',
    'tests/bench/floor.vite.config.ts',
    '--logLevel',
    'error',
  ]);
  return FLOOR_BUNDLE;
}
