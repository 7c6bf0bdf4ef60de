/** File helpers shared by the CLI commands. */
import { readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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
