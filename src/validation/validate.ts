/**
 * The whole validation of a dataset: its structure, the references between its parts, and the
 * anchoring of every quote in its source text. Nothing here touches the file system or the DOM:
 * source texts come through a {@link TextLoader}, so the same code runs in the CLI and the browser.
 */
import { anchorQuote, findAllMany, fitsContext, hasContext } from '../evidence/anchor.ts';
import { type Dataset, type Evidence, SOURCE_TEXT_PATH_PATTERN, type Source } from '../model/schema.ts';
import { RESERVED_IDS } from '../model/vocabulary.ts';
import { clip, type ValidationIssue } from './issue.ts';
import { checkStructure } from './structure.ts';

/** The result of loading one source text. `where` names the file or URL that was read. */
export type TextLoadResult =
  | { readonly ok: true; readonly text: string; readonly where: string }
  | { readonly ok: false; readonly reason: string; readonly where: string };

/** Loads a source text given its path relative to the dataset file. */
export type TextLoader = (relativePath: string) => Promise<TextLoadResult>;

/** What validation found. `dataset` is set when the structure is valid, even if other checks fail. */
export interface ValidationReport {
  readonly dataset?: Dataset | undefined;
  readonly issues: readonly ValidationIssue[];
  /** The source texts that loaded, by source id. */
  readonly texts: ReadonlyMap<string, string>;
}

/**
 * The SHA-256 of a text's UTF-8 bytes, in hex. Web Crypto does it where it exists; elsewhere (a
 * page served over plain http) a JavaScript implementation is loaded, so a text is never let
 * through unchecked.
 */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) {
    const { sha256HexOfBytes } = await import('./sha256.ts');
    return sha256HexOfBytes(bytes);
  }
  const digest = await subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Where an item of the dataset stands in the file: `placeOf(list, index)`. It differs from the
 * item's index where only some of a list's items are checked (see sound-parts.ts).
 */
export type PlaceOf = (list: string, index: number) => number;

const samePlace: PlaceOf = (_, index) => index;

export function checkReferences(dataset: Dataset, placeOf: PlaceOf): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const error = (path: ValidationIssue['path'], code: ValidationIssue['code'], message: string) =>
    issues.push({ path, code, severity: 'error', message });
  const warn = (path: ValidationIssue['path'], code: ValidationIssue['code'], message: string) =>
    issues.push({ path, code, severity: 'warning', message });

  // Actors and ties become nodes and edges of one graph, where ids must be unique across both.
  const collections = [
    { key: 'sources', items: dataset.sources, scope: 'source' },
    { key: 'actors', items: dataset.actors, scope: 'graph' },
    { key: 'tieTypes', items: dataset.tieTypes, scope: 'tieType' },
    { key: 'ties', items: dataset.ties, scope: 'graph' },
  ] as const;
  const firstSeen = new Map<string, string>();
  for (const { key, items, scope } of collections) {
    items.forEach((item, index) => {
      const path = [key, index, 'id'];
      if (RESERVED_IDS.has(item.id)) {
        error(path, 'reserved-id', `The id "${item.id}" is reserved in JavaScript; choose another id.`);
        return;
      }
      const scoped = `${scope}\u0000${item.id}`;
      const earlier = firstSeen.get(scoped);
      if (earlier !== undefined) {
        error(path, 'duplicate-id', `The id "${item.id}" is already used by ${earlier}; ids must be unique.`);
      } else firstSeen.set(scoped, `${key}[${placeOf(key, index)}]`);
    });
  }

  const actors = new Map(dataset.actors.map((actor) => [actor.id, actor]));
  const tieTypes = new Map(dataset.tieTypes.map((type) => [type.id, type]));
  const sources = new Set(dataset.sources.map((source) => source.id));

  dataset.actors.forEach((actor, index) => {
    if (actor.kind === 'state' && !/^[A-Z]{3}$/.test(actor.id)) {
      error(
        ['actors', index, 'id'],
        'state-id-format',
        `"${actor.name}" is a state, so its id must be its ISO 3166-1 alpha-3 code (three capital letters, e.g. "PRK"), not "${actor.id}".`,
      );
    }
    if (actor.members === undefined) return;
    if (actor.kind !== 'bloc' && actor.members.length > 0) {
      warn(['actors', index, 'members'], 'members-not-bloc', `"${actor.name}" is a ${actor.kind}, and only blocs have members.`);
    }
    actor.members.forEach((member, memberIndex) => {
      const path = ['actors', index, 'members', memberIndex];
      if (member === actor.id) error(path, 'unknown-member', `The bloc "${actor.name}" cannot be a member of itself.`);
      else if (!actors.has(member)) error(path, 'unknown-member', `The member "${member}" is not the id of any actor.`);
    });
  });

  for (const id of Object.keys(dataset.layout?.positions ?? {})) {
    if (!actors.has(id)) {
      warn(
        ['layout', 'positions', id],
        'unknown-actor',
        `The layout places "${id}", which is not the id of any actor; run npm run layout again.`,
      );
    }
  }

  const undirectedSeen = new Map<string, number>();
  dataset.ties.forEach((tie, index) => {
    for (const end of ['source', 'target'] as const) {
      if (!actors.has(tie[end])) {
        error(['ties', index, end], 'unknown-actor', `The ${end} "${tie[end]}" of tie "${tie.id}" is not the id of any actor.`);
      }
    }
    const type = tieTypes.get(tie.type);
    if (type === undefined) {
      error(
        ['ties', index, 'type'],
        'unknown-tie-type',
        `The type "${tie.type}" of tie "${tie.id}" is not the id of any tie type.`,
      );
    }
    if (tie.source === tie.target) {
      warn(['ties', index, 'target'], 'self-tie', `Tie "${tie.id}" links "${tie.source}" to itself.`);
    }
    if (type !== undefined && !type.directed && tie.source !== tie.target) {
      // An undirected tie is the same tie whichever way round its ends are given.
      const [one, other] = [tie.source, tie.target].sort();
      const key = `${tie.type}\u0000${tie.status}\u0000${one}\u0000${other}`;
      const earlier = undirectedSeen.get(key);
      if (earlier === undefined) undirectedSeen.set(key, index);
      else {
        const how = dataset.ties[earlier]?.source === tie.source ? '' : ' in reverse';
        error(
          ['ties', index],
          'reversed-duplicate',
          `Tie "${tie.id}" repeats ties[${placeOf('ties', earlier)}] ("${dataset.ties[earlier]?.id}")${how}, but "${type.id}" is undirected, so the two are the same tie. Merge their evidence into one tie.`,
        );
      }
    }
    tie.evidence.forEach((quote, quoteIndex) => {
      if (!sources.has(quote.source)) {
        error(
          ['ties', index, 'evidence', quoteIndex, 'source'],
          'unknown-source',
          `The source "${quote.source}" of this quote is not the id of any source.`,
        );
      }
    });
  });
  return issues;
}

/**
 * Checks a source's text against its `sha256`: an issue when the text changed since the quotes
 * were taken. `index` is the source's place in `sources`; `loaded` the text and where it was read.
 */
export async function checkTextDigest(
  source: Pick<Source, 'id' | 'sha256'>,
  index: number,
  loaded: { readonly text: string; readonly where: string },
): Promise<ValidationIssue | undefined> {
  const digest = await sha256Hex(loaded.text);
  if (digest === source.sha256) return undefined;
  return {
    path: ['sources', index, 'sha256'],
    code: 'sha256-mismatch',
    severity: 'error',
    message: `The text at ${loaded.where} has SHA-256 ${digest}, not ${source.sha256}: the text changed since the quotes were taken. Check the quotes, then update "sha256".`,
  };
}

async function loadTexts(
  dataset: Dataset,
  loadText: TextLoader,
): Promise<{ texts: Map<string, string>; issues: ValidationIssue[] }> {
  const texts = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  await Promise.all(
    dataset.sources.map(async (source, index) => {
      const loaded = await loadText(source.text);
      if (!loaded.ok) {
        issues.push({
          path: ['sources', index, 'text'],
          code: 'source-text-missing',
          severity: 'error',
          message: `The text of source "${source.id}" could not be read from ${loaded.where}: ${loaded.reason}.`,
        });
        return;
      }
      texts.set(source.id, loaded.text);
      const mismatch = await checkTextDigest(source, index, loaded);
      if (mismatch !== undefined) issues.push(mismatch);
    }),
  );
  return { texts, issues };
}

/** Whether string offset `at` of `text` falls between the high and low halves of a surrogate pair. */
function splitsCharacter(text: string, at: number): boolean {
  return (text.charCodeAt(at - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(at) & 0xfc00) === 0xdc00;
}

/** A tie as {@link checkEvidence} reads it; a quote too broken to look for is left undefined. */
export interface QuotedTie {
  readonly id: string;
  readonly evidence: readonly (Evidence | undefined)[];
}

/**
 * Anchors every quote of `ties` in its source text (`texts`, by source id): quotes nowhere in the
 * text, at other offsets, at offsets that cut a character in two, ambiguous, or with context that
 * does not fit. Quotes whose text is missing are passed over. Paths are `['ties', tie index, 'evidence', quote index, …]`.
 */
export function checkEvidence(ties: readonly QuotedTie[], texts: ReadonlyMap<string, string>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // Every quote of a text is found in one pass over it.
  const occurrences = new Map<string, Map<string, number[]>>();
  for (const [sourceId, text] of texts) {
    const quotes = ties.flatMap((tie) =>
      tie.evidence.flatMap((quote) => (quote !== undefined && quote.source === sourceId ? [quote.exact] : [])),
    );
    occurrences.set(sourceId, findAllMany(text, quotes));
  }
  ties.forEach((tie, index) => {
    tie.evidence.forEach((quote, quoteIndex) => {
      if (quote === undefined) return;
      const text = texts.get(quote.source);
      if (text === undefined) return;
      const path = ['ties', index, 'evidence', quoteIndex];
      // Made only for a message: most quotes have none.
      const shown = () => `"${clip(quote.exact)}"`;
      const result = anchorQuote(text, quote, occurrences.get(quote.source)?.get(quote.exact));
      if (result.status === 'orphaned') {
        const near =
          result.near === undefined
            ? ''
            : ` It would match at ${result.near.start}–${result.near.end} if quote marks, dashes and spacing were ignored: copy the words exactly as the text has them.`;
        issues.push({
          path: [...path, 'exact'],
          code: 'evidence-orphaned',
          severity: 'error',
          message: `The quote ${shown()} of tie "${tie.id}" is nowhere in source "${quote.source}".${near}`,
        });
        return;
      }
      // An offset between the halves of a surrogate pair (an emoji, a rare CJK character) is a
      // place in UTF-16, but not in the text a reader sees; --fix-offsets must not write one.
      const cuts = (['start', 'end'] as const).filter((field) => splitsCharacter(text, result.at[field]));
      for (const field of cuts) {
        issues.push({
          path: [...path, field],
          code: 'evidence-splits-character',
          severity: 'error',
          message: `The quote ${shown()} of tie "${tie.id}" stands at ${result.at.start}–${result.at.end} in source "${quote.source}", where its ${field} falls between the two halves of one character (such as an emoji) and cuts it in two. Include the whole character in the quote, or leave it out.`,
        });
      }
      if (result.status === 'drifted' && cuts.length === 0) {
        issues.push({
          path: [...path, 'start'],
          code: 'evidence-drifted',
          severity: 'error',
          message: `The quote ${shown()} of tie "${tie.id}" is not at ${quote.start}–${quote.end} but at ${result.at.start}–${result.at.end}. Run with --fix-offsets to correct it.`,
          fix: result.at,
        });
      }
      if (result.ambiguous) {
        issues.push({
          path: [...path, 'exact'],
          code: 'evidence-ambiguous',
          severity: 'warning',
          message: `The quote ${shown()} of tie "${tie.id}" occurs ${result.occurrences} times in source "${quote.source}", and its prefix and suffix do not say which is meant. Add a prefix or suffix, or quote more words.`,
        });
      }
      if (hasContext(quote) && !fitsContext(text, result.at.start, quote)) {
        issues.push({
          path,
          code: 'evidence-context-mismatch',
          severity: 'warning',
          message: `The prefix or suffix of the quote ${shown()} of tie "${tie.id}" does not match the text around it at ${result.at.start}–${result.at.end}.`,
        });
      }
    });
  });
  return issues;
}

/** A loader that asks `loadText` for each path once, however often the path is asked for. */
export function memoizeTextLoader(loadText: TextLoader): TextLoader {
  const loading = new Map<string, Promise<TextLoadResult>>();
  return (path) => {
    let result = loading.get(path);
    if (result === undefined) {
      result = loadText(path);
      loading.set(path, result);
    }
    return result;
  };
}

/**
 * The paths that the sources of a value not yet validated give as `text`, where they are strings
 * the schema accepts as paths: nothing the validation would refuse (a URL) is ever asked for.
 */
function sourceTextPathsOf(input: unknown): string[] {
  if (input === null || typeof input !== 'object' || !('sources' in input) || !Array.isArray(input.sources)) return [];
  return input.sources.flatMap((source: unknown) =>
    source !== null &&
    typeof source === 'object' &&
    'text' in source &&
    typeof source.text === 'string' &&
    SOURCE_TEXT_PATH_PATTERN.test(source.text)
      ? [source.text]
      : [],
  );
}

/**
 * Lets other work run between two steps of validation; the page passes one that ends the task
 * (see `yieldToMain`), so that a large dataset is not checked in one long task.
 */
export type Pause = () => Promise<void>;

const noPause: Pause = () => Promise.resolve();

/**
 * Validates a parsed dataset: structure first, then references, then the source texts and every
 * quote in them. Issues come back in that order. `loadText` is asked for the texts at the start,
 * before the structure is known to hold, for every source whose `text` has the form of a path.
 * `pause` is awaited once the texts are asked for, and between the structure, the references and
 * the quotes.
 */
export async function validateDataset(input: unknown, loadText: TextLoader, pause = noPause): Promise<ValidationReport> {
  // The texts are asked for at once, so that they load while the structure is checked; a failure
  // is reported where the texts are read, below (for a dataset whose structure does not hold,
  // only by the CLI: see sound-parts.ts).
  const loader = memoizeTextLoader(loadText);
  for (const path of sourceTextPathsOf(input)) loader(path).catch(() => undefined);
  await pause();
  const structure = await checkStructure(input);
  if (!structure.ok) return { issues: structure.issues, texts: new Map() };
  await pause();
  return { dataset: structure.dataset, ...(await checkBeyondStructure(structure.dataset, loader, samePlace, pause)) };
}

/**
 * The checks that need the structure to hold: references, then source texts, then quotes.
 * `placeOf` places the items that messages name by index (by default, where they are); `pause` is
 * awaited before the quotes.
 */
export async function checkBeyondStructure(
  dataset: Dataset,
  loadText: TextLoader,
  placeOf = samePlace,
  pause = noPause,
): Promise<{ issues: ValidationIssue[]; texts: Map<string, string> }> {
  const references = checkReferences(dataset, placeOf);
  const { texts, issues: textIssues } = await loadTexts(dataset, loadText);
  await pause();
  const evidence = checkEvidence(dataset.ties, texts);
  return { issues: [...references, ...textIssues, ...evidence], texts };
}
