/** The words the widget shows for the model's vocabularies. */
import type { ActorKind, Hedge, TieCategory } from '../../src/model/vocabulary.ts';

export const CATEGORY_LABELS: Readonly<Record<TieCategory, string>> = {
  alliance: 'Alliance',
  transaction: 'Transaction',
  hostility: 'Hostility',
  competition: 'Competition',
  diplomacy: 'Diplomacy',
};

export const KIND_LABELS: Readonly<Record<ActorKind, string>> = {
  state: 'State',
  organization: 'Organization',
  bloc: 'Bloc',
  'non-state': 'Non-state group',
};

export const HEDGE_LABELS: Readonly<Record<Hedge, string>> = {
  asserted: 'asserted',
  likely: 'likely',
  expected: 'expected',
  possible: 'possible',
};
