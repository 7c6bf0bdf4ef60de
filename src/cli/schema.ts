/** `npm run schema [-- --check]`: writes the JSON Schema, or checks that the committed one is current. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './files.ts';
import { buildJsonSchemaText, SCHEMA_PATH } from './json-schema.ts';
import { runCommand } from './run-command.ts';
import { PROJECT_ROOT } from './working-folder.ts';

async function main(): Promise<number> {
  const text = buildJsonSchemaText();
  if (process.argv.includes('--check')) {
    const committed = await readFile(join(PROJECT_ROOT, SCHEMA_PATH), 'utf8').catch(() => '');
    if (committed === text) return 0;
    console.error(`${SCHEMA_PATH} is out of date: run \`npm run schema\` and commit it.`);
    return 1;
  }
  await writeFileAtomic(join(PROJECT_ROOT, SCHEMA_PATH), text);
  console.log(`Wrote ${SCHEMA_PATH}.`);
  return 0;
}

runCommand('schema', main);
