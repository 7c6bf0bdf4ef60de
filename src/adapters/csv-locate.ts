/**
 * Maps the JSON paths of the validator's issues back to the sheets the dataset came from, so that
 * `ties[3].hedge` is reported as `ties.csv row 5, column hedge`.
 */
import type { ValidationIssue } from '../validation/issue.ts';
import type { JsonPath } from '../validation/json-path.ts';
import { LABEL_COLUMN_PREFIX, NAME_COLUMN_PREFIX, SHEETS } from './csv-columns.ts';
import type { CsvIssue } from './csv-issue.ts';

/** The spreadsheet row each part of the dataset was read from. */
export interface RowOrigins {
  readonly datasetRow: number;
  readonly sources: readonly number[];
  readonly actors: readonly number[];
  readonly tieTypes: readonly number[];
  readonly ties: readonly number[];
  /** By tie index, then quote index. */
  readonly evidence: readonly (readonly number[])[];
  /** By actor id. */
  readonly layout: ReadonlyMap<string, number>;
}

type Place = Pick<CsvIssue, 'file' | 'row' | 'column'>;

const LISTS = { sources: SHEETS.sources, actors: SHEETS.actors, tieTypes: SHEETS.tieTypes, ties: SHEETS.ties } as const;

/** The column a field of a list item was read from. */
function columnOf(key: keyof typeof LISTS, rest: JsonPath): string | undefined {
  const [field, next] = rest;
  if (typeof field !== 'string') return undefined;
  if (key === 'actors' && field === 'names') return typeof next === 'string' ? `${NAME_COLUMN_PREFIX}${next}` : undefined;
  if (key === 'tieTypes' && field === 'labels') return typeof next === 'string' ? `${LABEL_COLUMN_PREFIX}${next}` : undefined;
  if (key === 'ties' && field === 'period') return typeof next === 'string' ? next : 'from';
  return field;
}

/** Where the value at `path` was read from: the file, and the row and column when they are known. */
export function locatePath(origins: RowOrigins, path: JsonPath): Place {
  const [head, index, ...rest] = path;
  if (head === 'layout') {
    if (index === 'positions') {
      const [id, axis] = rest;
      const row = typeof id === 'string' ? origins.layout.get(id) : undefined;
      return {
        file: SHEETS.layout.file,
        row,
        column: axis === 0 ? 'x' : axis === 1 ? 'y' : row === undefined ? undefined : 'actor',
      };
    }
    return { file: SHEETS.dataset.file, row: origins.datasetRow, column: 'layoutSeed' };
  }
  if (head === 'sources' || head === 'actors' || head === 'tieTypes' || head === 'ties') {
    const file = LISTS[head].file;
    if (typeof index !== 'number') return { file };
    if (head === 'ties' && rest[0] === 'evidence' && typeof rest[1] === 'number') {
      const row = origins.evidence[index]?.[rest[1]];
      return { file: SHEETS.evidence.file, row, column: typeof rest[2] === 'string' ? rest[2] : undefined };
    }
    return { file, row: origins[head][index], column: columnOf(head, rest) };
  }
  if (typeof head === 'string') return { file: SHEETS.dataset.file, row: origins.datasetRow, column: head };
  return { file: SHEETS.dataset.file };
}

/** Rewrites the JSON paths inside a message (`actors[2]`) as rows (`actors.csv row 4`). */
function rewordPaths(origins: RowOrigins, message: string): string {
  return message.replace(/\b(sources|actors|tieTypes|ties)\[(\d+)\]/g, (match, key: keyof typeof LISTS, index: string) => {
    const row = origins[key][Number(index)];
    return row === undefined ? match : `${LISTS[key].file} row ${row}`;
  });
}

/** A validator issue, placed in the sheets and worded for them. */
export function toCsvIssue(origins: RowOrigins, issue: ValidationIssue): CsvIssue {
  const place = locatePath(origins, issue.path);
  let message = rewordPaths(origins, issue.message);
  const missing = /^The required field "([^"]+)" is missing\.$/.exec(message);
  if (missing !== null && place.column !== undefined) message = `This cell is empty, but "${missing[1]}" is required.`;
  return { ...place, code: issue.code, severity: issue.severity, message };
}
