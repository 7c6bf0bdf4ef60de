/** What choosing a search result selects. */
import type { Dataset } from '../model/schema.ts';
import { isDatasetTieShown, type TieCount, type TieFilter } from '../render/filter.ts';
import type { SearchHit } from './search-index.ts';

/** An actor or a tie to select, by id. */
export interface SearchTarget {
  readonly kind: 'actor' | 'tie';
  readonly id: string;
}

/**
 * The first tie of a type that the filter shows, else its first tie at all, in the dataset's
 * order; `undefined` when the type has no tie.
 */
export function firstTieOfType(dataset: Dataset, typeId: string, filter: TieFilter): string | undefined {
  let first: string | undefined;
  for (const tie of dataset.ties) {
    if (tie.type !== typeId) continue;
    if (isDatasetTieShown(dataset, tie, filter)) return tie.id;
    first ??= tie.id;
  }
  return first;
}

/**
 * What a result selects: an actor hit its actor, a quote hit its tie, and a tie-type hit the first
 * tie of that type the filter shows (see `firstTieOfType`). A tie type is not made a filter: the
 * reader's filters change only through the legend, and a selection is easy to undo.
 */
export function searchTarget(dataset: Dataset, hit: SearchHit, filter: TieFilter): SearchTarget | undefined {
  if (hit.kind === 'actor') return { kind: 'actor', id: hit.id };
  if (hit.kind === 'quote') return { kind: 'tie', id: hit.id };
  const tie = firstTieOfType(dataset, hit.id, filter);
  return tie === undefined ? undefined : { kind: 'tie', id: tie };
}

/**
 * How many ties of each of `typeIds` the filter hides, those that exist and the absent ones apart,
 * in one pass over the ties.
 */
export function hiddenTiesByType(dataset: Dataset, typeIds: ReadonlySet<string>, filter: TieFilter): Map<string, TieCount> {
  const hidden = new Map<string, TieCount>();
  for (const tie of dataset.ties) {
    if (!typeIds.has(tie.type) || isDatasetTieShown(dataset, tie, filter)) continue;
    const count = hidden.get(tie.type) ?? { present: 0, absent: 0 };
    count[tie.status]++;
    hidden.set(tie.type, count);
  }
  return hidden;
}
