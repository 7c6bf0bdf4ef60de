/**
 * Finds evidence quotes in the text of a web page (the article a widget sits in), which seldom
 * matches the source text character for character: pages reflow white space, turn straight quotes
 * into curly ones (or back), swap hyphens for dashes and hide soft hyphens in long words. Both the
 * page and the quotes are folded the same way, the quotes are found in the folded page text, and
 * the matches are mapped back to offsets of the page's own text.
 *
 * Index a page once with {@link indexPageText} and look up all its quotes with
 * {@link findManyInPageText}: a long article and hundreds of quotes cost about one pass over it.
 */
import { findAllMany } from './anchor.ts';
import { foldForMatching, foldWithOrigin } from './text-fold.ts';

/** The parts of an evidence item that find it in a page: its words and the words around them. */
export interface PageQuote {
  readonly exact: string;
  readonly prefix?: string | undefined;
  readonly suffix?: string | undefined;
}

/** A page's text, folded for matching, with the way back to the original offsets. */
export interface PageTextIndex {
  /** The page's text as it is. */
  readonly text: string;
  /** The text folded by {@link foldPageText}. */
  readonly folded: string;
  /**
   * For each folded character, the offset in `text` of the character it came from; one more entry
   * at the end holds `text.length`.
   */
  readonly origin: Uint32Array;
}

/**
 * Where a quote stands in the page.
 * - `found`: at `start`–`end` of the page's text (end exclusive). `occurrences` counts the places
 *   the quote's words occur; `context` is the share (0 to 1) of the prefix and suffix characters
 *   that match around the chosen place (1 when the quote has no context). `ambiguous` is set when
 *   several occurrences fit the context equally well: the first of them, in reading order, is
 *   taken, since a reader meets that one first.
 * - `not-found`: the quote's words are not on the page, even with white space, quote marks and
 *   dashes treated alike.
 */
export type PageTextMatch =
  | {
      readonly status: 'found';
      readonly start: number;
      readonly end: number;
      readonly occurrences: number;
      readonly ambiguous: boolean;
      readonly context: number;
    }
  | { readonly status: 'not-found' };

const NOT_FOUND: PageTextMatch = { status: 'not-found' };

/** Folds a text the way pages and quotes are compared (see text-fold.ts). */
export function foldPageText(text: string): string {
  return foldForMatching(text);
}

/** Folds a page's text once, for any number of lookups. */
export function indexPageText(text: string): PageTextIndex {
  return { text, ...foldWithOrigin(text) };
}

/** A quote folded for lookup: its words (trimmed), and its context with the spaces taken out. */
interface FoldedQuote {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

function foldQuote(quote: PageQuote): FoldedQuote {
  const bare = (text: string | undefined) => foldPageText(text ?? '').replaceAll(' ', '');
  return { exact: foldPageText(quote.exact).trim(), prefix: bare(quote.prefix), suffix: bare(quote.suffix) };
}

/**
 * How many characters of the context match around a place, spaces aside (a page may break a
 * paragraph, or join two, where the source had one space).
 */
function contextMatched(folded: string, start: number, end: number, quote: FoldedQuote): number {
  let matched = 0;
  for (let i = start - 1, j = quote.prefix.length - 1; i >= 0 && j >= 0; i--) {
    if (folded.charCodeAt(i) === 0x20) continue;
    if (folded[i] !== quote.prefix[j]) break;
    matched++;
    j--;
  }
  for (let i = end, j = 0; i < folded.length && j < quote.suffix.length; i++) {
    if (folded.charCodeAt(i) === 0x20) continue;
    if (folded[i] !== quote.suffix[j]) break;
    matched++;
    j++;
  }
  return matched;
}

/** Chooses among the folded occurrences of a quote, and maps the choice back to the page's text. */
function choose(index: PageTextIndex, quote: FoldedQuote, occurrences: readonly number[]): PageTextMatch {
  if (occurrences.length === 0) return NOT_FOUND;
  const length = quote.exact.length;
  const contextLength = quote.prefix.length + quote.suffix.length;
  let best = occurrences[0] as number;
  let bestScore = -1;
  let tied = 0;
  for (const at of occurrences) {
    const score = contextLength === 0 ? 0 : contextMatched(index.folded, at, at + length, quote);
    if (score > bestScore) {
      best = at;
      bestScore = score;
      tied = 1;
    } else if (score === bestScore) {
      tied++;
    }
  }
  const start = index.origin[best] as number;
  // The folded match ends on a character of the page (never on a space: the quote is trimmed), and
  // the page's match ends just after it. An ellipsis folded to three dots counts whole.
  const end = (index.origin[best + length - 1] as number) + 1;
  return {
    status: 'found',
    start,
    end,
    occurrences: occurrences.length,
    ambiguous: tied > 1,
    context: contextLength === 0 ? 1 : bestScore / contextLength,
  };
}

/** Finds one quote in an indexed page. For many quotes, {@link findManyInPageText} is faster. */
export function findInPageText(index: PageTextIndex, quote: PageQuote): PageTextMatch {
  return findManyInPageText(index, [quote])[0] as PageTextMatch;
}

/**
 * Finds each quote in an indexed page, in one pass over the page for all of them. The results are
 * in the order of `quotes`; see {@link PageTextMatch}.
 */
export function findManyInPageText(index: PageTextIndex, quotes: readonly PageQuote[]): PageTextMatch[] {
  const folded = quotes.map(foldQuote);
  const occurrences = findAllMany(
    index.folded,
    folded.map((quote) => quote.exact).filter((exact) => exact !== ''),
  );
  return folded.map((quote) => (quote.exact === '' ? NOT_FOUND : choose(index, quote, occurrences.get(quote.exact) ?? [])));
}
