/**
 * Search over a dataset: actors by name, alias or localized name, tie types by label or localized
 * label, and words
 * inside evidence quotes. The index is built once per dataset; a query then scans a few long
 * folded strings with `indexOf`, which answers in a few milliseconds even for 10,000 actors and
 * 20,000 ties (see tests/unit/search.test.ts, which prints the figures).
 *
 * Matching ignores case, diacritics, curly against straight quotes, dashes and extra white space
 * (see `fold.ts`). A match at the start of a word ranks above one inside a word; actors come first
 * (a name above an alias above a localized name), then tie types, then quotes.
 */
import type { Actor, Dataset, TieType } from '../model/schema.ts';
import type { TieCategory, TieStatus } from '../model/vocabulary.ts';
import { actorLabel, tieTypeLabel } from '../render/elements.ts';
import { countTies, type TieCount } from '../render/filter.ts';
import { fold, foldQuery, foldWithOffsets, isWordChar, originalRange } from './fold.ts';
import { type Marked, snippetAround } from './snippet.ts';

export type { Marked } from './snippet.ts';

/** Which of an actor's names matched. */
export type ActorField = 'name' | 'alias' | 'localized';

/** An actor whose name, alias or localized name matched. */
export interface ActorHit {
  readonly kind: 'actor';
  readonly id: string;
  /** The actor's name as the widget shows it: in the search's `lang` where the data has it. */
  readonly label: string;
  readonly field: ActorField;
  /** The language tag of the localized name that matched. */
  readonly lang?: string | undefined;
  /** The name, alias or localized name that matched, with the matched words. */
  readonly matched: Marked;
}

/** Which of a tie type's labels matched. */
export type TieTypeField = 'label' | 'localized';

/** A tie type whose label or localized label matched. */
export interface TieTypeHit {
  readonly kind: 'tie-type';
  readonly id: string;
  /** The type's label as the widget shows it: in the search's `lang` where the data has it. */
  readonly label: string;
  readonly field: TieTypeField;
  /** The language tag of the localized label that matched. */
  readonly lang?: string | undefined;
  readonly category: TieCategory;
  /**
   * How many ties of the dataset have this type, those that exist and the absent ones apart
   * (types with none are not searched).
   */
  readonly ties: Readonly<TieCount>;
  /** The label or localized label that matched, with the matched words. */
  readonly matched: Marked;
}

/** A tie one of whose quotes holds the query (one hit per tie, for its best quote). */
export interface QuoteHit {
  readonly kind: 'quote';
  /** The id of the tie. */
  readonly id: string;
  /** The names of the tie's two actors, as the widget shows them. */
  readonly source: string;
  readonly target: string;
  readonly directed: boolean;
  /** The label of the tie's type, as the widget shows it. */
  readonly type: string;
  readonly category: TieCategory | undefined;
  readonly status: TieStatus;
  /** A few words of the quote around the match, with the matched words. */
  readonly snippet: Marked;
}

export type SearchHit = ActorHit | TieTypeHit | QuoteHit;

/** The hits of one kind that are listed, and how many matched in all. */
export interface SearchGroup<T extends SearchHit> {
  readonly hits: readonly T[];
  readonly total: number;
}

/** The answer to a query. */
export interface SearchResults {
  readonly actors: SearchGroup<ActorHit>;
  readonly tieTypes: SearchGroup<TieTypeHit>;
  readonly quotes: SearchGroup<QuoteHit>;
  /** Whether more matched than are listed, in any group. */
  readonly truncated: boolean;
}

export interface SearchOptions {
  /** The language of actor names and tie-type labels in the results (e.g. `ko`), where the data has them. */
  readonly lang?: string | undefined;
  /** At most this many hits of each kind (default 8). */
  readonly perGroup?: number;
  /** At most this many hits in all (default 20); actors are served first, quotes last. */
  readonly limit?: number;
}

/** Quotes are searched from this many characters of query on: one letter matches nearly every quote. */
export const MIN_QUOTE_QUERY = 2;

/**
 * Folded texts joined by `\n` (which folded text never holds, so no match spans two entries),
 * with where each entry starts.
 */
interface Corpus {
  readonly hay: string;
  /** Entry `i` is `hay.slice(starts[i], starts[i + 1] - 1)`. */
  readonly starts: Int32Array;
}

function corpusOf(texts: readonly string[]): Corpus {
  const starts = new Int32Array(texts.length + 1);
  let offset = 0;
  for (const [i, text] of texts.entries()) {
    starts[i] = offset;
    offset += text.length + 1;
  }
  starts[texts.length] = offset;
  return { hay: texts.join('\n'), starts };
}

/** A match in a corpus: its entry, where it starts, and how good it is (lower is better). */
interface Match {
  readonly entry: number;
  readonly at: number;
  readonly tier: number;
}

/** Exact (the whole entry), at the start of a word, or inside a word. */
const EXACT = 0;
const WORD_START = 1;
const INSIDE = 2;

/**
 * Calls `visit` for each occurrence of `query` in the corpus, in order, with its entry and tier.
 * `visit` returns where to look next (an offset in the corpus), so a caller can skip ahead.
 */
function scan(corpus: Corpus, query: string, visit: (match: Match) => number): void {
  const { hay, starts } = corpus;
  let entry = 0;
  let at = hay.indexOf(query);
  while (at !== -1) {
    while ((starts[entry + 1] as number) <= at) entry++;
    const start = starts[entry] as number;
    const wordStart = at === start || !isWordChar(hay[at - 1]);
    const exact = at === start && at + query.length === (starts[entry + 1] as number) - 1;
    const next = visit({ entry, at, tier: exact ? EXACT : wordStart ? WORD_START : INSIDE });
    at = next >= hay.length ? -1 : hay.indexOf(query, next);
  }
}

const FIELD_RANK: Readonly<Record<ActorField, number>> = { name: 0, alias: 1, localized: 2 };

/** One number that orders matches: tier, then field, then how early and in how short a text. */
function score(tier: number, field: number, offset: number, length: number): number {
  return ((tier * 3 + field) * 1024 + Math.min(offset, 1023)) * 1024 + Math.min(length, 1023);
}

/** The `count` items of least score, in order (ties keep the order of `index`). */
function best<T extends { readonly score: number; readonly index: number }>(items: Iterable<T>, count: number): T[] {
  const kept: T[] = [];
  if (count <= 0) return kept;
  const before = (a: T, b: T) => a.score < b.score || (a.score === b.score && a.index < b.index);
  for (const item of items) {
    if (kept.length === count && !before(item, kept[count - 1] as T)) continue;
    let i = Math.min(kept.length, count - 1);
    while (i > 0 && before(item, kept[i - 1] as T)) i--;
    kept.splice(i, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

/** A dataset prepared for searching. Build it once per dataset with `buildSearchIndex`. */
export interface SearchIndex {
  readonly dataset: Dataset;
  readonly actorsById: ReadonlyMap<string, Actor>;
  /** Every name of every actor, folded; a name the actor already has is left out. */
  readonly names: Corpus;
  readonly nameOwner: Int32Array;
  readonly nameField: readonly ActorField[];
  readonly nameText: readonly string[];
  readonly nameLang: readonly (string | undefined)[];
  /** Every label and localized label of the tie types that have ties, folded; repeats are left out. */
  readonly types: Corpus;
  /** By entry: the index of its tie type in the dataset. */
  readonly typeOwner: Int32Array;
  readonly typeField: readonly TieTypeField[];
  readonly typeText: readonly string[];
  readonly typeLang: readonly (string | undefined)[];
  /** By tie type index in the dataset: how many ties have it, those that exist and the absent ones apart. */
  readonly typeTies: readonly Readonly<TieCount>[];
  /** Every quote, folded, in the order of the ties. */
  readonly quotes: Corpus;
  readonly quoteTie: Int32Array;
  readonly quoteEvidence: Int32Array;
  /** Where in `quotes.hay` each tie's last quote ends, so a scan can skip the rest of a tie. */
  readonly tieEnd: Int32Array;
}

/** One name to index: its text, which of its owner's names it is, and its language when localized. */
type NameEntry<F> = readonly [text: string, field: F, lang?: string];

/** The names of a list of owners (actors, tie types), folded for matching; a name repeated by the same owner counts once. */
interface NameTable<F> {
  readonly folded: string[];
  readonly owner: number[];
  readonly field: F[];
  readonly text: string[];
  readonly lang: (string | undefined)[];
}

/** Folds and collects the names `namesOf` gives for each owner. */
function nameTable<T, F>(owners: readonly T[], namesOf: (owner: T) => readonly NameEntry<F>[]): NameTable<F> {
  const table: NameTable<F> = { folded: [], owner: [], field: [], text: [], lang: [] };
  for (const [index, owner] of owners.entries()) {
    const seen = new Set<string>();
    for (const [text, field, lang] of namesOf(owner)) {
      const folded = fold(text).trim();
      if (folded === '' || seen.has(folded)) continue;
      seen.add(folded);
      table.folded.push(folded);
      table.owner.push(index);
      table.field.push(field);
      table.text.push(text);
      table.lang.push(lang);
    }
  }
  return table;
}

/** Localized names or labels as name entries. */
const localized = <F>(names: Readonly<Record<string, string>> | undefined, field: F): NameEntry<F>[] =>
  Object.entries(names ?? {}).map(([lang, text]) => [text, field, lang]);

/** Prepares a dataset for searching. */
export function buildSearchIndex(dataset: Dataset): SearchIndex {
  const actorNames = nameTable<Actor, ActorField>(dataset.actors, (actor) => [
    [actor.name, 'name'],
    ...actor.aliases.map((alias): NameEntry<ActorField> => [alias, 'alias']),
    ...localized<ActorField>(actor.names, 'localized'),
  ]);
  const tieCount = countTies(dataset).byType;
  const none: TieCount = { present: 0, absent: 0 };
  // Tie types with no tie are not offered: choosing one would select nothing.
  const typeNames = nameTable<TieType, TieTypeField>(dataset.tieTypes, (type) => {
    const count = tieCount.get(type.id) ?? none;
    return count.present + count.absent === 0
      ? []
      : [[type.label, 'label'], ...localized<TieTypeField>(type.labels, 'localized')];
  });

  const quotes: string[] = [];
  const quoteTie: number[] = [];
  const quoteEvidence: number[] = [];
  const tieEnd = new Int32Array(dataset.ties.length);
  let offset = 0;
  for (const [tieIndex, tie] of dataset.ties.entries()) {
    for (const [evidenceIndex, evidence] of tie.evidence.entries()) {
      const folded = fold(evidence.exact);
      quotes.push(folded);
      quoteTie.push(tieIndex);
      quoteEvidence.push(evidenceIndex);
      offset += folded.length + 1;
    }
    tieEnd[tieIndex] = offset;
  }

  return {
    dataset,
    actorsById: new Map(dataset.actors.map((actor) => [actor.id, actor])),
    names: corpusOf(actorNames.folded),
    nameOwner: Int32Array.from(actorNames.owner),
    nameField: actorNames.field,
    nameText: actorNames.text,
    nameLang: actorNames.lang,
    types: corpusOf(typeNames.folded),
    typeOwner: Int32Array.from(typeNames.owner),
    typeField: typeNames.field,
    typeText: typeNames.text,
    typeLang: typeNames.lang,
    typeTies: dataset.tieTypes.map((type) => tieCount.get(type.id) ?? none),
    quotes: corpusOf(quotes),
    quoteTie: Int32Array.from(quoteTie),
    quoteEvidence: Int32Array.from(quoteEvidence),
    tieEnd,
  };
}

/** The original text of an entry, with the words that matched the folded query at `at` marked. */
function markIn(original: string, offsetInEntry: number, length: number): Marked {
  const folded = foldWithOffsets(original);
  // Entries were trimmed after folding; the folded original may start with a space.
  const lead = folded.text.length - folded.text.trimStart().length;
  const range = originalRange(folded, offsetInEntry + lead, offsetInEntry + lead + length);
  return { text: original, start: range.start, end: range.end };
}

/** The best match of one owner (an actor, a tie type) among its several names. */
interface OwnerMatch {
  readonly score: number;
  readonly index: number;
  readonly entry: number;
  readonly at: number;
}

/**
 * Scans a corpus of names and keeps, for each owner, its best-scoring match: an owner with
 * several names (aliases, localized names) is listed once, for the name that fits best.
 */
function bestPerOwner(
  corpus: Corpus,
  query: string,
  ownerOf: (entry: number) => number,
  rankOf: (entry: number) => number,
): Map<number, OwnerMatch> {
  const found = new Map<number, OwnerMatch>();
  const { starts } = corpus;
  scan(corpus, query, ({ entry, at, tier }) => {
    const owner = ownerOf(entry);
    const start = starts[entry] as number;
    const length = (starts[entry + 1] as number) - 1 - start;
    const value = score(tier, rankOf(entry), at - start, length);
    const previous = found.get(owner);
    if (previous === undefined || value < previous.score) found.set(owner, { score: value, index: owner, entry, at });
    return at + 1;
  });
  return found;
}

/** The names that match, best first: one hit per actor, for its best-matching name. */
function searchActors(index: SearchIndex, query: string, count: number, lang: string | undefined): SearchGroup<ActorHit> {
  const found = bestPerOwner(
    index.names,
    query,
    (entry) => index.nameOwner[entry] as number,
    (entry) => FIELD_RANK[index.nameField[entry] as ActorField],
  );
  const hits = best(found.values(), count).map(({ index: owner, entry, at }): ActorHit => {
    const actor = index.dataset.actors[owner] as Actor;
    const field = index.nameField[entry] as ActorField;
    return {
      kind: 'actor',
      id: actor.id,
      label: actorLabel(actor, lang),
      field,
      ...(field === 'localized' ? { lang: index.nameLang[entry] } : {}),
      matched: markIn(index.nameText[entry] as string, at - (index.names.starts[entry] as number), query.length),
    };
  });
  return { hits, total: found.size };
}

const TYPE_FIELD_RANK: Readonly<Record<TieTypeField, number>> = { label: 0, localized: 1 };

/** The tie types whose label or localized label matches, best first: one hit per type, for its best-matching label. */
function searchTypes(index: SearchIndex, query: string, count: number, lang: string | undefined): SearchGroup<TieTypeHit> {
  const found = bestPerOwner(
    index.types,
    query,
    (entry) => index.typeOwner[entry] as number,
    (entry) => TYPE_FIELD_RANK[index.typeField[entry] as TieTypeField],
  );
  const hits = best(found.values(), count).map(({ index: owner, entry, at }): TieTypeHit => {
    const type = index.dataset.tieTypes[owner];
    if (type === undefined) throw new Error('search index out of step with its dataset');
    const field = index.typeField[entry] as TieTypeField;
    return {
      kind: 'tie-type',
      id: type.id,
      label: tieTypeLabel(type, lang),
      field,
      ...(field === 'localized' ? { lang: index.typeLang[entry] } : {}),
      category: type.category,
      ties: index.typeTies[owner] as TieCount,
      matched: markIn(index.typeText[entry] as string, at - (index.types.starts[entry] as number), query.length),
    };
  });
  return { hits, total: found.size };
}

/** The ties with a quote that holds the query: those where it starts a word first, in dataset order. */
function searchQuotes(index: SearchIndex, query: string, count: number, lang: string | undefined): SearchGroup<QuoteHit> {
  const atWordStart: { tie: number; entry: number; at: number }[] = [];
  const inside = new Map<number, { entry: number; at: number }>();
  scan(index.quotes, query, ({ entry, at, tier }) => {
    const tie = index.quoteTie[entry] as number;
    if (tier !== INSIDE) {
      atWordStart.push({ tie, entry, at });
      inside.delete(tie);
      // The tie has its hit: the rest of its quotes need no look.
      return index.tieEnd[tie] as number;
    }
    if (!inside.has(tie)) inside.set(tie, { entry, at });
    return at + 1;
  });
  const chosen = [
    ...atWordStart.slice(0, count),
    ...[...inside].slice(0, Math.max(0, count - atWordStart.length)).map(([tie, match]) => ({ tie, ...match })),
  ];
  const { dataset } = index;
  const name = (id: string) => {
    const actor = index.actorsById.get(id);
    return actor === undefined ? id : actorLabel(actor, lang);
  };
  const hits = chosen.map(({ tie: tieIndex, entry, at }): QuoteHit => {
    const tie = dataset.ties[tieIndex];
    const evidence = tie?.evidence[index.quoteEvidence[entry] as number];
    const type = dataset.tieTypes.find((candidate) => candidate.id === tie?.type);
    if (tie === undefined || evidence === undefined) throw new Error('search index out of step with its dataset');
    const folded = foldWithOffsets(evidence.exact);
    const offset = at - (index.quotes.starts[entry] as number);
    const range = originalRange(folded, offset, offset + query.length);
    return {
      kind: 'quote',
      id: tie.id,
      source: name(tie.source),
      target: name(tie.target),
      directed: type?.directed ?? true,
      type: type === undefined ? tie.type : tieTypeLabel(type, lang),
      category: type?.category,
      status: tie.status,
      snippet: snippetAround(evidence.exact, range.start, range.end),
    };
  });
  return { hits, total: atWordStart.length + inside.size };
}

const EMPTY: SearchResults = {
  actors: { hits: [], total: 0 },
  tieTypes: { hits: [], total: 0 },
  quotes: { hits: [], total: 0 },
  truncated: false,
};

/**
 * Answers a query: actors, then tie types, then quotes, each group best first and capped, with
 * how many matched in all. An empty query matches nothing; quotes are searched from
 * `MIN_QUOTE_QUERY` characters on.
 */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResults {
  const folded = foldQuery(query);
  if (folded === '') return EMPTY;
  const perGroup = options.perGroup ?? 8;
  let room = options.limit ?? 20;
  const actors = searchActors(index, folded, Math.min(perGroup, room), options.lang);
  room -= actors.hits.length;
  const tieTypes = searchTypes(index, folded, Math.min(perGroup, room), options.lang);
  room -= tieTypes.hits.length;
  const quotes =
    [...folded].length < MIN_QUOTE_QUERY
      ? { hits: [], total: 0 }
      : searchQuotes(index, folded, Math.min(perGroup, room), options.lang);
  const truncated = [actors, tieTypes, quotes].some((group) => group.hits.length < group.total);
  return { actors, tieTypes, quotes, truncated };
}

/** Every listed hit of a search, in the order shown: actors, tie types, quotes. */
export function hitsOf(results: SearchResults): SearchHit[] {
  return [...results.actors.hits, ...results.tieTypes.hits, ...results.quotes.hits];
}
