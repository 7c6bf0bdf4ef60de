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
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file stands where a folder is needed';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the file system is read-only';
  return error instanceof Error ? error.message : String(error);
}

/** A file's text, or why it could not be read, in words. */
export type FileTextResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string; readonly code: 'file-not-found' | 'invalid-encoding' };

/**
 * Reads a file as UTF-8, strictly: a byte that is not UTF-8 (a file saved as Latin-1, say) is an
 * error naming its line, never silently replaced by U+FFFD, which a rewrite would then store.
 * With `keepBom`, a byte order mark stays at the start of the text, so that a rewrite keeps it.
 */
export async function readUtf8File(path: string, { keepBom = false } = {}): Promise<FileTextResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, reason: describeFsError(error), code: 'file-not-found' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: keepBom }).decode(bytes) };
  } catch {
    const line = firstNonUtf8Line(bytes);
    return { ok: false, reason: `it is not UTF-8 text: line ${line} holds a byte that is not UTF-8`, code: 'invalid-encoding' };
  }
}

/** The number (from 1) of the first line of `bytes` that is not valid UTF-8. */
function firstNonUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    try {
      decoder.decode(bytes.subarray(start, end === -1 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end === -1) return line;
    line++;
    start = end + 1;
  }
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
    const read = await readUtf8File(path);
    return read.ok ? { ok: true, text: read.text, where } : { ok: false, reason: read.reason, where };
  };
}
