/**
 * What the spreadsheet import reports: each problem placed the way a spreadsheet shows it, by file,
 * row (the header is row 1) and column name, rather than by JSON path.
 */
import type { IssueCode, Severity } from '../validation/issue.ts';

/** The codes of problems only sheets can have; the validator's own codes pass through as they are. */
export type CsvIssueCode =
  | 'csv-file-missing'
  | 'csv-syntax'
  | 'csv-ragged-row'
  | 'csv-unknown-column'
  | 'csv-missing-column'
  | 'csv-duplicate-column'
  | 'csv-row-count'
  | 'csv-unknown-tie'
  | 'csv-no-evidence'
  | 'csv-duplicate-position'
  | 'csv-offsets-incomplete';

/** One problem in a set of sheets. */
export interface CsvIssue {
  /** The sheet's file name, e.g. `ties.csv`. */
  readonly file: string;
  /** The row as a spreadsheet numbers it: the header is row 1, the first data row is row 2. */
  readonly row?: number | undefined;
  /** The column's name as its header cell writes it. */
  readonly column?: string | undefined;
  readonly code: CsvIssueCode | IssueCode;
  readonly severity: Severity;
  /** A full sentence saying what is wrong and, where it can, how to mend it. */
  readonly message: string;
}

/** Says where an issue is: `ties.csv row 5, column hedge`. */
export function formatCsvPlace(issue: Pick<CsvIssue, 'file' | 'row' | 'column'>): string {
  let place = issue.file;
  if (issue.row !== undefined) place += ` row ${issue.row}`;
  if (issue.column !== undefined) place += `${issue.row === undefined ? '' : ','} column ${issue.column}`;
  return place;
}

/** True when any of the issues is an error. */
export function hasCsvErrors(issues: readonly CsvIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
