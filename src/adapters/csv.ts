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
import type { Dataset, DatasetInput } from '../model/schema.ts';
import type { JsonPath } from '../validation/json-path.ts';
import { sha256Hex, type TextLoader, type TextLoadResult, validateDataset } from '../validation/validate.ts';
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
  readonly draft?: Draft | undefined;
  readonly quotes?: DraftQuote[][] | undefined;
  readonly origins?: RowOrigins | undefined;
  readonly issues: CsvIssue[];
  /** Paths whose validator issues repeat a problem already reported here. */
  readonly suppress: JsonPath[];
}

function readSheets(files: CsvFiles): { sheets?: Record<SheetKey, Sheet | undefined>; issues: CsvIssue[] } {
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
  if (issues.length > 0) return { issues };
  return { sheets: sheets as Record<SheetKey, Sheet | undefined>, issues };
}

/** Reads the sheets into a draft dataset, without source texts. */
function readCsv(files: CsvFiles): ReadResult {
  const read = readSheets(files);
  const issues = read.issues;
  const suppress: JsonPath[] = [];
  if (read.sheets === undefined) return { issues, suppress };
  const {
    dataset: datasetSheet,
    sources,
    actors,
    tieTypes,
    ties,
    evidence,
    layout,
  } = read.sheets as Record<Exclude<SheetKey, 'layout'>, Sheet> & { layout: Sheet | undefined };
  const error = (file: string, row: number | undefined, column: string | undefined, code: CsvIssue['code'], message: string) =>
    issues.push({ file, row, column, code, severity: 'error', message });

  const head = datasetSheet.rows[0];
  if (head === undefined || datasetSheet.rows.length > 1) {
    const message = `${datasetSheet.file} must hold exactly one row under its header, the dataset's own, not ${datasetSheet.rows.length}.`;
    error(datasetSheet.file, datasetSheet.rows[1]?.row, undefined, 'csv-row-count', message);
    return { issues, suppress };
  }

  const sourceDrafts = sources.rows.map((row) => fields(SHEETS.sources.columns.map((column) => [column, cell(row, column)])));
  const actorDrafts = actors.rows.map((row) => {
    const names = localized(actors, row, NAME_COLUMN_PREFIX);
    return fields([
      ['id', cell(row, 'id')],
      ['kind', cell(row, 'kind')],
      ['name', cell(row, 'name')],
      ['aliases', parseListCell(row.cells.get('aliases') ?? '')],
      ['members', parseListCell(row.cells.get('members') ?? '')],
      ['names', names],
    ]);
  });
  const tieTypeDrafts = tieTypes.rows.map((row) =>
    fields(
      SHEETS.tieTypes.columns.flatMap((column) => [
        [column, column === 'directed' ? parseBooleanCell(row.cells.get(column) ?? '') : cell(row, column)] as const,
        // `labels` follows `label`, as in the dataset files.
        ...(column === 'label' ? [['labels', localized(tieTypes, row, LABEL_COLUMN_PREFIX)] as const] : []),
      ]),
    ),
  );

  const quotes: DraftQuote[][] = ties.rows.map(() => []);
  const quoteRows: number[][] = ties.rows.map(() => []);
  const tieIndex = new Map<string, number>();
  ties.rows.forEach((row, index) => {
    const id = cell(row, 'id');
    if (id !== undefined && !tieIndex.has(id)) tieIndex.set(id, index);
  });
  const onlySource = sourceDrafts.length === 1 ? sourceDrafts[0]?.id : undefined;
  for (const row of evidence.rows) {
    const tie = cell(row, 'tie');
    const index = tie === undefined ? undefined : tieIndex.get(tie);
    if (index === undefined) {
      const message =
        tie === undefined
          ? 'This quote names no tie: fill in the id of its tie, as ties.csv writes it.'
          : `"${tie}" is not the id of any tie in ties.csv.`;
      error(evidence.file, row.row, 'tie', 'csv-unknown-tie', message);
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
  const tieDrafts = ties.rows.map((row, index) => {
    const from = cell(row, 'from');
    const to = cell(row, 'to');
    if (quotes[index]?.length === 0) {
      const id = cell(row, 'id') ?? '';
      error(
        ties.file,
        row.row,
        'id',
        'csv-no-evidence',
        `Tie "${id}" has no quote: add a row to evidence.csv whose tie is "${id}".`,
      );
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
  const seed = parseNumberCell(head.cells.get('layoutSeed') ?? '');
  if (seed === undefined && layoutRows.size > 0) {
    error(
      datasetSheet.file,
      head.row,
      'layoutSeed',
      'csv-missing-column',
      `layout.csv places ${layoutRows.size} actors, so layoutSeed must give the seed their layout was computed with.`,
    );
  }

  const draft = fields([
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
    datasetRow: head.row,
    sources: sources.rows.map((row) => row.row),
    actors: actors.rows.map((row) => row.row),
    tieTypes: tieTypes.rows.map((row) => row.row),
    ties: ties.rows.map((row) => row.row),
    evidence: quoteRows,
    layout: layoutRows,
  };
  return { draft, quotes, origins, issues, suppress };
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

/**
 * Reads a dataset from its sheets. Source texts are loaded through `loadText` (by the path that
 * `sources.csv` gives, relative to the dataset file to be written), to fill in each quote's
 * offsets and each source's `sha256` when its cell is empty. Then the whole dataset is validated.
 */
export async function importCsv(files: CsvFiles, loadText: TextLoader): Promise<CsvImportResult> {
  const read = readCsv(files);
  const noOffsets = { found: 0, kept: 0, mended: 0 };
  if (read.draft === undefined || read.quotes === undefined || read.origins === undefined) {
    return { issues: sortIssues(read.issues), offsets: noOffsets };
  }
  const { draft, quotes, origins } = read;
  const cache = new Map<string, Promise<TextLoadResult>>();
  const cachedLoader: TextLoader = (path) => {
    const loading = cache.get(path) ?? loadText(path);
    cache.set(path, loading);
    return loading;
  };

  const texts = new Map<string, string>();
  const unread: CsvIssue[] = [];
  const suppress = [...read.suppress];
  for (const [index, source] of (draft.sources as Draft[]).entries()) {
    if (typeof source.id !== 'string' || typeof source.text !== 'string') continue;
    const loaded = await cachedLoader(source.text);
    if (loaded.ok) {
      texts.set(source.id, loaded.text);
      if (source.sha256 === undefined) source.sha256 = await sha256Hex(loaded.text);
    } else if (source.sha256 === undefined) {
      // The validator would stop at the empty sha256, which only the missing text explains.
      const message = `The text of source "${source.id}" could not be read from ${loaded.where}: ${loaded.reason}.`;
      const row = origins.sources[index];
      unread.push({ file: SHEETS.sources.file, row, column: 'text', code: 'source-text-missing', severity: 'error', message });
      suppress.push(['sources', index, 'sha256']);
    }
  }
  const offsets = fillOffsets(quotes, texts, origins.evidence);
  suppress.push(...offsets.failed);
  const report = await validateDataset(draft, cachedLoader);
  const validation = report.issues
    .filter((issue) => !suppress.some((prefix) => startsWith(issue.path, prefix)))
    .map((issue) => toCsvIssue(origins, issue));
  const issues = sortIssues([...read.issues, ...unread, ...offsets.issues, ...validation]);
  const { found, kept, mended } = offsets;
  const ok = !hasCsvErrors(issues) && report.dataset !== undefined;
  return {
    dataset: ok ? (draft as unknown as DatasetInput) : undefined,
    validated: ok ? report.dataset : undefined,
    issues,
    offsets: { found, kept, mended },
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
 * empty list, an empty prefix) count as the same as absent ones.
 */
export function exportLosses(dataset: DatasetInput): JsonPath[] {
  const read = readCsv(exportCsv(dataset));
  if (read.draft === undefined) return [[]];
  const out: JsonPath[] = [];
  differences(dataset, read.draft, [], out);
  return out;
}
