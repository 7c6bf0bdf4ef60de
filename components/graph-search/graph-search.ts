import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Messages } from '../../src/i18n/index.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { joinTieTitle, tieEnds } from '../../src/render/elements.ts';
import { isDatasetTieShown, SHOW_ALL, type TieCount, type TieFilter } from '../../src/render/filter.ts';
import {
  type ActorHit,
  buildSearchIndex,
  hitsOf,
  type Marked,
  type QuoteHit,
  type SearchHit,
  type SearchIndex,
  type SearchResults,
  search,
  type TieTypeHit,
} from '../../src/search/search-index.ts';
import { hiddenTiesByType, type SearchTarget, searchTarget } from '../../src/search/target.ts';
import type { Selection } from '../actor-graph/selection.ts';
import { wordsFor } from '../shared/language.ts';
import { sharedStyles } from '../shared/styles.ts';

type GroupKind = SearchHit['kind'];

/**
 * How long typing must pause before the count of results is spoken: longer than the gap between
 * two keys of a word typed at an ordinary pace.
 */
const ANNOUNCE_AFTER_MS = 600;

/** Search indexes by dataset: built once, the first time a dataset is searched. */
const indexes = new WeakMap<Dataset, SearchIndex>();
function indexOf(dataset: Dataset): SearchIndex {
  let index = indexes.get(dataset);
  if (index === undefined) {
    index = buildSearchIndex(dataset);
    indexes.set(dataset, index);
  }
  return index;
}

/** Whether keys typed at an element are text: then `/` is a character, not the shortcut. */
function isTextEntry(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(target.type)
  );
}

/** A text with its matched words in a `<mark>`, built from text parts (never from HTML). */
function renderMarked(marked: Marked): TemplateResult {
  const { text, start, end } = marked;
  return html`${text.slice(0, start)}<mark>${text.slice(start, end)}</mark>${text.slice(end)}`;
}

/** The name of a language in the interface's language (`ko` in English: "Korean"), or the tag itself. */
function languageName(tag: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage || 'en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The search box of `<actor-graph>`: finds actors by name, alias or localized name, tie types by
 * label, and words inside evidence quotes, and lists them as the reader types (the ARIA 1.2
 * combobox pattern, with a listbox popup).
 *
 * The arrow keys move through the results and wrap around at either end; Enter chooses the
 * highlighted result, or the first when none is; Escape closes the list, and a second Escape
 * clears the box. `/` anywhere in the widget (but not while typing in a field) focuses the box.
 *
 * Choosing an actor selects it; choosing a quote selects its tie; choosing a tie type selects the
 * first of its ties the filters show (else its first tie), and the result says which one. A tie
 * type never changes the filters: they change only through the legend.
 *
 * @tagname ag-graph-search
 *
 * @fires ag-request-select - The reader chose a result; detail `{kind, id}` of the actor or tie to select.
 * @fires ag-request-centre - Follows `ag-request-select`: the graph should centre on that actor or tie; detail `{kind, id}`.
 */
export class GraphSearch extends LitElement {
  static override properties = {
    data: { attribute: false },
    filter: { attribute: false },
    lang: { type: String },
    query: { state: true },
    open: { state: true },
    active: { state: true },
    spoken: { state: true },
  };

  /** The dataset searched. */
  declare data: Dataset | undefined;
  /** The legend's filter: a tie type result opens the first of its ties that the filter shows. */
  declare filter: TieFilter;
  declare private query: string;
  declare private open: boolean;
  /** The highlighted result, or -1. */
  declare private active: number;
  private results: SearchResults | undefined;
  private hits: readonly SearchHit[] = [];
  /** Tie counts hidden by the filter, by tie type, for the listed tie types that have any. */
  private hiddenByType: ReadonlyMap<string, TieCount> = new Map();
  private announcement = '';
  /**
   * The announcement in the live region: the results' count once typing pauses
   * (`ANNOUNCE_AFTER_MS`), so that a screen reader does not speak a count for every key.
   */
  declare private spoken: string;
  private speakTimer: ReturnType<typeof setTimeout> | undefined;
  private shortcutHost: HTMLElement | undefined;

  constructor() {
    super();
    this.filter = SHOW_ALL;
    this.query = '';
    this.open = false;
    this.active = -1;
    this.spoken = '';
  }

  static override styles = [
    sharedStyles,
    css`
      :host { display: block; min-width: 0; }
      .search { position: relative; }
      input {
        box-sizing: border-box; width: 100%; margin: 0; font: inherit; font-size: 0.85rem; line-height: 1.3;
        padding: 0.2rem 1.7rem 0.2rem 1.75rem; border: 1px solid var(--ag-color-control-border); border-radius: 6px;
        background: var(--ag-color-background); color: var(--ag-color-text);
      }
      input::placeholder { color: var(--ag-color-muted); opacity: 1; }
      input:focus-visible { outline: 2px solid var(--ag-color-focus); outline-offset: 1px; }
      /* The browser's clear button would sit over the shortcut key; Escape clears instead. */
      input::-webkit-search-cancel-button { display: none; }
      .icon { position: absolute; left: 0.5rem; top: 50%; transform: translateY(-50%); color: var(--ag-color-muted); pointer-events: none; }
      kbd {
        position: absolute; right: 0.4rem; top: 50%; transform: translateY(-50%); pointer-events: none;
        font: inherit; font-size: 0.75rem; line-height: 1; padding: 0.12rem 0.32rem; color: var(--ag-color-muted);
        border: 1px solid var(--ag-color-border); border-radius: 4px; background: var(--ag-color-surface);
      }
      input:focus ~ kbd, input:not(:placeholder-shown) ~ kbd { display: none; }
      /* In a phone-wide widget the box is narrow, and a phone has no key to press: the box's width
         goes to its placeholder. (The widget, <actor-graph>, is the container queried.) */
      @container actor-graph (max-width: 420px) {
        kbd { display: none; }
        input { padding-right: 0.5rem; }
      }
      .popup {
        position: absolute; z-index: 6; top: calc(100% + 4px); right: 0;
        width: min(30rem, calc(100vw - 1.2rem)); width: min(30rem, calc(100cqw - 1.2rem));
        max-height: min(26rem, 65vh); display: flex; flex-direction: column;
        background: var(--ag-color-background); border: 1px solid var(--ag-color-border); border-radius: 6px;
        box-shadow: 0 6px 20px rgb(0 0 0 / 0.14); font-size: 0.85rem; line-height: 1.35;
      }
      .popup[hidden], [role='listbox'][hidden] { display: none; }
      /* The list scrolls, not the popup: a combobox's listbox needs no focus of its own to scroll. */
      [role='listbox'] { position: relative; flex: 0 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; }
      .group-label {
        margin: 0; padding: 0.45rem 0.7rem 0.15rem; font-size: 0.75rem; font-weight: 600; text-transform: uppercase;
        letter-spacing: 0.05em; color: var(--ag-color-muted); display: flex; justify-content: space-between; gap: 0.5rem;
      }
      [role='option'] { padding: 0.3rem 0.7rem; cursor: pointer; border-left: 3px solid transparent; }
      [role='option']:hover { background: var(--ag-color-surface); }
      [role='option'][aria-selected='true'] { background: var(--ag-color-surface); border-left-color: var(--ag-color-focus); }
      /* The text of a title is one flex item: a mark inside a word must not be set apart from it. */
      .title { display: flex; align-items: baseline; gap: 0.35rem; font-weight: 600; overflow-wrap: anywhere; }
      .detail { display: block; color: var(--ag-color-muted); overflow-wrap: anywhere; }
      .quote { display: block; overflow-wrap: anywhere; }
      .line { flex: none; width: 0.9rem; height: 0.25rem; border-radius: 2px; background: var(--cat-color); display: inline-block; align-self: center; }
      mark { background: var(--ag-color-highlight); color: inherit; padding: 0; border-radius: 2px; }
      .empty, .more { margin: 0; padding: 0.5rem 0.7rem; color: var(--ag-color-muted); }
      .more { border-top: 1px solid var(--ag-color-border); font-size: 0.75rem; }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    // The shortcut listens on the widget that holds the box, never on the page: a page may hold
    // several widgets, and its own uses for `/`.
    const root = this.getRootNode();
    this.shortcutHost = root instanceof ShadowRoot && root.host instanceof HTMLElement ? root.host : this;
    this.shortcutHost.addEventListener('keydown', this.onShortcut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.shortcutHost?.removeEventListener('keydown', this.onShortcut);
    this.shortcutHost = undefined;
    clearTimeout(this.speakTimer);
  }

  /** Focuses the search box and selects its text. */
  override focus(options?: FocusOptions): void {
    const input = this.input();
    input?.focus(options);
    input?.select();
  }

  private readonly onShortcut = (event: KeyboardEvent): void => {
    if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTextEntry(event.composedPath()[0])) return;
    event.preventDefault();
    this.focus();
  };

  /** The box's words, in the widget's language. */
  private get words(): Messages['search'] {
    return wordsFor(this, this.lang).search;
  }

  private input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('data') || changed.has('lang') || changed.has('query')) this.runSearch();
    if (changed.has('data') || changed.has('lang') || changed.has('query') || changed.has('filter')) {
      const types = new Set(this.results?.tieTypes.hits.map((hit) => hit.id));
      this.hiddenByType =
        this.data === undefined || types.size === 0 ? new Map() : hiddenTiesByType(this.data, types, this.filter);
    }
  }

  private runSearch(): void {
    const dataset = this.data;
    this.results =
      dataset === undefined || this.query.trim() === ''
        ? undefined
        : search(indexOf(dataset), this.query, { lang: this.lang || undefined });
    this.hits = this.results === undefined ? [] : hitsOf(this.results);
    this.active = -1;
    this.announcement =
      this.results === undefined
        ? ''
        : this.hits.length === 0
          ? this.words.announceNone
          : this.words.announce(this.hits.length, this.results.truncated);
    // Emptied at once, so that a count equal to the last one spoken is spoken again.
    this.spoken = '';
    clearTimeout(this.speakTimer);
    this.speakTimer = setTimeout(() => (this.spoken = this.announcement), ANNOUNCE_AFTER_MS);
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('active') || this.active < 0) return;
    // The highlighted result is scrolled into the list's view, without scrolling the page.
    const list = this.renderRoot.querySelector<HTMLElement>('#results');
    const option = this.renderRoot.querySelector<HTMLElement>(`#option-${this.active}`);
    if (list === null || option === null) return;
    // The first option of a group brings its group's heading along.
    const first = option.previousElementSibling?.classList.contains('group-label') === true;
    const top = first && option.parentElement !== null ? option.parentElement.offsetTop : option.offsetTop;
    const bottom = option.offsetTop + option.offsetHeight;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  }

  override render(): TemplateResult {
    const listed = this.open && this.hits.length > 0;
    const empty = this.open && this.results !== undefined && this.hits.length === 0;
    return html`<div class="search">
      <svg class="icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><circle cx="6.5" cy="6.5" r="5" fill="none" stroke="currentColor" stroke-width="1.8" /><line x1="10.3" y1="10.3" x2="15" y2="15" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" /></svg>
      <input type="search" role="combobox" aria-label=${this.words.label} title=${this.words.shortcut} placeholder=${this.words.placeholder}
        aria-autocomplete="list" aria-controls="results" aria-expanded=${listed ? 'true' : 'false'} aria-keyshortcuts="/"
        aria-activedescendant=${listed && this.active >= 0 ? `option-${this.active}` : nothing}
        autocomplete="off" spellcheck="false" enterkeyhint="search" .value=${live(this.query)}
        @input=${this.onInput} @keydown=${this.onKeydown} @blur=${this.close} @click=${this.reopen}
        @focus=${this.prepare} />
      <kbd aria-hidden="true">/</kbd>
      <div class="popup" ?hidden=${!listed && !empty}>
        <div id="results" role="listbox" aria-label=${this.words.results} ?hidden=${!listed}>${listed ? this.renderGroups() : nothing}</div>
        ${empty ? html`<p class="empty">${this.words.noMatches(this.query.trim())}</p>` : nothing}
        ${listed && this.results?.truncated ? html`<p class="more">${this.words.more}</p>` : nothing}
      </div>
      <div class="visually-hidden" role="status">${this.spoken}</div>
    </div>`;
  }

  private renderGroups(): TemplateResult[] {
    const results = this.results;
    if (results === undefined) return [];
    let offset = 0;
    const groups: [GroupKind, { hits: readonly SearchHit[]; total: number }][] = [
      ['actor', results.actors],
      ['tie-type', results.tieTypes],
      ['quote', results.quotes],
    ];
    return groups.flatMap(([kind, group]) => {
      const first = offset;
      offset += group.hits.length;
      if (group.hits.length === 0) return [];
      const heading = `${this.words.groups[kind]} · ${this.words.groupCount(group.hits.length, group.total)}`;
      return [
        html`<div role="group" aria-label=${heading}>
          <div class="group-label" aria-hidden="true"><span>${this.words.groups[kind]}</span><span>${this.words.groupCount(group.hits.length, group.total)}</span></div>
          ${group.hits.map((hit, i) => this.renderOption(hit, first + i))}
        </div>`,
      ];
    });
  }

  private renderOption(hit: SearchHit, index: number): TemplateResult {
    const content =
      hit.kind === 'actor' ? this.renderActor(hit) : hit.kind === 'tie-type' ? this.renderType(hit) : this.renderQuote(hit);
    return html`<div role="option" id=${`option-${index}`} aria-selected=${index === this.active ? 'true' : 'false'}
      @pointerdown=${(event: PointerEvent) => event.preventDefault()} @click=${() => this.choose(index)}>${content}</div>`;
  }

  private renderActor(hit: ActorHit): TemplateResult {
    const kind = this.data?.actors.find((actor) => actor.id === hit.id)?.kind;
    const kindLabel = kind === undefined ? '' : wordsFor(this, this.lang).kind[kind];
    // The name shown is marked itself when it is what matched; otherwise the detail says what did.
    if (hit.matched.text === hit.label) {
      return html`<span class="title"><span>${renderMarked(hit.matched)}</span></span><span class="detail">${kindLabel}</span>`;
    }
    const field =
      hit.field === 'localized' && hit.lang !== undefined
        ? this.words.localizedName(languageName(hit.lang, this.lang))
        : hit.field === 'alias'
          ? this.words.alias
          : this.words.name;
    return html`<span class="title"><span>${hit.label}</span></span>
      <span class="detail">${kindLabel ? `${kindLabel} · ` : ''}${field} “${renderMarked(hit.matched)}”</span>`;
  }

  private renderType(hit: TieTypeHit): TemplateResult {
    const target = this.data === undefined ? undefined : searchTarget(this.data, hit, this.filter);
    const tie = target === undefined ? undefined : this.data?.ties.find((candidate) => candidate.id === target.id);
    const ends = tie === undefined || this.data === undefined ? undefined : tieEnds(this.data, tie, this.lang || undefined);
    const hidden = this.hiddenByType.get(hit.id);
    const counts = `${this.words.ties(hit.ties)}${hidden === undefined ? '' : `, ${this.words.hiddenTies(hidden)}`}`;
    // As for actors: the label shown is marked itself when it is what matched; else the detail says what did.
    const own = hit.matched.text === hit.label;
    const field =
      hit.field === 'localized' && hit.lang !== undefined
        ? this.words.localizedLabel(languageName(hit.lang, this.lang))
        : this.words.typeLabel;
    return html`<span class=${`title cat-${hit.category}`}><span class="line" aria-hidden="true"></span><span>${own ? renderMarked(hit.matched) : hit.label}</span></span>
      <span class="detail">${this.words.tieType(wordsFor(this, this.lang).category[hit.category])} · ${counts}${ends === undefined ? '' : ` · ${this.words.opens(ends)}`}${own ? '' : html` · ${field} “${renderMarked(hit.matched)}”`}</span>`;
  }

  private renderQuote(hit: QuoteHit): TemplateResult {
    const tie = this.data?.ties.find((candidate) => candidate.id === hit.id);
    const hidden = tie !== undefined && this.data !== undefined && !isDatasetTieShown(this.data, tie, this.filter);
    const notes = [hit.type, hit.status === 'absent' ? this.words.absent : '', hidden ? this.words.hidden : ''].filter(Boolean);
    return html`<span class=${`title cat-${hit.category ?? 'none'}`}><span class="line" aria-hidden="true"></span><span>${joinTieTitle(hit.source, hit.target, hit.directed)}</span></span>
      <span class="detail">${notes.join(' · ')}</span>
      <span class="quote">“${renderMarked(hit.snippet)}”</span>`;
  }

  // --- events -------------------------------------------------------------------------------

  private prepare(): void {
    // The index is built when the box is first focused, before the first key is typed.
    if (this.data !== undefined) indexOf(this.data);
  }

  private onInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.open = this.query.trim() !== '';
  }

  private reopen(): void {
    if (!this.open && this.query.trim() !== '') this.open = true;
  }

  private close(): void {
    this.open = false;
    this.active = -1;
    // A count not yet spoken is of a list no longer there.
    clearTimeout(this.speakTimer);
  }

  private onKeydown(event: KeyboardEvent): void {
    const count = this.hits.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (this.query.trim() === '') return;
        this.open = true;
        if (count === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        // From no highlight, Down goes to the first result and Up to the last; both wrap around.
        this.active = this.active < 0 ? (step === 1 ? 0 : count - 1) : (this.active + step + count) % count;
        return;
      }
      case 'Enter':
        if (!this.open || count === 0 || event.isComposing) return;
        event.preventDefault();
        this.choose(Math.max(this.active, 0));
        return;
      case 'Escape':
        if (this.open) this.close();
        else if (this.query !== '') this.query = '';
        else return;
        // Handled here: a dialog around the widget must not close as well.
        event.preventDefault();
        event.stopPropagation();
        return;
      case 'Tab':
        this.close();
        return;
    }
  }

  private choose(index: number): void {
    const hit = this.hits[index];
    const dataset = this.data;
    if (hit === undefined || dataset === undefined) return;
    const target: SearchTarget | undefined = searchTarget(dataset, hit, this.filter);
    this.close();
    if (target === undefined) return;
    this.dispatchEvent(new CustomEvent<Selection>('ag-request-select', { detail: target, bubbles: true, composed: true }));
    this.dispatchEvent(new CustomEvent<Selection>('ag-request-centre', { detail: target, bubbles: true, composed: true }));
  }
}
