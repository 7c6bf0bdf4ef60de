/**
 * Marks passages of the host page with the CSS Custom Highlight API, which paints ranges of text
 * without adding a single element to the page. `CSS.highlights` is one registry per document, so
 * the widgets of a page share its names: each widget adds and removes only its own ranges, and a
 * page styles every widget's passages with one rule.
 */

/** The names of the highlights, for `::highlight(…)` rules of the host page. */
export const HIGHLIGHTS = {
  /** Every quote found in the page (of the ties the filter shows). */
  evidence: 'ag-evidence',
  /** The quotes of the selected tie, or of the selected actor's ties. */
  selected: 'ag-evidence-selected',
} as const;

/**
 * The default look, in a cascade layer so that any rule of the page outside layers wins: a light
 * wash under every quote, a stronger one and an underline under the selected tie's.
 */
const DEFAULT_STYLES = `@layer actor-graph {
  ::highlight(${HIGHLIGHTS.evidence}) { background-color: rgb(255 214 10 / 0.16); text-decoration: underline 1px rgb(176 136 0 / 0.6); }
  ::highlight(${HIGHLIGHTS.selected}) { background-color: rgb(255 200 0 / 0.6); text-decoration: underline 2px rgb(140 100 0); }
}`;

/** Whether the browser has the CSS Custom Highlight API. */
export function highlightsSupported(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

/** Each name's ranges, by the widget that contributed them. */
const contributions = new Map<string, Map<object, readonly Range[]>>();
/** The Highlight objects this module registered (a page may have replaced one under our name). */
const registered = new WeakSet<Highlight>();

/**
 * Sets the ranges one widget (`owner`) contributes to the highlight `name`, replacing what it
 * contributed before; other widgets' ranges stay. Does nothing where highlights are unsupported.
 */
export function setHighlightRanges(owner: object, name: string, ranges: readonly Range[]): void {
  if (!highlightsSupported()) return;
  let byOwner = contributions.get(name);
  if (byOwner === undefined) {
    byOwner = new Map();
    contributions.set(name, byOwner);
  }
  const before = byOwner.get(owner) ?? [];
  if (ranges.length === 0) byOwner.delete(owner);
  else byOwner.set(owner, ranges);

  let highlight = CSS.highlights.get(name);
  if (highlight === undefined || !registered.has(highlight)) {
    // Ours is missing (or something else took the name): register it afresh, with every widget's ranges.
    highlight = new Highlight();
    // The selected passages paint over the others.
    highlight.priority = name === HIGHLIGHTS.selected ? 1 : 0;
    registered.add(highlight);
    for (const own of byOwner.values()) for (const range of own) highlight.add(range);
  } else {
    for (const range of before) highlight.delete(range);
    for (const range of ranges) highlight.add(range);
  }
  if (highlight.size === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, highlight);
  updateDefaultStyles();
}

/** Removes every range a widget contributed, to every name. */
export function clearHighlightRanges(owner: object): void {
  for (const name of Object.values(HIGHLIGHTS)) setHighlightRanges(owner, name, []);
}

let defaultSheet: CSSStyleSheet | undefined;

/**
 * Adopts the default styles into the document while any widget has ranges, and drops them after.
 * A constructed stylesheet adds no element to the page, and a strict CSP (`style-src 'self'`) allows it.
 */
function updateDefaultStyles(): void {
  const used = [...contributions.values()].some((byOwner) => byOwner.size > 0);
  const adopted = document.adoptedStyleSheets;
  if (used && defaultSheet === undefined) {
    defaultSheet = new CSSStyleSheet();
    defaultSheet.replaceSync(DEFAULT_STYLES);
    // The page's own adopted sheets come after ours, so that they win where they overlap.
    document.adoptedStyleSheets = [defaultSheet, ...adopted];
  } else if (!used && defaultSheet !== undefined) {
    const sheet = defaultSheet;
    defaultSheet = undefined;
    document.adoptedStyleSheets = adopted.filter((candidate) => candidate !== sheet);
  }
}
