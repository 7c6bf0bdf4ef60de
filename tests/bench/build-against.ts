/**
 * Builds the widget as it was at another commit, for `npm run bench -- --against REF`: the
 * commit's files are unpacked into a temporary folder and built there with this checkout's
 * node_modules (so a commit with other dependencies is built with these).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Builds `ref` and says where its dist/ is, and which commit it is. */
export function buildAgainst(ref: string): { dist: string; commit: string } {
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`--against "${ref}" names no commit of this repository`);
  }
  const folder = join(tmpdir(), `actor-graph-against-${commit.slice(0, 12)}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const archive = execFileSync('git', ['archive', '--format=tar', commit], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', folder], { input: archive });
  symlinkSync(resolve('node_modules'), join(folder, 'node_modules'), 'dir');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: folder, stdio: 'ignore' });
  return { dist: join(folder, 'dist'), commit };
}
