import { invocationFolder } from './working-folder.ts';

/**
 * Runs a CLI command's main function the same way for every command: its number becomes the exit
 * code, and anything it throws becomes one sentence on stderr, never a stack trace. It runs in the
 * folder the command was typed in, even under `npm run`, so that relative paths mean what the
 * author meant (see {@link invocationFolder}).
 */
export function runCommand(name: string, main: () => Promise<number>): void {
  process.chdir(invocationFolder(name, process.env, process.cwd()));
  // A reader that stops early (`npm run validate | head`) closes the pipe; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`${name} stopped: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
