/**
 * Makes sure the machine has a font with Hangul, for the test that Korean renders without tofu.
 * On Linux without one, it installs Debian's `fonts-nanum` when it may (as root, with apt-get).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Whether fontconfig knows a font that covers Korean; `true` off Linux, where systems ship one. */
function hasKoreanFont(): boolean {
  if (process.platform !== 'linux') return true;
  const listed = spawnSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' });
  return listed.status === 0 && listed.stdout.trim() !== '';
}

/** Installs a Korean font when none is there and this process may; says what to do otherwise. */
export function ensureKoreanFont(): void {
  if (hasKoreanFont()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.warn('No Korean font found; installing fonts-nanum for the Korean rendering test.');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'fonts-nanum'], { stdio: 'inherit', env });
  }
  if (!hasKoreanFont()) {
    throw new Error('No font with Hangul is installed: install one (Debian: apt-get install fonts-nanum) to run this test.');
  }
}
