/** Small text formatters shared by the panel and the legend. Output is plain text, never HTML. */
import { en, type Messages } from '../i18n/en.ts';
import type { Period } from '../model/schema.ts';

/** The date words of one language (see `src/i18n/`). */
export type DateWords = Messages['date'];

/** Writes a partial ISO date for people: `2024`, `Dec 2023`, `4 Jun 2024` (in English). */
export function formatPartialDate(date: string, words: DateWords = en.date): string {
  const [year = date, month, day] = date.split('-');
  return words.partial(year, month === undefined ? undefined : Number(month), day === undefined ? undefined : Number(day));
}

/** Writes a period for people: `since Dec 2023`, `until 4 Jun 2024`, `2020 – 2024` (in English). */
export function formatPeriod(period: Period | undefined, words: DateWords = en.date): string | undefined {
  if (period === undefined) return undefined;
  const { from, to } = period;
  const date = (value: string) => formatPartialDate(value, words);
  if (from !== undefined && to !== undefined) return from === to ? date(from) : words.range(date(from), date(to));
  if (from !== undefined) return words.since(date(from));
  if (to !== undefined) return words.until(date(to));
  return undefined;
}

/** "1 tie", "2 ties". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Cuts a text to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  return `${flat.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}
