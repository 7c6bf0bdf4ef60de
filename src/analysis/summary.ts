/** Counts that describe a dataset at a glance: what the CLI prints and the widget can show. */
import type { Dataset } from '../model/schema.ts';
import { ACTOR_KINDS, type ActorKind, TIE_CATEGORIES, type TieCategory } from '../model/vocabulary.ts';

/** The size of a dataset, with ties broken down by category and status. */
export interface DatasetSummary {
  readonly actors: number;
  readonly actorsByKind: Readonly<Record<ActorKind, number>>;
  readonly tieTypes: number;
  readonly ties: number;
  readonly present: number;
  readonly absent: number;
  readonly tiesByCategory: Readonly<Record<TieCategory, { present: number; absent: number }>>;
  readonly quotes: number;
}

/** Summarises a valid dataset. Ties whose type is unknown count in no category. */
export function summarizeDataset(dataset: Dataset): DatasetSummary {
  const actorsByKind = Object.fromEntries(ACTOR_KINDS.map((kind) => [kind, 0])) as Record<ActorKind, number>;
  for (const actor of dataset.actors) actorsByKind[actor.kind]++;
  const tiesByCategory = Object.fromEntries(TIE_CATEGORIES.map((category) => [category, { present: 0, absent: 0 }])) as Record<
    TieCategory,
    { present: number; absent: number }
  >;
  const categoryOf = new Map(dataset.tieTypes.map((type) => [type.id, type.category]));
  let present = 0;
  let quotes = 0;
  for (const tie of dataset.ties) {
    if (tie.status === 'present') present++;
    quotes += tie.evidence.length;
    const category = categoryOf.get(tie.type);
    if (category !== undefined) tiesByCategory[category][tie.status]++;
  }
  return {
    actors: dataset.actors.length,
    actorsByKind,
    tieTypes: dataset.tieTypes.length,
    ties: dataset.ties.length,
    present,
    absent: dataset.ties.length - present,
    tiesByCategory,
    quotes,
  };
}
