/**
 * Builds the JSON Schema of the dataset format from the valibot schema, so that editors can check
 * a dataset while it is typed. The committed copy is `graph-data/actor-graph.schema.json`;
 * `npm run schema` rewrites it and a test fails when it is out of date.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { DatasetSchema, ID_PATTERN } from '../model/schema.ts';
import { RESERVED_IDS } from '../model/vocabulary.ts';

/** Where the committed schema lives, relative to the project root. */
export const SCHEMA_PATH = 'graph-data/actor-graph.schema.json';

/** The JSON Schema, as the text that is committed (2-space indent, final newline). */
export function buildJsonSchemaText(): string {
  // Cross-field checks (end after start, "to" not before "from") have no JSON Schema form; the
  // validator still runs them, so they are left out here rather than failing the conversion.
  const schema = refuseReservedIds(toJsonSchema(DatasetSchema, { target: 'draft-07', errorMode: 'ignore' }));
  const document = {
    title: 'actor-graph dataset',
    description:
      'Political actors, typed ties between them, and the verbatim evidence behind each tie. Generated from src/model/schema.ts by `npm run schema`; do not edit by hand.',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Adds to every id's schema the ids the validator refuses as reserved in JavaScript (`constructor`,
 * `toString`, ...), which the id pattern lets through: that check is code in the validator, which
 * the conversion cannot carry, so an editor would otherwise accept them.
 */
function refuseReservedIds<T>(node: T): T {
  const reserved = [...RESERVED_IDS].filter((id) => ID_PATTERN.test(id)).sort();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if (record.pattern === ID_PATTERN.source) record.not = { enum: reserved };
      Object.values(record).forEach(visit);
    }
  };
  visit(node);
  return node;
}
