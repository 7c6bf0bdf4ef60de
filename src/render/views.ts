/** The widget's views and the pair of categories its compare view sets side by side. */
import { TIE_CATEGORIES, type TieCategory } from '../model/vocabulary.ts';

/** The views of the widget, as the `view` attribute names them. */
export const WIDGET_VIEWS = ['graph', 'compare', 'table'] as const;
export type WidgetView = (typeof WIDGET_VIEWS)[number];

/** The categories the compare view sets side by side when the `compare` attribute names none. */
export const DEFAULT_COMPARE: readonly [TieCategory, TieCategory] = ['alliance', 'transaction'];

/** Whether a word names a tie category. */
export const isCategory = (word: string): word is TieCategory => (TIE_CATEGORIES as readonly string[]).includes(word);

/** The pair of categories `words` name, when they are exactly two different categories. */
export function comparePairOf(words: readonly string[]): readonly [TieCategory, TieCategory] | undefined {
  const [left, right] = words;
  if (words.length === 2 && left !== undefined && right !== undefined && isCategory(left) && isCategory(right) && left !== right)
    return [left, right];
  return undefined;
}

/** Reads the two categories of a `compare` attribute; the default pair when it does not name two different ones. */
export function parseComparePair(value: string | null | undefined): readonly [TieCategory, TieCategory] {
  return comparePairOf((value ?? '').trim().split(/\s+/).filter(Boolean)) ?? DEFAULT_COMPARE;
}
