/**
 * The layout of a dataset as spreadsheets: which files, which columns, and how a cell writes a
 * value that is not text (lists, numbers, true/false). Column names are the dataset's own field
 * names, so the README's table of fields describes the sheets too.
 */
import type { SheetSpec } from './csv-sheet.ts';

/** The sheets of a dataset, in the order they are read. `layout.csv` is the only optional one. */
export const SHEETS = {
  dataset: {
    file: 'dataset.csv',
    columns: ['id', 'title', 'description', '$schema', 'layoutSeed'],
    required: ['id', 'title'],
  },
  sources: {
    file: 'sources.csv',
    columns: ['id', 'title', 'author', 'publisher', 'date', 'url', 'text', 'sha256'],
    required: ['id', 'title', 'author', 'publisher', 'date', 'text'],
  },
  actors: {
    file: 'actors.csv',
    columns: ['id', 'kind', 'name', 'aliases', 'members'],
    required: ['id', 'kind', 'name'],
    extra: /^name:./,
  },
  tieTypes: {
    file: 'tie-types.csv',
    columns: ['id', 'label', 'category', 'directed', 'description', 'cameo', 'plover'],
    required: ['id', 'label', 'category', 'directed'],
    extra: /^label:./,
  },
  ties: {
    file: 'ties.csv',
    columns: ['id', 'source', 'target', 'type', 'status', 'hedge', 'from', 'to', 'note'],
    required: ['id', 'source', 'target', 'type', 'status', 'hedge'],
  },
  evidence: {
    file: 'evidence.csv',
    columns: ['tie', 'source', 'exact', 'prefix', 'suffix', 'start', 'end'],
    required: ['tie', 'exact'],
  },
  layout: {
    file: 'layout.csv',
    columns: ['actor', 'x', 'y'],
    required: ['actor', 'x', 'y'],
  },
} as const satisfies Record<string, SheetSpec>;

export type SheetKey = keyof typeof SHEETS;
/** The file name of a sheet, e.g. `ties.csv`. */
export type SheetFile = (typeof SHEETS)[SheetKey]['file'];
/** The CSV text of each sheet, by file name. */
export type CsvFiles = Readonly<Partial<Record<SheetFile, string>>>;

/** The column of a localized name: `name:ko` holds `names.ko`. */
export const NAME_COLUMN_PREFIX = 'name:';

/** The column of a tie type's localized label: `label:ko` holds `labels.ko`. */
export const LABEL_COLUMN_PREFIX = 'label:';

/** The language tags that any of the maps has, in the order they first occur, for one column each. */
export function languageTags(maps: readonly (Readonly<Record<string, string>> | undefined)[]): string[] {
  const tags = new Set<string>();
  for (const map of maps) for (const tag of Object.keys(map ?? {})) tags.add(tag);
  return [...tags];
}

/** What separates the items of a list cell (aliases, members), with spaces around it for reading. */
const LIST_SEPARATOR = ' | ';

/** Writes a list as one cell; `|` and `\` inside an item are escaped with a backslash. */
export function listCell(items: readonly string[] | undefined): string {
  return (items ?? []).map((item) => item.replace(/[\\|]/g, (char) => `\\${char}`)).join(LIST_SEPARATOR);
}

/**
 * Reads a list cell: items split at each `|` not escaped by a backslash, with the space around
 * them trimmed and empty ones dropped. An empty cell is no list at all.
 */
export function parseListCell(cell: string): string[] | undefined {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i] as string;
    const next = cell[i + 1];
    if (char === '\\' && (next === '|' || next === '\\')) {
      current += next;
      i++;
    } else if (char === '|') {
      items.push(current);
      current = '';
    } else current += char;
  }
  items.push(current);
  const kept = items.map((item) => item.trim()).filter((item) => item !== '');
  return kept.length === 0 ? undefined : kept;
}

/** Writes a number so that reading it back gives the very same number (`-0` included). */
export function numberCell(value: number | undefined): string {
  if (value === undefined) return '';
  return Object.is(value, -0) ? '-0' : String(value);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a number cell. Text that is not a number is passed on as it is, so that the validator
 * names the cell and says what it expected there.
 */
export function parseNumberCell(cell: string): number | string | undefined {
  if (cell === '') return undefined;
  return NUMBER.test(cell.trim()) ? Number(cell.trim()) : cell;
}

/** Reads `true` or `false` in any case (Excel writes `TRUE`); other text is passed on as it is. */
export function parseBooleanCell(cell: string): boolean | string | undefined {
  if (cell === '') return undefined;
  const word = cell.trim().toLowerCase();
  return word === 'true' ? true : word === 'false' ? false : cell;
}
