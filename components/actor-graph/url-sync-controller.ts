/**
 * Keeps an `<actor-graph sync-url>`'s state (selection, filters, view, time range) in the URL's
 * hash, so that a reload or a shared link shows the same thing, and Back and Forward step through
 * what the reader did. The format is in `src/state/url-state.ts`.
 *
 * History: a new selection or a switch of view pushes an entry, so Back undoes it; a filter or
 * timeline change replaces the current entry (after a short pause), because dragging the timeline
 * across twenty dates must not leave twenty entries to step back through, and browsers refuse
 * bursts of history calls (Safari throws after 100 in 30 seconds).
 *
 * The URL is written with `history.pushState`/`replaceState`, which never scroll the page nor
 * fire `hashchange`, so the article does not jump when the reader clicks the graph.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatCategoryList, parseCategoryList, type TieFilter } from '../../src/render/filter.ts';
import type { DateRange } from '../../src/render/time.ts';
import {
  hashAnchor,
  hashWidgetKeys,
  keyElementId,
  parseComparePair,
  readHashState,
  sameItems,
  sameState,
  stateKey,
  WIDGET_VIEWS,
  type WidgetState,
  type WidgetView,
  writeHashState,
} from '../../src/state/url-state.ts';
import { type AgCompareChangeDetail, type AgViewChangeDetail, agEvent } from './events.ts';

/** What the controller reads and sets on its element. */
export interface UrlSyncHost extends ReactiveControllerHost, HTMLElement {
  readonly syncUrl: boolean;
  selected: string | undefined;
  filter: string | undefined;
  view: WidgetView;
  compare: string | undefined;
  showAbsent: boolean;
}

/** The part of the state the element keeps privately, and how to select as a reader would. */
export interface UrlSyncAccess {
  /** The tie types switched off and the timeline's range. */
  ui(): { readonly hiddenTypes: ReadonlySet<string>; readonly dates: DateRange };
  /** Changes the tie types switched off or the timeline's range. */
  setUi(patch: { hiddenTypes?: ReadonlySet<string>; dates?: DateRange }): void;
  /** Sets the selection, and announces it and fires `ag-select` when the id names something drawn. */
  restoreSelection(id: string | null): void;
}

/** The key the controllers add to `history.state` on every entry they made or saw at start. */
const MARK = 'actor-graph-url-sync';
/** How long a filter or timeline change waits before it replaces the history entry. */
const REPLACE_DELAY_MS = 250;

/** The started controllers, by their key in the hash: two widgets must not share one. */
const active = new Map<string, UrlSyncController>();
/** Whether the page's link target has been scrolled to, which is done once per page. */
let revealed = false;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Whether the current history entry is one the widgets made, or had seen when they started. */
function isMarkedEntry(): boolean {
  return isPlainObject(history.state) && history.state[MARK] === true;
}

/**
 * The history state to store with an entry: the host's own (a router may keep its data there and
 * expect it back on every entry of its page), with the widgets' mark added when it is an object.
 */
function markedState(): unknown {
  const state: unknown = history.state;
  if (state === null || state === undefined) return { [MARK]: true };
  return isPlainObject(state) ? { ...state, [MARK]: true } : state;
}

/**
 * Back, Forward and in-page links change the hash. Whether the entry arrived at is one the widgets
 * know is read once, before any of them writes, and then every widget applies it.
 */
function onNavigate(): void {
  const known = isMarkedEntry();
  for (const controller of active.values()) controller.navigate(known);
}

/**
 * Scrolls to what the hash points at, once per page, where the browser could not: the host's
 * anchor (`#section-2&ag=…` names no element, so the browser scrolls nowhere), or else the first
 * widget the hash holds a state for, as a shared link to it would expect. Never in a frame (it
 * could scroll the host page), and never once the reader, or the browser restoring a reload, has
 * scrolled.
 */
function revealLinkTarget(): void {
  if (revealed) return;
  revealed = true;
  if (window.top !== window || window.scrollX !== 0 || window.scrollY !== 0) return;
  const hash = location.hash;
  const anchor = hashAnchor(hash);
  let target: Element | null | undefined;
  if (anchor !== undefined) {
    target = document.getElementById(anchor) ?? document.getElementsByName(anchor)[0];
  } else {
    const first = hashWidgetKeys(hash)[0];
    if (first === undefined) return;
    const id = keyElementId(first);
    target = id === null ? document.querySelector('actor-graph[sync-url]:not([id])') : document.getElementById(id);
    const top = target?.getBoundingClientRect().top;
    if (top !== undefined && top >= 0 && top < window.innerHeight / 2) return;
  }
  target?.scrollIntoView();
}

export class UrlSyncController implements ReactiveController {
  /** The key of the element's part of the hash, while syncing. */
  private key: string | undefined;
  /** The state the element's attributes gave it, before any hash was applied: what the hash leaves out. */
  private baseline: WidgetState | undefined;
  /** The state the URL holds (or is about to hold). */
  private shown: WidgetState | undefined;
  /** A state waiting to replace the current entry, and its timer. */
  private pending: WidgetState | undefined;
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly warned = new Set<string>();
  private readonly onPageHide = () => this.flush();

  constructor(
    private readonly host: UrlSyncHost,
    private readonly access: UrlSyncAccess,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Before the first update, so the first drawing already shows the linked state.
    if (this.host.syncUrl) this.start();
  }

  hostDisconnected(): void {
    this.stop();
  }

  hostUpdated(): void {
    if (this.host.syncUrl && this.key === undefined && this.host.isConnected) this.start();
    else if (!this.host.syncUrl && this.key !== undefined) this.stop();
    if (this.key !== undefined) this.record();
  }

  /** The element's state now. */
  private read(): WidgetState {
    const { hiddenTypes, dates } = this.access.ui();
    const view = this.host.view;
    return {
      view: (WIDGET_VIEWS as readonly string[]).includes(view) ? view : 'graph',
      selected: this.host.selected || null,
      categories: parseCategoryList(this.host.filter).categories,
      hiddenTypes,
      showAbsent: this.host.showAbsent,
      compare: parseComparePair(this.host.compare),
      dates,
    };
  }

  private start(): void {
    const key = stateKey(this.host.id);
    const holder = active.get(key);
    if (holder !== undefined && holder !== this) {
      this.warn(
        `two elements with sync-url would both keep their state under "${key}" in the URL; give each a different id. This one does not sync.`,
      );
      return;
    }
    if (active.size === 0) {
      window.addEventListener('popstate', onNavigate);
      window.addEventListener('hashchange', onNavigate);
      // Back to the entry the page opened with must restore the state it had then.
      if (!isMarkedEntry()) this.writeHistory('replace', location.href);
    }
    active.set(key, this);
    window.addEventListener('pagehide', this.onPageHide);
    this.key = key;
    this.baseline ??= this.read();
    this.apply(this.readUrl().state, false);
    revealLinkTarget();
  }

  private stop(): void {
    if (this.key === undefined) return;
    this.flush();
    window.removeEventListener('pagehide', this.onPageHide);
    active.delete(this.key);
    if (active.size === 0) {
      window.removeEventListener('popstate', onNavigate);
      window.removeEventListener('hashchange', onNavigate);
    }
    this.key = undefined;
  }

  /** The state the hash gives the element, after warning once about each part it cannot use. */
  private readUrl(): { state: WidgetState; present: boolean } {
    const { state, present, problems } = readHashState(location.hash, this.key ?? '', this.baseline as WidgetState);
    for (const problem of problems) this.warn(`ignored ${problem}, in the URL's part for "${this.key}".`);
    return { state, present };
  }

  /** Called by every history move (`known`: whether the entry is one the widgets made or saw). */
  navigate(known: boolean): void {
    if (this.key === undefined) return;
    // A pending change belonged to the entry just left; written now it would land on this one.
    clearTimeout(this.pendingTimer);
    this.pending = undefined;
    const { state, present } = this.readUrl();
    if (!present && !known && this.shown !== undefined) {
      // A new entry made by an in-page link (`#notes`): the reader did not ask the graph to
      // change, so it stays as it is, and the URL says so, so that a reload here shows it too.
      this.commit('replace', this.shown);
      return;
    }
    this.apply(state, true);
  }

  /**
   * Gives the element a state. `asReader`: a history move, which announces the selection and
   * fires the events a reader's own change would; at start the state is set like attributes.
   */
  private apply(state: WidgetState, asReader: boolean): void {
    const before = this.read();
    const host = this.host;
    this.shown = state;
    if (before.view !== state.view) host.view = state.view;
    const categoriesChanged = !sameItems(before.categories, state.categories);
    if (categoriesChanged) host.filter = formatCategoryList(state.categories);
    if (before.showAbsent !== state.showAbsent) host.showAbsent = state.showAbsent;
    if (before.compare.join() !== state.compare.join()) host.compare = state.compare.join(' ');
    const hiddenChanged = !sameItems(before.hiddenTypes, state.hiddenTypes);
    const datesChanged = before.dates.from !== state.dates.from || before.dates.to !== state.dates.to;
    if (hiddenChanged || datesChanged) {
      this.access.setUi({
        ...(hiddenChanged ? { hiddenTypes: new Set(state.hiddenTypes) } : {}),
        ...(datesChanged ? { dates: state.dates } : {}),
      });
    }
    if (before.selected !== state.selected) {
      if (asReader) this.access.restoreSelection(state.selected);
      else host.selected = state.selected ?? undefined;
    }
    if (!asReader) return;
    if (before.view !== state.view) host.dispatchEvent(agEvent<AgViewChangeDetail>('ag-view-change', { view: state.view }));
    if (before.compare.join() !== state.compare.join()) {
      host.dispatchEvent(agEvent<AgCompareChangeDetail>('ag-compare-change', { compare: state.compare }));
    }
    if (categoriesChanged || hiddenChanged || datesChanged || before.showAbsent !== state.showAbsent) {
      const { categories, hiddenTypes, showAbsent, dates } = state;
      host.dispatchEvent(agEvent<TieFilter>('ag-filter-change', { categories, hiddenTypes, showAbsent, dates }));
    }
  }

  /** After each update: writes a change of state into the URL. */
  private record(): void {
    const current = this.read();
    const previous = this.shown;
    if (previous !== undefined && sameState(current, previous)) return;
    this.shown = current;
    if (previous !== undefined && (previous.selected !== current.selected || previous.view !== current.view)) {
      // A filter change still waiting belongs to the entry Back returns to.
      this.flush();
      this.commit('push', current);
    } else {
      this.pending = current;
      clearTimeout(this.pendingTimer);
      this.pendingTimer = setTimeout(() => this.flush(), REPLACE_DELAY_MS);
    }
  }

  /** Writes the pending filter change now. */
  private flush(): void {
    clearTimeout(this.pendingTimer);
    const pending = this.pending;
    this.pending = undefined;
    if (pending !== undefined) this.commit('replace', pending);
  }

  /** Writes a state into the hash, keeping everything else of the URL. */
  private commit(mode: 'push' | 'replace', state: WidgetState): void {
    if (this.key === undefined || this.baseline === undefined) return;
    const url = new URL(location.href);
    url.hash = writeHashState(url.hash, this.key, state, this.baseline);
    // An entry that would not differ from the current one is not pushed.
    if (mode === 'push' && url.href === location.href) return;
    this.writeHistory(mode, url.href);
  }

  private writeHistory(mode: 'push' | 'replace', url: string): void {
    try {
      if (mode === 'push') history.pushState(markedState(), '', url);
      else history.replaceState(markedState(), '', url);
    } catch (error) {
      // Browsers refuse history calls in bursts, and in some sandboxed frames.
      this.warn(`could not write the state into the URL: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private warn(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    console.warn(`<actor-graph>: ${message}`);
  }
}
