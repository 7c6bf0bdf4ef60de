import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  type LoadedDataset,
  type LoadFailure,
  type LoadResult,
  loadDatasetFromUrl,
  parseDatasetJson,
  prepareDataset,
  urlTextLoader,
} from '../../src/adapters/load-dataset.ts';
import { parseSeed } from '../../src/layout/fcose.ts';
import type { DatasetInput } from '../../src/model/schema.ts';
import { actorLabel } from '../../src/render/elements.ts';
import {
  formatCategoryList,
  isDatasetTieShown,
  parseCategoryList,
  type TieFilter,
  tiesOfActor,
} from '../../src/render/filter.ts';
import { plural } from '../../src/render/format.ts';
import { formatJsonPath } from '../../src/validation/json-path.ts';
import { actorGraphStyles } from './actor-graph.styles.ts';
import { CytoscapeController } from './cytoscape-controller.ts';
import { type AgErrorDetail, type AgReadyDetail, type AgSelectDetail, agEvent } from './events.ts';
import type { Selection } from './selection.ts';
import { themeFromCss } from './theme-from-css.ts';
import '../evidence-panel/define.ts';
import '../tie-legend/define.ts';
import type { Core } from 'cytoscape';

type LoadState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly loaded?: LoadedDataset | undefined }
  | { readonly status: 'ready'; readonly loaded: LoadedDataset }
  | { readonly status: 'error'; readonly error: LoadFailure; readonly loaded?: LoadedDataset | undefined };

/** Whether a mutation changed a `<script>` child: the only light DOM the element reads. */
function touchesScript(record: MutationRecord): boolean {
  const isScript = (node: Node | null) => node?.nodeName === 'SCRIPT';
  if (record.type === 'characterData') return isScript(record.target.parentNode);
  return [...record.addedNodes, ...record.removedNodes].some(isScript) || isScript(record.target);
}

const ARROWS = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const;

/**
 * `<actor-graph>` draws political actors and the typed ties between them as a force-directed
 * graph, and shows the verbatim evidence behind each tie when a reader selects an actor or a tie.
 *
 * Give it data in one of three ways: a `src` URL; an inline `<script type="application/json">`
 * child (with optional `<script type="text/plain" data-path="...">` children holding the source
 * texts); or the `data` property. Source texts are fetched relative to the dataset's URL (or the
 * page's, for inline data).
 *
 * @tagname actor-graph
 *
 * @fires ag-ready - The graph is drawn and laid out. Detail: `{actors, ties}`.
 * @fires ag-select - The reader (or `select()`) changed the selection. Detail: `{kind: 'actor' | 'tie', id}`, or `{kind: null, id: null}` when cleared.
 * @fires ag-error - The data could not be loaded or is not valid. Detail: `{message, issues}`; `issues` carry JSON paths.
 * @fires ag-filter-change - The reader changed a legend switch. Detail: `{categories, hiddenTypes, showAbsent}`.
 *
 * @csspart graph - The box the graph is drawn in (focusable).
 * @csspart legend - The legend and filter bar.
 * @csspart panel - The evidence panel.
 * @csspart error - The error message shown when data cannot be used.
 *
 * @cssprop --ag-font-family - The font of the whole widget, graph labels included.
 * @cssprop --ag-font-size - The base font size of the panel and legend (default 15px).
 * @cssprop --ag-graph-font-size - The size of labels in the graph, in pixels at zoom 1 (default 15).
 * @cssprop --ag-graph-height - The height of the graph (default 540px; at most 70% of the viewport).
 * @cssprop --ag-color-text - Text colour.
 * @cssprop --ag-color-muted - Secondary text colour.
 * @cssprop --ag-color-background - Background colour, also the halo around graph labels.
 * @cssprop --ag-color-surface - Background of tie cards.
 * @cssprop --ag-color-border - Borders and rules.
 * @cssprop --ag-color-link - Links and link-like buttons.
 * @cssprop --ag-color-focus - Focus rings and the selected actor's outline.
 * @cssprop --ag-color-highlight - Background of the quoted words in their context.
 * @cssprop --ag-color-error - Colour of the error message.
 * @cssprop --ag-color-alliance - Colour of alliance ties (Okabe-Ito blue by default).
 * @cssprop --ag-color-transaction - Colour of transaction ties (Okabe-Ito orange).
 * @cssprop --ag-color-hostility - Colour of hostility ties (Okabe-Ito vermillion).
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
    layoutSeed: { type: String, attribute: 'layout-seed' },
    showAbsent: { type: Boolean, attribute: 'show-absent', reflect: true },
    lang: { type: String, reflect: true },
    data: { attribute: false },
    sourceTexts: { attribute: false },
  };

  static override styles = actorGraphStyles;

  /** The URL of a dataset JSON file. Its source texts are fetched relative to it. */
  declare src: string | undefined;
  /** The id of the selected actor or tie; empty when nothing is selected. Reflects. */
  declare selected: string | undefined;
  /** The tie categories to show, separated by spaces (e.g. `"alliance transaction"`). Empty shows all. */
  declare filter: string | undefined;
  /** The seed of the layout: the same data and seed always give the same picture. */
  declare layoutSeed: string | undefined;
  /** Whether ties the text says are absent are drawn, as ghost edges. */
  declare showAbsent: boolean;
  /** A dataset object, used instead of `src` or inline JSON when set. */
  declare data: DatasetInput | undefined;
  /** Source texts by their `text` path, for data given without a place to fetch texts from. */
  declare sourceTexts: Readonly<Record<string, string>> | undefined;

  /** What the element shows besides its public properties; changed only through `setView`. */
  private view: { state: LoadState; hiddenTypes: ReadonlySet<string>; wheelHint: boolean; announcement: string } = {
    state: { status: 'idle' },
    hiddenTypes: new Set(),
    wheelHint: false,
    announcement: '',
  };

  private readonly graph = new CytoscapeController(this, {
    onTap: (selection) => this.choose(selection),
    onFocusChange: (actorId) => this.announceFocus(actorId),
    onPassiveWheel: () => this.showWheelHint(),
  });
  private drawn: { loaded: LoadedDataset; seed: number; lang: string } | undefined;
  private loadToken = 0;
  private abort: AbortController | undefined;
  private inlineObserver: MutationObserver | undefined;
  private wheelHintTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.showAbsent = false;
  }

  private setView(patch: Partial<ActorGraph['view']>): void {
    this.view = { ...this.view, ...patch };
    this.requestUpdate();
  }

  /** The Cytoscape core, for advanced uses; `undefined` until the graph is drawn. Read-only. */
  get cy(): Core | undefined {
    return this.graph.core;
  }

  /** Selects an actor or a tie by id (or clears the selection with `null`), and fires `ag-select`. */
  select(id: string | null): void {
    const selection = id === null ? null : this.resolve(id);
    if (id !== null && selection === null) {
      console.warn(`<actor-graph>: select("${id}") names no actor or tie of this dataset.`);
      return;
    }
    this.choose(selection);
  }

  /** Fits the whole graph into view. */
  fit(): void {
    this.graph.fit();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Inline data may be parsed after the element itself, and a CMS may edit it later.
    this.inlineObserver = new MutationObserver((records) => {
      if (this.data === undefined && records.some(touchesScript)) void this.load();
    });
    this.inlineObserver.observe(this, { childList: true, subtree: true, characterData: true });
    // A graph removed and put back (as frameworks and CMSs do) is drawn again, and a load cut
    // short by the removal starts over.
    if (this.hasUpdated && this.drawn !== undefined) {
      this.drawn = undefined;
      this.requestUpdate();
    }
    if (this.hasUpdated && this.view.state.status === 'loading') void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.inlineObserver?.disconnect();
    this.abort?.abort();
    clearTimeout(this.wheelHintTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') || changed.has('data') || changed.has('sourceTexts') || !this.hasUpdated) void this.load();
    if (changed.has('filter') && this.hasUpdated) this.warnAboutFilter();
  }

  protected override updated(): void {
    const loaded = this.currentData();
    const container = this.renderRoot.querySelector<HTMLElement>('.graph');
    if (loaded === undefined || container === null) return;
    const seed = parseSeed(this.layoutSeed);
    const lang = this.lang;
    const drawn = this.drawn;
    if (drawn === undefined || drawn.loaded !== loaded || drawn.seed !== seed || drawn.lang !== lang || this.cy === undefined) {
      this.drawn = { loaded, seed, lang };
      void this.draw(container, loaded, seed, lang);
      return;
    }
    this.graph.applyFilter(this.tieFilter());
    this.graph.applySelection(this.selection());
  }

  private async draw(container: HTMLElement, loaded: LoadedDataset, seed: number, lang: string): Promise<void> {
    await this.graph.create(container, { dataset: loaded.dataset, seed, theme: themeFromCss(this), lang: lang || undefined });
    if (this.drawn?.loaded !== loaded) return;
    this.graph.applyFilter(this.tieFilter());
    this.graph.applySelection(this.selection());
    this.dispatchEvent(
      agEvent<AgReadyDetail>('ag-ready', { actors: loaded.dataset.actors.length, ties: loaded.dataset.ties.length }),
    );
  }

  // --- loading ---------------------------------------------------------------------------------

  private currentData(): LoadedDataset | undefined {
    return this.view.state.status === 'idle' ? undefined : this.view.state.loaded;
  }

  private inlineTexts(): Map<string, string> {
    const texts = new Map<string, string>(Object.entries(this.sourceTexts ?? {}));
    for (const script of this.querySelectorAll<HTMLScriptElement>(':scope > script[type="text/plain"][data-path]')) {
      texts.set(script.dataset.path ?? '', script.textContent ?? '');
    }
    return texts;
  }

  /** Starts loading from the first source given (`data`, inline JSON, `src`); `undefined` when none is. */
  private loadFromSource(signal: AbortSignal): Promise<LoadResult> | undefined {
    const options = { signal };
    const textLoader = () => urlTextLoader(document.baseURI, options, this.inlineTexts());
    if (this.data !== undefined) return prepareDataset(this.data, textLoader(), 'The data property');
    const inline = this.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
    if (inline !== null) {
      const parsed = parseDatasetJson(inline.textContent ?? '', 'The inline JSON');
      return parsed.ok ? prepareDataset(parsed.value, textLoader(), 'The inline JSON') : Promise.resolve(parsed);
    }
    if (!this.src) return undefined;
    let url: string;
    try {
      url = new URL(this.src, document.baseURI).href;
    } catch {
      return Promise.resolve({ ok: false, error: { message: `The src "${this.src}" is not a valid URL.`, issues: [] } });
    }
    return loadDatasetFromUrl(url, options);
  }

  /** Loads the data; only the latest load may change what is shown. */
  private async load(): Promise<void> {
    const token = ++this.loadToken;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const previous = this.currentData();
    const pending = this.loadFromSource(abort.signal);
    if (pending === undefined) {
      this.setView({ state: { status: 'idle' } });
      return;
    }
    this.setView({ state: { status: 'loading', loaded: previous } });
    let result: LoadResult;
    try {
      result = await pending;
    } catch (error) {
      if (abort.signal.aborted) return;
      const reason = error instanceof Error ? error.message : String(error);
      result = { ok: false, error: { message: `The data could not be loaded: ${reason}`, issues: [] } };
    }
    if (token !== this.loadToken) return;
    if (result.ok) {
      this.setView({ state: { status: 'ready', loaded: result.value } });
      this.warnAboutFilter();
    } else {
      // A failed reload keeps the last good graph on screen, under the error.
      this.setView({ state: { status: 'error', error: result.error, loaded: previous } });
      this.dispatchEvent(agEvent<AgErrorDetail>('ag-error', result.error));
    }
  }

  private retry(): void {
    void this.load();
  }

  // --- selection and filter --------------------------------------------------------------------

  private resolve(id: string): Selection | null {
    const dataset = this.currentData()?.dataset;
    if (dataset === undefined || id === '') return null;
    if (dataset.actors.some((actor) => actor.id === id)) return { kind: 'actor', id };
    if (dataset.ties.some((tie) => tie.id === id)) return { kind: 'tie', id };
    return null;
  }

  private selection(): Selection | null {
    return this.selected === undefined ? null : this.resolve(this.selected);
  }

  /** Applies a selection made by the reader, announces it, and fires `ag-select`. */
  private choose(selection: Selection | null): void {
    this.selected = selection?.id ?? undefined;
    this.setView({ announcement: this.describeSelection(selection) });
    this.dispatchEvent(agEvent<AgSelectDetail>('ag-select', selection ?? { kind: null, id: null }));
  }

  private describeSelection(selection: Selection | null): string {
    const dataset = this.currentData()?.dataset;
    if (dataset === undefined || selection === null) return 'Selection cleared.';
    if (selection.kind === 'actor') {
      const actor = dataset.actors.find((a) => a.id === selection.id);
      return `${actor === undefined ? selection.id : actorLabel(actor, this.lang || undefined)} selected: ${plural(this.shownTieCount(selection.id), 'tie')} shown. The evidence panel lists them.`;
    }
    const tie = dataset.ties.find((t) => t.id === selection.id);
    const type = dataset.tieTypes.find((t) => t.id === tie?.type);
    return `Tie selected: ${type?.label ?? selection.id}. The evidence panel shows its quotes.`;
  }

  /** How many of an actor's ties the current filter shows. */
  private shownTieCount(actorId: string): number {
    const dataset = this.currentData()?.dataset;
    if (dataset === undefined) return 0;
    const filter = this.tieFilter();
    return tiesOfActor(dataset, actorId).filter((tie) => isDatasetTieShown(dataset, tie, filter)).length;
  }

  private tieFilter(): TieFilter {
    return {
      categories: parseCategoryList(this.filter).categories,
      hiddenTypes: this.view.hiddenTypes,
      showAbsent: this.showAbsent,
    };
  }

  private warnAboutFilter(): void {
    const { unknown } = parseCategoryList(this.filter);
    if (unknown.length > 0) {
      console.warn(
        `<actor-graph>: the filter attribute names unknown categories (${unknown.join(', ')}); use alliance, transaction, hostility, competition or diplomacy.`,
      );
    }
  }

  private onFilterChange(event: CustomEvent<TieFilter>): void {
    const { categories, hiddenTypes, showAbsent } = event.detail;
    this.filter = formatCategoryList(categories);
    this.setView({ hiddenTypes });
    this.showAbsent = showAbsent;
  }

  private onPanelSelect(event: CustomEvent<Selection>): void {
    event.stopPropagation();
    this.choose(event.detail);
  }

  // --- keyboard, wheel and announcements -------------------------------------------------------

  private onKeydown(event: KeyboardEvent): void {
    const direction = ARROWS[event.key as keyof typeof ARROWS];
    if (direction !== undefined) {
      this.graph.moveFocus(direction);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const focused = this.graph.focusedActor ?? this.graph.moveFocus('right');
      if (focused !== null) this.choose({ kind: 'actor', id: focused });
    } else if (event.key === 'Escape') {
      if (this.selection() !== null) this.choose(null);
      else this.graph.setFocus(null);
    } else if (event.key === '+' || event.key === '=') {
      this.graph.zoomBy(1.25);
    } else if (event.key === '-') {
      this.graph.zoomBy(0.8);
    } else if (event.key === '0') {
      this.graph.fit();
    } else {
      return;
    }
    event.preventDefault();
  }

  private announceFocus(actorId: string | null): void {
    const dataset = this.currentData()?.dataset;
    const actor = dataset?.actors.find((a) => a.id === actorId);
    if (dataset === undefined || actor === undefined) return;
    this.setView({
      announcement: `${actorLabel(actor, this.lang || undefined)}, ${actor.kind}, ${plural(this.shownTieCount(actor.id), 'tie')} shown. Press Enter to read the evidence.`,
    });
  }

  private showWheelHint(): void {
    this.setView({ wheelHint: true });
    clearTimeout(this.wheelHintTimer);
    this.wheelHintTimer = setTimeout(() => {
      this.setView({ wheelHint: false });
    }, 1500);
  }

  // --- rendering -------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const state = this.view.state;
    const loaded = this.currentData();
    const dataset = loaded?.dataset;
    const filter = this.tieFilter();
    const missingTexts = loaded?.notices.filter((notice) => notice.code === 'source-text-missing') ?? [];
    return html`
      <div class="root" @ag-panel-select=${this.onPanelSelect} @ag-filter-change=${this.onFilterChange}>
        ${state.status === 'error' ? this.renderError(state.error) : nothing}
        <div class="graph-column">
          <ag-tie-legend exportparts="legend" .data=${dataset} .filter=${filter}></ag-tie-legend>
          ${missingTexts.map((notice) => html`<p class="notice">${notice.message} Quotes are shown without their context.</p>`)}
          <div class="frame">
            <div class="graph" part="graph" tabindex="0" role="group" aria-roledescription="graph"
              aria-label=${dataset === undefined ? 'Graph' : `Graph of ${plural(dataset.actors.length, 'actor')} and their ties. Arrow keys move between actors, Enter selects, Escape clears, plus and minus zoom.`}
              @keydown=${this.onKeydown}
              @focus=${() => this.graph.setWheelActive(true)}
              @blur=${() => this.graph.setWheelActive(false)}
              @pointerup=${(event: PointerEvent) => (event.currentTarget as HTMLElement).focus({ preventScroll: true })}></div>
            ${state.status === 'loading' && dataset === undefined ? html`<div class="overlay" role="status">Loading the graph…</div>` : nothing}
            ${this.view.wheelHint ? html`<div class="hint" aria-hidden="true">Click the graph, or hold Ctrl, to zoom with the wheel</div>` : nothing}
            ${
              dataset === undefined
                ? nothing
                : html`<div class="tools">
                  <button aria-label="Zoom in" title="Zoom in" @click=${() => this.graph.zoomBy(1.25)}>+</button>
                  <button aria-label="Zoom out" title="Zoom out" @click=${() => this.graph.zoomBy(0.8)}>−</button>
                  <button aria-label="Fit the graph to the view" title="Fit to view" @click=${() => this.graph.fit()}>⤢</button>
                </div>`
            }
          </div>
        </div>
        <div class="panel-wrap">
          <ag-evidence-panel exportparts="panel" .data=${dataset} .texts=${loaded?.texts ?? new Map()} .selection=${this.selection()}
            .filter=${filter} lang=${this.lang || nothing}></ag-evidence-panel>
        </div>
        <div class="visually-hidden" role="status" aria-live="polite">${this.view.announcement}</div>
      </div>
    `;
  }

  private renderError(error: LoadFailure): TemplateResult {
    const errors = error.issues.filter((issue) => issue.severity === 'error');
    return html`<div class="error" part="error" role="alert">
      <h2>This graph cannot be shown</h2>
      <p>${error.message}</p>
      ${
        errors.length <= 1
          ? nothing
          : html`<ul>
            ${errors.slice(0, 50).map((issue) => html`<li><code>${formatJsonPath(issue.path)}</code>: ${issue.message}</li>`)}
            ${errors.length > 50 ? html`<li>…and ${errors.length - 50} more.</li>` : nothing}
          </ul>`
      }
      ${this.src && this.data === undefined ? html`<button @click=${this.retry}>Try again</button>` : nothing}
    </div>`;
  }
}
