/**
 * The attributes of a dataset's nodes and edges, as the columns that GraphML and GEXF declare and
 * that Gephi and Cytoscape desktop show in their data tables. Both XML exporters read this one
 * table, so that they carry the same columns with the same values.
 */
import type { Dataset } from '../model/schema.ts';
import { TIE_CATEGORIES, type TieCategory } from '../model/vocabulary.ts';
import { actorLabel } from '../render/elements.ts';

/** The value types a column can have; GraphML and GEXF each have a word for every one. */
export type ColumnType = 'string' | 'int' | 'boolean';

/**
 * A declared attribute. Its id is also the name desktop tools show, so that both formats and every
 * tool call a column the same: `category`, `ties_alliance`, `name_ko`.
 */
export interface Column {
  readonly id: string;
  readonly type: ColumnType;
}

export type CellValue = string | number | boolean;

/** One node or edge: its id, its label and its values by column id (a column with no value is left out). */
export interface Row {
  readonly id: string;
  readonly label: string;
  readonly values: ReadonlyMap<string, CellValue>;
}

export interface EdgeRow extends Row {
  readonly source: string;
  readonly target: string;
  readonly directed: boolean;
  /** The tie type: GEXF's edge `kind`, which keeps ties of different types between the same actors apart. */
  readonly kind: string;
  readonly category: TieCategory;
  readonly hedge: Dataset['ties'][number]['hedge'];
  readonly status: Dataset['ties'][number]['status'];
}

export interface NodeRow extends Row {
  readonly kind: Dataset['actors'][number]['kind'];
}

export interface GraphTable {
  readonly nodeColumns: readonly Column[];
  readonly edgeColumns: readonly Column[];
  readonly nodes: readonly NodeRow[];
  readonly edges: readonly EdgeRow[];
}

/** Lists are written as one string, items separated by this, which reads well in a data table. */
export const LIST_SEPARATOR = '; ';

const column = (id: string, type: ColumnType): Column => ({ id, type });

/**
 * The table of a dataset. Nodes carry the actor's kind, name, aliases, members, localized names
 * (one column per language the data has) and tie counts; edges carry the tie's type, type label,
 * localized type labels (`type_label_ko`), category, hedge, status, direction, period, evidence
 * count and note. Node labels are in `lang` where the data has localized names; edge labels stay
 * the dataset's own.
 */
export function graphTableOf(dataset: Dataset, lang?: string): GraphTable {
  const languages = [...new Set(dataset.actors.flatMap((actor) => Object.keys(actor.names ?? {})))].sort();
  const labelLanguages = [...new Set(dataset.tieTypes.flatMap((type) => Object.keys(type.labels ?? {})))].sort();
  const nodeColumns = [
    column('kind', 'string'),
    column('name', 'string'),
    column('aliases', 'string'),
    column('members', 'string'),
    ...languages.map((language) => column(`name_${language}`, 'string')),
    column('ties_present', 'int'),
    column('ties_absent', 'int'),
    ...TIE_CATEGORIES.map((category) => column(`ties_${category}`, 'int')),
  ];
  const edgeColumns = [
    column('type', 'string'),
    column('type_label', 'string'),
    ...labelLanguages.map((language) => column(`type_label_${language}`, 'string')),
    column('category', 'string'),
    column('hedge', 'string'),
    column('status', 'string'),
    column('directed', 'boolean'),
    column('period_from', 'string'),
    column('period_to', 'string'),
    column('evidence_count', 'int'),
    column('note', 'string'),
  ];

  const types = new Map(dataset.tieTypes.map((type) => [type.id, type]));
  const actorIds = new Set(dataset.actors.map((actor) => actor.id));
  const counts = new Map(dataset.actors.map((actor) => [actor.id, new Map<string, number>()]));
  const edges: EdgeRow[] = [];
  for (const tie of dataset.ties) {
    const type = types.get(tie.type);
    // A validated dataset has neither; the widget draws neither.
    if (type === undefined || !actorIds.has(tie.source) || !actorIds.has(tie.target)) continue;
    const keys = tie.status === 'present' ? ['ties_present', `ties_${type.category}`] : ['ties_absent'];
    for (const end of new Set([tie.source, tie.target])) {
      const tally = counts.get(end) as Map<string, number>;
      for (const key of keys) tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    const values = new Map<string, CellValue>([
      ['type', type.id],
      ['type_label', type.label],
      ['category', type.category],
      ['hedge', tie.hedge],
      ['status', tie.status],
      ['directed', type.directed],
      ['evidence_count', tie.evidence.length],
    ]);
    for (const [language, label] of Object.entries(type.labels ?? {})) values.set(`type_label_${language}`, label);
    if (tie.period?.from !== undefined) values.set('period_from', tie.period.from);
    if (tie.period?.to !== undefined) values.set('period_to', tie.period.to);
    if (tie.note !== undefined) values.set('note', tie.note);
    edges.push({
      id: tie.id,
      label: type.label,
      source: tie.source,
      target: tie.target,
      directed: type.directed,
      kind: type.id,
      category: type.category,
      hedge: tie.hedge,
      status: tie.status,
      values,
    });
  }

  const nodes = dataset.actors.map((actor): NodeRow => {
    const values = new Map<string, CellValue>([
      ['kind', actor.kind],
      ['name', actor.name],
    ]);
    if (actor.aliases.length > 0) values.set('aliases', actor.aliases.join(LIST_SEPARATOR));
    if (actor.members !== undefined && actor.members.length > 0) values.set('members', actor.members.join(LIST_SEPARATOR));
    for (const [language, name] of Object.entries(actor.names ?? {})) values.set(`name_${language}`, name);
    const tally = counts.get(actor.id) as Map<string, number>;
    for (const key of ['ties_present', 'ties_absent', ...TIE_CATEGORIES.map((category) => `ties_${category}`)]) {
      values.set(key, tally.get(key) ?? 0);
    }
    return { id: actor.id, label: actorLabel(actor, lang), kind: actor.kind, values };
  });
  return { nodeColumns, edgeColumns, nodes, edges };
}

/** Writes a cell for XML: booleans as `true`/`false`, numbers in full, strings as they are. */
export function cellText(value: CellValue): string {
  return typeof value === 'string' ? value : String(value);
}
