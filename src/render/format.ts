/** Small text formatters shared by the panel and the legend. Output is plain text, never HTML. */
import type { Period } from '../model/schema.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Writes a partial ISO date for people: `2024`, `Dec 2023`, `4 Jun 2024`. */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (month === undefined) return year ?? date;
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** Writes a period for people: `since Dec 2023`, `until 4 Jun 2024`, `2020 – 2024`. */
export function formatPeriod(period: Period | undefined): string | undefined {
  if (period === undefined) return undefined;
  const { from, to } = period;
  if (from !== undefined && to !== undefined)
    return from === to ? formatPartialDate(from) : `${formatPartialDate(from)} – ${formatPartialDate(to)}`;
  if (from !== undefined) return `since ${formatPartialDate(from)}`;
  if (to !== undefined) return `until ${formatPartialDate(to)}`;
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
