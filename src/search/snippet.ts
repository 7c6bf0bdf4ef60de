/** Short extracts of a longer text around a match, for a list of search results. */

/** A text with one range in it to mark: the words that matched. */
export interface Marked {
  readonly text: string;
  /** Where the match starts in `text` (UTF-16 offset). */
  readonly start: number;
  /** Where the match ends in `text`, exclusive. */
  readonly end: number;
}

/** At most this many characters of context before the match. */
const BEFORE = 36;
/** About this many characters in all, match included. */
const LENGTH = 110;
/** At least this many characters of context after the match, when the text has them. */
const MIN_AFTER = 24;

const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The part of `text` around the range `[start, end)`: a few words before and after it, cut at
 * spaces, with an ellipsis where the text goes on, and white space runs shown as one space. The
 * returned range marks the same words in the extract.
 */
export function snippetAround(text: string, start: number, end: number): Marked {
  let before: string;
  if (start <= BEFORE) before = flat(text.slice(0, start)).trimStart();
  else {
    const space = text.indexOf(' ', start - BEFORE);
    const from = space !== -1 && space < start ? space + 1 : start - BEFORE;
    before = `…${flat(text.slice(from, start))}`;
  }
  const match = flat(text.slice(start, end));
  const room = Math.max(MIN_AFTER, LENGTH - before.length - match.length);
  let after: string;
  if (text.length - end <= room) after = flat(text.slice(end)).trimEnd();
  else {
    const space = text.lastIndexOf(' ', end + room);
    const to = space > end ? space : end + room;
    after = `${flat(text.slice(end, to)).trimEnd()}…`;
  }
  return { text: before + match + after, start: before.length, end: before.length + match.length };
}
