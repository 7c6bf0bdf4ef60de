import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type { Dataset, Tie } from '../../src/model/schema.ts';
import { HEDGES, TIE_CATEGORIES } from '../../src/model/vocabulary.ts';
import { actorNameOf, tieTypeLabel } from '../../src/render/elements.ts';
import { countByStatus, isDatasetTieShown, SHOW_ALL, type TieFilter } from '../../src/render/filter.ts';
import { formatPeriod, truncate } from '../../src/render/format.ts';
import { spanStart } from '../../src/render/time.ts';
import type { Selection } from '../actor-graph/selection.ts';
import { wordsFor } from '../shared/language.ts';
import { sharedStyles } from '../shared/styles.ts';

/** The sort key of an undated tie: it sorts after every dated one, whichever the direction. */
const UNDATED = '';

const COLUMNS = ['source', 'type', 'category', 'target', 'status', 'hedge', 'date', 'evidence'] as const;
type Column = (typeof COLUMNS)[number];

/** One tie as the table shows it, with the keys it sorts by. */
interface TieRow {
  readonly tie: Tie;
  readonly cells: Readonly<Record<Column, string>>;
  readonly keys: Readonly<Record<Column, string | number>>;
}

/**
 * The table of ties: the screen-reader twin of the graph. It shows the ties the filters let
 * through, sorts by any column, and moves between rows with the arrow keys. Choosing a row selects
 * its tie.
 *
 * @tagname ag-tie-table
 *
 * @csspart table - The table's box.
 * @fires ag-request-select - The reader chose a row; detail `{kind: 'tie', id}`.
 */
export class TieTable extends LitElement {
  static override properties = {
    data: { attribute: false },
    unverified: { attribute: false },
    filter: { attribute: false },
    selection: { attribute: false },
    lang: { type: String },
  };

  /** The dataset whose ties are listed. */
  declare data: Dataset | undefined;
  /** The sources whose text does not match its SHA-256: their quotes are marked unverified. */
  declare unverified: ReadonlySet<string>;
  /** The ties filtered out of the graph are left out of the table too. */
  declare filter: TieFilter;
  /** The selected actor (its rows are marked) or tie (its row is marked). */
  declare selection: Selection | null;
  private sortColumn: Column = 'source';
  private sortDescending = false;

  constructor() {
    super();
    this.filter = SHOW_ALL;
    this.unverified = new Set();
    this.selection = null;
  }

  static override styles = [
    sharedStyles,
    css`
      /* The table measures its own width: on a phone each tie becomes a card (below). */
      :host { display: block; container: tie-table / inline-size; }
      .table { padding: 0.5rem 0.7rem 0.8rem; }
      .scroll { overflow: auto; max-height: var(--ag-graph-height); }
      table { border-collapse: collapse; font-size: 0.85rem; width: 100%; }
      .summary { font-size: 0.85rem; color: var(--ag-color-muted); margin: 0 0 0.4rem; }
      th, td { text-align: start; vertical-align: top; padding: 0.3rem 0.45rem; border-bottom: 1px solid var(--ag-color-border); }
      thead th { position: sticky; top: 0; background: var(--ag-color-background); z-index: 1; white-space: nowrap; }
      /* The padding makes 24 px targets of lines of text (WCAG 2.5.8) without moving the lines. */
      th button { all: unset; cursor: pointer; font-weight: 600; padding-block: 3px; }
      th button:focus-visible, td button:focus-visible { outline: 2px solid var(--ag-color-focus); outline-offset: 2px; border-radius: 2px; }
      .arrow { color: var(--ag-color-muted); font-size: 0.75em; }
      td button { all: unset; cursor: pointer; color: var(--ag-color-link); text-decoration: underline; text-underline-offset: 2px; padding-block: 3px; }
      tr.selected { background: var(--ag-color-highlight); }
      tbody tr { cursor: pointer; }
      tr.involved { background: var(--ag-color-surface); }
      /* The source column stays in view when the table scrolls sideways on a narrow screen. */
      tbody td:first-child, thead th:first-child { position: sticky; left: 0; background: var(--ag-color-background); z-index: 1; }
      thead th:first-child { z-index: 2; }
      tr.involved td:first-child { background: var(--ag-color-surface); }
      tr.selected td:first-child { background: var(--ag-color-highlight); }
      tr.involved td:first-child, tr.selected td:first-child { box-shadow: inset 3px 0 0 var(--ag-color-focus); }
      tr.absent td { color: var(--ag-color-muted); }
      .cat { display: inline-flex; align-items: center; gap: 0.3rem; white-space: nowrap; }
      .line { width: 0.9rem; height: 0.25rem; border-radius: 2px; background: var(--cat-color); display: inline-block; }
      td.evidence { min-width: 16rem; }
      .more { color: var(--ag-color-muted); white-space: nowrap; }
      .unverified { font-weight: 600; color: var(--ag-color-muted); }
      /*
       * Too narrow for eight columns (the seed's need about 930 px): each tie becomes a card that reads
       * "China  Backing →  North Korea", then "Transaction  Present · Asserted · 2023", then the
       * quote, and the headings become a row of sort buttons. Nothing scrolls sideways.
       */
      @container tie-table (max-width: 58rem) {
        /* The cards run on in the page: a box of their own, scrolled inside the page, would take the
           reader's swipes, as a graph does. */
        .scroll { max-height: none; overflow: visible; }
        table, tbody, thead { display: block; }
        thead tr { display: flex; flex-wrap: wrap; gap: 0.15rem 0.9rem; padding-bottom: 0.35rem; border-bottom: 1px solid var(--ag-color-border); }
        thead th, thead th:first-child { display: block; position: static; border: 0; padding: 0.15rem 0; }
        tbody tr { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2rem 0.4rem; padding: 0.5rem 0.45rem; border-bottom: 1px solid var(--ag-color-border); }
        /* Ends the first line, after the target. */
        tbody tr::after { content: ''; flex-basis: 100%; order: 4; margin-top: -0.2rem; }
        tbody td, tbody td:first-child { display: block; position: static; padding: 0; border: 0; background: none; }
        tr.involved td:first-child, tr.selected td:first-child { box-shadow: none; }
        tr.involved, tr.selected { box-shadow: inset 3px 0 0 var(--ag-color-focus); }
        td.source { order: 1; font-weight: 600; }
        td.type { order: 2; }
        td.type::after { content: ' →' / ''; }
        td.target { order: 3; font-weight: 600; }
        td.category { order: 5; }
        td.status, td.hedge, td.date { font-size: 0.75rem; color: var(--ag-color-muted); }
        td.status { order: 6; }
        td.hedge { order: 7; }
        td.date { order: 8; }
        td.hedge::before, td.date::before { content: '·' / ''; margin-inline-end: 0.4rem; }
        td.evidence { order: 9; flex-basis: 100%; min-width: 0; }
      }
    `,
  ];

  override render(): TemplateResult | typeof nothing {
    const dataset = this.data;
    if (dataset === undefined) return nothing;
    const rows = this.sortedRows(dataset);
    const selection = this.selection;
    // One row button is a Tab stop (the selected tie's, or the first); arrow keys reach the rest.
    const tabStop = rows.some((row) => selection?.kind === 'tie' && row.tie.id === selection.id)
      ? selection?.id
      : rows[0]?.tie.id;
    const words = wordsFor(this, this.lang).table;
    const headings = words.headings;
    const shown = countByStatus(rows.map((row) => row.tie));
    const all = countByStatus(dataset.ties);
    const hidden = { present: all.present - shown.present, absent: all.absent - shown.absent };
    const summary = words.summary(shown, hidden, headings[this.sortColumn], this.sortDescending);
    return html`<div class="table" part="table">
      <p class="summary" aria-hidden="true">${summary}</p>
      <div class="scroll" role="region" aria-label=${words.region} tabindex="-1">
        <!-- Roles spelled out: the cards below set other displays, under which some browsers drop them. -->
        <table role="table">
          <caption class="visually-hidden">${summary}</caption>
          <thead role="rowgroup">
            <tr role="row">
              ${COLUMNS.map((column) => {
                const sorted = column === this.sortColumn;
                return html`<th role="columnheader" scope="col" aria-sort=${sorted ? (this.sortDescending ? 'descending' : 'ascending') : 'none'}>
                  <button @click=${() => this.sortBy(column)}>${headings[column]}
                    <span class="arrow" aria-hidden="true">${sorted ? (this.sortDescending ? '▼' : '▲') : '↕'}</span></button>
                </th>`;
              })}
            </tr>
          </thead>
          <tbody role="rowgroup" @keydown=${this.onKeydown}>
            ${rows.map((row) => {
              const tie = row.tie;
              const selected = selection?.kind === 'tie' && selection.id === tie.id;
              const involved = selection?.kind === 'actor' && (tie.source === selection.id || tie.target === selection.id);
              const category = dataset.tieTypes.find((type) => type.id === tie.type)?.category;
              return html`<tr role="row" class=${`${tie.status}${selected ? ' selected' : ''}${involved ? ' involved' : ''}`} aria-selected=${selected ? 'true' : 'false'}
                @click=${(event: MouseEvent) => this.onRowClick(event, tie.id)}>
                <td role="cell" class="source">${row.cells.source}</td>
                <td role="cell" class="type"><button class="pick" tabindex=${tie.id === tabStop ? '0' : '-1'} aria-current=${selected ? 'true' : 'false'}
                  @click=${() => this.choose(tie.id)}>${row.cells.type}</button></td>
                <td role="cell" class="category"><span class=${`cat cat-${category ?? 'none'}`}><span class="line" aria-hidden="true"></span>${row.cells.category}</span></td>
                <td role="cell" class="target">${row.cells.target}</td>
                <td role="cell" class="status">${row.cells.status}</td>
                <td role="cell" class="hedge">${row.cells.hedge}</td>
                <td role="cell" class="date">${row.cells.date}</td>
                <td role="cell" class="evidence">${
                  tie.evidence[0] !== undefined && this.unverified.has(tie.evidence[0].source)
                    ? html`<span class="unverified">${words.unverified}</span> `
                    : nothing
                }“${truncate(tie.evidence[0]?.exact ?? '', 160)}”${
                  tie.evidence.length > 1 ? html` <span class="more">${words.more(tie.evidence.length - 1)}</span>` : nothing
                }</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </div>`;
  }

  private rowsOf(dataset: Dataset): TieRow[] {
    const name = (id: string) => actorNameOf(dataset, id, this.lang || undefined);
    const words = wordsFor(this, this.lang);
    return dataset.ties
      .filter((tie) => isDatasetTieShown(dataset, tie, this.filter))
      .map((tie) => {
        const type = dataset.tieTypes.find((candidate) => candidate.id === tie.type);
        const category = type?.category;
        const date = formatPeriod(tie.period, words.date) ?? words.date.undated;
        const cells = {
          source: name(tie.source),
          type: type === undefined ? tie.type : tieTypeLabel(type, this.lang || undefined),
          category: category === undefined ? '' : words.category[category],
          target: name(tie.target),
          status: words.status[tie.status],
          hedge: words.hedge[tie.hedge],
          date,
          evidence: tie.evidence[0]?.exact ?? '',
        };
        const dateKey = tie.period?.from ?? tie.period?.to;
        return {
          tie,
          cells,
          keys: {
            ...cells,
            category: category === undefined ? 99 : TIE_CATEGORIES.indexOf(category),
            hedge: HEDGES.indexOf(tie.hedge),
            date: dateKey === undefined ? UNDATED : spanStart(dateKey),
            evidence: tie.evidence.length,
          },
        };
      });
  }

  private sortedRows(dataset: Dataset): TieRow[] {
    const column = this.sortColumn;
    const direction = this.sortDescending ? -1 : 1;
    const collator = new Intl.Collator(this.lang || undefined, { numeric: true, sensitivity: 'base' });
    return this.rowsOf(dataset).sort((a, b) => {
      const x = a.keys[column];
      const y = b.keys[column];
      if (column === 'date' && (x === UNDATED || y === UNDATED)) {
        if (x !== y) return x === UNDATED ? 1 : -1;
      }
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      // Ties in the sort column keep the dataset's order.
      return order === 0 ? dataset.ties.indexOf(a.tie) - dataset.ties.indexOf(b.tie) : order * direction;
    });
  }

  protected override updated(changed: Map<string, unknown>): void {
    // A selection made elsewhere (the graph, the panel, the search) brings its row, or an actor's
    // first row, into view.
    if (!changed.has('selection') || this.selection === null) return;
    const row = this.renderRoot.querySelector(this.selection.kind === 'tie' ? 'tr.selected' : 'tr.involved');
    if (row === null) return;
    // As cards the rows run on in the page, so the page itself would scroll, by thousands of
    // pixels: only for a reader working in the search or the table, not one reading the panel
    // below the list or the article.
    const scroll = this.renderRoot.querySelector('.scroll');
    const cards = scroll !== null && getComputedStyle(scroll).overflowY === 'visible';
    const active = (this.getRootNode() as Document | ShadowRoot).activeElement;
    if (cards && active !== this && active?.localName !== 'ag-graph-search') return;
    row.scrollIntoView({ block: 'nearest' });
  }

  private sortBy(column: Column): void {
    if (column === this.sortColumn) this.sortDescending = !this.sortDescending;
    else {
      this.sortColumn = column;
      this.sortDescending = false;
    }
    this.requestUpdate();
  }

  /** Arrow keys, Home and End move between the rows' buttons, as in a list. */
  private onKeydown(event: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.pick')];
    const current = buttons.indexOf(this.shadowRoot?.activeElement as HTMLButtonElement);
    if (current === -1) return;
    const next =
      event.key === 'ArrowDown'
        ? current + 1
        : event.key === 'ArrowUp'
          ? current - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
  }

  /**
   * A click anywhere on a row chooses its tie, as its type's link does for the keyboard; a click
   * that ends a selection of text (a quote being copied) chooses nothing.
   */
  private onRowClick(event: MouseEvent, id: string): void {
    // Chromium reports a selection inside a shadow root as collapsed on the document; its text is there.
    if ((event.target as Element).closest('button') !== null || String(getSelection() ?? '') !== '') return;
    // The press put focus on the scrolling region; the row's button takes it, as a click on it
    // would, so that the arrow keys go on from this row (before the selection, which the page may
    // answer by moving focus itself).
    (event.currentTarget as Element)
      .querySelector<HTMLElement>('.pick')
      ?.focus({ preventScroll: true, focusVisible: false } as FocusOptions);
    this.choose(id);
  }

  private choose(id: string): void {
    this.dispatchEvent(
      new CustomEvent<Selection>('ag-request-select', { detail: { kind: 'tie', id }, bubbles: true, composed: true }),
    );
  }
}
