/** File helpers shared by the CLI commands. */
import { readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { describeFsError, displayPath } from './node-text-loader.ts';

/** The datasets in a folder: its `.json` files, less JSON Schemas. */
export async function datasetsIn(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  return names
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => join(folder, name));
}

/** Writes a file (text as UTF-8) atomically: a temporary file beside it, then a rename over it. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, content, typeof content === 'string' ? 'utf8' : null);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes a file as {@link writeFileAtomic} does, and says why in words when it cannot (the
 * file's folder is read-only, say) instead of throwing, so that a command can go on with its
 * other files.
 */
export async function writeFileOrSayWhy(path: string, content: string | Uint8Array): Promise<string | undefined> {
  try {
    await writeFileAtomic(path, content);
    return undefined;
  } catch (error) {
    // Writing, "no such file" can only be the folder: the file is about to be made.
    if ((error as { code?: string }).code === 'ENOENT') return `there is no folder ${displayPath(resolve(dirname(path)))}`;
    return describeFsError(error);
  }
}

const BOM = '\uFEFF';

/**
 * `value` as the JSON text of a file that was `original`, in its style: the same indentation, line
 * endings and byte order mark, so that rewriting a file changes only what it must.
 */
export function formatJsonLike(original: string, value: unknown): string {
  const indent = /\n([ \t]+)"/.exec(original)?.[1] ?? 2;
  const json = `${JSON.stringify(value, null, indent)}\n`;
  return (original.startsWith(BOM) ? BOM : '') + (original.includes('\r\n') ? json.replace(/\n/g, '\r\n') : json);
}
