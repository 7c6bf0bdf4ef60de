/**
 * The checks after the structure, run on the parts of a dataset whose structure holds, for the
 * CLI: one `npm run validate` then reports a broken reference or quote beside a misspelt field
 * elsewhere, instead of only once that field is mended.
 */
import * as v from 'valibot';
import {
  ActorSchema,
  type Dataset,
  EvidenceSchema,
  LayoutSchema,
  SourceSchema,
  TieSchema,
  TieTypeSchema,
} from '../model/schema.ts';
import type { IssueCode, ValidationIssue } from './issue.ts';
import type { JsonPath } from './json-path.ts';
import {
  checkBeyondStructure,
  checkEvidence,
  checkReferences,
  type PlaceOf,
  type QuotedTie,
  type TextLoader,
} from './validate.ts';

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

/** The value at `path` in `value`, or undefined where the path leads nowhere. */
function valueAt(value: unknown, path: JsonPath): unknown {
  let at = value;
  for (const segment of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, segment)) return undefined;
    at = Reflect.get(at, segment);
  }
  return at;
}

/** A list of `input` as written: its items, and whether it is a list at all. */
function listOf(input: object, key: ListKey): { items: unknown[]; isList: boolean } {
  const list: unknown = Reflect.get(input, key);
  return Array.isArray(list) ? { items: list, isList: true } : { items: [], isList: false };
}

/**
 * The issues of references, source texts and quotes among the items of `input` that hold to
 * their own schema (a whole actor, tie type, source or tie), and of the quotes that hold to theirs
 * in ties that do not, at their paths in `input`. Use it where the structure as a whole does not
 * hold; where it does, `validateDataset` reports them. An id that names an item whose own
 * structure is broken, or an item of a list that is not a list, is not reported as naming
 * nothing: the structure's errors say what is wrong there.
 */
export async function checkSoundParts(input: unknown, loadText: TextLoader): Promise<ValidationIssue[]> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [];
  const parts: Record<string, unknown> = {};
  const placesOf = new Map<string, number[]>();
  const idsWritten = new Map<ListKey, Set<unknown>>();
  const unlisted = new Set<ListKey>();
  for (const key of Object.keys(LISTS) as ListKey[]) {
    const { items, isList } = listOf(input, key);
    if (!isList) unlisted.add(key);
    const sound: unknown[] = [];
    const places: number[] = [];
    items.forEach((item, index) => {
      const parsed = v.safeParse(LISTS[key], item);
      if (!parsed.success) return;
      sound.push(parsed.output);
      places.push(index);
    });
    parts[key] = sound;
    placesOf.set(key, places);
    // An id written as a number is broken, and a tie naming it as text names that item.
    const ids = items.map((item) => valueAt(item, ['id']));
    idsWritten.set(key, new Set([...ids, ...ids.filter((id) => typeof id === 'number').map(String)]));
  }
  const layout = v.safeParse(LayoutSchema, Reflect.get(input, 'layout'));
  if (layout.success) parts.layout = layout.output;
  const placeOf = (key: string, index: number) => placesOf.get(key)?.[index] ?? index;
  const { issues, texts } = await checkBeyondStructure(parts as Dataset, loadText, placeOf);

  // The ties left out above: what they name (checked against no item at all: the ids written
  // anywhere are let through below), and each of their quotes whose own structure holds.
  const brokenTies: QuotedTie[] = [];
  const brokenNames: unknown[] = [];
  const brokenPlaces: number[] = [];
  const soundPlaces = new Set(placesOf.get('ties'));
  listOf(input, 'ties').items.forEach((tie, index) => {
    if (soundPlaces.has(index) || tie === null || typeof tie !== 'object') return;
    const written = valueAt(tie, ['evidence']);
    const evidence: unknown[] = Array.isArray(written) ? written : [];
    const writtenId = valueAt(tie, ['id']);
    const id = typeof writtenId === 'string' ? writtenId : `ties[${index}]`;
    const [source, target, type] = ['source', 'target', 'type'].map((field) => valueAt(tie, [field]));
    brokenPlaces.push(index);
    brokenNames.push({ id, source, target, type, evidence: evidence.map((quote) => ({ source: valueAt(quote, ['source']) })) });
    brokenTies.push({
      id,
      evidence: evidence.map((quote) => {
        const parsed = v.safeParse(EvidenceSchema, quote);
        return parsed.success ? parsed.output : undefined;
      }),
    });
  });
  const nothing = { sources: [], actors: [], tieTypes: [], ties: brokenNames } as unknown as Dataset;
  const brokenPlaceOf = (key: string, index: number) => (key === 'ties' ? (brokenPlaces[index] ?? index) : index);
  const brokenIssues = [...checkReferences(nothing, brokenPlaceOf), ...checkEvidence(brokenTies, texts)];

  /** An issue at its path in the file, for items placed by `places`. */
  const placed = (issue: ValidationIssue, places: PlaceOf): ValidationIssue => {
    const [key, index, ...rest] = issue.path;
    return typeof key === 'string' && typeof index === 'number' ? { ...issue, path: [key, places(key, index), ...rest] } : issue;
  };
  const all = [...issues.map((issue) => placed(issue, placeOf)), ...brokenIssues.map((issue) => placed(issue, brokenPlaceOf))];
  return all.filter(({ code, path }) => {
    const list = REFERENCES[code];
    if (list === undefined) return true;
    if (unlisted.has(list)) return false;
    const named = path[0] === 'layout' ? path.at(-1) : valueAt(input, path);
    // Not text, it is no id: the structure's errors say so.
    if (typeof named !== 'string') return false;
    // A bloc that lists itself names an actor that exists, and is still at fault.
    const itself = code === 'unknown-member' && named === valueAt(input, [...path.slice(0, 2), 'id']);
    return itself || !idsWritten.get(list)?.has(named);
  });
}
