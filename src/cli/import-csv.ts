/**
 * `npm run import-csv -- DIR [--out FILE]`: turns a folder of spreadsheets (CSV) into a dataset
 * JSON file, finding each quote in its source text to fill in its offsets, and validates it. Every
 * problem is named by file, row and column; when there is an error nothing is written. Exits 0
 * when the dataset was written, 1 when there were errors, and 2 when called wrongly.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importCsv } from '../adapters/csv.ts';
import { summarizeDataset } from '../analysis/summary.ts';
import { readArguments } from './arguments.ts';
import { formatCsvIssue, readCsvFolder } from './csv-folder.ts';
import { writeFileOrSayWhy } from './files.ts';
import { describeFsError, displayPath, fileTextLoader } from './node-text-loader.ts';
import { formatSummary, makePaint } from './report.ts';
import { runCommand } from './run-command.ts';

const USAGE = `Usage: npm run import-csv -- DIR [--out FILE]

Reads the sheets in DIR (dataset.csv, sources.csv, actors.csv, tie-types.csv, ties.csv,
evidence.csv and, optionally, layout.csv), finds each quote in its source text to fill in
start and end, validates the dataset, and writes it as JSON. Nothing is written when there
is an error.

  DIR         the folder of sheets
  --out FILE  where to write the dataset (default: DIR.json, beside the folder); "-" writes it to
              standard output. The text paths in sources.csv are relative to this file (with "-",
              to DIR.json).
  --help      show this help`;

async function main(argv: string[]): Promise<number> {
  const parsed = readArguments(argv, { out: { type: 'string', short: 'o' } }, USAGE);
  if (typeof parsed === 'number') return parsed;
  const [dir, ...extra] = parsed.positionals;
  if (dir === undefined || extra.length > 0) {
    console.error(`${dir === undefined ? 'Name the folder of sheets.' : 'Give one folder only.'}\n\n${USAGE}`);
    return 2;
  }
  const folder = resolve(dir);
  const defaultOut = `${folder}.json`;
  const toStdout = parsed.values.out === '-';
  const out = toStdout ? defaultOut : resolve(parsed.values.out ?? defaultOut);
  // With the dataset on standard output, the report goes to standard error.
  const log = toStdout ? console.error : console.log;
  const paint = makePaint((toStdout ? process.stderr : process.stdout).isTTY === true && process.env.NO_COLOR === undefined);

  try {
    if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOTDIR' ? 'it is a file, not a folder' : describeFsError(error);
    console.error(`The folder of sheets ${displayPath(folder)} could not be read: ${reason}.`);
    return 1;
  }
  const read = await readCsvFolder(folder);
  // The sheets that could not be read are left out; the import still checks all the others.
  const result = await importCsv(read.files, fileTextLoader(out));
  const unreadable = new Set(read.issues.map((issue) => issue.file));
  const issues = [
    ...read.issues,
    ...result.issues.filter((issue) => !(issue.code === 'csv-file-missing' && unreadable.has(issue.file))),
  ];
  const lines = [paint.bold(`${displayPath(folder)}/`), ...issues.map((issue) => formatCsvIssue(issue, folder, paint))];
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  if (read.issues.length > 0 || result.dataset === undefined || result.validated === undefined) {
    lines.push(paint.red(`${errors} error${errors === 1 ? '' : 's'}: nothing was written.`));
    log(lines.join('\n'));
    return 1;
  }
  const json = `${JSON.stringify(result.dataset, null, 2)}\n`;
  if (toStdout) process.stdout.write(json);
  const unwritten = toStdout ? undefined : await writeFileOrSayWhy(out, json);
  if (unwritten !== undefined) {
    lines.push(paint.red(`${displayPath(out)} could not be written: ${unwritten}. Nothing was written.`));
    log(lines.join('\n'));
    return 1;
  }
  const { found, kept, mended } = result.offsets;
  lines.push(
    `  ${paint.green('wrote  ')} ${toStdout ? 'the dataset to standard output' : displayPath(out)}: ${formatSummary(summarizeDataset(result.validated))}`,
    `          Quote offsets: ${found} found in the source text, ${kept} kept as given, ${mended} mended.`,
  );
  log(lines.join('\n'));
  return 0;
}

runCommand('import-csv', () => main(process.argv.slice(2)));
