import type { Core } from 'cytoscape';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { cache } from 'lit/directives/cache.js';
import { live } from 'lit/directives/live.js';
import type { LoadedDataset } from '../../src/adapters/load-dataset.ts';
import { loadMessages, type Messages, messagesFor } from '../../src/i18n/index.ts';
import { parseSeed } from '../../src/layout/seed.ts';
import type { Dataset, DatasetInput } from '../../src/model/schema.ts';
import { TIE_CATEGORIES, type TieCategory } from '../../src/model/vocabulary.ts';
import { actorLabel, actorNameOf, tieTitle, tieTypeLabel } from '../../src/render/elements.ts';
import {
  countByStatus,
  countHiddenByTime,
  countShown,
  countTies,
  countUndatedShown,
  formatCategoryList,
  isDatasetTieShown,
  parseCategoryList,
  type TieCount,
  type TieFilter,
  tiesOfActor,
} from '../../src/render/filter.ts';
import { parseRendererChoice, RENDERER_CHOICES, type RendererChoice } from '../../src/render/gpu.ts';
import { type DateRange, dateStops } from '../../src/render/time.ts';
import { DEFAULT_COMPARE, parseComparePair, WIDGET_VIEWS, type WidgetView } from '../../src/render/views.ts';
import { formatJsonPath } from '../../src/validation/json-path.ts';
import { composedParent } from '../shared/composed-tree.ts';
import { languageOf, wordsLoadedFor } from '../shared/language.ts';
import { scrollBehavior } from '../shared/reduced-motion.ts';
import { countOf } from '../shared/tie-count.ts';
import { yieldToMain } from '../shared/yield-to-main.ts';
import { actorGraphStyles } from './actor-graph.styles.ts';
import { CytoscapeController, type Position, type Positions, type ReaderView } from './cytoscape-controller.ts';
import { DataController } from './data-controller.ts';
import { type EarlyLayout, startEarlyLayout } from './early-layout.ts';
import {
  type AgCompareChangeDetail,
  type AgErrorDetail,
  type AgExportDetail,
  type AgExportRequestDetail,
  type AgReadyDetail,
  type AgSelectDetail,
  type AgViewChangeDetail,
  agEvent,
} from './events.ts';
import { prewarmLayoutWorker } from './layout-client.ts';
import { PanelBelowController } from './panel-below.ts';
import { type Selection, sameSelection } from './selection.ts';
import type { TextTargetController } from './text-target-controller.ts';
import { themeFromCss } from './theme-from-css.ts';
import { UrlSyncController } from './url-sync-controller.ts';
import '../evidence-panel/define.ts';
import '../graph-search/define.ts';
import '../tie-legend/define.ts';

/** How long the pointer rests on an actor or a tie before its panel is built ahead. */
const LOOK_AHEAD_AFTER_MS = 80;

let lazyViews: Promise<unknown> | undefined;
/** Loads the elements of the compare and table views, once. */
export function loadLazyViews(): Promise<unknown> {
  lazyViews ??= import('../lazy-views.ts');
  return lazyViews;
}

/** The size on screen (px) that actors' names have at least in the compare view's panes. */
const COMPARE_MIN_LABEL_PX = 10;

/** The positions frozen into the dataset by `npm run layout`, when they were made with this seed. */
function frozenLayout(loaded: LoadedDataset, seed: number): Positions | undefined {
  const layout = loaded.dataset.layout;
  if (layout === undefined || layout.seed !== seed) return undefined;
  return new Map(Object.entries(layout.positions).map(([id, [x, y]]) => [id, { x, y }]));
}

/** Whether parsed, not yet validated, data stores a position for every actor for `seed`. */
function hasStoredLayout(value: unknown, seed: number): boolean {
  const data = value as { actors?: unknown; layout?: { seed?: unknown; positions?: unknown } } | null;
  const positions = data?.layout?.positions;
  if (data?.layout?.seed !== seed || typeof positions !== 'object' || positions === null || !Array.isArray(data.actors))
    return false;
  return data.actors.every((actor) => Object.hasOwn(positions, (actor as { id?: unknown })?.id as string));
}

/** Whether parsed, not yet validated, data has dated ties, and so may show the timeline. */
function mayHaveTimeline(value: unknown): boolean {
  const ties = (value as { ties?: unknown } | null)?.ties;
  return Array.isArray(ties) && ties.some((tie) => typeof tie === 'object' && tie !== null && 'period' in tie);
}

const stopsByDataset = new WeakMap<Dataset, readonly string[]>();
/** The dates of a dataset's timeline: the same array for the same data, so the timeline keeps still. */
function timelineStops(dataset: Dataset): readonly string[] {
  let stops = stopsByDataset.get(dataset);
  if (stops === undefined) {
    stops = dateStops(dataset);
    stopsByDataset.set(dataset, stops);
  }
  return stops;
}

/** How near the viewport, in screen heights above and below it, a widget starts loading. */
const NEAR_SCREENS = 1;

/** No source ids: an unchanging empty set, so that it never looks like a new value to Lit. */
const NO_SOURCES: ReadonlySet<string> = new Set();
const NO_STOPS: readonly string[] = [];

/** The views of the widget. */
const VIEWS = WIDGET_VIEWS;

/** The attributes whose values the element checks, and warns about on the console. */
const WARNED_ATTRIBUTES = ['filter', 'view', 'compare', 'renderer'] as const;
type WarnedAttribute = (typeof WARNED_ATTRIBUTES)[number];
type View = WidgetView;

const ARROWS = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const;

/** What a pane was last drawn from; any change means drawing it again. */
interface DrawnPane {
  readonly loaded: LoadedDataset;
  readonly seed: number;
  readonly lang: string;
  /** Changed in place where a new choice picks the renderer that draws the graph already. */
  renderer: RendererChoice;
  readonly container: HTMLElement;
}

/** How long (ms) a tie chosen in the article is offered at the foot of the screen. */
const FROM_ARTICLE_MS = 8000;

/**
 * `<actor-graph>` draws political actors and the typed ties between them as a force-directed
 * graph, and shows the verbatim evidence behind each tie when a reader selects an actor or a tie.
 *
 * Give it data in one of three ways: a `src` URL; an inline `<script type="application/json">`
 * child (with optional `<script type="text/plain" data-path="...">` children holding the source
 * texts); or the `data` property. Source texts are fetched relative to the dataset's URL (or the
 * page's, for inline data).
 *
 * With `sync-url`, the selection, the filters, the view and the time range are kept in the URL's
 * hash (under `ag`, or `ag-<id>` for an element with an `id`), so a reload or a shared link shows
 * the same state, and Back and Forward step through the reader's selections and views.
 *
 * Three views show the same data: `graph` (the default), `compare` (two panes, one tie category
 * each, sharing one layout and moving together, over a table of measures by group) and `table`
 * (a sortable table of ties, the screen-reader twin of the graph). The graph view and the compare
 * view's panes share one arrangement: an actor the reader drags stays where the reader left it
 * through changes of view, until new data or another `layout-seed` lays the graph out anew.
 *
 * With `text-target`, the quotes are also marked in the article around the widget, through the CSS
 * Custom Highlight API under the names `ag-evidence` (every quote found) and `ag-evidence-selected`
 * (the selection's quotes); style them with `::highlight(ag-evidence)` rules of the page.
 *
 * @tagname actor-graph
 *
 * @fires ag-ready - The graph is drawn and laid out. Detail: `{actors, ties}`.
 * @fires ag-select - The reader (or `select()`) changed the selection. Detail: `{kind: 'actor' | 'tie', id}`, or `{kind: null, id: null}` when cleared.
 * @fires ag-error - The data could not be loaded or is not valid. Detail: `{message, issues}`; `issues` carry JSON paths.
 * @fires ag-filter-change - The reader changed a legend switch or the timeline. Detail: `{categories, hiddenTypes, showAbsent, dates}`.
 * @fires ag-view-change - The reader switched the view. Detail: `{view}`.
 * @fires ag-compare-change - The reader chose another category for a pane of the compare view. Detail: `{compare}`.
 * @fires ag-export - The reader exported the graph or its data from the legend's Export menu, and the download was started. Detail: `{format, filename, bytes}`.
 *
 * @csspart graph - The box a graph is drawn in (focusable); in the compare view, each pane's.
 * @csspart legend - The legend and filter bar.
 * @csspart timeline - The timeline that narrows the ties shown to a range of dates.
 * @csspart views - The buttons that switch between the graph, compare and table views.
 * @csspart metrics - The table of measures under the compare view.
 * @csspart table - The table of ties of the table view.
 * @csspart panel - The evidence panel.
 * @csspart to-panel - The button that brings the evidence panel into view, shown while there is a
 *   selection and the panel is below the graph and off screen (a narrow widget).
 * @csspart from-article - The note at the foot of the screen that a passage clicked in the article
 *   (`text-target`) selected a tie in a graph out of sight, with the button that goes to it.
 * @csspart error - The error message shown when data cannot be used.
 *
 * @cssprop --ag-font-family - The font of the whole widget, graph labels included.
 * @cssprop --ag-font-size - The size of the text not sized in rem, which follows the page's root font size (default 15px).
 * @cssprop --ag-graph-font-size - The size of labels in the graph, in pixels at zoom 1 (default 15).
 * @cssprop --ag-graph-height - The height of the graph (default 540px; at most 70% of the viewport).
 * @cssprop --ag-color-text - Text colour.
 * @cssprop --ag-color-muted - Secondary text colour.
 * @cssprop --ag-color-background - Background colour, also the halo around graph labels.
 * @cssprop --ag-color-surface - Background of tie cards.
 * @cssprop --ag-color-border - Borders and rules.
 * @cssprop --ag-color-control-border - Borders of the search field and the zoom buttons (3:1 on white, as WCAG 1.4.11 asks of a control's edge).
 * @cssprop --ag-color-link - Links and link-like buttons.
 * @cssprop --ag-color-focus - Focus rings and the selected actor's outline.
 * @cssprop --ag-color-highlight - Background of the quoted words in their context, the selected table row and search matches.
 * @cssprop --ag-color-absent-background - Background of the note that the text says a tie does not exist.
 * @cssprop --ag-color-absent-text - Text colour of that note.
 * @cssprop --ag-color-error - Colour of the error message.
 * @cssprop --ag-color-alliance - Colour of alliance ties (Okabe-Ito blue by default).
 * @cssprop --ag-color-transaction - Colour of transaction ties (orange, 3.35:1 on white).
 * @cssprop --ag-color-hostility - Colour of hostility ties (red).
 * @cssprop --ag-color-competition - Colour of competition ties (Okabe-Ito reddish purple).
 * @cssprop --ag-color-diplomacy - Colour of diplomacy ties (Okabe-Ito bluish green).
 * @cssprop --ag-color-state - Fill of state nodes.
 * @cssprop --ag-color-organization - Fill of organization nodes.
 * @cssprop --ag-color-bloc - Fill of bloc nodes.
 * @cssprop --ag-color-non-state - Fill of non-state group nodes.
 * @cssprop --ag-radius - Corner radius of the widget's frame.
 */
export class ActorGraph extends LitElement {
  static override properties = {
    src: { type: String },
    selected: { type: String, reflect: true },
    filter: { type: String },
    view: { type: String, reflect: true },
    compare: { type: String, reflect: true },
    layoutSeed: { type: String, attribute: 'layout-seed' },
    renderer: { type: String },
    showAbsent: { type: Boolean, attribute: 'show-absent', reflect: true },
    lang: { type: String, reflect: true },
    timeout: { type: Number },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    textTarget: { type: String, attribute: 'text-target' },
    data: { attribute: false },
    sourceTexts: { attribute: false },
  };

  static override styles = actorGraphStyles;

  /** The URL of a dataset JSON file. Its source texts are fetched relative to it. */
  declare src: string | undefined;
  /** The id of the selected actor or tie; empty when nothing is selected. Reflects. */
  declare selected: string | undefined;
  /** The tie categories to show, separated by spaces (e.g. `"alliance transaction"`). Empty shows all; `none` shows none. */
  declare filter: string | undefined;
  /** The view: `graph` (default), `compare` or `table`. Reflects, also when the reader switches. */
  declare view: View;
  /** The two categories the compare view sets side by side (default `"alliance transaction"`). Reflects, also when the reader picks. */
  declare compare: string | undefined;
  /**
   * How many seconds to wait for the dataset, and for each source text, before giving up, and for
   * the interface's words before showing the data in English until they come (default 20).
   */
  declare timeout: number | undefined;
  /** The seed of the layout: the same data and seed always give the same picture. */
  declare layoutSeed: string | undefined;
  /**
   * Which of Cytoscape's renderers draws the graph: `auto` (the default) draws with WebGL only a
   * graph of more than 2,000 actors, and only where WebGL runs on a real GPU, since in software
   * it is many times slower than the canvas; `canvas` always draws on a 2D canvas; `webgl` draws
   * with WebGL wherever the browser has it, at any size. Cytoscape's WebGL renderer draws every
   * tie as a solid line with no arrowhead in its middle: hedges, absent ties and bloc memberships
   * lose their dashes and dots there. Changing it draws the graph again.
   */
  declare renderer: string | undefined;
  /** Whether ties the text says are absent are drawn, as ghost edges. */
  declare showAbsent: boolean;
  /**
   * The language of the interface and of the actors' names, where the data has them (`ko`). Left
   * out, the widget speaks the language of its nearest ancestor with a `lang`, usually the page's.
   */
  declare lang: string;
  /**
   * Whether the selection, the filters, the view and the time range are kept in the URL's hash,
   * so that a reload or a shared link restores them and Back and Forward step through them.
   */
  declare syncUrl: boolean;
  /** A dataset object, used instead of `src` or inline JSON when set. */
  declare data: DatasetInput | undefined;
  /** Source texts by their `text` path, for data given without a place to fetch texts from. */
  declare sourceTexts: Readonly<Record<string, string>> | undefined;
  /**
   * A CSS selector of the page's element that holds the article the data quotes (e.g. `#article`).
   * Its quotes are marked there, selecting a tie scrolls to its quote, and clicking a marked
   * passage selects its tie.
   */
  declare textTarget: string | undefined;

  /** The warning last given about each attribute, so that a value is spoken of once. */
  private readonly warned = new Map<WarnedAttribute, string>();

  /** What the element shows besides its public properties; changed only through `setView`. */
  private ui: {
    hiddenTypes: ReadonlySet<string>;
    dates: DateRange;
    /** The hint shown over the graph for a moment: how to zoom with the wheel, or move by touch. */
    hint: 'wheel' | 'touch' | null;
    /**
     * A tie chosen by a click in the article while the graph was off screen, offered at the foot
     * of the screen with the way back to the graph (up or down the page).
     */
    fromArticle: { name: string; graphIs: 'above' | 'below' } | null;
    announcement: string;
    drawError: string | undefined;
    /** Why the last export failed, shown until the next one succeeds. */
    exportError: string | undefined;
    /** The actor or tie the pointer rests on, whose panel is built ahead (see `lookAhead`). */
    ahead: Selection | null;
  } = {
    hiddenTypes: new Set(),
    dates: {},
    hint: null,
    fromArticle: null,
    announcement: '',
    drawError: undefined,
    exportError: undefined,
    ahead: null,
  };

  private readonly source = new DataController(
    this,
    (error) => {
      this.pendingSelect = undefined;
      this.holdEarly(undefined);
      this.dispatchEvent(agEvent<AgErrorDetail>('ag-error', error));
    },
    () => {
      this.warnAboutAttributes();
      const pending = this.pendingSelect;
      this.pendingSelect = undefined;
      if (pending !== undefined) this.select(pending.id);
    },
    () => this.near,
    (value) => {
      // While the data is checked and its texts load, the worker already lays out the graph the
      // data describes, unless the data brings its own positions for this seed or no graph shows.
      const seed = parseSeed(this.layoutSeed);
      this.holdEarly(undefined);
      if (!hasStoredLayout(value, seed)) {
        // Asking for the layout starts the worker; the table view only has it ready.
        if (this.currentView() === 'table') prewarmLayoutWorker();
        else this.holdEarly(startEarlyLayout(value, seed, themeFromCss(this).fontSize, this.wantedLanguage || undefined));
      }
      // The timeline's code loads while the texts load, not after the graph is drawn.
      if (mayHaveTimeline(value)) void loadLazyViews();
    },
    // Data is first shown in the words of the language asked for, which load meanwhile.
    () => loadMessages(this.wantedLanguage),
  );
  /** The graph of the graph view, and the left pane of the compare view. */
  private readonly primary = this.makePane();
  /** The right pane of the compare view. */
  private readonly secondary = this.makePane();
  /**
   * The article of the page that the quotes are marked in (`text-target`). Its code is loaded only
   * for a widget given one: most pages embed the graph without it.
   */
  private article: TextTargetController | undefined;
  private articleLoading = false;
  /** A `select()` made while data loaded, made once it is in. */
  private pendingSelect: { readonly id: string | null } | undefined;
  /** Whether the panel is below the graph and off screen, where a selection would go unseen. */
  private readonly panelBelow = new PanelBelowController(
    this,
    () => this.renderRoot?.querySelector('.panel-wrap') ?? null,
    () => this.renderRoot?.querySelector('.graph-column') ?? null,
  );
  private readonly drawn = new Map<CytoscapeController, DrawnPane>();
  private lastCompared: { attribute: string | undefined; pair: readonly [TieCategory, TieCategory] } | undefined;
  /** The layout of the data last parsed, asked for before the data was validated. */
  private early: EarlyLayout | undefined;
  /**
   * Lets go of `early`, which the element holds from when it asks for it until its drawing has
   * claimed it (or not) and while it is out of the page: the worker need not refine a layout
   * that nobody holds.
   */
  private letGoOfEarly: (() => void) | undefined;
  /**
   * The layout of the data last drawn, with the reader's moves since: reused by the second pane
   * and after a change of view, so that an actor stays where the reader left it.
   */
  private layout: { loaded: LoadedDataset; seed: number; positions: Map<string, Position> } | undefined;
  /**
   * Where the reader left the first pane's view (zoomed, panned), of the data and seed it drew:
   * the graph drawn after a change of view or language shows the same place.
   */
  private keptView: { loaded: LoadedDataset; seed: number; view: ReaderView | undefined } | undefined;
  private syncingViewport = false;
  private lookAheadTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * A `lang` changed in the page (a section's, the page's) may change the widget's language: it
   * renders again at once, not at the reader's next click. Its own too: emptied, it reaches the
   * attribute, which hands the language to the ancestors, only after `render` read it.
   */
  private readonly langWatch = new MutationObserver(() => this.requestUpdate());
  /**
   * The language the widget speaks now: the one it is asked for, once that language's words are
   * in (`willUpdate` loads them), the one before until then. Words, names and the graph change
   * language together.
   */
  private language = '';
  private fromArticleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Takes the note of a tie chosen in the article away once the graph is in view. */
  private fromArticleWatch: IntersectionObserver | undefined;
  /** The selection last worked out (see `selection`). */
  private lastSelection: Selection | null = null;
  private lastFilter: { attribute: string | undefined; value: TieFilter } | undefined;
  /** Whether the element has come near the viewport; until then it loads and draws nothing. */
  private near = false;
  private nearObserver: IntersectionObserver | undefined;
  private readyFor: { loaded: LoadedDataset; view: View } | undefined;
  private hintTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.showAbsent = false;
    this.syncUrl = false;
    this.view = 'graph';
    // Keeps the state in the URL's hash (`sync-url`); it registers itself with the element.
    new UrlSyncController(this, {
      ui: () => this.ui,
      setUi: (patch) => this.setUi(patch),
      restoreSelection: (id) => {
        this.selected = id ?? undefined;
        // An id not drawn (yet) is kept, silently, until the data it names is loaded.
        if (id === null || this.selection() !== null) this.choose(this.selection());
      },
    });
  }

  private makePane(): CytoscapeController {
    const pane: CytoscapeController = new CytoscapeController(this, {
      onTap: (selection) => this.choose(selection),
      onFocusChange: (actorId) => {
        this.announceFocus(actorId, pane);
        // The actor the keyboard rests on is the one Enter would choose.
        this.lookAhead(actorId === null ? null : { kind: 'actor', id: actorId });
      },
      onPassiveWheel: () => this.showHint('wheel'),
      onPageSwipe: () => this.showHint('touch'),
      onViewport: () => this.syncViewport(pane),
      onActorDragged: (id, position) => this.keepDrag(pane, id, position),
      onPointerOver: (selection) => this.lookAhead(selection),
    });
    return pane;
  }

  /**
   * Has the evidence panel build, hidden, the panel of the actor or tie the pointer (or the
   * keyboard's focus) rests on, so that choosing it only has to show it. It waits a moment: a
   * pointer crossing the graph passes over many actors without stopping.
   */
  private lookAhead(selection: Selection | null): void {
    clearTimeout(this.lookAheadTimer);
    if (selection === null) {
      if (this.ui.ahead !== null) this.setUi({ ahead: null });
      return;
    }
    if (sameSelection(selection, this.selection())) return;
    this.lookAheadTimer = setTimeout(() => this.setUi({ ahead: selection }), LOOK_AHEAD_AFTER_MS);
  }

  private setUi(patch: Partial<ActorGraph['ui']>): void {
    this.ui = { ...this.ui, ...patch };
    this.requestUpdate();
  }

  /**
   * The language the widget is asked to speak: its `lang` attribute, else the nearest ancestor's,
   * else the page's. It picks the interface's words and the actors' names where the data has them.
   * The property first: set by a script, it reaches the attribute only after `render` has read it.
   */
  private get wantedLanguage(): string {
    return this.lang || languageOf(this);
  }

  private get words(): Messages {
    return messagesFor(this.language);
  }

  /**
   * The Cytoscape core, for advanced uses (in the compare view, the left pane's); read-only. Its
   * elements are pressed (`:active`) without being restyled, so a style added for `:active`
   * does not show. While it draws a frame, it does not announce again (`bounds`) a box it already
   * announced as changed.
   */
  get cy(): Core | undefined {
    return this.primary.core;
  }

  /**
   * Selects an actor or a tie by id (or clears the selection with `null`), and fires `ag-select`.
   * Called while data loads (the first or a new one), it waits for it, then selects as it would
   * have (or warns that the id names nothing in it).
   */
  select(id: string | null): void {
    if (this.source.loaded === undefined || this.source.state.status === 'loading') {
      this.pendingSelect = { id };
      return;
    }
    const selection = id === null ? null : this.resolve(id);
    if (id !== null && selection === null) {
      console.warn(`<actor-graph>: select("${id}") names no actor or tie of this dataset.`);
      return;
    }
    this.choose(selection);
  }

  /** Fits the whole graph into view. */
  fit(): void {
    this.primary.fit();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back in the same task (moved in the page), the element still wants its early layout.
    if (this.early !== undefined && !this.early.dropped) this.letGoOfEarly ??= this.early.hold();
    this.watchNearness();
    this.langWatch.observe(document, { subtree: true, attributeFilter: ['lang'] });
    // A graph removed and put back (as frameworks and CMSs do) is drawn again.
    if (this.hasUpdated) {
      this.drawn.clear();
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.letGoOfEarlyLayout();
    clearTimeout(this.hintTimer);
    this.dropFromArticle();
    clearTimeout(this.lookAheadTimer);
    this.nearObserver?.disconnect();
    this.langWatch.disconnect();
  }

  /** Loads the code that links the widget to its article (`text-target`), and starts it. */
  private async linkArticle(): Promise<void> {
    this.articleLoading = true;
    let loaded: typeof import('./text-target-controller.ts');
    try {
      loaded = await import('./text-target-controller.ts');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      console.warn(`<actor-graph>: the quotes cannot be marked in the article (text-target): its code did not load (${reason}).`);
      return;
    }
    // Removed while its code loaded: it links to no article; connected again, it loads it again.
    if (!this.isConnected) {
      this.articleLoading = false;
      return;
    }
    this.article = new loaded.TextTargetController(this, {
      selector: () => this.textTarget,
      dataset: () => this.source.loaded?.dataset,
      selection: () => this.selection(),
      filter: () => this.tieFilter(),
      choose: (selection) => {
        this.choose(selection);
        this.offerGraph(selection);
      },
    });
    this.requestUpdate();
  }

  /** Keeps `early` for the drawing to claim, and lets go of the one kept before. */
  private holdEarly(early: EarlyLayout | undefined): void {
    this.letGoOfEarlyLayout();
    this.early = early;
    this.letGoOfEarly = early?.hold();
  }

  /** Lets go of `early`, keeping it to be held again (see `letGoOfEarly`). */
  private letGoOfEarlyLayout(): void {
    this.letGoOfEarly?.();
    this.letGoOfEarly = undefined;
  }

  /**
   * A widget far down an article does nothing (no fetch, no layout) until it comes within a
   * screen of the viewport, so a page with many widgets loads as fast as one with none.
   */
  private watchNearness(): void {
    if (this.near) return;
    // A widget already in or near the view starts at once: an observer would first wait a frame.
    if (this.isNearViewport()) {
      this.near = true;
      return;
    }
    this.nearObserver?.disconnect();
    this.nearObserver = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.near = true;
        this.nearObserver?.disconnect();
        void this.source.load();
      },
      { rootMargin: `${NEAR_SCREENS * 100}% 0px` },
    );
    this.nearObserver.observe(this);
    // A widget inside a closed <details> is watched through the <details> too: when its summary is
    // near, the data is loaded and laid out while folded, so that opening it only has to draw. (A
    // widget under display:none gives no place to watch, and waits to be shown.)
    const folder = this.closedDetailsAround();
    if (folder !== undefined) this.nearObserver.observe(folder);
  }

  /**
   * Whether the element is rendered within `NEAR_SCREENS` of the viewport, as the observer's
   * margin counts it. Reading its box costs a layout only where the page has changed since the last one.
   */
  private isNearViewport(): boolean {
    const box = this.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    const height = window.innerHeight;
    return box.bottom >= -NEAR_SCREENS * height && box.top <= (1 + NEAR_SCREENS) * height;
  }

  /** The closed, rendered `<details>` (across shadow roots) whose folded content holds this element. */
  private closedDetailsAround(): HTMLDetailsElement | undefined {
    for (let node = composedParent(this); node !== null; node = composedParent(node)) {
      if (node instanceof HTMLDetailsElement && !node.open) return node.getClientRects().length > 0 ? node : undefined;
    }
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const wanted = this.wantedLanguage;
    if (wordsLoadedFor(this, wanted)) this.language = wanted;
    if (this.textTarget?.trim() && !this.articleLoading) void this.linkArticle();
    const sourceChanged = changed.has('src') || changed.has('data') || changed.has('sourceTexts') || !this.hasUpdated;
    if (sourceChanged && this.near) void this.source.load();
    if (this.hasUpdated) this.warnAboutAttributes(WARNED_ATTRIBUTES.filter((name) => changed.has(name)));
    // The note of a tie chosen in the article watches the view it was shown over. The panel built
    // ahead for an actor the pointer or keyboard rests on goes with the graph, cleared here, not
    // when `updated` takes the graph down, which would render once more.
    if (changed.has('view')) {
      this.dropFromArticle();
      this.lookAhead(null);
    }
  }

  /**
   * Resolves once the element has rendered and its graphs show the selection, which they mark a
   * frame after the evidence panel is painted.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await this.rendered();
    await Promise.all([this.primary.selectionMarked, this.secondary.selectionMarked]);
    return complete;
  }

  /** Resolves once the element has rendered, without waiting for the graphs to mark the selection. */
  private rendered(): Promise<boolean> {
    return super.getUpdateComplete();
  }

  protected override updated(): void {
    const loaded = this.source.loaded;
    // Lit still updates a removed element; it must not build graphs nobody will destroy.
    if (loaded === undefined || !this.isConnected) return;
    const containers = [...this.renderRoot.querySelectorAll<HTMLElement>('.graph')];
    const seed = parseSeed(this.layoutSeed);
    const lang = this.language;
    const renderer = this.rendererChoice();
    const toDraw: [CytoscapeController, DrawnPane][] = [];
    for (const [index, pane] of [this.primary, this.secondary].entries()) {
      const container = containers[index];
      const drawn = this.drawn.get(pane);
      // The first pane's view as the reader left it, before the pane goes or is drawn anew.
      // A pane not placed yet has no view of its own: the one kept before still holds.
      const keepView = () => {
        if (index === 0 && drawn !== undefined && pane.core !== undefined)
          this.keptView = { loaded: drawn.loaded, seed: drawn.seed, view: pane.readerView() };
      };
      if (container === undefined) {
        keepView();
        pane.destroy();
        this.drawn.delete(pane);
        continue;
      }
      // A new choice that picks the renderer drawing the graph already draws nothing again.
      if (drawn !== undefined && drawn.renderer !== renderer && pane.isDrawnAs(renderer)) drawn.renderer = renderer;
      if (
        drawn?.loaded === loaded &&
        drawn.seed === seed &&
        drawn.lang === lang &&
        drawn.renderer === renderer &&
        drawn.container === container
      ) {
        // Drawn, or being drawn: a pane still being laid out gets the filter and selection when it is placed.
        if (pane.core !== undefined) {
          pane.applyFilter(this.paneFilter(index));
          pane.applySelection(this.selection());
        }
      } else {
        keepView();
        const record = { loaded, seed, lang, renderer, container };
        this.drawn.set(pane, record);
        toDraw.push([pane, record]);
      }
    }
    if (toDraw.length > 0) void this.draw(toDraw);
    else if (containers.length === 0) this.markReady(loaded);
  }

  /** Fires `ag-ready` when a view has been drawn: after each drawing of its graphs, or once per dataset for the table. */
  private markReady(loaded: LoadedDataset): void {
    const key = { loaded, view: this.currentView() };
    if (this.readyFor?.loaded === key.loaded && this.readyFor.view === key.view) return;
    this.readyFor = key;
    this.dispatchEvent(
      agEvent<AgReadyDetail>('ag-ready', { actors: loaded.dataset.actors.length, ties: loaded.dataset.ties.length }),
    );
  }

  /**
   * Draws panes one after the other, so that the first one's layout serves the rest. A drawing
   * that a newer one has replaced (new data, seed or language, or the element removed) stops.
   */
  private async draw(panes: [CytoscapeController, DrawnPane][]): Promise<void> {
    const current = (pane: CytoscapeController, record: DrawnPane) => this.drawn.get(pane) === record && this.isConnected;
    let loaded: LoadedDataset | undefined;
    for (const [pane, record] of panes) {
      // Lit's render with the new data and the drawing are separate tasks.
      await yieldToMain();
      if (!current(pane, record)) return;
      loaded = record.loaded;
      const { seed, lang, renderer, container } = record;
      const cached =
        this.layout?.loaded === loaded && this.layout.seed === seed ? this.layout.positions : frozenLayout(loaded, seed);
      const index = pane === this.primary ? 0 : 1;
      let completed: boolean;
      try {
        const creating = pane.create(container, {
          dataset: loaded.dataset,
          seed,
          theme: themeFromCss(this),
          lang: lang || undefined,
          renderer,
          positions: cached,
          // Taken only by a drawing that needs that very layout (a redraw of other data does not).
          early: this.early,
          filter: this.paneFilter(index),
          // The compare view's panes, half as wide, would fit the names at about 7.6 px.
          minLabelPx: this.view === 'compare' ? COMPARE_MIN_LABEL_PX : undefined,
          // The reader's view, kept; the compare view's second pane starts from the first one's.
          view:
            index > 0
              ? this.primary.readerView()
              : this.keptView?.loaded === loaded && this.keptView.seed === seed
                ? this.keptView.view
                : undefined,
          // Filter and selection hold from the first placement on, not only once the layout is refined.
          onPlaced: () => {
            pane.applyFilter(this.paneFilter(index));
            pane.applySelection(this.selection());
          },
        });
        // The drawing holds the early layout if it took it; one that it did not take serves
        // nobody, and the worker may drop its refinement.
        this.letGoOfEarlyLayout();
        completed = await creating;
      } catch (error) {
        if (!current(pane, record)) return;
        const message = `The graph could not be laid out: ${error instanceof Error ? error.message : String(error)}.`;
        this.setUi({ drawError: message });
        this.dispatchEvent(agEvent<AgErrorDetail>('ag-error', { message, issues: [] }));
        return;
      }
      if (!completed || !current(pane, record)) return;
      // A finished pane's positions are complete: they serve the other pane and later views. A
      // pane drawn from the layout kept leaves it be: it holds the reader's moves, even those made
      // in the other pane while this one was placed.
      if (this.layout?.loaded !== loaded || this.layout.seed !== seed)
        this.layout = { loaded, seed, positions: pane.positions() };
      pane.applyFilter(this.paneFilter(index));
      pane.applySelection(this.selection());
      if (pane === this.secondary && this.primary.core !== undefined) pane.matchViewport(this.primary.core);
    }
    if (loaded === undefined) return;
    if (this.ui.drawError !== undefined) this.setUi({ drawError: undefined });
    this.readyFor = undefined;
    this.markReady(loaded);
  }

  /**
   * Keeps the reader's move of an actor in the layout kept (of the data and seed `from` draws), for
   * the graphs drawn later: after a change of view, the actor is where the reader left it. Both
   * panes of the compare view hold every actor at the same place: an actor dragged in one moves in
   * the other too, or the two would no longer compare like with like.
   */
  private keepDrag(from: CytoscapeController, id: string, position: Position): void {
    const { layout } = this;
    const drawn = this.drawn.get(from);
    if (layout?.loaded === drawn?.loaded && layout?.seed === drawn?.seed) layout?.positions.set(id, { ...position });
    if (this.view !== 'compare') return;
    const other = from === this.primary ? this.secondary : this.primary;
    other.core?.getElementById(id).position({ x: position.x, y: position.y });
  }

  /** Panes of the compare view move together: a pan or zoom of one is copied to the other. */
  private syncViewport(from: CytoscapeController): void {
    if (this.syncingViewport || this.view !== 'compare' || from.core === undefined) return;
    const other = from === this.primary ? this.secondary : this.primary;
    this.syncingViewport = true;
    try {
      other.matchViewport(from.core);
    } finally {
      this.syncingViewport = false;
    }
  }

  // --- selection and filter --------------------------------------------------------------------

  private resolve(id: string): Selection | null {
    const dataset = this.source.loaded?.dataset;
    if (dataset === undefined || id === '') return null;
    if (dataset.actors.some((actor) => actor.id === id)) return { kind: 'actor', id };
    if (dataset.ties.some((tie) => tie.id === id)) return { kind: 'tie', id };
    return null;
  }

  private selection(): Selection | null {
    const selection = this.selected === undefined ? null : this.resolve(this.selected);
    // The same object for the same selection: the evidence panel renders again only when it changes.
    if (!sameSelection(selection, this.lastSelection)) this.lastSelection = selection;
    return this.lastSelection;
  }

  /** Applies a selection made by the reader, announces it, and fires `ag-select`. */
  private choose(selection: Selection | null): void {
    // A panel still to be built ahead would render again the panel just chosen, before it is painted.
    clearTimeout(this.lookAheadTimer);
    this.selected = selection?.id ?? undefined;
    this.setUi({ announcement: this.describeSelection(selection) });
    this.dispatchEvent(agEvent<AgSelectDetail>('ag-select', selection ?? { kind: null, id: null }));
  }

  private describeSelection(selection: Selection | null): string {
    const dataset = this.source.loaded?.dataset;
    if (dataset === undefined || selection === null) return this.words.graph.cleared;
    if (selection.kind === 'actor') {
      const name = actorNameOf(dataset, selection.id, this.language || undefined);
      return this.words.graph.actorSelected(name, this.shownTieCount(selection.id, this.panelFilter()));
    }
    const tie = dataset.ties.find((t) => t.id === selection.id);
    const type = dataset.tieTypes.find((t) => t.id === tie?.type);
    return this.words.graph.tieSelected(type === undefined ? selection.id : tieTypeLabel(type, this.language || undefined));
  }

  /** An actor's name, or a tie's title ("North Korea → Russia: Arms for food…"). */
  private selectionName(selection: Selection): string {
    const dataset = this.source.loaded?.dataset;
    if (dataset === undefined) return selection.id;
    const lang = this.language || undefined;
    if (selection.kind === 'actor') return actorNameOf(dataset, selection.id, lang);
    const tie = dataset.ties.find((t) => t.id === selection.id);
    return tie === undefined ? selection.id : tieTitle(dataset, tie, lang);
  }

  /**
   * How many of an actor's ties a filter (by default, the legend's and the timeline's) shows,
   * those that exist and the absent ones apart.
   */
  private shownTieCount(actorId: string, filter = this.tieFilter()): TieCount {
    const dataset = this.source.loaded?.dataset;
    if (dataset === undefined) return { present: 0, absent: 0 };
    return countByStatus(tiesOfActor(dataset, actorId), (tie) => isDatasetTieShown(dataset, tie, filter));
  }

  /**
   * The filter of the legend's switches and the timeline. The same object comes back until one
   * of them changes, so that a render for another reason (a selection, say) leaves the legend,
   * the search and the timeline alone: a new object would have each of them render again.
   */
  private tieFilter(): TieFilter {
    const { hiddenTypes, dates } = this.ui;
    const last = this.lastFilter;
    if (
      last !== undefined &&
      last.attribute === this.filter &&
      last.value.hiddenTypes === hiddenTypes &&
      last.value.showAbsent === this.showAbsent &&
      last.value.dates === dates
    ) {
      return last.value;
    }
    const value = { categories: parseCategoryList(this.filter).categories, hiddenTypes, showAbsent: this.showAbsent, dates };
    this.lastFilter = { attribute: this.filter, value };
    return value;
  }

  /** The filter of one pane: in the compare view, each pane keeps to its own category. */
  private paneFilter(index: number): TieFilter {
    const filter = this.tieFilter();
    if (this.view !== 'compare') return filter;
    const category = this.compared()[index] as TieCategory;
    return { ...filter, categories: new Set(filter.categories.has(category) ? [category] : []) };
  }

  /**
   * The filter of what the evidence panel lists and the timeline counts: in the compare view,
   * the two categories compared only. The announcement of a selection counts as the panel does.
   */
  private panelFilter(): TieFilter {
    const filter = this.tieFilter();
    if (this.currentView() !== 'compare') return filter;
    return { ...filter, categories: new Set(this.compared().filter((category) => filter.categories.has(category))) };
  }

  /** The two categories of the compare view: the same array until `compare` changes. */
  private compared(): readonly [TieCategory, TieCategory] {
    const last = this.lastCompared;
    if (last !== undefined && last.attribute === this.compare) return last.pair;
    const pair = parseComparePair(this.compare);
    this.lastCompared = { attribute: this.compare, pair };
    return pair;
  }

  /** The current view, or the graph view when the `view` attribute names no view. */
  private currentView(): View {
    return (VIEWS as readonly string[]).includes(this.view) ? this.view : 'graph';
  }

  /** The renderer the `renderer` attribute asks for; `auto` when it names none. */
  private rendererChoice(): RendererChoice {
    return parseRendererChoice(this.renderer) ?? 'auto';
  }

  /**
   * Says which attribute value was not understood and what was used instead: for each of `names`
   * (those just changed), or for all of them (when the data has loaded). A value is spoken of once,
   * however often the element checks it.
   */
  private warnAboutAttributes(names: readonly WarnedAttribute[] = WARNED_ATTRIBUTES): void {
    const problems: Record<WarnedAttribute, () => string | undefined> = {
      filter: () => {
        const { unknown } = parseCategoryList(this.filter);
        return unknown.length === 0
          ? undefined
          : `the filter attribute names unknown categories (${unknown.join(', ')}); use ${TIE_CATEGORIES.join(', ')} or none.`;
      },
      view: () =>
        (VIEWS as readonly string[]).includes(this.view)
          ? undefined
          : `the view attribute "${this.view}" is not one of ${VIEWS.join(', ')}; showing the graph.`,
      renderer: () =>
        parseRendererChoice(this.renderer) !== undefined
          ? undefined
          : `the renderer attribute "${this.renderer}" is not one of ${RENDERER_CHOICES.join(', ')}; choosing it automatically.`,
      compare: () => {
        const words = (this.compare ?? '').trim().split(/\s+/).filter(Boolean);
        return words.length === 0 || this.compared().join(' ') === words.join(' ')
          ? undefined
          : `the compare attribute "${this.compare}" must name two different categories of ${TIE_CATEGORIES.join(', ')}; comparing ${DEFAULT_COMPARE.join(' and ')}.`;
      },
    };
    for (const name of names) {
      const problem = problems[name]();
      if (problem !== undefined && this.warned.get(name) !== problem) console.warn(`<actor-graph>: ${problem}`);
      if (problem === undefined) this.warned.delete(name);
      else this.warned.set(name, problem);
    }
  }

  private onFilterChange(event: CustomEvent<TieFilter>): void {
    const { categories, hiddenTypes, showAbsent } = event.detail;
    this.filter = formatCategoryList(categories);
    this.setUi({ hiddenTypes });
    this.showAbsent = showAbsent;
  }

  private onTimeChange(event: CustomEvent<DateRange>): void {
    event.stopPropagation();
    this.setUi({ dates: event.detail });
    this.dispatchEvent(agEvent<TieFilter>('ag-filter-change', { ...this.tieFilter(), dates: event.detail }));
  }

  /** Makes the file chosen in the legend's Export menu, downloads it and fires `ag-export`. */
  private async onExportRequest(event: CustomEvent<AgExportRequestDetail>): Promise<void> {
    event.stopPropagation();
    const loaded = this.source.loaded;
    if (loaded === undefined) return;
    // The compare view exports both panes, side by side, under their headings.
    const titles = this.compared().map((category) => this.paneTitle(category));
    const laidOut = this.layout?.loaded === loaded ? this.layout.positions : frozenLayout(loaded, parseSeed(this.layoutSeed));
    try {
      const { exportAndDownload } = await import('./export-download.ts');
      // The panes as they are once the module is loaded: a view switched meanwhile has destroyed the old ones.
      const panes = this.shownPanes().flatMap((pane, index) =>
        pane.core === undefined || pane.core.destroyed() ? [] : [{ core: pane.core, title: titles[index] }],
      );
      const detail = await exportAndDownload({
        format: event.detail.format,
        loaded,
        panes,
        positions: this.primary.core === undefined ? laidOut : this.primary.positions(),
        theme: themeFromCss(this),
        lang: this.language || undefined,
        base: this.src && this.data === undefined ? new URL(this.src, document.baseURI).href.split('#')[0] : undefined,
        root: this.renderRoot,
      });
      if (this.ui.exportError !== undefined) this.setUi({ exportError: undefined });
      this.dispatchEvent(agEvent<AgExportDetail>('ag-export', detail));
    } catch (error) {
      const words = this.words;
      const message = words.graph.exportFailed(
        words.legend.exportMenu.items[event.detail.format],
        error instanceof Error ? error.message : String(error),
      );
      console.warn(`<actor-graph>: ${message}`);
      this.setUi({ exportError: message });
    }
  }

  private onRequestSelect(event: CustomEvent<Selection>): void {
    event.stopPropagation();
    this.choose(event.detail);
  }

  /** Centres the graph on what the search chose, once the element has rendered the selection. */
  private onRequestCentre(event: CustomEvent<Selection>): void {
    event.stopPropagation();
    const { id } = event.detail;
    // Not `updateComplete`: the glide must start before the graph marks the selection, whose
    // reveal then leaves the view to it.
    void this.rendered().then(() => {
      // In the compare view, the panes that show it (they move together); a tie hidden in both
      // is centred on its two ends in both. The table view scrolls to its row instead.
      const panes = this.shownPanes();
      const showing = panes.filter((pane) => pane.shows(id));
      for (const pane of showing.length > 0 ? showing : panes) pane.centreOn(id);
    });
  }

  private switchView(view: View): void {
    if (view === this.currentView()) return;
    this.view = view;
    this.dispatchEvent(agEvent<AgViewChangeDetail>('ag-view-change', { view }));
  }

  // --- keyboard, wheel and announcements -------------------------------------------------------

  /**
   * Escape clears the selection from anywhere in the widget (the table, the panel, the view
   * buttons), not only from the graph. The controls that give Escape a meaning of their own (the
   * search, the menus, the graph) handle it first and stop it. Focus left in the panel, whose
   * content goes, moves to its heading.
   */
  private onEscape(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented || this.selection() === null) return;
    const panel = this.renderRoot.querySelector('ag-evidence-panel');
    const fromPanel = panel !== null && event.composedPath().includes(panel);
    // Handled here: a dialog around the widget must not close as well.
    event.preventDefault();
    event.stopPropagation();
    this.choose(null);
    if (fromPanel) void this.updateComplete.then(() => panel.focusTitle());
  }

  private onKeydown(event: KeyboardEvent, pane: CytoscapeController): void {
    const direction = ARROWS[event.key as keyof typeof ARROWS];
    if (direction !== undefined) {
      pane.moveFocus(direction);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const focused = pane.focusedActor ?? pane.moveFocus('right');
      if (focused !== null) this.choose({ kind: 'actor', id: focused });
    } else if (event.key === 'Escape') {
      if (this.selection() !== null) this.choose(null);
      else pane.setFocus(null);
    } else if (event.key === '+' || event.key === '=') {
      pane.zoomBy(1.25);
    } else if (event.key === '-') {
      pane.zoomBy(0.8);
    } else if (event.key === '0') {
      pane.fit();
    } else {
      return;
    }
    event.preventDefault();
  }

  /** Says which actor the keyboard rests on, and how many of its ties the pane it is in shows. */
  private announceFocus(actorId: string | null, pane: CytoscapeController): void {
    const dataset = this.source.loaded?.dataset;
    const actor = dataset?.actors.find((a) => a.id === actorId);
    if (dataset === undefined || actor === undefined) return;
    const name = actorLabel(actor, this.language || undefined);
    const shown = this.shownTieCount(actor.id, this.paneFilter(pane === this.primary ? 0 : 1));
    this.setUi({ announcement: this.words.graph.focused(name, this.words.kind[actor.kind], shown) });
  }

  /**
   * A click in the article chose `selection`: where the graph is off screen, says so at the foot
   * of the screen for a while, with a button that goes to it. Otherwise the reader sees it change.
   */
  private offerGraph(selection: Selection | null): void {
    this.dropFromArticle();
    const graph = this.shownView();
    const box = graph.getBoundingClientRect();
    const inView = box.bottom > 0 && box.top < window.innerHeight;
    if (selection === null || inView) return;
    const name = this.words.graph.chosenFromArticle(this.selectionName(selection));
    this.setUi({ fromArticle: { name, graphIs: box.bottom <= 0 ? 'above' : 'below' } });
    this.fromArticleTimer = setTimeout(() => this.dropFromArticle(), FROM_ARTICLE_MS);
    // The reader who scrolls to the graph by hand needs the note no more: left there, it would
    // say the graph is elsewhere, and cover the panel's button.
    this.fromArticleWatch = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.dropFromArticle();
    });
    this.fromArticleWatch.observe(graph);
  }

  /** Takes away the note of a tie chosen in the article, with its timer and its watch. */
  private dropFromArticle(): void {
    clearTimeout(this.fromArticleTimer);
    this.fromArticleWatch?.disconnect();
    this.fromArticleWatch = undefined;
    if (this.ui.fromArticle !== null) this.setUi({ fromArticle: null });
  }

  /** The graph (or the table) itself, not the panel below it, which may still show. */
  private shownView(): Element {
    return this.renderRoot.querySelector('.frame, ag-tie-table') ?? this;
  }

  /** Brings the widget into view from the article, and puts the focus on its graph. */
  private goToGraph(): void {
    this.dropFromArticle();
    this.shownView().scrollIntoView({ block: 'center', behavior: scrollBehavior() });
    this.renderRoot.querySelector<HTMLElement>('.graph')?.focus({ preventScroll: true });
  }

  /** Scrolls the evidence panel into view and moves focus to its heading. */
  private bringPanelIntoView(): void {
    const wrap = this.renderRoot.querySelector('.panel-wrap');
    wrap?.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
    wrap?.querySelector('ag-evidence-panel')?.focusTitle();
  }

  private showHint(hint: 'wheel' | 'touch'): void {
    this.setUi({ hint });
    clearTimeout(this.hintTimer);
    this.hintTimer = setTimeout(() => this.setUi({ hint: null }), 1500);
  }

  // --- rendering -------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const state = this.source.state;
    const loaded = this.source.loaded;
    const dataset = loaded?.dataset;
    const filter = this.tieFilter();
    const view = this.currentView();
    const lang = this.language;
    const words = this.words;
    const missingTexts = loaded?.notices.filter((notice) => notice.code === 'source-text-missing') ?? [];
    const changedTexts = [...(loaded?.unverified ?? NO_SOURCES)].map(
      (id) => dataset?.sources.find((source) => source.id === id)?.title ?? id,
    );
    const stops = dataset === undefined ? NO_STOPS : timelineStops(dataset);
    // What the timeline counts: in the compare view, the two categories compared only.
    const counted = this.panelFilter();
    // The compare and table views and the timeline are loaded the first time they are needed.
    if (view !== 'graph' || stops.length >= 2) void loadLazyViews();
    // While its first data loads, a widget whose words are still loading shows its frame only, not
    // a word in another language (an error, or no source at all, shows at once).
    const waiting = state.status === 'loading' && dataset === undefined && this.language !== this.wantedLanguage;
    return html`
      <div class=${`root view-${view}${waiting ? ' waiting' : ''}`} tabindex="-1" @keydown=${this.onEscape} @ag-request-select=${this.onRequestSelect} @ag-request-centre=${this.onRequestCentre} @ag-filter-change=${this.onFilterChange}
        @ag-time-change=${this.onTimeChange} @ag-export-request=${this.onExportRequest}>
        ${state.status === 'error' ? this.renderError(state.error) : nothing}
        ${this.ui.drawError === undefined ? nothing : this.renderError({ message: this.ui.drawError, issues: [] })}
        <div class="graph-column">
          <div class="bar">
          <div class="views" part="views" role="group" aria-label=${words.graph.views}>
            ${VIEWS.map(
              (option) => html`<button aria-pressed=${option === view ? 'true' : 'false'} @click=${() => this.switchView(option)}>
                ${words.graph.viewNames[option]}</button>`,
            )}
          </div>
          <ag-graph-search .data=${dataset} .filter=${filter} lang=${lang || nothing}></ag-graph-search>
          </div>
          <ag-tie-legend exportparts="legend" .data=${dataset} .filter=${filter} .imageExport=${view !== 'table'} lang=${lang || nothing}></ag-tie-legend>
          ${
            stops.length < 2 || dataset === undefined
              ? nothing
              : html`<ag-tie-timeline exportparts="timeline" .stops=${stops} .range=${this.ui.dates}
                .hiddenCount=${countHiddenByTime(dataset, counted)}
                .undatedCount=${countUndatedShown(dataset, counted)} lang=${lang || nothing}></ag-tie-timeline>`
          }
          ${missingTexts.map((notice) => html`<p class="notice">${words.graph.textMissingNotice(notice.message)}</p>`)}
          ${changedTexts.map((title) => html`<p class="notice">${words.graph.textChangedNotice(title)}</p>`)}
          ${this.ui.exportError === undefined ? nothing : html`<p class="notice" role="alert">${this.ui.exportError}</p>`}
          ${cache(
            view === 'graph'
              ? this.renderFrame(this.primary, state.status === 'loading' && dataset === undefined)
              : view === 'compare'
                ? this.renderCompare()
                : html`<ag-tie-table exportparts="table" .data=${dataset} .unverified=${loaded?.unverified ?? NO_SOURCES} .filter=${filter} .selection=${this.selection()}
                  lang=${lang || nothing}></ag-tie-table>`,
          )}
          ${
            this.selection() !== null && this.panelBelow.outOfView
              ? html`<button class="to-panel" part="to-panel" @click=${this.bringPanelIntoView}>${words.graph.toPanel}<span aria-hidden="true"> ↓</span></button>`
              : nothing
          }
        </div>
        <div class="panel-wrap">
          <ag-evidence-panel exportparts="panel" .data=${dataset} .texts=${loaded?.texts ?? new Map()} .unverified=${loaded?.unverified ?? NO_SOURCES} .selection=${this.selection()}
            .ahead=${this.ui.ahead} .filter=${filter} .compared=${view === 'compare' ? this.compared() : undefined} .pageMatches=${this.article?.matches} lang=${lang || nothing}></ag-evidence-panel>
        </div>
        ${
          view === 'compare'
            ? html`<ag-metrics-table exportparts="metrics" .data=${dataset} .categories=${this.compared()}
              lang=${lang || nothing}></ag-metrics-table>`
            : nothing
        }
        <div class="visually-hidden" role="status" aria-live="polite">${this.ui.announcement}</div>
        ${
          this.ui.fromArticle === null
            ? nothing
            : html`<div class="from-article" part="from-article">
              <span>${this.ui.fromArticle.name}</span>
              <button @click=${this.goToGraph}>${words.graph.goToGraph}<span aria-hidden="true">${this.ui.fromArticle.graphIs === 'above' ? ' ↑' : ' ↓'}</span></button>
            </div>`
        }
      </div>
    `;
  }

  private renderCompare(): TemplateResult {
    const dataset = this.source.loaded?.dataset;
    const [left, right] = this.compared();
    const shown = [0, 1].map((index) => (dataset === undefined ? undefined : countShown(dataset, this.paneFilter(index))));
    // As the legend counts: the ties shown of all those of the category that exist.
    const counts = dataset === undefined ? undefined : countTies(dataset);
    const existing = (category: TieCategory) => counts?.byCategory.get(category)?.present ?? 0;
    const title = (category: TieCategory) => this.paneTitle(category);
    const pane = (controller: CytoscapeController, category: TieCategory, index: number) => html`
      <section class="pane" aria-label=${title(category)}>
        <h3 class=${`pane-title cat-${category}`}><span class="line" aria-hidden="true"></span>
          <select aria-label=${this.words.graph.paneCategory(index === 0)} .value=${live(category)}
            @change=${(event: Event) => this.pickCompared(index, (event.target as HTMLSelectElement).value as TieCategory)}>
            ${TIE_CATEGORIES.map(
              // The other pane's category is not offered: arrow keys on a closed list change it at
              // each press, and swapping would rearrange the other pane under the reader.
              (option) =>
                html`<option value=${option} ?disabled=${option === (index === 0 ? right : left)}>${title(option)}</option>`,
            )}
          </select>
          ${countOf(this.words, shown[index]?.present ?? 0, existing(category), shown[index]?.absent ?? 0)}</h3>
        ${this.renderFrame(controller, false, this.words.graph.paneTies(this.words.categoryInText[category]))}
      </section>`;
    return html`
      <div class="panes">${pane(this.primary, left, 0)}${pane(this.secondary, right, 1)}</div>
    `;
  }

  /**
   * The reader chose `category` for a pane of the compare view (its list does not offer the other
   * pane's). Fires `ag-compare-change`.
   */
  private pickCompared(index: number, category: TieCategory): void {
    const [first, second] = this.compared();
    const pair: [TieCategory, TieCategory] = index === 0 ? [category, second] : [first, category];
    this.compare = pair.join(' ');
    this.dispatchEvent(agEvent<AgCompareChangeDetail>('ag-compare-change', { compare: pair }));
  }

  /** The heading of a compare pane, as the view shows it and its image export writes it. */
  private paneTitle(category: TieCategory): string {
    const words = this.words;
    return words.graph.paneTies(words.category[category]);
  }

  /** The panes the current view shows: the graph's, both of the compare view's, or none for the table. */
  private shownPanes(): CytoscapeController[] {
    const view = this.currentView();
    return view === 'graph' ? [this.primary] : view === 'compare' ? [this.primary, this.secondary] : [];
  }

  private renderFrame(pane: CytoscapeController, loading: boolean, ties?: string): TemplateResult {
    const dataset = this.source.loaded?.dataset;
    const words = this.words.graph;
    const label = dataset === undefined ? words.viewNames.graph : words.label(dataset.actors.length, ties ?? words.theirTies);
    return html`<div class="frame">
      <div class="graph" part="graph" tabindex="0" role="group" aria-roledescription=${words.role} aria-label=${label}
        @keydown=${(event: KeyboardEvent) => this.onKeydown(event, pane)}
        @focus=${() => pane.setWheelActive(true)}
        @blur=${() => pane.setWheelActive(false)}
        @pointerup=${(event: PointerEvent) => (event.currentTarget as HTMLElement).focus({ preventScroll: true, focusVisible: false } as FocusOptions)}></div>
      <div class="cues" aria-hidden="true"></div>
      ${loading ? html`<div class="overlay" role="status">${words.loading}</div>` : nothing}
      ${dataset !== undefined && dataset.actors.length === 0 ? html`<div class="overlay" role="status">${words.empty}</div>` : nothing}
      ${this.ui.hint === null ? nothing : html`<div class=${`hint ${this.ui.hint}`} aria-hidden="true">${this.ui.hint === 'wheel' ? words.wheelHint : words.touchHint}</div>`}
      ${
        dataset === undefined
          ? nothing
          : html`<div class="tools">
            <button aria-label=${words.zoomIn} title=${words.zoomIn} @click=${() => pane.zoomBy(1.25)}>+</button>
            <button aria-label=${words.zoomOut} title=${words.zoomOut} @click=${() => pane.zoomBy(0.8)}>−</button>
            <button aria-label=${words.fit} title=${words.fitShort} @click=${() => pane.fit()}><svg viewBox="0 0 16 16" aria-hidden="true"><path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" /></svg></button>
          </div>`
      }
    </div>`;
  }

  private renderError(error: AgErrorDetail): TemplateResult {
    const errors = error.issues.filter((issue) => issue.severity === 'error');
    const words = this.words.graph;
    return html`<div class="error" part="error" role="alert">
      <h2>${words.cannotShow}</h2>
      <p>${error.message}</p>
      ${
        errors.length <= 1
          ? nothing
          : html`<ul>
            ${errors.slice(0, 50).map((issue) => html`<li><code>${formatJsonPath(issue.path)}</code>: ${issue.message}</li>`)}
            ${errors.length > 50 ? html`<li>${words.more(errors.length - 50)}</li>` : nothing}
          </ul>`
      }
      ${this.src && this.data === undefined ? html`<button @click=${() => void this.source.load()}>${words.tryAgain}</button>` : nothing}
    </div>`;
  }
}
