/** Which ties are shown: a pure description of the legend's switches, and the counts it shows. */
import type { Dataset, Period } from '../model/schema.ts';
import { TIE_CATEGORIES, type TieCategory, type TieStatus } from '../model/vocabulary.ts';
import { type DateRange, isDated, overlapsRange } from './time.ts';

/** The switches of the legend, and the timeline's range. */
export interface TieFilter {
  /** The categories shown. */
  readonly categories: ReadonlySet<TieCategory>;
  /** Tie types switched off one by one. */
  readonly hiddenTypes: ReadonlySet<string>;
  /** Whether ties the text says are absent are drawn (as ghosts). */
  readonly showAbsent: boolean;
  /** The timeline's range; undated ties are always shown. */
  readonly dates: DateRange;
}

/** The filter that shows every present tie. */
export const SHOW_ALL: TieFilter = { categories: new Set(TIE_CATEGORIES), hiddenTypes: new Set(), showAbsent: false, dates: {} };

/** What the filter looks at in a tie. */
export interface FilterableTie {
  readonly category: TieCategory;
  readonly type: string;
  readonly status: TieStatus;
  readonly period?: Period | undefined;
}

/** Whether a tie passes every switch of the filter, the timeline aside. */
export function passesSwitches(tie: FilterableTie, filter: TieFilter): boolean {
  return (
    filter.categories.has(tie.category) && !filter.hiddenTypes.has(tie.type) && (filter.showAbsent || tie.status === 'present')
  );
}

/** Why the filter hides a tie: its category, its type, its being absent, its dates. */
export type HiddenReason = 'category' | 'type' | 'absent' | 'dates';

/** Every reason the filter hides a tie for; none when it is shown. */
export function hiddenReasons(tie: FilterableTie, filter: TieFilter): HiddenReason[] {
  const reasons: HiddenReason[] = [];
  if (!filter.categories.has(tie.category)) reasons.push('category');
  if (filter.hiddenTypes.has(tie.type)) reasons.push('type');
  if (tie.status === 'absent' && !filter.showAbsent) reasons.push('absent');
  if (!overlapsRange(tie.period, filter.dates)) reasons.push('dates');
  return reasons;
}

/** Whether a tie passes the filter: its switches and its timeline. */
export function isTieShown(tie: FilterableTie, filter: TieFilter): boolean {
  return passesSwitches(tie, filter) && overlapsRange(tie.period, filter.dates);
}

/** The `filter` value that shows no category at all (an empty value shows them all). */
export const NO_CATEGORIES = 'none';

/** Writes the categories shown as a `filter` value: empty for all of them, `none` for none. */
export function formatCategoryList(categories: ReadonlySet<TieCategory>): string {
  if (categories.size === TIE_CATEGORIES.length) return '';
  if (categories.size === 0) return NO_CATEGORIES;
  return TIE_CATEGORIES.filter((category) => categories.has(category)).join(' ');
}

/**
 * Reads the `filter` attribute: the categories to show, separated by spaces. Words that are not
 * categories are returned apart, so the element can say which word it did not understand.
 */
export function parseCategoryList(value: string | null | undefined): { categories: Set<TieCategory>; unknown: string[] } {
  if (value === null || value === undefined || value.trim() === '') return { categories: new Set(TIE_CATEGORIES), unknown: [] };
  if (value.trim() === NO_CATEGORIES) return { categories: new Set(), unknown: [] };
  const categories = new Set<TieCategory>();
  const unknown: string[] = [];
  for (const word of value.trim().split(/\s+/)) {
    if ((TIE_CATEGORIES as readonly string[]).includes(word)) categories.add(word as TieCategory);
    else unknown.push(word);
  }
  return { categories, unknown };
}

/** Ties counted as the text has them: those that exist, and the absent ones apart. */
export interface TieCount {
  present: number;
  absent: number;
}

export interface TieCounts {
  readonly byCategory: ReadonlyMap<TieCategory, Readonly<TieCount>>;
  readonly byType: ReadonlyMap<string, Readonly<TieCount>>;
}

/** How many ties each category and each tie type has, counted present and absent apart. */
export function countTies(dataset: Dataset): TieCounts {
  const byCategory = new Map<TieCategory, TieCount>(TIE_CATEGORIES.map((category) => [category, { present: 0, absent: 0 }]));
  const byType = new Map<string, TieCount>(dataset.tieTypes.map((type) => [type.id, { present: 0, absent: 0 }]));
  const categoryOf = new Map(dataset.tieTypes.map((type) => [type.id, type.category]));
  for (const tie of dataset.ties) {
    const category = categoryOf.get(tie.type);
    if (category === undefined) continue;
    (byCategory.get(category) as TieCount)[tie.status]++;
    (byType.get(tie.type) as TieCount)[tie.status]++;
  }
  return { byCategory, byType };
}

/** Whether a tie of a dataset passes the filter (a tie of an unknown type never does). */
export function isDatasetTieShown(dataset: Dataset, tie: Dataset['ties'][number], filter: TieFilter): boolean {
  const type = dataset.tieTypes.find((candidate) => candidate.id === tie.type);
  return (
    type !== undefined && isTieShown({ category: type.category, type: type.id, status: tie.status, period: tie.period }, filter)
  );
}

/** How many of `ties` meet `test` (all of them by default), those that exist and the absent ones apart. */
export function countByStatus<T extends { readonly status: TieStatus }>(
  ties: Iterable<T>,
  test: (tie: T) => boolean = () => true,
): TieCount {
  const count = { present: 0, absent: 0 };
  for (const tie of ties) if (test(tie)) count[tie.status]++;
  return count;
}

/** How many ties of a dataset pass the filter, those that exist and the absent ones apart. */
export function countShown(dataset: Dataset, filter: TieFilter): TieCount {
  return countByStatus(dataset.ties, (tie) => isDatasetTieShown(dataset, tie, filter));
}

/** How many ties pass the legend's switches and also meet `test`, those that exist and the absent ones apart. */
function countPassingSwitches(dataset: Dataset, filter: TieFilter, test: (tie: Dataset['ties'][number]) => boolean): TieCount {
  const categoryOf = new Map(dataset.tieTypes.map((type) => [type.id, type.category]));
  return countByStatus(dataset.ties, (tie) => {
    const category = categoryOf.get(tie.type);
    return category !== undefined && passesSwitches({ category, type: tie.type, status: tie.status }, filter) && test(tie);
  });
}

/** How many ties pass the legend's switches but fall outside the timeline's range. */
export function countHiddenByTime(dataset: Dataset, filter: TieFilter): TieCount {
  return countPassingSwitches(dataset, filter, (tie) => !overlapsRange(tie.period, filter.dates));
}

/** The ties an actor takes part in, as source or target. */
export function tiesOfActor(dataset: Dataset, actorId: string): Dataset['ties'] {
  return dataset.ties.filter((tie) => tie.source === actorId || tie.target === actorId);
}

/** How many ties pass the legend's switches and have no date (the timeline never hides them). */
export function countUndatedShown(dataset: Dataset, filter: TieFilter): TieCount {
  return countPassingSwitches(dataset, filter, (tie) => !isDated(tie.period));
}
