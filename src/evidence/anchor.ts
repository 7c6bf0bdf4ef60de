/**
 * Finds a quote in its source text. A quote is anchored twice, after the W3C Web Annotation model:
 * by position (`start`/`end`) and by content (`exact`, with `prefix` and `suffix` around it). When
 * the two disagree, the content wins and the position is reported as drifted.
 */

import { type FoldedText, foldForMatching, foldWithOrigin } from './text-fold.ts';

/** The parts of an evidence item that locate it in the text. */
export interface QuoteSelector {
  readonly exact: string;
  readonly prefix?: string | undefined;
  readonly suffix?: string | undefined;
  readonly start: number;
  readonly end: number;
}

/** A place in the text, as string offsets, end exclusive. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * What anchoring found.
 * - `exact`: the quote stands at its offsets.
 * - `drifted`: the quote stands elsewhere; `at` is where (the occurrence its context fits best).
 * - `orphaned`: the quote is nowhere in the text. `near` is set when it would match if curly and
 *   straight quotes, dashes, runs of white space and invisible characters were treated alike, as a
 *   web page's text is matched (see text-fold.ts).
 * `ambiguous` is true when the quote occurs more than once and its prefix and suffix do not say
 * which occurrence is meant.
 */
export type AnchorResult =
  | { readonly status: 'exact'; readonly at: TextRange; readonly ambiguous: boolean; readonly occurrences: number }
  | { readonly status: 'drifted'; readonly at: TextRange; readonly ambiguous: boolean; readonly occurrences: number }
  | { readonly status: 'orphaned'; readonly near?: TextRange | undefined };

/** Every offset at which `needle` starts in `haystack`, overlapping ones included. */
export function findAll(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
  return found;
}

export function fitsContext(text: string, at: number, quote: QuoteSelector): boolean {
  const { prefix, suffix, exact } = quote;
  if (prefix !== undefined && prefix !== '' && text.slice(Math.max(0, at - prefix.length), at) !== prefix) return false;
  const after = at + exact.length;
  if (suffix !== undefined && suffix !== '' && text.slice(after, after + suffix.length) !== suffix) return false;
  return true;
}

export function hasContext(quote: QuoteSelector): boolean {
  return (quote.prefix ?? '') !== '' || (quote.suffix ?? '') !== '';
}

/** How many leading characters index a quote in {@link findAllMany}. */
const KEY_LENGTH = 12;

/** The base of {@link findAllMany}'s rolling hash, whose arithmetic wraps at 2^32. */
const KEY_BASE = 65_599;
/** `KEY_BASE` to the power `KEY_LENGTH - 1`, modulo 2^32: what a window's first character weighs. */
const KEY_BASE_POWER = Array.from({ length: KEY_LENGTH - 1 }).reduce<number>((power) => Math.imul(power, KEY_BASE), 1);

/** The rolling hash of the first {@link KEY_LENGTH} characters of `text`, as a 32-bit integer. */
function keyHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < KEY_LENGTH; i++) hash = (Math.imul(hash, KEY_BASE) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Up to this many characters searched in all (needles times the haystack's length), each needle is
 * looked for on its own: the browser's native search then beats one indexed pass. Measured in
 * Node (medians of 15): the seed's 108 quotes in 15,000 characters took 0.15 ms so, 0.5 ms in one
 * pass; the 524 quotes of 300 synthetic actors in 22,000 characters took 4.5 ms so, 1.1 ms in one
 * pass.
 */
const SEPARATE_SEARCH_MAX_CHARACTERS = 4_000_000;

/**
 * Every offset of each needle in `haystack`. Many needles in a long text are found in one pass
 * over it: they are indexed by their first characters, so they cost about one scan, not one each.
 * `separateSearchMax` is {@link SEPARATE_SEARCH_MAX_CHARACTERS}, but for tests.
 */
export function findAllMany(
  haystack: string,
  needles: Iterable<string>,
  separateSearchMax = SEPARATE_SEARCH_MAX_CHARACTERS,
): Map<string, number[]> {
  const distinct = [...new Set(needles)];
  if (distinct.length * haystack.length <= separateSearchMax) {
    return new Map(distinct.map((needle) => [needle, findAll(haystack, needle)]));
  }
  const found = new Map<string, number[]>();
  // The needles of KEY_LENGTH or more characters, chained by the hash of those characters in a
  // table of four slots a needle: most places of the text miss at one read of a typed array, and
  // no string is made per place, as a table keyed by strings would need.
  const keyed: string[] = [];
  const keyHashes: number[] = [];
  const lists: number[][] = [];
  for (const needle of distinct) {
    if (needle.length < KEY_LENGTH) {
      found.set(needle, findAll(haystack, needle));
      continue;
    }
    const list: number[] = [];
    found.set(needle, list);
    lists.push(list);
    keyed.push(needle);
    keyHashes.push(keyHash(needle));
  }
  if (keyed.length === 0 || haystack.length < KEY_LENGTH) return found;
  const mask = 2 ** Math.ceil(Math.log2(keyed.length * 4)) - 1;
  const heads = new Int32Array(mask + 1).fill(-1);
  const next = new Int32Array(keyed.length);
  keyed.forEach((_, index) => {
    const slot = (keyHashes[index] as number) & mask;
    next[index] = heads[slot] as number;
    heads[slot] = index;
  });
  // Each window's hash is rolled on from the one before (Rabin-Karp, modulo 2^32).
  let hash = keyHash(haystack);
  for (let at = 0; ; at++) {
    for (let index = heads[hash & mask] as number; index !== -1; index = next[index] as number) {
      if (keyHashes[index] === hash && haystack.startsWith(keyed[index] as string, at)) lists[index]?.push(at);
    }
    if (at + KEY_LENGTH >= haystack.length) break;
    const dropped = Math.imul(haystack.charCodeAt(at), KEY_BASE_POWER);
    hash = (Math.imul((hash - dropped) | 0, KEY_BASE) + haystack.charCodeAt(at + KEY_LENGTH)) | 0;
  }
  return found;
}

/**
 * Anchors a quote in `text`. See {@link AnchorResult} for what comes back. `occurrences`, when
 * given, lists where the quote occurs (from {@link findAllMany}), to spare a scan of the text.
 */
export function anchorQuote(text: string, quote: QuoteSelector, occurrences = findAll(text, quote.exact)): AnchorResult {
  if (occurrences.length === 0) return { status: 'orphaned', near: findNormalized(text, quote.exact) };

  const fitting = hasContext(quote) ? occurrences.filter((at) => fitsContext(text, at, quote)) : [];
  // Which occurrences the quote could mean: those its context fits, or all of them when the context
  // fits none (the context may be stale while the quote itself is right).
  const candidates = fitting.length > 0 ? fitting : occurrences;
  const ambiguous = candidates.length > 1;
  const range = (at: number): TextRange => ({ start: at, end: at + quote.exact.length });
  const count = occurrences.length;

  if (candidates.includes(quote.start) && quote.end === quote.start + quote.exact.length) {
    return { status: 'exact', at: range(quote.start), ambiguous, occurrences: count };
  }
  // Where several occurrences are possible, the one nearest the stored offset is most likely meant.
  let best = candidates[0] as number;
  for (const at of candidates) if (Math.abs(at - quote.start) < Math.abs(best - quote.start)) best = at;
  return { status: 'drifted', at: range(best), ambiguous, occurrences: count };
}

/** The last text folded, and its fold, kept until the current task ends. */
let lastFolded: { readonly text: string; readonly fold: FoldedText } | undefined;

/**
 * `foldWithOrigin(text)`, folded once for a run of calls on the same text (the quotes of one source
 * are checked one after the other) instead of once per quote. The fold, 18 bytes a character, is
 * let go when the task ends, so no text's fold outlives its use.
 */
function foldedSource(text: string): FoldedText {
  if (lastFolded?.text !== text) {
    if (lastFolded === undefined) queueMicrotask(() => (lastFolded = undefined));
    lastFolded = { text, fold: foldWithOrigin(text) };
  }
  return lastFolded.fold;
}

/**
 * Finds `exact` in `text` when they differ only as a web page and its source text may (see
 * text-fold.ts): white space, look-alike quote marks and dashes, invisible characters, an ellipsis.
 */
export function findNormalized(text: string, exact: string): TextRange | undefined {
  const needle = foldForMatching(exact).trim();
  if (needle === '') return undefined;
  const { folded, origin } = foldedSource(text);
  const at = folded.indexOf(needle);
  if (at === -1) return undefined;
  // The match ends on a character of the text (never a space: the needle is trimmed), and the
  // range ends just after it; an ellipsis folded to three dots counts whole.
  return { start: origin[at] as number, end: (origin[at + needle.length - 1] as number) + 1 };
}
