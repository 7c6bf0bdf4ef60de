/**
 * The passage around a quote, for showing the quote where it stands: the whole sentence or
 * sentences it belongs to, cut at paragraph breaks and kept to a readable length.
 */
import type { TextRange } from './anchor.ts';

/** A quote in its context: the words before it, the quote itself, and the words after it. */
export interface QuoteContext {
  readonly before: string;
  readonly quote: string;
  readonly after: string;
  /** Whether text was left out before or after the passage shown. */
  readonly clippedBefore: boolean;
  readonly clippedAfter: boolean;
}

/** A sentence ends with ., ! or ?, maybe followed by closing quotes or brackets, then white space. */
const SENTENCE_END = /[.!?]["'’”)\]]*\s/g;

function sentenceStart(text: string, from: number, floor: number): number {
  let start = floor;
  SENTENCE_END.lastIndex = floor;
  for (
    let match = SENTENCE_END.exec(text);
    match !== null && match.index + match[0].length <= from;
    match = SENTENCE_END.exec(text)
  ) {
    start = match.index + match[0].length;
  }
  return start;
}

function sentenceEnd(text: string, from: number, ceiling: number): number {
  SENTENCE_END.lastIndex = Math.max(0, from - 1);
  const match = SENTENCE_END.exec(text);
  if (match === null || match.index >= ceiling) return ceiling;
  return match.index + match[0].length - 1;
}

/**
 * Finds the sentence or sentences that hold `range` in `text`, within its paragraph, and splits
 * them around the quote. Each side is clipped at a word to at most `maxSide` characters.
 */
export function quoteContext(text: string, range: TextRange, maxSide = 320): QuoteContext {
  const paragraphStart = Math.max(0, text.lastIndexOf('\n', range.start - 1) + 1);
  const nextBreak = text.indexOf('\n', range.end);
  const paragraphEnd = nextBreak === -1 ? text.length : nextBreak;
  let start = sentenceStart(text, range.start, paragraphStart);
  let end = Math.max(range.end, sentenceEnd(text, range.end, paragraphEnd));
  let clippedBefore = false;
  let clippedAfter = false;
  if (range.start - start > maxSide) {
    const cut = text.indexOf(' ', range.start - maxSide);
    start = cut === -1 || cut >= range.start ? range.start - maxSide : cut + 1;
    clippedBefore = true;
  }
  if (end - range.end > maxSide) {
    const cut = text.lastIndexOf(' ', range.end + maxSide);
    end = cut <= range.end ? range.end + maxSide : cut;
    clippedAfter = true;
  }
  return {
    before: text.slice(start, range.start).trimStart(),
    quote: text.slice(range.start, range.end),
    after: text.slice(range.end, end).trimEnd(),
    clippedBefore,
    clippedAfter,
  };
}
