/**
 * The folder an author typed a command in. `npm run` starts every script in the project's root,
 * whatever folder it was typed in, and keeps that folder in `INIT_CWD`; a path the author gives
 * (`npm run validate -- my.json`, typed in `graph-data/`) means a path from there.
 */
import { fileURLToPath } from 'node:url';

/** The project's root folder, where `graph-data/` and `dist/` are, wherever a command runs. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The folder `command`'s path arguments are relative to: `INIT_CWD` when npm started this very
 * command, else the working folder. Every process below `npm run` inherits `INIT_CWD` (a test
 * that spawns a command in a folder of its own, say), so it counts only when `npm_lifecycle_event`
 * names the command.
 */
export function invocationFolder(command: string, env: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const typedIn = env.INIT_CWD;
  return env.npm_lifecycle_event === command && typedIn !== undefined && typedIn !== '' ? typedIn : cwd;
}
