/** Reads the `--ag-*` custom properties of an element into a graph theme, for Cytoscape. */
import { ACTOR_KINDS, TIE_CATEGORIES } from '../../src/model/vocabulary.ts';
import { DEFAULT_THEME, type GraphTheme } from '../../src/render/theme.ts';

export function themeFromCss(element: Element): GraphTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const fontSize = Number.parseFloat(read('--ag-graph-font-size', String(DEFAULT_THEME.fontSize)));
  return {
    fontFamily: read('--ag-font-family', DEFAULT_THEME.fontFamily),
    fontSize: Number.isFinite(fontSize) && fontSize > 0 ? fontSize : DEFAULT_THEME.fontSize,
    text: read('--ag-color-text', DEFAULT_THEME.text),
    textHalo: read('--ag-color-background', DEFAULT_THEME.textHalo),
    focus: read('--ag-color-focus', DEFAULT_THEME.focus),
    categories: Object.fromEntries(
      TIE_CATEGORIES.map((category) => [category, read(`--ag-color-${category}`, DEFAULT_THEME.categories[category])]),
    ) as GraphTheme['categories'],
    kinds: Object.fromEntries(
      ACTOR_KINDS.map((kind) => [kind, read(`--ag-color-${kind}`, DEFAULT_THEME.kinds[kind])]),
    ) as GraphTheme['kinds'],
  };
}
