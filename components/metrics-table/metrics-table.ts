import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { type ActorGroup, groupsOf } from '../../src/analysis/groups.ts';
import {
  type Centrality,
  categoryCentrality,
  formatBetweenness,
  formatShare,
  type GroupCategoryMetrics,
  groupCategoryMetrics,
  type PairKey,
} from '../../src/analysis/metrics.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { HEDGES, type TieCategory } from '../../src/model/vocabulary.ts';
import { actorLabel, actorNameOf, tieEnds, tieTypeLabel } from '../../src/render/elements.ts';
import { wordsFor } from '../shared/language.ts';
import { sharedStyles } from '../shared/styles.ts';

/** One figure of the table: what it shows in its cell, and the sentence that explains it. */
interface Figure {
  readonly value: string;
  readonly explanation: string;
}

interface Row {
  readonly measure: string;
  readonly figure: (metrics: GroupCategoryMetrics, group: ActorGroup, centrality: Centrality) => Figure;
}

/** A name whose words stay on one line: a list of members breaks between them, not inside one. */
const unbroken = (name: string) => name.replace(/ /g, '\u00a0');

/**
 * The comparison table: for each group of actors the dataset defines, the measures of two tie
 * categories side by side. Every figure explains itself on hover, tap or focus: what it counts, and
 * which ties or pairs lie behind it.
 *
 * @tagname ag-metrics-table
 *
 * @csspart metrics - The table's box.
 */
export class MetricsTable extends LitElement {
  static override properties = {
    data: { attribute: false },
    categories: { attribute: false },
    lang: { type: String },
  };

  /** The dataset measured. */
  declare data: Dataset | undefined;
  /** The two categories compared. */
  declare categories: readonly [TieCategory, TieCategory];
  /** The explanation of the figure last hovered or focused. */
  private explained = '';

  constructor() {
    super();
    this.categories = ['alliance', 'transaction'];
  }

  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      .metrics { padding: 0.6rem 0.7rem 0.8rem; }
      .scroll { overflow-x: auto; }
      table { border-collapse: collapse; font-size: 0.85rem; min-width: 100%; }
      .title { font-weight: 600; margin: 0 0 0.4rem; font-size: 1rem; }
      th, td { border-bottom: 1px solid var(--ag-color-border); padding: 0.2rem 0.45rem; text-align: center; white-space: nowrap; }
      th[scope='row'] { text-align: start; font-weight: 500; }
      /* The measure names stay in view while the figures scroll sideways on narrow screens. */
      th[scope='row'], thead td, thead tr:last-child th:first-child {
        position: sticky; left: 0; z-index: 1; background: var(--ag-color-background);
      }
      td { white-space: normal; min-width: 5.5rem; }
      thead th { font-weight: 600; }
      thead tr:first-child th { border-bottom: 0; }
      .cat { display: inline-flex; align-items: center; gap: 0.3rem; }
      .line { width: 1rem; height: 0.25rem; border-radius: 2px; background: var(--cat-color); display: inline-block; }
      button.figure { all: unset; cursor: help; display: inline-block; box-sizing: border-box; min-width: 24px; min-height: 24px; padding: 0.15rem 0.3rem; text-align: center; border-radius: 4px; font-variant-numeric: tabular-nums; }
      button.figure:hover { background: var(--ag-color-surface); }
      button.figure:focus-visible { outline: 2px solid var(--ag-color-focus); }
      .explain { min-height: 2.6em; margin: 0.5rem 0 0; font-size: 0.85rem; color: var(--ag-color-text); }
      .hint { color: var(--ag-color-muted); }
    `,
  ];

  override render(): TemplateResult | typeof nothing {
    const dataset = this.data;
    if (dataset === undefined) return nothing;
    const groups = groupsOf(dataset);
    if (groups.length === 0) return nothing;
    const [first, second] = this.categories;
    const categories = [first, second];
    const centrality = new Map(categories.map((category) => [category, categoryCentrality(dataset, category)]));
    const metrics = new Map(
      groups.flatMap((group) =>
        categories.map((category) => [`${group.id}\u0000${category}`, groupCategoryMetrics(dataset, group, category)] as const),
      ),
    );
    const rows = this.rows(dataset);
    const words = wordsFor(this, this.lang);
    const title = words.metrics.title(words.categoryInText[first], words.categoryInText[second]);
    return html`<div class="metrics" part="metrics">
      <h3 class="title" aria-hidden="true">${title}</h3>
      <div class="scroll" role="region" aria-label=${words.metrics.region} tabindex="0">
        <table>
          <caption class="visually-hidden">${title}</caption>
          <thead>
            <tr>
              <td></td>
              ${groups.map((group) => html`<th scope="colgroup" colspan="2">${this.groupName(dataset, group)}</th>`)}
            </tr>
            <tr>
              <th scope="col">${words.metrics.measure}</th>
              ${groups.map(() =>
                categories.map(
                  (category) =>
                    html`<th scope="col"><span class=${`cat cat-${category}`}><span class="line" aria-hidden="true"></span>${words.category[category]}</span></th>`,
                ),
              )}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) => html`<tr>
                <th scope="row">${row.measure}</th>
                ${groups.map((group) =>
                  categories.map((category) => {
                    const figure = row.figure(
                      metrics.get(`${group.id}\u0000${category}`) as GroupCategoryMetrics,
                      group,
                      centrality.get(category) as Centrality,
                    );
                    return html`<td><button class="figure" title=${figure.explanation} aria-describedby="explain"
                      @mouseenter=${() => this.explain(figure)} @focus=${() => this.explain(figure)} @click=${() => this.explain(figure)}>${figure.value}</button></td>`;
                  }),
                )}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="explain" id="explain" aria-live="polite">${this.explained || html`<span class="hint">${words.metrics.hint}</span>`}</p>
    </div>`;
  }

  private explain(figure: Figure): void {
    this.explained = figure.explanation;
    this.requestUpdate();
  }

  private groupName(dataset: Dataset, group: ActorGroup): string {
    const bloc = dataset.actors.find((actor) => actor.id === group.id);
    return bloc === undefined ? group.name : actorLabel(bloc, this.lang || undefined);
  }

  private rows(dataset: Dataset): Row[] {
    const name = (id: string) => actorNameOf(dataset, id, this.lang || undefined);
    const pair = (key: PairKey) => key.split('|').map(name).join(' — ');
    const tie = (id: string) => {
      const found = dataset.ties.find((candidate) => candidate.id === id);
      if (found === undefined) return id;
      const type = dataset.tieTypes.find((candidate) => candidate.id === found.type);
      return `${type === undefined ? found.type : tieTypeLabel(type, this.lang || undefined)} (${tieEnds(dataset, found, this.lang || undefined)})`;
    };
    const words = wordsFor(this, this.lang);
    const w = words.metrics;
    const cat = (m: GroupCategoryMetrics) => words.categoryInText[m.category];
    const members = (g: ActorGroup) => g.members;
    const group = (g: ActorGroup) => this.groupName(dataset, g);
    const hedgeCounts = (m: GroupCategoryMetrics) =>
      HEDGES.filter((hedge) => m.hedges[hedge] > 0)
        .map((hedge) => w.hedgeCount(m.hedges[hedge], words.hedge[hedge]))
        .join(', ');
    const tieOf = (id: string) => dataset.ties.find((t) => t.id === id);
    return [
      {
        measure: w.names.ties,
        figure: (m, g) => ({
          value: String(m.ties.length),
          explanation: w.ties(m.ties.length, cat(m), group(g), m.ties.map(tie)),
        }),
      },
      {
        measure: w.names.density,
        figure: (m, g) => ({
          value: formatShare(m.density.value),
          explanation: w.density(
            m.density.linkedPairs.length,
            m.density.possiblePairs,
            cat(m),
            group(g),
            m.density.linkedPairs.map(pair),
          ),
        }),
      },
      {
        measure: w.names.reciprocity,
        figure: (m) => ({
          value: formatShare(m.reciprocity.value),
          explanation:
            m.reciprocity.directed.length === 0
              ? m.ties.length === 0
                ? w.reciprocityNone(cat(m))
                : w.reciprocityUndirected(m.ties.length, cat(m))
              : w.reciprocity(
                  m.reciprocity.reciprocated.length,
                  m.reciprocity.directed.length,
                  cat(m),
                  m.reciprocity.reciprocated.map(tie),
                ),
        }),
      },
      {
        measure: w.names.closure,
        figure: (m, g) => {
          const total = m.closure.linked.length + m.closure.unlinked.length;
          if (g.members.length < 3) return { value: '—', explanation: w.closureSmall(group(g)) };
          return {
            value: `${m.closure.linked.length}/${total}${m.closure.closed ? ' ✓' : ''}`,
            explanation: m.closure.closed
              ? w.closureClosed(total, cat(m), group(g))
              : w.closure(m.closure.linked.length, total, cat(m), group(g), m.closure.unlinked.map(pair)),
          };
        },
      },
      {
        measure: w.names.quotes,
        figure: (m) => ({
          value: String(m.quotes),
          explanation: w.quotes(
            m.quotes,
            cat(m),
            m.ties.map((id) => w.tieQuotes(tie(id), tieOf(id)?.evidence.length ?? 0)),
          ),
        }),
      },
      {
        measure: w.names.hedges,
        figure: (m) => {
          const counts = hedgeCounts(m);
          return {
            value: counts === '' ? '—' : counts,
            explanation:
              counts === ''
                ? w.hedgesNone(cat(m))
                : w.hedges(
                    cat(m),
                    counts,
                    m.ties.map((id) => {
                      const hedge = tieOf(id)?.hedge;
                      return `${tie(id)} ${hedge === undefined ? '' : words.hedge[hedge]}`;
                    }),
                  ),
          };
        },
      },
      {
        measure: w.names.absent,
        figure: (m, g) => ({
          value: String(m.absent.length),
          explanation:
            m.absent.length === 0
              ? w.absentNone(cat(m), group(g))
              : w.absent(m.absent.length, cat(m), group(g), m.absent.map(tie)),
        }),
      },
      {
        measure: w.names.degree,
        figure: (m, g, c) => ({
          value: members(g)
            .map((id) => `${unbroken(name(id))}\u00a0${c.degree.get(id) ?? 0}`)
            .join('\u00a0· '),
          explanation: w.degree(
            cat(m),
            members(g)
              .map((id) => {
                const linked = [...(c.neighbours.get(id) ?? [])].map(name);
                return `${name(id)} ${linked.length}${linked.length === 0 ? '' : ` (${linked.join(', ')})`}`;
              })
              .join('; '),
          ),
        }),
      },
      {
        measure: w.names.betweenness,
        figure: (m, g, c) => ({
          value: members(g)
            .map((id) => `${unbroken(name(id))}\u00a0${formatBetweenness(c.betweenness.get(id) ?? 0)}`)
            .join('\u00a0· '),
          explanation: w.betweenness(
            cat(m),
            c.pairsOfOthers,
            members(g)
              .map((id) => `${name(id)} ${formatBetweenness(c.betweenness.get(id) ?? 0)}`)
              .join(', '),
          ),
        }),
      },
    ];
  }
}
