/**
 * Folding text for search: the query and the searched text are folded the same way, so that a
 * match ignores case, diacritics (é, ü, ō), curly against straight quotes and apostrophes, dashes,
 * and runs of white space. Hangul syllables are kept whole: decomposed, "북한" would turn into
 * jamo and a syllable would match half of another.
 */
import { LOOKALIKES } from '../evidence/lookalikes.ts';

const MARKS = /[\p{M}\p{Cf}]/gu;
const SPACE = /^\s$/u;
const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Characters outside ASCII, and the backtick, which folds to an apostrophe. */
const FOLDED_SPECIALLY = /[`\u0080-\u{10ffff}]/gu;

const folded = new Map<string, string>();

/** Folds one character that is not plain ASCII; the answers are remembered, as few characters recur. */
function foldChar(char: string): string {
  let result = folded.get(char);
  if (result !== undefined) return result;
  const code = char.codePointAt(0) ?? 0;
  if (Object.hasOwn(LOOKALIKES, char)) result = LOOKALIKES[char] as string;
  else if (SPACE.test(char)) result = ' ';
  else if (code >= HANGUL_FIRST && code <= HANGUL_LAST) result = char;
  else result = char.normalize('NFKD').replace(MARKS, '').toLowerCase().normalize('NFKD').replace(MARKS, '');
  folded.set(char, result);
  return result;
}

/** Folds a text for matching. A folded text holds no line breaks, so `\n` can separate folded texts. */
export function fold(text: string): string {
  // Only runs of white space and other white space than a plain space are replaced: replacing
  // every single space too takes twice the time over a large dataset's quotes.
  return text
    .replace(FOLDED_SPECIALLY, foldChar)
    .toLowerCase()
    .replace(/\s{2,}|[^\S ]/g, ' ');
}

/** Folds a query: as `fold`, without leading or trailing white space. */
export function foldQuery(query: string): string {
  return fold(query).trim();
}

/** A folded text, with where each of its characters came from in the original text. */
export interface FoldedText {
  /** The folded text, equal to `fold(original)`. */
  readonly text: string;
  /** For each folded character, the offset in the original text of the character it came from. */
  readonly from: readonly number[];
  /** For each folded character, the end (exclusive) of the original character or white space run. */
  readonly to: readonly number[];
}

/** Folds a text as `fold` does, and keeps where each folded character came from. */
export function foldWithOffsets(original: string): FoldedText {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const char of original) {
    const end = offset + char.length;
    const code = char.charCodeAt(0);
    // Lowercased piece by piece, as `fold` lowercases the whole: folded characters are lowercase already.
    const piece = (code < 0x80 && char !== '`' ? char : foldChar(char)).toLowerCase();
    for (const out of piece) {
      if (/\s/.test(out)) {
        // A run of white space folds to one space, which spans the whole run.
        if (text.endsWith(' ')) to[to.length - 1] = end;
        else {
          text += ' ';
          from.push(offset);
          to.push(end);
        }
      } else {
        text += out;
        for (let i = 0; i < out.length; i++) {
          from.push(offset);
          to.push(end);
        }
      }
    }
    offset = end;
  }
  return { text, from, to };
}

/** The range of the original text that a range `[start, end)` of its folded text came from. */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.from[start] ?? 0, end: folded.to[end - 1] ?? folded.from[start] ?? 0 };
}

/** Whether a character (one UTF-16 unit of a folded text) is part of a word: a letter or a digit. */
export function isWordChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  return /[\p{L}\p{N}]/u.test(char);
}
