/**
 * The checks after the structure, run on the parts of a dataset whose structure holds, for the
 * CLI: one `npm run validate` then reports a broken reference or quote beside a misspelt field
 * elsewhere, instead of only once that field is mended.
 */
import * as v from 'valibot';
import { ActorSchema, type Dataset, LayoutSchema, SourceSchema, TieSchema, TieTypeSchema } from '../model/schema.ts';
import type { IssueCode, ValidationIssue } from './issue.ts';
import type { JsonPath } from './json-path.ts';
import { checkBeyondStructure, type TextLoader } from './validate.ts';

/** The lists of a dataset, each with the schema of one of its items. */
const LISTS = { sources: SourceSchema, actors: ActorSchema, tieTypes: TieTypeSchema, ties: TieSchema } as const;
type ListKey = keyof typeof LISTS;

/** The issues that say an id names nothing, with the list the id should be found in. */
const REFERENCES: Partial<Record<IssueCode, ListKey>> = {
  'unknown-actor': 'actors',
  'unknown-member': 'actors',
  'unknown-tie-type': 'tieTypes',
  'unknown-source': 'sources',
};

const isListKey = (key: unknown): key is ListKey => typeof key === 'string' && Object.hasOwn(LISTS, key);

/** The value at `path` in `value`, or undefined where the path leads nowhere. */
function valueAt(value: unknown, path: JsonPath): unknown {
  let at = value;
  for (const segment of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, segment)) return undefined;
    at = Reflect.get(at, segment);
  }
  return at;
}

/**
 * The issues of references, source texts and quotes among the items of `input` that hold to
 * their own schema (a whole actor, tie type, source or tie), at their paths in `input`. Use it
 * where the structure as a whole does not hold; where it does, `validateDataset` reports them.
 * An id that names an item whose own structure is broken is not reported as naming nothing: that
 * item's own errors are.
 */
export async function checkSoundParts(input: unknown, loadText: TextLoader): Promise<ValidationIssue[]> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [];
  const parts: Record<string, unknown> = {};
  const placeOf = new Map<ListKey, number[]>();
  const idsWritten = new Map<ListKey, Set<unknown>>();
  for (const key of Object.keys(LISTS) as ListKey[]) {
    const list: unknown = Reflect.get(input, key);
    const items: unknown[] = Array.isArray(list) ? list : [];
    const sound: unknown[] = [];
    const places: number[] = [];
    items.forEach((item, index) => {
      const parsed = v.safeParse(LISTS[key], item);
      if (!parsed.success) return;
      sound.push(parsed.output);
      places.push(index);
    });
    parts[key] = sound;
    placeOf.set(key, places);
    idsWritten.set(key, new Set(items.map((item) => valueAt(item, ['id']))));
  }
  const layout = v.safeParse(LayoutSchema, Reflect.get(input, 'layout'));
  if (layout.success) parts.layout = layout.output;
  const { issues } = await checkBeyondStructure(parts as Dataset, loadText);
  return issues.flatMap((issue) => {
    const [key, index, ...rest] = issue.path;
    const path = isListKey(key) && typeof index === 'number' ? [key, placeOf.get(key)?.[index] ?? index, ...rest] : issue.path;
    const list = REFERENCES[issue.code];
    if (list !== undefined) {
      const named = key === 'layout' ? path.at(-1) : valueAt(input, path);
      // A bloc that lists itself names an actor that exists, and is still at fault.
      const itself = named === valueAt(input, [...path.slice(0, 2), 'id']);
      if (!itself && idsWritten.get(list)?.has(named)) return [];
    }
    return [{ ...issue, path }];
  });
}
