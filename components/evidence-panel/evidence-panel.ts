import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { anchorQuote } from '../../src/evidence/anchor.ts';
import { quoteContext } from '../../src/evidence/context.ts';
import type { Messages } from '../../src/i18n/index.ts';
import type { Actor, Dataset, Evidence, Source, Tie, TieType } from '../../src/model/schema.ts';
import { TIE_CATEGORIES, type TieCategory } from '../../src/model/vocabulary.ts';
import { actorLabel, tieArrow, tieTitle, tieTypeLabel } from '../../src/render/elements.ts';
import {
  countByStatus,
  hiddenReasons,
  isDatasetTieShown,
  SHOW_ALL,
  type TieFilter,
  tiesOfActor,
} from '../../src/render/filter.ts';
import { formatPeriod } from '../../src/render/format.ts';
import { safeHttpUrl } from '../../src/render/safe-url.ts';
import { type Selection, sameSelection } from '../actor-graph/selection.ts';
import { wordsFor } from '../shared/language.ts';
import { sharedStyles } from '../shared/styles.ts';
import { countOf } from '../shared/tie-count.ts';
import { type PageMatches, pageMatchStyles, renderPageMatch, renderPageSummary } from './page-matches.ts';

/** A key for the panel of a selection, the same for equal selections. */
function keyOf(selection: Selection | null): string {
  return selection === null ? 'overview' : `${selection.kind}:${selection.id}`;
}

/** A tie type's label in `lang`, or the tie's type id when the data lacks the type. */
function typeLabelOf(type: TieType | undefined, id: string, lang: string): string {
  return type === undefined ? id : tieTypeLabel(type, lang || undefined);
}

/**
 * How many ties an actor's panel shows in the first frame after the actor is selected: more than
 * fit in view. The others follow right after that frame is painted, so that a click on a
 * well-connected actor is answered in one short frame (the seed's North Korea has 34 ties, and
 * building and laying out all their quotes took about half of its click).
 */
const FIRST_FRAME_TIES = 6;

/**
 * The evidence panel: for a selected actor, its ties grouped by category; for a selected tie, that
 * tie alone. Each tie shows its quotes set in their sentence of the source text, with the quoted
 * words highlighted, and a citation. Every string from the data is rendered as text.
 *
 * @tagname ag-evidence-panel
 *
 * @csspart panel - The panel's box.
 * @fires ag-request-select - The reader chose an actor or a tie in the panel; detail `{kind, id}`.
 * @fires ag-show-in-article - The reader asked to see a quote in the page's article; detail `{quote}`.
 */
export class EvidencePanel extends LitElement {
  static override properties = {
    data: { attribute: false },
    texts: { attribute: false },
    unverified: { attribute: false },
    selection: { attribute: false },
    ahead: { attribute: false },
    filter: { attribute: false },
    compared: { attribute: false },
    pageMatches: { attribute: false },
    lang: { type: String },
  };

  /** The dataset whose evidence is shown. */
  declare data: Dataset | undefined;
  /** The source texts by source id; quotes of a missing text are shown without context. */
  declare texts: ReadonlyMap<string, string>;
  /** The sources whose text does not match its SHA-256: their quotes are marked unverified. */
  declare unverified: ReadonlySet<string>;
  /** The actor or tie shown, or `null` for the dataset's overview. */
  declare selection: Selection | null;
  /**
   * The actor or tie likely to be shown next (the one the pointer or the keyboard's focus rests
   * on), or `null`. Its panel is built ahead, hidden, so that when it becomes the selection the
   * panel only has to show it.
   */
  declare ahead: Selection | null;
  /** The ties filtered out of the graph are left out of the panel too. */
  declare filter: TieFilter;
  /**
   * In the compare view, the two categories its panes draw: the panel then lists their ties only,
   * and says that the others are left out by the view, not by the filter.
   */
  declare compared: readonly TieCategory[] | undefined;
  /** Which quotes were found in the page's article (`text-target`); undefined when there is none. */
  declare pageMatches: PageMatches | undefined;

  private focusHeading = false;
  /** Whether this update is the first frame of a new actor's panel, which shows only its first ties. */
  private firstFrame = false;
  /** How many more ties this render may show, and whether it left some out. */
  private tiesLeft = Number.POSITIVE_INFINITY;
  private heldBack = false;
  /** Settles once the ties held back from a first frame are asked to render. */
  private rest: Promise<void> | undefined;
  /** Whether the box being rendered is the one shown (or the one built ahead). */
  private renderingShown = true;
  /**
   * Whether the panel (its own scroll box, where the page makes it one) is scrolled down, as its
   * last scroll left it: read when it scrolls, not when a selection changes, which would lay the
   * new panel out at once.
   */
  private scrolled = false;
  /**
   * Where the reader was in the panel of the selection before this one: the tie at the top of the
   * box, and how far below the box's top it stood. Coming back to that selection by a link of the
   * panel (an actor, then one of its ties alone, then the actor's name) takes the reader back
   * there, not to the top.
   */
  private lastPlace: { readonly selection: Selection; readonly tie: string; readonly offset: number } | undefined;
  /** The place the panel goes back to once the selection's panel is rendered, and the tie read alone before. */
  private returningTo: { readonly place: NonNullable<EvidencePanel['lastPlace']>; readonly from: string | undefined } | undefined;
  private readonly onScroll = () => {
    this.scrolled = this.scrollTop > 0;
  };
  /** Which of the two boxes is shown (see `render`), and the selection the other one holds. */
  private shownBox: 'a' | 'b' = 'a';
  private builtAhead: string | undefined;

  constructor() {
    super();
    this.addEventListener('scroll', this.onScroll, { passive: true });
    this.texts = new Map();
    this.unverified = new Set();
    this.selection = null;
    this.ahead = null;
    this.filter = SHOW_ALL;
  }

  static override styles = [
    sharedStyles,
    pageMatchStyles,
    css`
      :host { display: block; position: relative; }
      .panel { padding: 0.9rem 1rem 1.2rem; }
      /* Built ahead and not seen: laid out at the panel's top, where a new selection's panel
         shows, as far down as the panel's view reaches (page styles for the panel part apply
         only once it is shown). */
      .panel.ahead { position: absolute; top: 0; left: 0; right: 0; height: 100%; box-sizing: border-box;
                     overflow: hidden; visibility: hidden; pointer-events: none; }
      h2 { font-size: 1.15rem; margin: 0 0 0.25rem; line-height: 1.25; }
      h2:focus { outline: none; }
      h2:focus-visible { outline: 2px solid var(--ag-color-focus); outline-offset: 2px; }
      h3 { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.06em; margin: 1.1rem 0 0.4rem;
           display: flex; align-items: center; gap: 0.4rem; color: var(--ag-color-muted); }
      .eyebrow { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--ag-color-muted); margin: 0 0 0.2rem; }
      .aliases, .members, .count, .hint, .description { font-size: 0.85rem; color: var(--ag-color-muted); margin: 0.2rem 0; }
      ol { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.7rem; }
      /*
       * A hub's panel lists dozens of ties; those scrolled out of sight are not laid out or painted.
       * Until a tie is first drawn it counts as 400 px, about what a tie with its quotes takes (the
       * seed's North Korea: 390 px on average beside the graph, 470 on a phone), so the panel's
       * scroll height hardly changes as the reader scrolls through it.
       */
      ol > li { content-visibility: auto; contain-intrinsic-block-size: auto 400px; }
      article { border: 1px solid var(--ag-color-border); border-left: 4px solid var(--cat-color, var(--ag-color-border));
                border-radius: 6px; padding: 0.6rem 0.7rem; background: var(--ag-color-surface); }
      article.absent { border-left-style: dashed; background: var(--ag-color-background); }
      .tie-head { margin: 0; font-size: 1rem; font-weight: 600; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.3rem; }
      .meta { margin: 0.15rem 0 0.4rem; font-size: 0.75rem; color: var(--ag-color-muted); display: flex; flex-wrap: wrap; gap: 0.35rem; }
      /* In the wrapping row, a chip that fits its line is never broken; one longer than the panel is
         wide (a long tie type in a 300 px column) wraps inside its border rather than being cut off. */
      .chip { border: 1px solid var(--ag-color-border); border-radius: 999px; padding: 0 0.45rem; }
      .absent-note { margin: 0.3rem 0; padding: 0.3rem 0.5rem; border-radius: 4px; font-size: 0.85rem; font-weight: 600;
                     background: var(--ag-color-absent-background); color: var(--ag-color-absent-text); }
      .note { font-size: 0.85rem; margin: 0.3rem 0; font-style: italic; }
      .hidden-note { margin: 0.3rem 0; padding: 0.3rem 0.5rem; border-radius: 4px; font-size: 0.85rem;
                     border: 1px dashed var(--ag-color-border); color: var(--ag-color-muted); }
      blockquote { margin: 0.45rem 0 0; padding: 0 0 0 0.6rem; border-left: 2px solid var(--ag-color-border); line-height: 1.5; }
      blockquote p { margin: 0; }
      mark { background: var(--ag-color-highlight); color: inherit; padding: 0 0.1em; border-radius: 2px; }
      .context { color: var(--ag-color-muted); }
      .citation { font-size: 0.75rem; color: var(--ag-color-muted); margin: 0.4rem 0 0; }
      .citation a { color: var(--ag-color-link); }
      .missing { font-size: 0.75rem; color: var(--ag-color-muted); }
      blockquote.unverified { border-left-style: dashed; color: var(--ag-color-muted); }
      .badge { font-size: 0.75rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; border: 1px solid currentColor;
               border-radius: 4px; padding: 0 0.3rem; margin-right: 0.2rem; }
      /* The padding makes a 24 px target of a line of text (WCAG 2.5.8) without moving the lines. */
      button.link { all: unset; cursor: pointer; color: var(--ag-color-link); text-decoration: underline; text-underline-offset: 2px; padding-block: 3px; }
      button.link:focus-visible { outline: 2px solid var(--ag-color-focus); outline-offset: 2px; border-radius: 2px; }
      .arrow { color: var(--ag-color-muted); font-weight: 400; }
      .line { width: 0.8rem; height: 0.25rem; border-radius: 2px; background: var(--cat-color); display: inline-block; }
      .show-tie { margin-top: 0.4rem; font-size: 0.85rem; }
      h3.among { color: var(--ag-color-text); font-size: 0.85rem; margin-top: 1.4rem; padding-top: 0.8rem; border-top: 1px solid var(--ag-color-border); }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    const previous = changed.get('selection');
    if (changed.has('selection') && !sameSelection(previous, this.selection)) {
      // Only a link of the panel goes back: a selection made in the graph starts at the top.
      const back = this.focusHeading && sameSelection(this.lastPlace?.selection, this.selection);
      const from = previous?.kind === 'tie' ? previous.id : undefined;
      this.returningTo = back && this.lastPlace !== undefined ? { place: this.lastPlace, from } : undefined;
      this.lastPlace = this.placeIn(previous);
    }
    const actor = this.selection?.kind === 'actor' ? this.selection.id : undefined;
    if (changed.has('selection') && actor !== undefined && !(previous?.kind === 'actor' && previous.id === actor)) {
      this.firstFrame = true;
    }
  }

  /** Resolves once the panel is complete, the ties held back from a first frame included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.rest !== undefined) {
      await this.rest;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A new selection's panel starts at its top, where its box built ahead was laid out, unless the
    // reader comes back to where they were.
    const returning = this.returningTo;
    this.returningTo = undefined;
    if (changed.has('selection') && !sameSelection(changed.get('selection'), this.selection) && this.scrolled) {
      this.scrollTop = 0;
      this.scrolled = false;
    }
    if (returning !== undefined) void this.goBackTo(returning);
    if (this.firstFrame) {
      this.firstFrame = false;
      if (this.heldBack) this.renderRestAfterPaint();
    }
    if (!this.focusHeading) return;
    this.focusHeading = false;
    this.renderRoot.querySelector<HTMLElement>('#panel-title')?.focus({ preventScroll: returning !== undefined });
  }

  /** The tie at the top of the panel's scroll box for `selection`, if the reader has scrolled it. */
  private placeIn(selection: Selection | null | undefined): EvidencePanel['lastPlace'] {
    if (selection == null || !this.scrolled) return undefined;
    const top = this.getBoundingClientRect().top;
    // The first tie that starts in view: the ones above it may not be laid out yet (they count at
    // an estimated height), and would be at their real one when the reader comes back.
    let place: EvidencePanel['lastPlace'];
    for (const item of this.renderRoot.querySelectorAll<HTMLElement>('.panel:not(.ahead) li[data-tie]')) {
      const box = item.getBoundingClientRect();
      if (box.bottom <= top) continue;
      place = { selection, tie: item.dataset.tie ?? '', offset: box.top - top };
      if (box.top >= top) break;
    }
    return place;
  }

  /** Scrolls the panel back to `place`, once the ties held back from its first frame are in. */
  private async goBackTo({ place, from }: NonNullable<EvidencePanel['returningTo']>): Promise<void> {
    await this.updateComplete;
    if (!sameSelection(place.selection, this.selection)) return;
    const item = this.renderRoot.querySelector(`.panel:not(.ahead) li[data-tie="${CSS.escape(place.tie)}"]`);
    if (item === null) return;
    // The ties that come into view are laid out then, at their real height rather than the
    // estimate, over the next frames: the place is set again until it holds for three of them.
    for (let frame = 0, held = 0; frame < 20 && held < 3; frame++) {
      const off = item.getBoundingClientRect().top - this.getBoundingClientRect().top - place.offset;
      if (Math.abs(off) < 1) held++;
      else {
        held = 0;
        this.scrollTop += off;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (!sameSelection(place.selection, this.selection)) return;
    }
    this.scrolled = this.scrollTop > 0;
    // The keyboard goes on from the tie the reader read alone, not from the heading at the top:
    // the next Tab would scroll the list back up there.
    const heading = this.renderRoot.querySelector('#panel-title');
    const back =
      from === undefined
        ? null
        : this.renderRoot.querySelector<HTMLElement>(`.panel:not(.ahead) li[data-tie="${CSS.escape(from)}"] .show-tie button`);
    if (back !== null && this.shadowRoot?.activeElement === heading) back.focus({ preventScroll: true });
  }

  /** Moves focus to the panel's heading, without scrolling: whoever calls it brings the panel into view. */
  focusTitle(): void {
    this.renderRoot.querySelector<HTMLElement>('#panel-title')?.focus({ preventScroll: true });
  }

  /** Renders the held-back ties once the first frame is painted. */
  private renderRestAfterPaint(): void {
    const rest = new Promise<void>((resolve) => {
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (this.rest === rest) this.rest = undefined;
          this.requestUpdate();
          resolve();
        }),
      );
    });
    this.rest = rest;
  }

  override render(): TemplateResult | typeof nothing {
    this.heldBack = false;
    const dataset = this.data;
    if (dataset === undefined) return nothing;
    // Two boxes take turns: the one built ahead becomes the one shown when its selection is
    // chosen; any other change of selection renders into the box shown, as into one panel.
    if (keyOf(this.selection) === this.builtAhead) this.shownBox = this.shownBox === 'a' ? 'b' : 'a';
    const boxes = [{ key: this.shownBox, selection: this.selection, shown: true }];
    const ahead = this.ahead;
    this.builtAhead = ahead !== null && !sameSelection(ahead, this.selection) ? keyOf(ahead) : undefined;
    if (ahead !== null && this.builtAhead !== undefined) {
      boxes.push({ key: this.shownBox === 'a' ? 'b' : 'a', selection: ahead, shown: false });
    }
    return html`${repeat(
      boxes,
      (box) => box.key,
      (box) => this.renderBox(dataset, box.selection, box.shown),
    )}`;
  }

  /**
   * The panel of `selection`, shown or built ahead (hidden from sight and from assistive
   * technology). A panel built ahead holds what the first frame of its selection would: chosen,
   * it is shown as it is, and the rest of its ties follow as they would anyway.
   */
  private renderBox(dataset: Dataset, selection: Selection | null, shown: boolean): TemplateResult {
    const heldBack = this.heldBack;
    this.renderingShown = shown;
    this.tiesLeft = !shown || this.firstFrame ? FIRST_FRAME_TIES : Number.POSITIVE_INFINITY;
    let body: TemplateResult;
    if (selection?.kind === 'actor') body = this.renderActor(dataset, selection.id);
    else if (selection?.kind === 'tie') body = this.renderTieAlone(dataset, selection.id);
    else body = this.renderOverview(dataset);
    // Only the panel shown has ties to follow.
    if (!shown) this.heldBack = heldBack;
    this.renderingShown = true;
    return html`<div class=${shown ? 'panel' : 'panel ahead'} part=${shown ? 'panel' : nothing}
      aria-hidden=${shown ? nothing : 'true'} ?inert=${!shown}>${body}</div>`;
  }

  /** The id of the panel's heading, which only the panel shown has. */
  private get titleId(): string | typeof nothing {
    return this.renderingShown ? 'panel-title' : nothing;
  }

  private renderOverview(dataset: Dataset): TemplateResult {
    const w = this.words.panel;
    const shown = countByStatus(dataset.ties, (tie) => this.lists(dataset, tie));
    return html`
      <p class="eyebrow">${w.evidence}</p>
      <h2 id=${this.titleId} tabindex="-1">${dataset.title}</h2>
      ${dataset.description === undefined ? nothing : html`<p class="description">${dataset.description}</p>`}
      <p class="hint">${w.hint}</p>
      <p class="count">${w.overviewCount(dataset.actors.length, shown)}</p>
      ${renderPageSummary(dataset, this.pageMatches, this.lang || undefined, (selection) => this.choose(selection), this.words.pageMatches)}
      ${dataset.sources.map((source) => this.renderCitation(source))}
    `;
  }

  private renderActor(dataset: Dataset, id: string): TemplateResult {
    const w = this.words.panel;
    const actor = dataset.actors.find((candidate) => candidate.id === id);
    if (actor === undefined) return this.renderOverview(dataset);
    const all = tiesOfActor(dataset, id);
    const shown = all.filter((tie) => this.lists(dataset, tie));
    const members = (actor.members ?? [])
      .map((member) => dataset.actors.find((a) => a.id === member))
      .filter((a) => a !== undefined);
    const alsoCalled = actor.aliases.filter((alias) => alias !== actor.name);
    return html`
      <p class="eyebrow">${this.words.kind[actor.kind]}</p>
      <h2 id=${this.titleId} tabindex="-1">${this.name(actor)}</h2>
      ${alsoCalled.length === 0 ? nothing : html`<p class="aliases">${w.alsoCalled(alsoCalled.join(', '))}</p>`}
      ${
        members.length === 0
          ? nothing
          : html`<p class="members">${w.members} ${members.map((member, index) => html`${index > 0 ? ', ' : ''}${this.actorButton(member)}`)}</p>`
      }
      <p class="count">${this.countLine(dataset, all, shown)}</p>
      ${this.renderByCategory(dataset, shown, actor.id)}
      ${members.length < 2 ? nothing : this.renderAmongMembers(dataset, actor, members)}
    `;
  }

  /** Whether the compare view leaves out ties of `category`: it shows two categories only. */
  private leftOutByView(category: TieCategory | undefined): boolean {
    return this.compared !== undefined && (category === undefined || !this.compared.includes(category));
  }

  /** Whether the panel lists a tie: the filter shows it and, in the compare view, it is of a category compared. */
  private lists(dataset: Dataset, tie: Tie): boolean {
    return !this.leftOutByView(this.typeOf(dataset, tie)?.category) && isDatasetTieShown(dataset, tie, this.filter);
  }

  /**
   * The count of `ties` the panel gives: those it lists, and those it does not, each for one
   * reason: of a category the compare view leaves out, absent while absent ties are off, or
   * hidden by the filter's other switches.
   */
  private countLine(dataset: Dataset, ties: readonly Tie[], listed: readonly Tie[]): string {
    const other = { present: 0, absent: 0 };
    const filtered = { present: 0, absent: 0 };
    const listedCount = { present: 0, absent: 0 };
    let absent = 0;
    const shown = new Set(listed);
    for (const tie of ties) {
      if (shown.has(tie)) listedCount[tie.status]++;
      else if (this.leftOutByView(this.typeOf(dataset, tie)?.category)) other[tie.status]++;
      else if (tie.status === 'absent' && !this.filter.showAbsent) absent++;
      else filtered[tie.status]++;
    }
    return this.words.panel.shownHidden(listedCount, { filtered, absent, other });
  }

  /** A bloc's own ties say little; the ties among its members are what it is made of. */
  private renderAmongMembers(dataset: Dataset, bloc: Actor, members: readonly Actor[]): TemplateResult {
    const ids = new Set(members.map((member) => member.id));
    const among = dataset.ties.filter((tie) => ids.has(tie.source) && ids.has(tie.target));
    const shown = among.filter((tie) => this.lists(dataset, tie));
    return html`
      <h3 class="among">${this.words.panel.amongMembers(this.name(bloc))}</h3>
      <p class="count">${this.countLine(dataset, among, shown)}</p>
      ${this.renderByCategory(dataset, shown, undefined)}
    `;
  }

  /** Ties grouped under their categories, in the vocabulary's order. */
  private renderByCategory(dataset: Dataset, ties: readonly Tie[], from: string | undefined): TemplateResult[] {
    const byCategory = new Map<TieCategory, Tie[]>();
    for (const tie of ties) {
      const category = this.typeOf(dataset, tie)?.category;
      if (category !== undefined) byCategory.set(category, [...(byCategory.get(category) ?? []), tie]);
    }
    const sections: TemplateResult[] = [];
    for (const category of TIE_CATEGORIES) {
      const all = byCategory.get(category);
      // In a first frame, the ties past the first few are left for the next.
      const shown = all?.slice(0, Math.max(0, this.tiesLeft));
      if (all === undefined || shown === undefined) continue;
      this.tiesLeft -= shown.length;
      if (shown.length < all.length) this.heldBack = true;
      if (shown.length === 0) continue;
      sections.push(html`
        <section aria-label=${this.words.panel.categoryTies(this.words.category[category])}>
          <h3><span class=${`line cat-${category}`}></span>${this.words.category[category]} · ${countOfTies(this.words, all)}</h3>
          <ol>
            ${shown.map((tie) => html`<li data-tie=${tie.id}>${this.renderTie(dataset, tie, from)}</li>`)}
          </ol>
        </section>
      `);
    }
    return sections;
  }

  private renderTieAlone(dataset: Dataset, id: string): TemplateResult {
    const tie = dataset.ties.find((candidate) => candidate.id === id);
    if (tie === undefined) return this.renderOverview(dataset);
    const type = this.typeOf(dataset, tie);
    return html`
      <p class="eyebrow">${type === undefined ? this.words.panel.tie : this.words.panel.categoryTie(this.words.category[type.category])}</p>
      <h2 id=${this.titleId} tabindex="-1">${typeLabelOf(type, tie.type, this.lang)}</h2>
      ${type?.description === undefined ? nothing : html`<p class="description">${type.description}</p>`}
      ${this.renderTie(dataset, tie, undefined, true)}
    `;
  }

  /**
   * One tie: who to whom, how firmly, when, and its quotes. `from` is the actor being viewed, if
   * any; `alone` is set when the tie is the whole panel (its type is then the heading).
   */
  private renderTie(dataset: Dataset, tie: Tie, from: string | undefined, alone = false): TemplateResult {
    const type = this.typeOf(dataset, tie);
    const source = dataset.actors.find((actor) => actor.id === tie.source);
    const target = dataset.actors.find((actor) => actor.id === tie.target);
    const arrow = tieArrow(type?.directed !== false);
    const words = this.words;
    const period = formatPeriod(tie.period, words.date);
    const category = type?.category;
    const endpoint = (actor: Actor | undefined, id: string) =>
      actor === undefined ? id : actor.id === from ? html`<span>${this.name(actor)}</span>` : this.actorButton(actor);
    return html`
      <article class=${`${tie.status} cat-${category ?? 'unknown'}`}
        aria-label=${tieTitle(dataset, tie, this.lang || undefined)}>
        <p class="tie-head">
          ${endpoint(source, tie.source)}<span class="arrow" aria-hidden="true">${arrow}</span>${endpoint(target, tie.target)}
        </p>
        <p class="meta">
          ${alone ? nothing : html`<span class="chip">${typeLabelOf(type, tie.type, this.lang)}</span>`}
          <span class="chip" title=${words.panel.hedgeTitle}>${words.hedge[tie.hedge]}</span>
          <span class="chip">${period ?? words.date.undated}</span>
        </p>
        ${tie.status === 'absent' ? html`<p class="absent-note">${words.panel.absentNote}</p>` : nothing}
        ${alone ? this.renderHiddenNote(tie, type) : nothing}
        ${tie.note === undefined ? nothing : html`<p class="note">${tie.note}</p>`}
        ${this.renderEvidence(dataset, tie.evidence)}
        ${
          alone
            ? nothing
            : html`<p class="show-tie"><button class="link" @click=${() => this.choose({ kind: 'tie', id: tie.id })}>${words.panel.showTieAlone}</button></p>`
        }
      </article>
    `;
  }

  /** The quotes of a tie, grouped by source, each group followed by its citation. */
  private renderEvidence(dataset: Dataset, evidence: readonly Evidence[]): TemplateResult[] {
    const bySource = new Map<string, Evidence[]>();
    for (const quote of evidence) bySource.set(quote.source, [...(bySource.get(quote.source) ?? []), quote]);
    return [...bySource].map(([sourceId, quotes]) => {
      const source = dataset.sources.find((candidate) => candidate.id === sourceId);
      const unverified = this.unverified.has(sourceId)
        ? html`<p class="missing">${this.words.panel.unverifiedNote}</p>`
        : nothing;
      return html`${quotes.map((quote) => html`${this.renderQuote(quote)}${renderPageMatch(this, this.pageMatches, quote, this.words.pageMatches)}`)}${unverified}${source === undefined ? nothing : this.renderCitation(source)}`;
    });
  }

  private renderQuote(quote: Evidence): TemplateResult {
    if (this.unverified.has(quote.source)) {
      return html`<blockquote class="unverified"><p><span class="badge">${this.words.panel.unverified}</span> ${quote.exact}</p></blockquote>`;
    }
    const text = this.texts.get(quote.source);
    if (text === undefined) {
      return html`<blockquote><p><mark>${quote.exact}</mark></p><p class="missing">${this.words.panel.textMissing}</p></blockquote>`;
    }
    const anchored = anchorQuote(text, quote);
    const range = anchored.status === 'orphaned' ? undefined : anchored.at;
    if (range === undefined) return html`<blockquote><p><mark>${quote.exact}</mark></p></blockquote>`;
    const context = quoteContext(text, range);
    return html`<blockquote>
      <p><span class="context">${context.clippedBefore ? '… ' : ''}${context.before}</span><mark>${context.quote}</mark><span class="context">${context.after}${context.clippedAfter ? ' …' : ''}</span></p>
    </blockquote>`;
  }

  private renderCitation(source: Source): TemplateResult {
    const url = safeHttpUrl(source.url);
    return html`<p class="citation">
      — ${source.author}, “${source.title}”, ${source.publisher}, ${source.date}.${url === undefined ? nothing : html` <a href=${url} target="_blank" rel="noopener noreferrer">${this.words.panel.readSource}</a>`}
    </p>`;
  }

  /** For a selected tie the filter hides, why the graph does not draw it: else it just is not there. */
  private renderHiddenNote(tie: Tie, type: TieType | undefined): TemplateResult | typeof nothing {
    if (type === undefined) return nothing;
    const reasons = hiddenReasons(
      { category: type.category, type: type.id, status: tie.status, period: tie.period },
      this.filter,
    );
    const [first, second] = this.compared ?? [];
    // Left out by the compare view, which shows two categories, not by the legend's switch.
    const outside = this.leftOutByView(type.category) && first !== undefined && second !== undefined;
    if (reasons.length === 0 && !outside) return nothing;
    const { hiddenBecause: because, hiddenNote } = this.words.panel;
    const inText = this.words.categoryInText;
    const said = reasons.map((reason) =>
      reason === 'category'
        ? because.category(inText[type.category])
        : reason === 'type'
          ? because.type(tieTypeLabel(type, this.lang || undefined))
          : because[reason],
    );
    if (outside) said.unshift(because.compare(inText[first], inText[second]));
    return html`<p class="hidden-note" role="note">${hiddenNote(said)}</p>`;
  }

  private actorButton(actor: Actor): TemplateResult {
    return html`<button class="link" @click=${() => this.choose({ kind: 'actor', id: actor.id })}>${this.name(actor)}</button>`;
  }

  /** The panel's words, in the widget's language. */
  private get words(): Messages {
    return wordsFor(this, this.lang);
  }

  private name(actor: Actor): string {
    return actorLabel(actor, this.lang || undefined);
  }

  private typeOf(dataset: Dataset, tie: Tie): TieType | undefined {
    return dataset.tieTypes.find((type) => type.id === tie.type);
  }

  private choose(selection: Selection): void {
    // The button just pressed is about to be replaced: focus goes to the new heading instead.
    this.focusHeading = true;
    this.dispatchEvent(new CustomEvent('ag-request-select', { detail: selection, bubbles: true, composed: true }));
  }
}

/** A category's count of ties, as the legend writes it: those that exist, and the absent ones apart. */
function countOfTies(words: Messages, ties: readonly Tie[]): TemplateResult {
  const { present, absent } = countByStatus(ties);
  return countOf(words, present, present, absent);
}
