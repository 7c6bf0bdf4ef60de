/**
 * Dates for the timeline filter. Dates in the data may be partial (`2024`, `2024-06`), so each is
 * read as the span it names: `2024` runs from 1 January to 31 December. A tie's period runs from
 * the start of its `from` to the end of its `to`, open at an end that is not given.
 */
import type { Dataset, Period } from '../model/schema.ts';

/** A range picked on the timeline, by the partial dates at its ends; an end left out is open. */
export interface DateRange {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day a partial date covers, as `YYYY-MM-DD`. */
export function spanStart(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}`;
}

/** The last day a partial date covers, as `YYYY-MM-DD`. */
export function spanEnd(date: string): string {
  const [year = '0', month, day] = date.split('-');
  if (month === undefined) return `${year}-12-31`;
  if (day === undefined) return `${year}-${month}-${String(daysInMonth(Number(year), Number(month))).padStart(2, '0')}`;
  return date;
}

/** Whether a tie has a date at all; undated ties are never hidden by the timeline. */
export function isDated(period: Period | undefined): period is Period {
  return period !== undefined && (period.from !== undefined || period.to !== undefined);
}

/** Whether a period overlaps a range. Undated ties always do. */
export function overlapsRange(period: Period | undefined, range: DateRange): boolean {
  if (!isDated(period)) return true;
  const tieStart = period.from === undefined ? '0000-01-01' : spanStart(period.from);
  const tieEnd = period.to === undefined ? '9999-12-31' : spanEnd(period.to);
  const rangeStart = range.from === undefined ? '0000-01-01' : spanStart(range.from);
  const rangeEnd = range.to === undefined ? '9999-12-31' : spanEnd(range.to);
  return tieStart <= rangeEnd && tieEnd >= rangeStart;
}

/** The distinct dates the ties of a dataset give, in time order: the stops of the timeline. */
export function dateStops(dataset: Dataset): string[] {
  const dates = new Set<string>();
  for (const tie of dataset.ties) {
    if (tie.period?.from !== undefined) dates.add(tie.period.from);
    if (tie.period?.to !== undefined) dates.add(tie.period.to);
  }
  return [...dates].sort((a, b) => (spanStart(a) < spanStart(b) ? -1 : spanStart(a) > spanStart(b) ? 1 : a.length - b.length));
}
