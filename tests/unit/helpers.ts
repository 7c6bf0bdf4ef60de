/** Shared helpers for the unit tests: the fixture dataset, an in-memory text loader. */
import { readFileSync } from 'node:fs';
import type { DatasetInput } from '../../src/model/schema.ts';
import type { TextLoader } from '../../src/validation/validate.ts';

export const FIXTURE_JSON = 'tests/fixtures/valid/sample.json';
export const FIXTURE_TEXT = readFileSync('tests/fixtures/valid/sample.txt', 'utf8');

/** A fresh, mutable copy of the valid fixture dataset. */
export function fixture(): DatasetInput {
  return JSON.parse(readFileSync(FIXTURE_JSON, 'utf8')) as DatasetInput;
}

/** A loader that serves texts from memory and reports the rest as missing. */
export function memoryLoader(texts: Record<string, string> = { 'sample.txt': FIXTURE_TEXT }): TextLoader {
  return async (path) =>
    Object.hasOwn(texts, path)
      ? { ok: true, text: texts[path] as string, where: path }
      : { ok: false, reason: 'no such file', where: path };
}
