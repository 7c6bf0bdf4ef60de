/**
 * Fills in the `start` and `end` of each quote read from `evidence.csv` by finding it in its source
 * text, with the anchoring the validator uses. Offsets a row gives are kept when the quote stands
 * there, and mended (with a warning) when it stands at one place only, elsewhere.
 */
import { anchorQuote, findAllMany } from '../evidence/anchor.ts';
import { clip } from '../validation/issue.ts';
import type { JsonPath } from '../validation/json-path.ts';
import { SHEETS } from './csv-columns.ts';
import type { CsvIssue } from './csv-issue.ts';

/** A quote as read from its row: offsets may be missing, or text that is not a number. */
export interface DraftQuote {
  source?: unknown;
  exact?: unknown;
  prefix?: unknown;
  suffix?: unknown;
  start?: unknown;
  end?: unknown;
}

/** What filling the offsets did. */
export interface OffsetOutcome {
  readonly issues: CsvIssue[];
  /** The quotes that could not be placed; the validator's findings about them are redundant. */
  readonly failed: JsonPath[];
  /** How many quotes had their offsets found, kept as given, or mended. */
  readonly found: number;
  readonly kept: number;
  readonly mended: number;
}

const optionalText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Places every quote of `quotes` (by tie, then by quote) in `texts` (by source id), in place.
 * `rows` gives each quote's row in `evidence.csv`. Quotes whose text is missing keep stand-in
 * offsets: the validator reports the missing text, and checks no quote in it.
 */
export function fillOffsets(
  quotes: readonly (readonly DraftQuote[])[],
  texts: ReadonlyMap<string, string>,
  rows: readonly (readonly number[])[],
): OffsetOutcome {
  const outcome = { issues: [] as CsvIssue[], failed: [] as JsonPath[], found: 0, kept: 0, mended: 0 };
  const file = SHEETS.evidence.file;
  // Where each quote occurs, found in one pass over each text, as the validator does.
  const wanted = new Map<string, Set<string>>();
  for (const quote of quotes.flat()) {
    const exact = optionalText(quote.exact);
    if (typeof quote.source !== 'string' || exact === undefined || exact === '' || !texts.has(quote.source)) continue;
    wanted.set(quote.source, (wanted.get(quote.source) ?? new Set()).add(exact));
  }
  const occurrences = new Map([...wanted].map(([source, exacts]) => [source, findAllMany(texts.get(source) as string, exacts)]));
  quotes.forEach((tieQuotes, tieIndex) => {
    tieQuotes.forEach((quote, quoteIndex) => {
      const row = rows[tieIndex]?.[quoteIndex];
      const exact = optionalText(quote.exact) ?? '';
      const standIn = () => {
        quote.start = 0;
        quote.end = Math.max(1, exact.length);
      };
      const fail = (column: string, code: CsvIssue['code'], message: string) => {
        outcome.issues.push({ file, row, column, code, severity: 'error', message });
        outcome.failed.push(['ties', tieIndex, 'evidence', quoteIndex]);
        standIn();
      };
      const given = { start: quote.start !== undefined, end: quote.end !== undefined };
      if (given.start !== given.end) {
        const empty = given.start ? 'end' : 'start';
        fail(
          empty,
          'csv-offsets-incomplete',
          `Give both start and end, or leave both empty to have them found; ${empty} is empty.`,
        );
        return;
      }
      if (given.start && (typeof quote.start !== 'number' || typeof quote.end !== 'number')) return;
      const text = typeof quote.source === 'string' ? texts.get(quote.source) : undefined;
      if (exact === '' || text === undefined) {
        if (!given.start) standIn();
        return;
      }
      const at = given.start ? (quote.start as number) : -1;
      const selector = { exact, prefix: optionalText(quote.prefix), suffix: optionalText(quote.suffix), start: at, end: at };
      if (given.start) selector.end = quote.end as number;
      const result = anchorQuote(text, selector, occurrences.get(quote.source as string)?.get(exact));
      const shown = `"${clip(exact)}"`;
      if (result.status === 'orphaned') {
        const near =
          result.near === undefined
            ? ''
            : ` At ${result.near.start}–${result.near.end} the text has "${clip(text.slice(result.near.start, result.near.end))}", which differs only in quote marks, dashes or spacing: copy the words exactly as the text has them.`;
        fail('exact', 'evidence-orphaned', `The quote ${shown} is nowhere in source "${quote.source}".${near}`);
        return;
      }
      if (result.status === 'exact') {
        outcome.kept++;
        return;
      }
      if (result.ambiguous) {
        const context =
          selector.prefix || selector.suffix ? 'its prefix and suffix fit more than one' : 'it has no prefix or suffix';
        const offsets = given.start ? `, start and end match none of them,` : '';
        fail(
          'exact',
          'evidence-ambiguous',
          `The quote ${shown} occurs ${result.occurrences} times in source "${quote.source}"${offsets} and ${context}, so which one is meant is unclear. Fill in prefix or suffix with the words just before or after it.`,
        );
        return;
      }
      if (given.start) {
        outcome.issues.push({
          file,
          row,
          column: 'start',
          code: 'evidence-drifted',
          severity: 'warning',
          message: `The quote ${shown} is not at ${quote.start}–${quote.end} but at ${result.at.start}–${result.at.end}; the offsets where it stands are used.`,
        });
        outcome.mended++;
      } else outcome.found++;
      quote.start = result.at.start;
      quote.end = result.at.end;
    });
  });
  return outcome;
}
