/** Reads source texts from disk for the CLI, relative to the dataset file that names them. */
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { TextLoader } from '../validation/validate.ts';

/** Describes a file-system error in words, without a stack trace. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Shows a path relative to the working folder when it lies below it. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown.startsWith('..') || shown === '' ? path : shown;
}

/** A {@link TextLoader} that reads UTF-8 files next to `datasetPath`. */
export function fileTextLoader(datasetPath: string): TextLoader {
  const folder = dirname(resolve(datasetPath));
  return async (relativePath) => {
    const path = resolve(folder, relativePath);
    const where = displayPath(path);
    try {
      const bytes = await readFile(path);
      try {
        return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), where };
      } catch {
        return { ok: false, reason: 'it is not valid UTF-8 text', where };
      }
    } catch (error) {
      return { ok: false, reason: describeFsError(error), where };
    }
  };
}
