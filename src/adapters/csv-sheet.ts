/**
 * Reads and writes one sheet of CSV with csv-parse and csv-stringify, strictly: malformed quoting,
 * rows with too many or too few cells, and unknown, missing or repeated columns are all reported
 * by file, row and column. Rows are numbered the way a spreadsheet shows them (the header is row 1).
 */
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { CsvIssue } from './csv-issue.ts';

/** The columns one sheet may and must have. */
export interface SheetSpec {
  readonly file: string;
  /** The columns the sheet may have, in the order export writes them. */
  readonly columns: readonly string[];
  /** The columns it must have. */
  readonly required: readonly string[];
  /** Columns named by a pattern rather than listed, such as `name:ko`. */
  readonly extra?: RegExp | undefined;
}

/** One data row: its spreadsheet row number and its cells by column name. */
export interface SheetRow {
  readonly row: number;
  readonly cells: ReadonlyMap<string, string>;
}

/** A parsed sheet: its known columns in file order, and its rows that are not blank. */
export interface Sheet {
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: readonly SheetRow[];
}

/**
 * A cell that Excel, LibreOffice or Google Sheets would take for a formula (`=`, `+`, `-`, `@`),
 * or whose leading tab or carriage return they may act on. Such text is written after an
 * apostrophe, which spreadsheets show as text and never run (OWASP's advice against CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as `numberCell` writes it (`-12.5`, `-1e-7`): left as it is, so that it stays a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[+-]\d+)?$/;

/**
 * Guards a cell for writing: text a spreadsheet would run as a formula gets a leading `'`, and so
 * does text that starts with `'` already, so that reading takes exactly one off every cell.
 */
export function protectCell(cell: string): string {
  const risky = FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell);
  return risky || cell.startsWith("'") ? `'${cell}` : cell;
}

/** Reads a cell written by {@link protectCell}: one leading `'`, if there is one, is taken off. */
export function unprotectCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** The spreadsheet letter of a zero-based column index: A, B, …, Z, AA, AB, … */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Column names compared loosely, to suggest `layoutSeed` for `Layout seed`. */
function loose(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, '');
}

/** Words a csv-parse error for an author, without the parser's internals. */
function describeSyntaxError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted cell starts here and is never closed: add the closing double quote (").';
    case 'INVALID_OPENING_QUOTE':
      return 'A double quote (") stands inside a cell that does not start with one. Put the whole cell in double quotes and double each quote inside it ("").';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'A quoted cell goes on after its closing double quote. Double each quote inside a quoted cell ("").';
    default:
      return `The file is not valid CSV: ${error.message}.`;
  }
}

/**
 * The line (from 1) on which the quote that is still open at the end of `text` was opened. Each
 * double quote opens or closes a quoted cell; a doubled one inside a cell closes and reopens it
 * on the same line, so the count stays right.
 */
export function unclosedQuoteLine(text: string): number {
  let line = 1;
  let openedOn = 1;
  let quoted = false;
  for (const char of text) {
    if (char === '\n') line++;
    else if (char === '"') {
      quoted = !quoted;
      if (quoted) openedOn = line;
    }
  }
  return openedOn;
}

/**
 * Any line end ends a row. csv-parse otherwise takes the first one it meets for the whole file, so
 * a sheet whose lines were typed in two editors (CRLF, then LF) kept a stray "\r" at the end of
 * a row's last cell, or ran two rows into one.
 */
const LINE_ENDS = ['\r\n', '\n', '\r'];

/** Parses CSV text, or says where and why it is malformed. */
function parseRecords(file: string, text: string): { records: string[][] } | { issue: CsvIssue } {
  try {
    return { records: parse(text, { bom: true, relax_column_count: true, record_delimiter: LINE_ENDS }) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = Number(error.records ?? 0) + 1;
    // csv-parse gives the line where it gave up, which for a quote never closed is the end of the
    // file; the author needs the line where that quote opened.
    const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(text) : Number(error.lines ?? row);
    const index = typeof error.index === 'number' ? error.index : undefined;
    let column: string | undefined;
    if (row > 1 && index !== undefined) {
      // Name the column by its header when the header itself parsed.
      try {
        column = parse(text, { bom: true, to: 1, record_delimiter: LINE_ENDS })[0]?.[index]?.trim() || columnLetter(index);
      } catch {
        column = columnLetter(index);
      }
    }
    const where = line === row ? '' : ` (line ${line} of the file)`;
    return {
      issue: { file, row, column, code: 'csv-syntax', severity: 'error', message: `${describeSyntaxError(error)}${where}` },
    };
  }
}

/**
 * The separator of a sheet saved with semicolons or tabs instead of commas, or undefined. Every
 * sheet needs at least two columns, so a header with no comma but one of these was saved so;
 * read as commas, it would be one column named "id;kind;name", and every row a misleading error.
 */
function otherSeparator(text: string): { plural: string } | undefined {
  const header = /^\uFEFF?([^\r\n]*)/.exec(text)?.[1] ?? '';
  if (header.includes(',')) return undefined;
  if (header.includes(';')) return { plural: 'semicolons (;)' };
  if (header.includes('\t')) return { plural: 'tabs' };
  return undefined;
}

/** Parses one sheet against its spec. The sheet comes back only when it has no errors. */
export function parseSheet(spec: SheetSpec, text: string): { sheet?: Sheet | undefined; issues: CsvIssue[] } {
  const { file } = spec;
  const separator = otherSeparator(text);
  if (separator !== undefined) {
    const message =
      `Row 1 holds no comma but ${separator.plural}: the sheet seems to be separated by ${separator.plural}, as Excel saves "CSV" in some languages. ` +
      'Save it as "CSV UTF-8 (Comma delimited)", or export it as CSV from Google Sheets or LibreOffice with the comma as separator.';
    return { issues: [{ file, row: 1, code: 'csv-syntax', severity: 'error', message }] };
  }
  const parsed = parseRecords(file, text);
  if ('issue' in parsed) return { issues: [parsed.issue] };
  const [header, ...body] = parsed.records;
  if (header === undefined || header.every((cell) => cell.trim() === '')) {
    const message = `The sheet is empty: its first row must name its columns (${spec.required.join(', ')}).`;
    return { issues: [{ file, row: 1, code: 'csv-missing-column', severity: 'error', message }] };
  }
  const issues: CsvIssue[] = [];
  const error = (code: CsvIssue['code'], message: string, row?: number, column?: string) =>
    issues.push({ file, row, column, code, severity: 'error', message });

  const names = header.map((cell) => cell.trim());
  const used = new Map<string, number>();
  /** The columns by name, and language columns by their name in lowercase. */
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    if (name === '') {
      // Spreadsheets often save empty trailing columns; only one that holds something needs a name.
      const filled = body.findIndex((record) => (record[index] ?? '') !== '');
      if (filled !== -1) {
        error('csv-unknown-column', `Column ${columnLetter(index)} has values but no name in row 1.`, 1, columnLetter(index));
      }
      return;
    }
    if (name.startsWith('#')) return;
    if (!spec.columns.includes(name) && !(spec.extra?.test(name) ?? false)) {
      const close = spec.columns.find((known) => loose(known) === loose(name));
      const hint = close === undefined ? ` The columns of ${file} are: ${spec.columns.join(', ')}.` : ` Did you mean "${close}"?`;
      error(
        'csv-unknown-column',
        `"${name}" is not a column of ${file}.${hint} Start a column's name with # to keep notes in it.`,
        1,
        name,
      );
      return;
    }
    // A language tag is the same in any case, and the dataset writes its language in lowercase:
    // `name:KO` is the column `name:ko`, and `label:ZH-Hant` is `label:zh-Hant`.
    const language = spec.extra?.test(name) ?? false;
    const column = language ? name.replace(/:[a-z]{2,3}(?=-|$)/i, (tag) => tag.toLowerCase()) : name;
    // Two tags that differ only in case are one language (`label:en-GB`, `label:EN-gb`).
    const key = language ? name.toLowerCase() : name;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const first = names[earlier];
      error(
        'csv-duplicate-column',
        first === name
          ? `The column "${name}" appears twice, in columns ${columnLetter(earlier)} and ${columnLetter(index)}.`
          : `The columns "${first}" and "${name}" (${columnLetter(earlier)} and ${columnLetter(index)}) are the same: a language tag is the same in any case.`,
        1,
        name,
      );
      return;
    }
    seen.set(key, index);
    used.set(column, index);
  });
  for (const name of spec.required) {
    if (!used.has(name)) error('csv-missing-column', `The required column "${name}" is missing from row 1.`, 1, name);
  }

  const rows: SheetRow[] = [];
  body.forEach((record, index) => {
    const row = index + 2;
    if (record.every((cell) => cell === '')) return;
    if (record.length !== header.length) {
      error(
        'csv-ragged-row',
        `This row has ${record.length} cell${record.length === 1 ? '' : 's'} but the header has ${header.length}. A cell holding a comma or a line break must be in double quotes.`,
        row,
      );
      return;
    }
    rows.push({ row, cells: new Map([...used].map(([name, at]) => [name, unprotectCell(record[at] as string)])) });
  });
  if (issues.length > 0) return { issues };
  return { sheet: { file, columns: [...used.keys()], rows }, issues };
}

/**
 * Writes a sheet as CSV. The text starts with a byte-order mark, which Excel needs to read UTF-8
 * (Korean names, curly quotes) correctly; cells with leading or trailing space are quoted so that
 * no program trims them; and no cell can run as a formula (see {@link protectCell}).
 */
export function writeSheet(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([columns, ...rows.map((row) => row.map(protectCell))], { bom: true, quoted_match: /^\s|\s$/ });
}
