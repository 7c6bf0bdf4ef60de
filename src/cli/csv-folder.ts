/** Reading a folder of dataset sheets, and reporting their problems, for import-csv and export-csv. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CsvFiles, type CsvIssue, formatCsvPlace, SHEETS, type SheetFile } from '../adapters/csv.ts';
import { describeFsError, displayPath } from './node-text-loader.ts';
import type { Paint } from './report.ts';

/** A sheet's name compared loosely, without its extension: `Tie_Types.CSV` as `tie-types.csv`. */
function looseSheetName(name: string): string {
  return name
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[\s_-]/g, '');
}

/** What a spreadsheet program saves a workbook as, rather than CSV. */
const WORKBOOK = /\.(xlsx|xlsm|xls|ods|numbers)$/i;

/**
 * What to say of a missing sheet when a file in the folder is that sheet under a name a letter's
 * case or a dash away (`Actors.csv`, `tie_types.csv`) or saved as a workbook (`actors.xlsx`).
 */
function nearSheet(file: string, present: readonly string[]): string | undefined {
  const named = present.filter((name) => looseSheetName(name) === looseSheetName(file));
  const renamed = named.find((name) => /\.csv$/i.test(name));
  if (renamed !== undefined) return `The sheet ${file} is missing, but ${renamed} is here: rename it ${file}.`;
  const workbook = named.find((name) => WORKBOOK.test(name));
  if (workbook !== undefined)
    return `The sheet ${file} is missing, but ${workbook} is here: save it as "CSV UTF-8", named ${file}.`;
  return undefined;
}

/** The sheets found in `folder`; sheets that do not exist are left out, for the import to report. */
export async function readCsvFolder(folder: string): Promise<{ files: CsvFiles; issues: CsvIssue[] }> {
  const files: Partial<Record<SheetFile, string>> = {};
  const issues: CsvIssue[] = [];
  const present = await readdir(folder).catch(() => [] as string[]);
  for (const { file } of Object.values(SHEETS)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(folder, file));
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') {
        // Named here, rather than called missing by the import (or, for layout.csv, passed over).
        const message = nearSheet(file, present);
        if (message !== undefined) issues.push({ file, code: 'csv-file-missing', severity: 'error', message });
        continue;
      }
      issues.push({
        file,
        code: 'csv-file-missing',
        severity: 'error',
        message: `It could not be read: ${describeFsError(error)}.`,
      });
      continue;
    }
    try {
      files[file] = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const message =
        'It is not UTF-8 text. Save it as "CSV UTF-8" (Excel) or export it as CSV from Google Sheets or LibreOffice.';
      issues.push({ file, code: 'csv-syntax', severity: 'error', message });
    }
  }
  return { files, issues };
}

/** One issue as two lines, as `npm run validate` prints them: severity, place and code, then the message. */
export function formatCsvIssue(issue: CsvIssue, folder: string, paint: Paint): string {
  const label = issue.severity === 'error' ? paint.red('error  ') : paint.yellow('warning');
  const place = formatCsvPlace({ ...issue, file: displayPath(join(folder, issue.file)) });
  return `  ${label} ${paint.bold(place)} ${paint.dim(`[${issue.code}]`)}\n          ${issue.message}`;
}
