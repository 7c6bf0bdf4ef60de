/**
 * Reading a command's arguments the same way for every command: `--help` prints the usage and
 * stops with 0; arguments it cannot read, and options given an empty value, print what is wrong,
 * then the usage, and stop with 2.
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

/** What `readArguments` read: the options' values and the other arguments. */
export type ReadArguments<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: T; allowPositionals: true }>
>;

/** The parsed arguments, or the exit code to stop with after `--help` or a mistake. */
export function readArguments<T extends ParseArgsOptionsConfig>(
  argv: string[],
  options: T,
  usage: string,
): ReadArguments<T> | number {
  let parsed: ReadArguments<T>;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help === true) {
    console.log(usage);
    return 0;
  }
  // An empty value (`--out "$DIR"` with DIR unset) is a slip, never a choice: as a path it would
  // mean the working folder, where export-csv would then write its sheets.
  const empty = Object.entries(parsed.values).find(([, value]) => value === '');
  if (empty !== undefined) {
    console.error(`--${empty[0]} is empty: give it a value.\n\n${usage}`);
    return 2;
  }
  return parsed;
}
