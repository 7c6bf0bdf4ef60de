/**
 * Turns valibot's issues into {@link ValidationIssue}s whose paths point at the value at fault and
 * whose messages read as sentences. Only invalid data needs it, so the widget loads it on demand.
 */
import type * as v from 'valibot';
import { DatasetSchema } from '../model/schema.ts';
import type { ValidationIssue } from './issue.ts';
import type { JsonPath } from './json-path.ts';
import { type Overlooked, unwrap } from './structure.ts';

export type SchemaIssue = v.InferIssue<typeof DatasetSchema>;

function pathOf(issue: SchemaIssue): (string | number)[] {
  return (issue.path ?? []).map((item) => (typeof item.key === 'number' ? item.key : String(item.key)));
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** The schema of what stands at `segment` under `schema`: a list's item, an object's field, a record's value. */
function childOf(schema: unknown, segment: string | number): unknown {
  const node = unwrap(schema);
  return typeof segment === 'number' ? node?.item : (node?.entries?.[segment] ?? node?.value);
}

/** The field names the object schema under `schema` names, in order (none for anything else). */
const fieldsOf = (schema: unknown): string[] => Object.keys(unwrap(schema)?.entries ?? {});

/** The known field names of the object schema at `path`, found by walking the dataset schema. */
function knownFields(path: JsonPath): string[] {
  let schema: unknown = DatasetSchema;
  for (const segment of path) {
    schema = childOf(schema, segment);
    if (schema === undefined) return [];
  }
  return fieldsOf(schema);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** How a message names the value at `path`: its field, or the item or dataset it is. */
function nameAt(path: JsonPath): string {
  const field = path[path.length - 1];
  return typeof field === 'string' ? `"${field}"` : path.length === 0 ? 'The dataset' : 'This item';
}

export function toIssue(issue: SchemaIssue): ValidationIssue {
  const path = pathOf(issue);
  const field = path[path.length - 1];
  const error = (at: JsonPath, message: string): ValidationIssue => ({ path: at, code: 'schema', severity: 'error', message });
  if (issue.type === 'strict_object' && issue.expected === 'never' && typeof field === 'string') {
    const known = knownFields(path.slice(0, -1));
    const close = known.filter((name) => editDistance(name.toLowerCase(), field.toLowerCase()) <= 2);
    const hint = close.length > 0 ? ` Did you mean "${close[0]}"?` : ` Known fields: ${known.join(', ')}.`;
    return error(path, `"${field}" is not a known field here.${hint}`);
  }
  if (issue.input === undefined && issue.kind === 'schema') {
    // An item missing from a pair such as [x, y].
    if (typeof field === 'number') return error(path, `Item ${field} is missing: it ${issue.message}.`);
    return error(path, `The required field ${nameAt(path)} is missing.`);
  }
  // A value of the wrong type or form is shown: a date, an id or a language tag written otherwise.
  const got = issue.kind === 'schema' || issue.type === 'regex' ? ` (found ${describeValue(issue.input)})` : '';
  // The object schemas give no message of their own: valibot's would read "Invalid type: …".
  const message = issue.type === 'strict_object' && issue.kind === 'schema' ? 'must be an object' : issue.message;
  return error(path, `${nameAt(path)} ${message}${got}.`);
}

/** How a key that valibot's records skip, or a list given for an object, is reported (see `checkStructure`). */
function overlookedIssue({ path, object }: Overlooked): ValidationIssue {
  const { entries, message } = (object ?? {}) as { entries?: object; message?: unknown };
  return {
    path,
    code: 'schema',
    severity: 'error',
    message:
      object === undefined
        ? `${nameAt(path)} is not allowed as a key: JavaScript gives it a meaning of its own, so its value would be lost.`
        : entries === undefined
          ? `${nameAt(path)} ${typeof message === 'string' ? message : 'must be an object'} (found a list).`
          : `${nameAt(path)} must be an object with named fields (${Object.keys(entries).join(', ')}), not a list.`,
  };
}

/** Whether valibot met a list where it wanted an object on the way to the issue's value. */
const isWithinList = (issue: SchemaIssue): boolean =>
  issue.path?.some((item) => item.type === 'object' && Array.isArray(item.input)) ?? false;

/**
 * Where a path comes in the dataset's order: item indexes, and fields in the schema's order (the
 * order a dataset is written in); a field the schema does not name (a key of a map, an unknown
 * field) comes after those it names, by its name.
 */
function orderOf(path: JsonPath): (number | string)[] {
  let schema: unknown = DatasetSchema;
  return path.flatMap((segment) => {
    const names = fieldsOf(schema);
    schema = childOf(schema, segment);
    if (typeof segment === 'number') return [segment];
    const at = names.indexOf(segment);
    return at === -1 ? [names.length, segment] : [at];
  });
}

/** Compares two paths by where they come in the dataset (see `orderOf`). */
function byDatasetOrder(a: ValidationIssue, b: ValidationIssue): number {
  const [x, y] = [orderOf(a.path), orderOf(b.path)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i] as number | string, y[i] as number | string];
    if (p !== q) return typeof p === 'number' && typeof q === 'number' ? p - q : String(p) < String(q) ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * The issues of one parse and of what valibot let by (`overlooked`), each said once, in the
 * dataset's order. A list given for an object is one issue (from `overlooked`), not one for each
 * field valibot misses in it.
 */
export function toIssues(issues: readonly SchemaIssue[], overlooked: readonly Overlooked[] = []): ValidationIssue[] {
  const seen = new Set<string>();
  const found = issues.filter((issue) => !isWithinList(issue)).map(toIssue);
  // Stable: issues at one path keep valibot's order.
  return [...found, ...overlooked.map(overlookedIssue)].sort(byDatasetOrder).filter((issue) => {
    const key = `${issue.path.join('\u0000')}\u0001${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
