/**
 * A dataset as spreadsheets, both ways: {@link exportCsv} writes a dataset as CSV sheets, and
 * {@link importCsv} reads the sheets back, finds each quote in its source text to fill in its
 * offsets, and runs the full validator, reporting every problem by file, row and column.
 * Nothing here touches the file system: texts come in as strings and source texts through a
 * {@link TextLoader}, as in the validator.
 *
 * The sheets (see `SHEETS`): `dataset.csv` (one row: id, title, description, $schema, layoutSeed),
 * `sources.csv`, `actors.csv` (aliases and members as lists separated by `|`, localized names in
 * columns such as `name:ko`), `tie-types.csv` (localized labels in columns such as `label:ko`),
 * `ties.csv` (the period as `from` and `to`), `evidence.csv` (one quote a row, naming its tie) and,
 * optionally, `layout.csv` (actor, x, y).
 */
import type { Dataset, DatasetInput, Evidence } from '../model/schema.ts';
import type { ValidationIssue } from '../validation/issue.ts';
import type { JsonPath } from '../validation/json-path.ts';
import {
  checkEvidence,
  checkTextDigest,
  memoizeTextLoader,
  sha256Hex,
  type TextLoader,
  validateDataset,
} from '../validation/validate.ts';
import {
  type CsvFiles,
  LABEL_COLUMN_PREFIX,
  languageTags,
  listCell,
  NAME_COLUMN_PREFIX,
  numberCell,
  parseBooleanCell,
  parseListCell,
  parseNumberCell,
  SHEETS,
  type SheetFile,
  type SheetKey,
} from './csv-columns.ts';
import { type CsvIssue, hasCsvErrors } from './csv-issue.ts';
import { type RowOrigins, toCsvIssue } from './csv-locate.ts';
import { type DraftQuote, fillOffsets } from './csv-offsets.ts';
import { parseSheet, type Sheet, type SheetRow, writeSheet } from './csv-sheet.ts';

export { type CsvFiles, SHEETS, type SheetFile } from './csv-columns.ts';
export { type CsvIssue, formatCsvPlace } from './csv-issue.ts';

/** Writes a dataset as the text of each sheet, by file name. */
export function exportCsv(dataset: DatasetInput): Record<SheetFile, string> {
  const tags = languageTags(dataset.actors.map((actor) => actor.names));
  const labelTags = languageTags(dataset.tieTypes.map((type) => type.labels));
  const text = (value: string | undefined) => value ?? '';
  return {
    [SHEETS.dataset.file]: writeSheet(SHEETS.dataset.columns, [
      [dataset.id, dataset.title, text(dataset.description), text(dataset.$schema), numberCell(dataset.layout?.seed)],
    ]),
    [SHEETS.sources.file]: writeSheet(
      SHEETS.sources.columns,
      dataset.sources.map((s) => [s.id, s.title, s.author, s.publisher, s.date, text(s.url), s.text, s.sha256]),
    ),
    [SHEETS.actors.file]: writeSheet(
      [...SHEETS.actors.columns, ...tags.map((tag) => `${NAME_COLUMN_PREFIX}${tag}`)],
      dataset.actors.map((a) => [
        a.id,
        a.kind,
        a.name,
        listCell(a.aliases),
        listCell(a.members),
        ...tags.map((tag) => text(a.names?.[tag])),
      ]),
    ),
    [SHEETS.tieTypes.file]: writeSheet(
      [...SHEETS.tieTypes.columns, ...labelTags.map((tag) => `${LABEL_COLUMN_PREFIX}${tag}`)],
      dataset.tieTypes.map((t) => [
        t.id,
        t.label,
        t.category,
        String(t.directed),
        text(t.description),
        text(t.cameo),
        text(t.plover),
        ...labelTags.map((tag) => text(t.labels?.[tag])),
      ]),
    ),
    [SHEETS.ties.file]: writeSheet(
      SHEETS.ties.columns,
      dataset.ties.map((t) => [
        t.id,
        t.source,
        t.target,
        t.type,
        t.status,
        t.hedge,
        text(t.period?.from),
        text(t.period?.to),
        text(t.note),
      ]),
    ),
    [SHEETS.evidence.file]: writeSheet(
      SHEETS.evidence.columns,
      dataset.ties.flatMap((t) =>
        t.evidence.map((q) => [t.id, q.source, q.exact, text(q.prefix), text(q.suffix), numberCell(q.start), numberCell(q.end)]),
      ),
    ),
    [SHEETS.layout.file]: writeSheet(
      SHEETS.layout.columns,
      Object.entries(dataset.layout?.positions ?? {}).map(([id, [x, y]]) => [id, numberCell(x), numberCell(y)]),
    ),
  };
}

type Draft = Record<string, unknown>;

/**
 * Sets an own property, as JSON.parse does, even for keys such as `__proto__` that a cell may hold
 * (assigning one would change the object's prototype instead, and the validator would never see it).
 */
function setOwn(target: Draft, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** An object of the fields that have a value, in the order given. */
function fields(entries: readonly (readonly [string, unknown])[]): Draft {
  const out: Draft = {};
  for (const [key, value] of entries) if (value !== undefined) setOwn(out, key, value);
  return out;
}

const cell = (row: SheetRow, column: string): string | undefined => {
  const value = row.cells.get(column) ?? '';
  return value === '' ? undefined : value;
};

/**
 * The localized texts of a row, by language tag, from the sheet's columns that start with `prefix`
 * (`name:ko` → `ko`); undefined when the row has none.
 */
function localized(sheet: Sheet, row: SheetRow, prefix: string): Draft | undefined {
  const columns = sheet.columns.filter((column) => column.startsWith(prefix));
  const texts = fields(columns.map((column) => [column.slice(prefix.length), cell(row, column)]));
  return Object.keys(texts).length > 0 ? texts : undefined;
}

/** The sheets read into a dataset whose quotes may still lack offsets. */
interface ReadResult {
  /** The dataset, set only when every sheet could be read, for the validator to check whole. */
  readonly draft?: Draft | undefined;
  /** The sources of `sources.csv` (none when it could not be read), the draft's own objects. */
  readonly sources: Draft[];
  /**
   * The quotes of `evidence.csv`, by tie in the order of `ties.csv`; when `ties.csv` could not be
   * read, each quote is a group of its own, so that it is still found in its text.
   */
  readonly quotes: DraftQuote[][];
  /** The tie id of each group of `quotes`. */
  readonly quoteTies: readonly (string | undefined)[];
  readonly origins: RowOrigins;
  readonly issues: CsvIssue[];
  /** Paths whose validator issues repeat a problem already reported here. */
  readonly suppress: JsonPath[];
}

/** Reads every sheet; a sheet that is missing or broken is left out, and its problems reported. */
function readSheets(files: CsvFiles): { sheets: Partial<Record<SheetKey, Sheet>>; issues: CsvIssue[] } {
  const issues: CsvIssue[] = [];
  const sheets: Partial<Record<SheetKey, Sheet>> = {};
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const spec = SHEETS[key];
    const text = files[spec.file];
    if (text === undefined) {
      if (key !== 'layout') {
        issues.push({
          file: spec.file,
          code: 'csv-file-missing',
          severity: 'error',
          message: `The sheet ${spec.file} is missing.`,
        });
      }
      continue;
    }
    const parsed = parseSheet(spec, text);
    issues.push(...parsed.issues);
    if (parsed.sheet !== undefined) sheets[key] = parsed.sheet;
  }
  return { sheets, issues };
}

/**
 * Reads the sheets into a draft dataset, without source texts. Sheets that could not be read are
 * left out; the others are still read, so that their own problems are reported, and the sources
 * and quotes, so that the quotes are still looked for in their texts.
 */
function readCsv(files: CsvFiles): ReadResult {
  const read = readSheets(files);
  const issues = read.issues;
  // The validator checks the dataset only when no sheet is missing or broken: a sheet left out
  // would make every reference to its rows an error.
  const whole = issues.length === 0;
  const suppress: JsonPath[] = [];
  const { dataset: datasetSheet, sources, actors, tieTypes, ties, evidence, layout } = read.sheets;
  const error = (file: string, row: number | undefined, column: string | undefined, code: CsvIssue['code'], message: string) =>
    issues.push({ file, row, column, code, severity: 'error', message });

  let head = datasetSheet?.rows[0];
  if (datasetSheet !== undefined && (head === undefined || datasetSheet.rows.length > 1)) {
    const message = `${datasetSheet.file} must hold exactly one row under its header, the dataset's own, not ${datasetSheet.rows.length}.`;
    error(datasetSheet.file, datasetSheet.rows[1]?.row, undefined, 'csv-row-count', message);
    head = undefined;
  }

  const sourceDrafts = (sources?.rows ?? []).map((row) =>
    fields(SHEETS.sources.columns.map((column) => [column, cell(row, column)])),
  );
  const actorDrafts = (actors?.rows ?? []).map((row) => {
    const names = localized(actors as Sheet, row, NAME_COLUMN_PREFIX);
    return fields([
      ['id', cell(row, 'id')],
      ['kind', cell(row, 'kind')],
      ['name', cell(row, 'name')],
      ['aliases', parseListCell(row.cells.get('aliases') ?? '')],
      ['members', parseListCell(row.cells.get('members') ?? '')],
      ['names', names],
    ]);
  });
  const tieTypeDrafts = (tieTypes?.rows ?? []).map((row) =>
    fields(
      SHEETS.tieTypes.columns.flatMap((column) => [
        [column, column === 'directed' ? parseBooleanCell(row.cells.get(column) ?? '') : cell(row, column)] as const,
        // `labels` follows `label`, as in the dataset files.
        ...(column === 'label' ? [['labels', localized(tieTypes as Sheet, row, LABEL_COLUMN_PREFIX)] as const] : []),
      ]),
    ),
  );

  const tieRows = ties?.rows ?? [];
  const quotes: DraftQuote[][] = tieRows.map(() => []);
  const quoteRows: number[][] = tieRows.map(() => []);
  const quoteTies: (string | undefined)[] = tieRows.map((row) => cell(row, 'id'));
  const tieIndex = new Map<string, number>();
  tieRows.forEach((row, index) => {
    const id = cell(row, 'id');
    if (id !== undefined && !tieIndex.has(id)) tieIndex.set(id, index);
  });
  const onlySource = sourceDrafts.length === 1 ? sourceDrafts[0]?.id : undefined;
  for (const row of evidence?.rows ?? []) {
    const tie = cell(row, 'tie');
    let index = tie === undefined ? undefined : tieIndex.get(tie);
    if (ties === undefined) {
      // Which tie is meant cannot be checked without ties.csv, but the quote can still be found.
      index = quotes.push([]) - 1;
      quoteRows.push([]);
      quoteTies.push(tie);
    } else if (index === undefined) {
      const message =
        tie === undefined
          ? 'This quote names no tie: fill in the id of its tie, as ties.csv writes it.'
          : `"${tie}" is not the id of any tie in ties.csv.`;
      error(SHEETS.evidence.file, row.row, 'tie', 'csv-unknown-tie', message);
      continue;
    }
    quotes[index]?.push(
      fields([
        ['source', cell(row, 'source') ?? onlySource],
        ['exact', cell(row, 'exact')],
        ['prefix', cell(row, 'prefix')],
        ['suffix', cell(row, 'suffix')],
        ['start', parseNumberCell(row.cells.get('start') ?? '')],
        ['end', parseNumberCell(row.cells.get('end') ?? '')],
      ]),
    );
    quoteRows[index]?.push(row.row);
  }
  const tieDrafts = tieRows.map((row, index) => {
    const from = cell(row, 'from');
    const to = cell(row, 'to');
    // Without evidence.csv, no tie can be said to lack quotes.
    if (evidence !== undefined && quotes[index]?.length === 0) {
      const id = cell(row, 'id') ?? '';
      const first = tieRows[tieIndex.get(id) ?? index];
      // A repeated id gets no quotes, since they all go to its first row: the repeat is the mistake.
      if (first !== undefined && first !== row) {
        error(
          SHEETS.ties.file,
          row.row,
          'id',
          'duplicate-id',
          `The id "${id}" is already used by ${SHEETS.ties.file} row ${first.row}; ids must be unique (the quotes in evidence.csv whose tie is "${id}" all go to that row).`,
        );
      } else {
        error(
          SHEETS.ties.file,
          row.row,
          'id',
          'csv-no-evidence',
          `Tie "${id}" has no quote: add a row to evidence.csv whose tie is "${id}".`,
        );
      }
      suppress.push(['ties', index, 'evidence']);
    }
    return fields([
      ...(['id', 'source', 'target', 'type', 'status', 'hedge'] as const).map((column) => [column, cell(row, column)] as const),
      [
        'period',
        from === undefined && to === undefined
          ? undefined
          : fields([
              ['from', from],
              ['to', to],
            ]),
      ],
      ['note', cell(row, 'note')],
      ['evidence', quotes[index]],
    ]);
  });

  const positions: Record<string, unknown> = {};
  const layoutRows = new Map<string, number>();
  for (const row of layout?.rows ?? []) {
    const actor = row.cells.get('actor') ?? '';
    const earlier = layoutRows.get(actor);
    if (earlier !== undefined) {
      error(SHEETS.layout.file, row.row, 'actor', 'csv-duplicate-position', `"${actor}" is placed already, in row ${earlier}.`);
      continue;
    }
    layoutRows.set(actor, row.row);
    setOwn(positions, actor, [parseNumberCell(row.cells.get('x') ?? ''), parseNumberCell(row.cells.get('y') ?? '')]);
  }
  const seed = head === undefined ? undefined : parseNumberCell(head.cells.get('layoutSeed') ?? '');
  if (head !== undefined && seed === undefined && layoutRows.size > 0) {
    error(
      SHEETS.dataset.file,
      head.row,
      'layoutSeed',
      'csv-missing-column',
      `layout.csv places ${layoutRows.size} actors, so layoutSeed must give the seed their layout was computed with.`,
    );
  }

  const draft =
    !whole || head === undefined
      ? undefined
      : fields([
          ['$schema', cell(head, '$schema')],
          ['id', cell(head, 'id')],
          ['title', cell(head, 'title')],
          ['description', cell(head, 'description')],
          ['sources', sourceDrafts],
          ['actors', actorDrafts],
          ['tieTypes', tieTypeDrafts],
          ['ties', tieDrafts],
          ['layout', seed === undefined ? undefined : { seed, positions }],
        ]);
  const origins: RowOrigins = {
    // Only the validator's issues name dataset.csv's row, and it runs only when the row was read.
    datasetRow: head?.row ?? 2,
    sources: (sources?.rows ?? []).map((row) => row.row),
    actors: (actors?.rows ?? []).map((row) => row.row),
    tieTypes: (tieTypes?.rows ?? []).map((row) => row.row),
    ties: tieRows.map((row) => row.row),
    evidence: quoteRows,
    layout: layoutRows,
  };
  return { draft, sources: sourceDrafts, quotes, quoteTies, origins, issues, suppress };
}

/** What importing found. */
export interface CsvImportResult {
  /** The dataset, set only when there are no errors, as it is written to its JSON file. */
  readonly dataset?: DatasetInput | undefined;
  /** The same dataset as the validator returns it (defaults filled in), for summaries. */
  readonly validated?: Dataset | undefined;
  /** Every problem found, sorted by sheet and row. */
  readonly issues: readonly CsvIssue[];
  /** How many quotes had their offsets found, kept as given, or mended. */
  readonly offsets: { readonly found: number; readonly kept: number; readonly mended: number };
}

const startsWith = (path: JsonPath, prefix: JsonPath) => prefix.every((segment, index) => path[index] === segment);

/** A stand-in SHA-256 for a source whose text could not be read, so that the validator goes on. */
const UNREAD_TEXT_SHA256 = '0'.repeat(64);

/** Whether a quote is whole enough to be looked for in its text: words, a source and offsets. */
function isPlaced(quote: DraftQuote): boolean {
  const { source, exact, start, end } = quote;
  return (
    typeof source === 'string' &&
    typeof exact === 'string' &&
    exact !== '' &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    (start as number) >= 0 &&
    (end as number) > (start as number)
  );
}

/**
 * What the validator says about the source texts (their SHA-256) and the quotes in them, for when
 * it stopped at the dataset's structure or had no whole dataset to check: neither depends on the
 * rest of the sheets.
 */
async function checkTextsAlone(
  read: ReadResult,
  loaded: ReadonlyMap<number, { readonly text: string; readonly where: string }>,
  texts: ReadonlyMap<string, string>,
): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  for (const [index, text] of loaded) {
    const { id, sha256 } = read.sources[index] as Draft;
    if (typeof id !== 'string' || typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) continue;
    const issue = await checkTextDigest({ id, sha256 }, index, text);
    if (issue !== undefined) issues.push(issue);
  }
  const ties = read.quotes.map((quotes, index) => ({
    id: read.quoteTies[index] ?? '',
    evidence: quotes.map((quote) => (isPlaced(quote) ? (quote as Evidence) : undefined)),
  }));
  return [...issues, ...checkEvidence(ties, texts)];
}

/**
 * Reads a dataset from its sheets. Source texts are loaded through `loadText` (by the path that
 * `sources.csv` gives, relative to the dataset file to be written), to fill in each quote's
 * offsets and each source's `sha256` when its cell is empty. Then the whole dataset is validated.
 * Every problem is reported in one run: a broken sheet or field does not stop the texts from being
 * read and the quotes from being looked for in them.
 */
export async function importCsv(files: CsvFiles, loadText: TextLoader): Promise<CsvImportResult> {
  const read = readCsv(files);
  const { draft, quotes, origins } = read;
  const cachedLoader = memoizeTextLoader(loadText);

  const texts = new Map<string, string>();
  const loaded = new Map<number, { text: string; where: string }>();
  const unread: CsvIssue[] = [];
  const suppress = [...read.suppress];
  for (const [index, source] of read.sources.entries()) {
    if (typeof source.id !== 'string' || typeof source.text !== 'string') continue;
    const result = await cachedLoader(source.text);
    if (result.ok) {
      texts.set(source.id, result.text);
      loaded.set(index, result);
      if (source.sha256 === undefined) source.sha256 = await sha256Hex(result.text);
      continue;
    }
    // Reported here rather than by the validator, which reports no unreadable text when the structure is broken.
    const message = `The text of source "${source.id}" could not be read from ${result.where}: ${result.reason}.`;
    const row = origins.sources[index];
    unread.push({ file: SHEETS.sources.file, row, column: 'text', code: 'source-text-missing', severity: 'error', message });
    // An empty sha256 would stop the validator at the structure, which only the missing text explains.
    if (source.sha256 === undefined) source.sha256 = UNREAD_TEXT_SHA256;
  }
  const offsets = fillOffsets(quotes, texts, origins.evidence);
  suppress.push(...offsets.failed);
  const report = draft === undefined ? undefined : await validateDataset(draft, cachedLoader);
  const found = [...(report?.issues ?? [])];
  if (report?.dataset === undefined) found.push(...(await checkTextsAlone(read, loaded, texts)));
  const validation = found
    .filter((issue) => issue.code !== 'source-text-missing' && !suppress.some((prefix) => startsWith(issue.path, prefix)))
    .map((issue) => toCsvIssue(origins, issue));
  const issues = sortIssues([...read.issues, ...unread, ...offsets.issues, ...validation]);
  const ok = !hasCsvErrors(issues) && report?.dataset !== undefined;
  return {
    dataset: ok ? (draft as unknown as DatasetInput) : undefined,
    validated: ok ? report?.dataset : undefined,
    issues,
    offsets: { found: offsets.found, kept: offsets.kept, mended: offsets.mended },
  };
}

const SHEET_ORDER: readonly string[] = Object.values(SHEETS).map((spec) => spec.file);

/** Sorts issues by sheet, then row; issues of one cell keep the order they were found in. */
function sortIssues(issues: readonly CsvIssue[]): CsvIssue[] {
  return [...issues].sort((a, b) => SHEET_ORDER.indexOf(a.file) - SHEET_ORDER.indexOf(b.file) || (a.row ?? 0) - (b.row ?? 0));
}

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);

function differences(a: unknown, b: unknown, path: (string | number)[], out: JsonPath[]): void {
  if (isEmpty(a) && isEmpty(b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(path);
    else for (const [index, item] of a.entries()) differences(item, b[index], [...path, index], out);
    return;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)]))
      differences(left[key], right[key], [...path, key], out);
    return;
  }
  if (!Object.is(a, b)) out.push(path);
}

/**
 * The paths of the values that would not come back the same from the sheets {@link exportCsv}
 * writes: list items with space around them (trimmed on reading), for instance. Empty values (an
 * empty list, an empty prefix) count as the same as absent ones. `sheets`: those already written
 * for the dataset, when the caller has them.
 */
export function exportLosses(dataset: DatasetInput, sheets: CsvFiles = exportCsv(dataset)): JsonPath[] {
  const read = readCsv(sheets);
  if (read.draft === undefined) return [[]];
  const out: JsonPath[] = [];
  differences(dataset, read.draft, [], out);
  return out;
}
