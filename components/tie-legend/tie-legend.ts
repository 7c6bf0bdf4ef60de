import { css, html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import type { Dataset } from '../../src/model/schema.ts';
import { ACTOR_KINDS, HEDGES, TIE_CATEGORIES, type TieCategory } from '../../src/model/vocabulary.ts';
import { tieTypeLabel } from '../../src/render/elements.ts';
import { countTies, SHOW_ALL, type TieCount, type TieCounts, type TieFilter } from '../../src/render/filter.ts';
import { ABSENT_TIE } from '../../src/render/stylesheet.ts';
import { HEDGE_DASHES } from '../../src/render/theme.ts';
import { wordsFor } from '../shared/language.ts';
import { sharedStyles } from '../shared/styles.ts';
import { countOf } from '../shared/tie-count.ts';
import { exportMenuStyles, renderExportMenu } from './export-menu.ts';

/**
 * A disclosure closes when focus leaves it, as a menu would. It closes a moment later, not inside
 * the focusout handler: closing a <details> during the mouse press that moved focus crashes
 * Chromium 156's renderer.
 */
function closeOnFocusLeave(event: FocusEvent): void {
  const details = event.currentTarget as HTMLDetailsElement;
  setTimeout(() => {
    if (!details.matches(':focus-within')) details.open = false;
  });
}

/** How many of them exist. */
const presentOf = (entry: TieCount | undefined) => entry?.present ?? 0;

/** Escape closes a disclosure and puts focus back on its summary. */
function closeOnEscape(event: KeyboardEvent): void {
  const details = event.currentTarget as HTMLDetailsElement;
  if (event.key !== 'Escape' || !details.open) return;
  details.open = false;
  details.querySelector('summary')?.focus();
  event.stopPropagation();
}

/**
 * The legend, which is also the filter: one switch per tie category and per tie type, each with
 * its count, a switch for absent ties, and a key to node shapes and line styles.
 *
 * @tagname ag-tie-legend
 *
 * @csspart legend - The legend's box.
 * @fires ag-filter-change - The reader changed a switch; detail is the new {@link TieFilter}.
 * @fires ag-export-request - The reader chose a format in the Export menu; detail is `{format}`.
 */
export class TieLegend extends LitElement {
  static override properties = {
    data: { attribute: false },
    filter: { attribute: false },
    imageExport: { attribute: false },
    lang: { type: String },
  };

  /** The dataset whose tie types are listed. */
  declare data: Dataset | undefined;
  /** The current switches. */
  declare filter: TieFilter;
  /** Whether the Export menu offers images (PNG, SVG): the table view has no picture to export. */
  declare imageExport: boolean;
  private counts: TieCounts | undefined;
  private countedFor: Dataset | undefined;

  constructor() {
    super();
    this.filter = SHOW_ALL;
    this.imageExport = true;
  }

  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      .legend { position: relative; display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem 0.5rem; padding: 0.5rem 0.6rem; font-size: 0.85rem; }
      .categories { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0; padding: 0; border: 0; }
      button.category {
        all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 0.35rem;
        border: 1px solid var(--ag-color-border); border-radius: 999px; padding: 0.2rem 0.6rem; background: var(--ag-color-background);
      }
      button.category[aria-pressed='false'] { opacity: 0.55; text-decoration: line-through; background: var(--ag-color-surface); }
      button.category:focus-visible, summary:focus-visible, input:focus-visible { outline: 2px solid var(--ag-color-focus); outline-offset: 2px; }
      .line { width: 1.4rem; height: 0.3rem; border-radius: 2px; background: var(--cat-color); display: inline-block; }
      .count { color: var(--ag-color-muted); font-variant-numeric: tabular-nums; }
      .off { font-size: 0.75rem; padding: 0 0.4rem; border-radius: 999px; background: var(--ag-color-highlight); color: var(--ag-color-text); }
      /* Controls are at least 24 px tall, a finger's target (WCAG 2.5.8). */
      label.toggle { display: inline-flex; align-items: center; gap: 0.3rem; cursor: pointer; margin-left: 0.2rem; min-height: 24px; }
      /* Popovers hang from the legend bar, not from their summary, so they never run off a narrow widget. */
      details { position: static; }
      summary { cursor: pointer; color: var(--ag-color-link); list-style: none; padding: 0.2rem 0.3rem; border-radius: 4px; }
      summary::-webkit-details-marker { display: none; }
      /* The arrow is for the eye: aria-expanded says it, and its name ("down-pointing small triangle") would be read. */
      summary::after { content: ' ▾' / ''; }
      details[open] summary::after { content: ' ▴' / ''; }
      .popover {
        position: absolute; z-index: 5; top: calc(100% - 2px); left: 0.5rem; width: max-content; min-width: 15rem; max-width: min(24rem, calc(100% - 1rem));
        max-height: 22rem; overflow: auto; padding: 0.6rem 0.7rem; background: var(--ag-color-background);
        border: 1px solid var(--ag-color-border); border-radius: 6px; box-shadow: 0 6px 20px rgb(0 0 0 / 0.12);
      }
      .popover:focus { outline: none; }
      .popover h4 { margin: 0.5rem 0 0.2rem; font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--ag-color-muted);
                    display: flex; align-items: center; gap: 0.35rem; }
      .popover h4:first-child { margin-top: 0; }
      .popover label { display: flex; align-items: center; gap: 0.4rem; padding: 0.1rem 0; min-height: 24px; cursor: pointer; }
      .popover label .count { margin-left: auto; padding-left: 0.8rem; }
      .key { display: grid; grid-template-columns: auto 1fr; gap: 0.3rem 0.6rem; align-items: center; }
      .key svg { display: block; }
      .key .membership { stroke: var(--ag-color-bloc); }
      .key .kind-state .shape { fill: var(--ag-color-state); }
      .key .kind-organization .shape { fill: var(--ag-color-organization); }
      .key .kind-bloc .shape { fill: var(--ag-color-bloc); }
      .key .kind-non-state .shape { fill: var(--ag-color-non-state); }
    `,
    exportMenuStyles,
  ];

  /**
   * How many absent ties of `entry` are shown: the ties the text says do not exist are counted
   * apart, never added to those that exist.
   */
  private absentShown(entry: TieCount | undefined): number {
    return this.filter.showAbsent ? (entry?.absent ?? 0) : 0;
  }

  override render(): TemplateResult | typeof nothing {
    const dataset = this.data;
    if (dataset === undefined) return nothing;
    if (this.countedFor !== dataset) {
      this.counts = countTies(dataset);
      this.countedFor = dataset;
    }
    const counts = this.counts as TieCounts;
    const shownCount = (entry: TieCount | undefined) => presentOf(entry) + this.absentShown(entry);
    const absentTotal = [...counts.byCategory.values()].reduce((sum, entry) => sum + entry.absent, 0);
    const words = wordsFor(this, this.lang);
    // Tie types switched off in the Tie types list leave their trace on the bar: each category's
    // chip counts the ties still shown of all it has, and the list's summary says how many are off.
    const hiddenTypes = dataset.tieTypes.filter(
      (type) => this.filter.hiddenTypes.has(type.id) && shownCount(counts.byType.get(type.id)) > 0,
    );
    const hiddenOf = (category: TieCategory, count: (entry: TieCount | undefined) => number) =>
      hiddenTypes.filter((type) => type.category === category).reduce((sum, type) => sum + count(counts.byType.get(type.id)), 0);
    return html`
      <div class="legend" part="legend">
        <div class="categories" role="group" aria-label=${words.legend.categories}>
          ${TIE_CATEGORIES.filter(
            (category) => (counts.byCategory.get(category)?.present ?? 0) + (counts.byCategory.get(category)?.absent ?? 0) > 0,
          ).map((category) => {
            const entry = counts.byCategory.get(category);
            const all = presentOf(entry);
            const shown = all - hiddenOf(category, presentOf);
            const absent = this.absentShown(entry) - hiddenOf(category, (type) => this.absentShown(type));
            return html`
              <button class=${`category cat-${category}`} aria-pressed=${this.filter.categories.has(category) ? 'true' : 'false'}
                @click=${() => this.toggleCategory(category)}>
                <span class="line" aria-hidden="true"></span>${words.category[category]}
                ${countOf(words, shown, all, absent)}
              </button>
            `;
          })}
        </div>
        ${
          absentTotal === 0
            ? nothing
            : html`<label class="toggle">
              <input type="checkbox" .checked=${this.filter.showAbsent} @change=${(event: Event) => this.setShowAbsent((event.target as HTMLInputElement).checked)} />
              ${words.legend.absentTies} <span class="count">(${absentTotal})</span>
            </label>`
        }
        ${this.renderTypes(dataset, counts, shownCount, hiddenTypes.length)} ${this.renderKey()}
        ${renderExportMenu({ images: this.imageExport, words: words.legend.exportMenu, onFocusOut: closeOnFocusLeave, onKeydown: closeOnEscape })}
      </div>
    `;
  }

  private renderTypes(dataset: Dataset, counts: TieCounts, shownCount: (entry: TieCount | undefined) => number, hidden: number) {
    const words = wordsFor(this, this.lang);
    const typeCount = (entry: TieCount | undefined) =>
      countOf(words, presentOf(entry), presentOf(entry), this.absentShown(entry));
    return html`<details @focusout=${closeOnFocusLeave} @keydown=${closeOnEscape}>
      <summary>${words.legend.tieTypes}${hidden === 0 ? nothing : html` <span class="off">${words.legend.typesOff(hidden)}</span>`}</summary>
      <div class="popover" role="group" aria-label=${words.legend.tieTypesShown} tabindex="-1">
        ${TIE_CATEGORIES.map((category) => {
          const types = dataset.tieTypes.filter(
            (type) => type.category === category && shownCount(counts.byType.get(type.id)) > 0,
          );
          if (types.length === 0) return nothing;
          return html`<h4 class=${`cat-${category}`}><span class="line" aria-hidden="true"></span>${words.category[category]}</h4>
            ${types.map(
              (type) => html`<label>
                <input type="checkbox" .checked=${!this.filter.hiddenTypes.has(type.id)} ?disabled=${!this.filter.categories.has(category)}
                  @change=${(event: Event) => this.setTypeShown(type.id, (event.target as HTMLInputElement).checked)} />
                ${tieTypeLabel(type, this.lang || undefined)}${typeCount(counts.byType.get(type.id))}
              </label>`,
            )}`;
        })}
      </div>
    </details>`;
  }

  private renderKey(): TemplateResult {
    const shapes = {
      state: svg`<circle class="shape" cx="9" cy="9" r="7" />`,
      organization: svg`<rect class="shape" x="2" y="3" width="14" height="12" rx="3" />`,
      bloc: svg`<polygon class="shape" points="5,2 13,2 17,9 13,16 5,16 1,9" />`,
      'non-state': svg`<polygon class="shape" points="9,1 17,9 9,17 1,9" />`,
    } as const;
    const words = wordsFor(this, this.lang);
    return html`<details @focusout=${closeOnFocusLeave} @keydown=${closeOnEscape}>
      <summary>${words.legend.key}</summary>
      <div class="popover key" tabindex="-1">
        ${ACTOR_KINDS.map(
          (kind) =>
            html`<svg width="18" height="18" aria-hidden="true" class=${`kind-${kind}`}>${shapes[kind]}</svg><span>${words.kind[kind]}</span>`,
        )}
        ${HEDGES.map(
          (
            hedge,
          ) => html`<svg width="36" height="8" aria-hidden="true"><line x1="1" y1="4" x2="35" y2="4" stroke="currentColor" stroke-width="2.5"
              stroke-dasharray=${HEDGE_DASHES[hedge].length === 0 ? 'none' : HEDGE_DASHES[hedge].join(' ')} /></svg><span>${words.hedge[hedge]}</span>`,
        )}
        <svg width="36" height="10" aria-hidden="true"><line x1="1" y1="5" x2="35" y2="5" stroke="currentColor"
          stroke-width=${ABSENT_TIE.width} stroke-dasharray=${ABSENT_TIE.dashes.join(' ')} opacity=${ABSENT_TIE.opacity} />
          <circle cx="18" cy="5" r="3.2" fill="none" stroke="currentColor" stroke-width="1.2" opacity="0.8" /></svg>
        <span>${words.legend.absent}</span>
        <svg width="36" height="8" aria-hidden="true"><line x1="1" y1="4" x2="35" y2="4" class="membership" stroke-width="1" stroke-dasharray="3 3" /></svg>
        <span>${words.legend.member}</span>
        <svg width="36" height="10" aria-hidden="true"><line x1="1" y1="5" x2="28" y2="5" stroke="currentColor" stroke-width="2.5" /><polygon points="27,1 35,5 27,9" fill="currentColor" /></svg>
        <span>${words.legend.direction}</span>
      </div>
    </details>`;
  }

  private emit(filter: TieFilter): void {
    this.filter = filter;
    this.dispatchEvent(new CustomEvent<TieFilter>('ag-filter-change', { detail: filter, bubbles: true, composed: true }));
  }

  private toggleCategory(category: TieCategory): void {
    const categories = new Set(this.filter.categories);
    if (categories.has(category)) categories.delete(category);
    else categories.add(category);
    this.emit({ ...this.filter, categories });
  }

  private setTypeShown(type: string, shown: boolean): void {
    const hiddenTypes = new Set(this.filter.hiddenTypes);
    if (shown) hiddenTypes.delete(type);
    else hiddenTypes.add(type);
    this.emit({ ...this.filter, hiddenTypes });
  }

  private setShowAbsent(showAbsent: boolean): void {
    this.emit({ ...this.filter, showAbsent });
  }
}
