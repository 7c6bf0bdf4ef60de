/**
 * Links the article a widget sits in to its graph (`text-target`): finds each evidence quote in the
 * article, marks the quotes with the CSS Custom Highlight API (the page's DOM is never changed),
 * scrolls the article to the selected tie's quote, and selects the tie whose passage a reader
 * clicks.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { findManyInPageText, indexPageText } from '../../src/evidence/find-in-page-text.ts';
import type { Dataset, Evidence, Tie } from '../../src/model/schema.ts';
import { isDatasetTieShown, type TieFilter, tiesOfActor } from '../../src/render/filter.ts';
import type { AgShowInArticleDetail, PageMatches, TieQuote } from '../evidence-panel/page-matches.ts';
import { clearHighlightRanges, HIGHLIGHTS, highlightsSupported, setHighlightRanges } from './page-highlights.ts';
import { caretAt, type PageText, rangeContainsPoint, readPageText } from './page-text.ts';
import { revealRange } from './reveal-range.ts';
import type { Selection } from './selection.ts';

/** How long the article must stay unchanged before its quotes are looked for again. */
const MUTATION_DEBOUNCE_MS = 250;

/** Clicks on these, inside a marked passage, do what they do and select nothing. */
const INTERACTIVE = 'a[href], button, input, select, textarea, label, summary, [contenteditable]:not([contenteditable="false"])';

/** What the controller reads from its element. */
export interface TextTargetOptions {
  /** The `text-target` selector, if any. */
  selector(): string | undefined;
  /** The dataset drawn, once loaded. */
  dataset(): Dataset | undefined;
  /** The current selection. */
  selection(): Selection | null;
  /** The current filter: only the quotes of the ties it shows are marked. */
  filter(): TieFilter;
  /** Selects a tie as the reader's choice (announced, and reported by `ag-select`). */
  choose(selection: Selection): void;
}

/** A quote found in the article: its tie, and the passage. */
interface Placed extends TieQuote {
  readonly start: number;
  readonly end: number;
  /** Shared by the quotes that cover the same passage. */
  readonly range: Range;
}

/**
 * The `text-target` controller of `<actor-graph>`. The selector is resolved in the page's document
 * (not the widget's shadow root) when the data or the selector changes; an invalid selector, or
 * one that matches nothing, is reported once on the console and nothing else happens.
 *
 * Highlights: `ag-evidence` holds every quote found (of the ties the filter shows),
 * `ag-evidence-selected` the quotes of the selected tie or of the selected actor's ties. Several
 * widgets of a page share the two names, each adding its own ranges. Their default look is a
 * constructed stylesheet adopted by the document, in the cascade layer `actor-graph`, so that any
 * `::highlight(ag-evidence)` rule of the page overrides it. Where the browser lacks the Highlight
 * API nothing is marked and clicks select nothing, but quotes are still looked for (so the panel
 * says which are missing) and selecting a tie still scrolls to its quote.
 */
export class TextTargetController implements ReactiveController {
  /** Which quotes were found in the article; undefined when there is no target or no data. */
  matches: PageMatches | undefined;

  private target: Element | undefined;
  /** The selector and dataset the quotes were last looked for with. */
  private looked: { selector: string | undefined; dataset: Dataset | undefined } | undefined;
  private page: PageText | undefined;
  private placed: Placed[] = [];
  /** The quotes marked now (the ties the filter shows), and what was applied, to skip repeats. */
  private marked: Placed[] = [];
  private applied: string | undefined;
  private lastSelected: string | undefined;
  /** The tie last selected by a click in the article, which must not scroll the article away. */
  private chosenInArticle: string | undefined;
  private warned: string | undefined;
  private observer: MutationObserver | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: TextTargetOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('ag-show-in-article', this.onShowRequest);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('ag-show-in-article', this.onShowRequest);
    clearTimeout(this.timer);
    cancelAnimationFrame(this.frame);
    this.detach();
    this.looked = undefined;
    this.matches = undefined;
  }

  hostUpdated(): void {
    const selector = this.options.selector()?.trim() || undefined;
    const dataset = this.options.dataset();
    if (this.looked === undefined || this.looked.selector !== selector || this.looked.dataset !== dataset) {
      this.looked = { selector, dataset };
      // Reading the article is a task of its own, after the widget has drawn.
      this.schedule(0);
      return;
    }
    this.apply(true);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.look(), delay);
  }

  /** Resolves the target, reads its text and finds the quotes in it. */
  private look(): void {
    const selector = this.looked?.selector;
    const dataset = this.looked?.dataset;
    const target = selector === undefined ? undefined : this.resolve(selector);
    if (target !== this.target) {
      this.detach();
      if (target !== undefined) this.attach(target);
    }
    const before = this.matches;
    this.placed = [];
    this.page = undefined;
    this.matches = undefined;
    if (target !== undefined && dataset !== undefined) this.find(target, dataset);
    this.applied = undefined;
    this.apply(false);
    if (this.matches !== before) this.host.requestUpdate();
  }

  private resolve(selector: string): Element | undefined {
    let found: Element | null;
    try {
      found = document.querySelector(selector);
    } catch {
      this.warnOnce(
        selector,
        `<actor-graph>: text-target "${selector}" is not a valid CSS selector; no quotes are marked in the page.`,
      );
      return undefined;
    }
    if (found === null) {
      this.warnOnce(
        selector,
        `<actor-graph>: text-target "${selector}" matches no element of the page; no quotes are marked in it.`,
      );
      return undefined;
    }
    return found;
  }

  private warnOnce(selector: string, message: string): void {
    if (this.warned === selector) return;
    this.warned = selector;
    console.warn(message);
  }

  private find(target: Element, dataset: Dataset): void {
    const page = readPageText(target);
    const quotes: TieQuote[] = dataset.ties.flatMap((tie) => tie.evidence.map((quote) => ({ tie, quote })));
    const results = findManyInPageText(
      indexPageText(page.text),
      quotes.map((item) => item.quote),
    );
    // Quotes of the same passage share one range, so that a passage is painted once.
    const ranges = new Map<string, Range>();
    const found = new Set<Evidence>();
    const missing: TieQuote[] = [];
    for (const [i, result] of results.entries()) {
      const item = quotes[i] as TieQuote;
      if (result.status !== 'found') {
        missing.push(item);
        continue;
      }
      const key = `${result.start}:${result.end}`;
      let range = ranges.get(key);
      if (range === undefined) {
        range = page.rangeOf(result.start, result.end);
        ranges.set(key, range);
      }
      found.add(item.quote);
      this.placed.push({ ...item, start: result.start, end: result.end, range });
    }
    this.placed.sort((a, b) => a.start - b.start || a.end - b.end);
    this.page = page;
    this.matches = { found, missing };
  }

  /** Marks the quotes of the shown ties and of the selection; scrolls to a newly selected tie's quote. */
  private apply(scroll: boolean): void {
    const dataset = this.looked?.dataset;
    const selection = this.options.selection();
    const filter = this.options.filter();
    const shown = new Set<Tie>(
      dataset === undefined ? [] : dataset.ties.filter((tie) => isDatasetTieShown(dataset, tie, filter)),
    );
    const key = `${selection?.kind}:${selection?.id}|${[...shown].map((tie) => tie.id).join(' ')}`;
    const selectedId = selection?.id;
    const newlySelected = selectedId !== this.lastSelected;
    this.lastSelected = selectedId;
    if (key !== this.applied) {
      this.applied = key;
      this.marked = this.placed.filter((item) => shown.has(item.tie));
      const ofActor = new Set(selection?.kind === 'actor' && dataset !== undefined ? tiesOfActor(dataset, selection.id) : []);
      const isSelected = (item: Placed) => (selection?.kind === 'tie' ? item.tie.id === selection.id : ofActor.has(item.tie));
      setHighlightRanges(this, HIGHLIGHTS.evidence, unique(this.marked));
      setHighlightRanges(this, HIGHLIGHTS.selected, unique(this.marked.filter(isSelected)));
    }
    if (!scroll || !newlySelected) return;
    const fromArticle = selectedId === this.chosenInArticle;
    this.chosenInArticle = undefined;
    if (fromArticle || selection?.kind !== 'tie') return;
    // The first of its quotes in reading order; the tie may be filtered out, its quotes are still there.
    const first = this.placed.find((item) => item.tie.id === selection.id);
    if (first === undefined) return;
    // The panel renders the new selection after this update, and when it sits above the article
    // (on a phone) the article moves: measure once it has.
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => revealRange(first.range));
  }

  private attach(target: Element): void {
    this.target = target;
    if (highlightsSupported()) target.addEventListener('click', this.onClick);
    this.observer = new MutationObserver((records) => {
      // The widget's own element may sit in the article; what changes inside it is not the article's text.
      if (records.every((record) => isInsideWidget(record.target))) return;
      this.schedule(MUTATION_DEBOUNCE_MS);
    });
    this.observer.observe(target, { childList: true, subtree: true, characterData: true });
  }

  private detach(): void {
    this.target?.removeEventListener('click', this.onClick);
    this.observer?.disconnect();
    this.observer = undefined;
    this.target = undefined;
    this.page = undefined;
    this.placed = [];
    this.marked = [];
    this.applied = undefined;
    clearHighlightRanges(this);
  }

  /** A click on a marked passage selects its tie; clicking it again goes on to the next tie it supports. */
  private readonly onClick = (event: Event): void => {
    if (!(event instanceof MouseEvent)) return;
    if (event.button !== 0 || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // A drag that selected text, or a double click that selected a word, is about the text.
    if (document.getSelection()?.isCollapsed === false) return;
    for (const node of event.composedPath()) {
      if (node === this.target) break;
      if (node instanceof Element && (node.matches(INTERACTIVE) || isInsideWidget(node))) return;
    }
    const hits = this.passagesAt(event.clientX, event.clientY);
    if (hits.length === 0) return;
    // The smallest passage is the most specific; among ties sharing it, the dataset's order.
    hits.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
    const ties = [...new Set(hits.map((item) => item.tie.id))];
    const selection = this.options.selection();
    const current = selection?.kind === 'tie' ? ties.indexOf(selection.id) : -1;
    const id = ties[(current + 1) % ties.length] as string;
    this.chosenInArticle = id;
    this.options.choose({ kind: 'tie', id });
  };

  /** The marked quotes whose passage lies under a point of the viewport. */
  private passagesAt(x: number, y: number): Placed[] {
    const caret = caretAt(x, y);
    const offset = caret === undefined ? undefined : this.page?.offsetOf(caret.node, caret.offset);
    // The caret narrows the search to the passages around it; the line boxes decide.
    const near = offset === undefined ? this.marked : this.marked.filter((item) => item.start <= offset && offset <= item.end);
    return near.filter((item) => rangeContainsPoint(item.range, x, y));
  }

  private readonly onShowRequest = (event: CustomEvent<AgShowInArticleDetail>): void => {
    event.stopPropagation();
    const item = this.placed.find((candidate) => candidate.quote === event.detail.quote);
    if (item !== undefined) revealRange(item.range);
  };
}

/** The distinct ranges of some quotes. */
function unique(items: readonly Placed[]): Range[] {
  return [...new Set(items.map((item) => item.range))];
}

function isInsideWidget(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return (element?.closest('actor-graph') ?? null) !== null;
}
