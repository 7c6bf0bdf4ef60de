/**
 * The fold that decides when a quote and a text say the same words although they are written
 * differently: pages reflow white space, turn straight quotes into curly ones (or back), swap
 * hyphens for dashes and hide soft hyphens in long words. The validator's hint for a quote it
 * cannot find (`findNormalized` in anchor.ts) and the search for quotes in a web page
 * (find-in-page-text.ts) both fold with it, so that they accept exactly the same variations.
 */
import { LOOKALIKES } from './lookalikes.ts';

/** A folded text, with the way back to the offsets of the original. */
export interface FoldedText {
  /** The text folded by {@link foldForMatching}. */
  readonly folded: string;
  /**
   * For each folded character, the offset in the original of the character it came from; one more
   * entry at the end holds the original's length.
   */
  readonly origin: Uint32Array;
}

/** Look-alike characters and what they fold to, by character code; an ellipsis is three dots. */
const FOLDS = new Map<number, string>([
  ...Object.entries(LOOKALIKES).map(([char, plain]) => [char.charCodeAt(0), plain] as const),
  [0x2026, '...'],
]);

/** Characters a page may hold inside words without showing them: soft hyphens and zero-width ones. */
function isInvisible(code: number): boolean {
  return code === 0x00ad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0x180e;
}

/** White space of any kind, the no-break spaces included. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function fold(text: string, withOrigin: boolean): { folded: string; origin: Uint32Array | undefined } {
  // An ellipsis becomes three characters, so the folded text is at most three times as long.
  const codes = new Uint16Array(text.length * 3);
  const origin = withOrigin ? new Uint32Array(text.length * 3 + 1) : undefined;
  let length = 0;
  let inSpace = false;
  const push = (code: number, from: number) => {
    codes[length] = code;
    if (origin !== undefined) origin[length] = from;
    length++;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isInvisible(code)) continue;
    if (isSpace(code)) {
      if (!inSpace) push(0x20, i);
      inSpace = true;
      continue;
    }
    inSpace = false;
    const replacement = FOLDS.get(code);
    if (replacement === undefined) push(code, i);
    else for (let k = 0; k < replacement.length; k++) push(replacement.charCodeAt(k), i);
  }
  if (origin !== undefined) origin[length] = text.length;
  let folded = '';
  // String.fromCharCode takes its arguments on the stack: a slice at a time.
  for (let at = 0; at < length; at += 8192) folded += String.fromCharCode(...codes.subarray(at, Math.min(length, at + 8192)));
  return { folded, origin: origin?.slice(0, length + 1) };
}

/**
 * Folds a text for matching: every run of white space becomes one space, invisible characters are
 * dropped, and look-alike quote marks, dashes and the ellipsis become their plain forms.
 */
export function foldForMatching(text: string): string {
  return fold(text, false).folded;
}

/** Folds a text as {@link foldForMatching} does, and keeps where each folded character came from. */
export function foldWithOrigin(text: string): FoldedText {
  const { folded, origin } = fold(text, true);
  return { folded, origin: origin as Uint32Array };
}
