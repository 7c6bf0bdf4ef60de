/**
 * `npm run export-csv -- FILE.json [--out DIR]`: writes a dataset as a folder of spreadsheets
 * (CSV), the reverse of `import-csv`; importing the folder back gives the same dataset. Exits 0
 * when the sheets were written, 1 when the dataset could not be read, and 2 when called wrongly.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { exportCsv, exportLosses } from '../adapters/csv.ts';
import type { DatasetInput } from '../model/schema.ts';
import { countIssues } from '../validation/issue.ts';
import { formatJsonPath } from '../validation/json-path.ts';
import { validateDatasetText } from '../validation/validate-text.ts';
import { readArguments } from './arguments.ts';
import { writeFileAtomic } from './files.ts';
import { describeFsError, displayPath, fileTextLoader, readUtf8File } from './node-text-loader.ts';
import { counted, makePaint, shellArgument } from './report.ts';
import { runCommand } from './run-command.ts';

const USAGE = `Usage: npm run export-csv -- FILE.json [--out DIR]

Writes the dataset in FILE.json as spreadsheets: dataset.csv, sources.csv, actors.csv,
tie-types.csv, ties.csv, evidence.csv and layout.csv. Edit them, then read them back with
npm run import-csv -- DIR.

  --out DIR  the folder to write the sheets into (default: FILE without .json); it is created
             when missing, and the seven sheets in it are replaced
  --help     show this help`;

async function main(argv: string[]): Promise<number> {
  const parsed = readArguments(argv, { out: { type: 'string', short: 'o' } }, USAGE);
  if (typeof parsed === 'number') return parsed;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    console.error(`${file === undefined ? 'Name the dataset file to export.' : 'Give one dataset file only.'}\n\n${USAGE}`);
    return 2;
  }
  const path = resolve(file);
  const folder = resolve(parsed.values.out ?? path.replace(/\.json$/i, ''));
  if (folder === path) {
    console.error(`Give the folder to write the sheets into with --out: ${displayPath(path)} does not end in .json.`);
    return 2;
  }
  const paint = makePaint(process.stdout.isTTY === true && process.env.NO_COLOR === undefined);
  const read = await readUtf8File(path);
  if (!read.ok) {
    console.error(`The dataset file ${displayPath(path)} could not be read: ${read.reason}.`);
    return 1;
  }
  const text = read.text;
  const report = await validateDatasetText(text, fileTextLoader(path));
  const { errors } = countIssues(report.issues);
  // A key written twice has lost its first value before the sheets could carry it: refused, not carried.
  const repeated = report.issues.filter((issue) => issue.code === 'duplicate-key').length;
  if (report.dataset === undefined || report.json === undefined || repeated > 0) {
    console.error(
      `${displayPath(path)} is not a well-formed dataset (${errors} error${errors === 1 ? '' : 's'}); run npm run validate -- ${shellArgument(displayPath(path))} and mend it first.`,
    );
    return 1;
  }
  // The file as written, not the validator's output, so that defaults it fills in stay out.
  const dataset = report.json.value as DatasetInput;
  const lines: string[] = [paint.bold(displayPath(path))];
  if (errors > 0) {
    lines.push(
      `  ${paint.yellow('note   ')} The dataset has ${errors} error${errors === 1 ? '' : 's'} (npm run validate -- ${shellArgument(displayPath(path))}); the sheets carry ${errors === 1 ? 'it' : 'them'} over, and import-csv will report ${errors === 1 ? 'it' : 'them'} by row.`,
    );
  }
  const sheets = exportCsv(dataset);
  for (const lost of exportLosses(dataset, sheets)) {
    lines.push(
      `  ${paint.yellow('warning')} ${paint.bold(formatJsonPath(lost))}\n          This value will not come back the same from the sheets (list items lose the space around them).`,
    );
  }

  try {
    await mkdir(folder, { recursive: true });
    for (const [name, csv] of Object.entries(sheets)) await writeFileAtomic(join(folder, name), csv);
  } catch (error) {
    lines.push(
      `  ${paint.red('error  ')} The sheets could not be written to ${displayPath(folder)}/: ${describeFsError(error)}.`,
    );
    console.log(lines.join('\n'));
    return 1;
  }
  // The text paths in sources.csv are relative to the dataset file, so importing must write it back in the same folder.
  const back =
    resolve(`${folder}.json`) === path
      ? `npm run import-csv -- ${shellArgument(displayPath(folder))}`
      : `npm run import-csv -- ${shellArgument(displayPath(folder))} --out ${shellArgument(displayPath(path))}`;
  const quotes = dataset.ties.reduce((sum, tie) => sum + tie.evidence.length, 0);
  lines.push(
    `  ${paint.green('wrote  ')} ${Object.keys(sheets).length} sheets to ${displayPath(folder)}/: ${counted(dataset.actors.length, 'actor')}, ${counted(dataset.tieTypes.length, 'tie type')}, ${counted(dataset.ties.length, 'tie')}, ${counted(quotes, 'quote')}.`,
    `          Read them back with: ${back}`,
  );
  console.log(lines.join('\n'));
  return 0;
}

runCommand('export-csv', () => main(process.argv.slice(2)));
