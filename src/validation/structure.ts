/** Checks the shape of a dataset against the schema. */
import * as v from 'valibot';
import { DatasetSchema } from '../model/schema.ts';
import type { ValidationIssue } from './issue.ts';
import type { JsonPath } from './json-path.ts';

/** A schema as {@link overlooked} walks it: an optional, an array, an object or a record. */
export interface SchemaNode {
  readonly wrapped?: unknown;
  readonly item?: unknown;
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly value?: unknown;
}

/** Something in the data that valibot lets by without a word, or words as something else. */
export interface Overlooked {
  /** The path of the key, or of the list, at fault. */
  readonly path: JsonPath;
  /** For a list given where an object is expected, the object's schema. */
  readonly object?: unknown;
}

/**
 * The keys that valibot's records skip, against prototype pollution. JSON.parse makes them own
 * keys like any other, so without a check they would vanish from the data unseen.
 */
const SKIPPED_KEYS = /^(?:__proto__|constructor|prototype)$/;

/** The schema an optional or a nullable wraps, or `schema` itself. */
export function unwrap(schema: unknown): SchemaNode | undefined {
  let node = schema as SchemaNode | undefined;
  while (node?.wrapped !== undefined) node = node.wrapped as SchemaNode;
  return node;
}

/**
 * Walks `input` as `schema` describes it, collecting what valibot lets by into `found`. `path` is
 * where `input` stands; it is one array, grown and shrunk on the way down and up (the synthetic
 * dataset of 10,000 actors has 287,145 values), and copied only for what is found.
 */
function overlooked(schema: unknown, input: unknown, path: (string | number)[], found: Overlooked[]): void {
  if (input === null || typeof input !== 'object') return;
  const node = unwrap(schema) as SchemaNode;
  const { item, entries, value } = node;
  if (item !== undefined) {
    if (!Array.isArray(input)) return;
    for (let index = 0; index < input.length; index++) {
      path.push(index);
      overlooked(item, input[index], path, found);
      path.pop();
    }
  } else if (Array.isArray(input)) {
    // Valibot reads a list as an object with fields "0", "1"…: an empty list passes as one.
    if (entries !== undefined || value !== undefined) found.push({ path: [...path], object: node });
  } else if (entries !== undefined) {
    for (const key in entries) {
      if (!(key in input)) continue;
      path.push(key);
      overlooked(entries[key], Reflect.get(input, key), path, found);
      path.pop();
    }
  } else if (value !== undefined) {
    for (const key of Object.keys(input)) {
      path.push(key);
      if (SKIPPED_KEYS.test(key)) found.push({ path: [...path] });
      else overlooked(value, Reflect.get(input, key), path, found);
      path.pop();
    }
  }
}

/** Checks the shape of a dataset against the schema and reports every mismatch. */
export async function checkStructure(
  input: unknown,
): Promise<{ ok: true; dataset: v.InferOutput<typeof DatasetSchema> } | { ok: false; issues: ValidationIssue[] }> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    const message = 'The dataset must be a JSON object, with "sources", "actors", "tieTypes" and "ties".';
    return { ok: false, issues: [{ path: [], code: 'schema', severity: 'error', message }] };
  }
  const result = v.safeParse(DatasetSchema, input, { abortEarly: false, abortPipeEarly: true });
  const missed: Overlooked[] = [];
  overlooked(DatasetSchema, input, [], missed);
  if (result.success && missed.length === 0) return { ok: true, dataset: result.output };
  const { toIssues } = await import('./schema-issues.ts');
  return { ok: false, issues: toIssues(result.issues ?? [], missed) };
}
