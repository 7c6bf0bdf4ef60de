/** Reading a folder of dataset sheets, and reporting their problems, for import-csv and export-csv. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CsvFiles, type CsvIssue, formatCsvPlace, SHEETS, type SheetFile } from '../adapters/csv.ts';
import { describeFsError, displayPath } from './node-text-loader.ts';
import type { Paint } from './report.ts';

/** The sheets found in `folder`; sheets that do not exist are left out, for the import to report. */
export async function readCsvFolder(folder: string): Promise<{ files: CsvFiles; issues: CsvIssue[] }> {
  const files: Partial<Record<SheetFile, string>> = {};
  const issues: CsvIssue[] = [];
  for (const { file } of Object.values(SHEETS)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(folder, file));
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') continue;
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
