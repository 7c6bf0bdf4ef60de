import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { type ActorGroup, groupsOf } from '../../src/analysis/groups.ts';
import {
  type Centrality,
  categoryCentrality,
  type GroupCategoryMetrics,
  groupCategoryMetrics,
  type PairKey,
} from '../../src/analysis/metrics.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { HEDGES, type TieCategory } from '../../src/model/vocabulary.ts';
import { actorLabel, actorNameOf } from '../../src/render/elements.ts';
import { plural } from '../../src/render/format.ts';
import { CATEGORY_LABELS } from '../shared/labels.ts';
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

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

/**
 * The comparison table: for each group of actors the dataset defines, the measures of two tie
 * categories side by side. Every figure explains itself on hover or focus: what it counts, and
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
      table { border-collapse: collapse; font-size: 0.82rem; min-width: 100%; }
      .title { font-weight: 600; margin: 0 0 0.4rem; font-size: 0.9rem; }
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
      button.figure { all: unset; cursor: help; padding: 0.1rem 0.3rem; border-radius: 4px; font-variant-numeric: tabular-nums; }
      button.figure:hover { background: var(--ag-color-surface); }
      button.figure:focus-visible { outline: 2px solid var(--ag-color-focus); }
      .explain { min-height: 2.6em; margin: 0.5rem 0 0; font-size: 0.82rem; color: var(--ag-color-text); }
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
    return html`<div class="metrics" part="metrics">
      <h3 class="title" aria-hidden="true">How ${CATEGORY_LABELS[first].toLowerCase()} and ${CATEGORY_LABELS[second].toLowerCase()} ties compare within each group</h3>
      <div class="scroll" role="region" aria-label="Measures by group" tabindex="0">
        <table>
          <caption class="visually-hidden">How ${CATEGORY_LABELS[first].toLowerCase()} and ${CATEGORY_LABELS[second].toLowerCase()} ties compare within each group</caption>
          <thead>
            <tr>
              <td></td>
              ${groups.map((group) => html`<th scope="colgroup" colspan="2">${this.groupName(dataset, group)}</th>`)}
            </tr>
            <tr>
              <th scope="col">Measure</th>
              ${groups.map(() =>
                categories.map(
                  (category) =>
                    html`<th scope="col"><span class=${`cat cat-${category}`}><span class="line" aria-hidden="true"></span>${CATEGORY_LABELS[category]}</span></th>`,
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
                      @mouseenter=${() => this.explain(figure)} @focus=${() => this.explain(figure)}>${figure.value}</button></td>`;
                  }),
                )}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="explain" id="explain" aria-live="polite">${this.explained || html`<span class="hint">Hover over or focus a figure to see what it counts and which ties are behind it.</span>`}</p>
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
      return `${type?.label ?? found.type} (${name(found.source)} ${type?.directed === false ? '—' : '→'} ${name(found.target)})`;
    };
    const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);
    const list = (items: readonly string[]) => (items.length === 0 ? '' : `: ${items.join('; ')}`);
    const cat = (m: GroupCategoryMetrics) => CATEGORY_LABELS[m.category].toLowerCase();
    const members = (group: ActorGroup) => group.members;
    return [
      {
        measure: 'Ties',
        figure: (m, g) => ({
          value: String(m.ties.length),
          explanation: `${plural(m.ties.length, `present ${cat(m)} tie`)} between members of ${g.name}${list(m.ties.map(tie))}.`,
        }),
      },
      {
        measure: 'Density',
        figure: (m, g) => ({
          value: percent(m.density.value),
          explanation: `${m.density.linkedPairs.length} of ${plural(m.density.possiblePairs, 'pair')} of members of ${g.name} ${m.density.linkedPairs.length === 1 ? 'is' : 'are'} linked by a ${cat(m)} tie${list(m.density.linkedPairs.map(pair))}.`,
        }),
      },
      {
        measure: 'Reciprocity',
        figure: (m) => ({
          value: percent(m.reciprocity.value),
          explanation:
            m.reciprocity.directed.length === 0
              ? m.ties.length === 0
                ? `No ${cat(m)} tie between members, so nothing to reciprocate.`
                : `The ${plural(m.ties.length, `${cat(m)} tie`)} between members ${m.ties.length === 1 ? 'is' : 'are'} mutual by type (undirected); reciprocity counts directed ties only.`
              : `${m.reciprocity.reciprocated.length} of ${plural(m.reciprocity.directed.length, `directed ${cat(m)} tie`)} between members ${m.reciprocity.reciprocated.length === 1 ? 'is' : 'are'} answered by ${article(cat(m))} tie in the other direction${list(m.reciprocity.reciprocated.map(tie))}.`,
        }),
      },
      {
        measure: 'Closure',
        figure: (m, g) => {
          const total = m.closure.linked.length + m.closure.unlinked.length;
          if (g.members.length < 3) {
            return {
              value: '—',
              explanation: `Closure asks how many of a group's three or more pairs are linked; ${g.name} has only two members.`,
            };
          }
          return {
            value: `${m.closure.linked.length}/${total}${m.closure.closed ? ' ✓' : ''}`,
            explanation: m.closure.closed
              ? `All ${total} pairs of ${g.name} are linked by ${cat(m)} ties: the group closes.`
              : `${m.closure.linked.length} of ${total} pairs of ${g.name} are linked by ${cat(m)} ties. Not linked: ${m.closure.unlinked.map(pair).join('; ')}.`,
          };
        },
      },
      {
        measure: 'Quotes',
        figure: (m) => ({
          value: String(m.quotes),
          explanation: `${plural(m.quotes, 'evidence quote')} behind the present ${cat(m)} ties between members${list(
            m.ties.map((id) => `${tie(id)}, ${plural(dataset.ties.find((t) => t.id === id)?.evidence.length ?? 0, 'quote')}`),
          )}.`,
        }),
      },
      {
        measure: 'Hedges',
        figure: (m) => {
          const used = HEDGES.filter((hedge) => m.hedges[hedge] > 0);
          return {
            value: used.length === 0 ? '—' : used.map((hedge) => `${m.hedges[hedge]} ${hedge}`).join(', '),
            explanation:
              used.length === 0
                ? `No present ${cat(m)} tie between members.`
                : `How firmly the text words the ${cat(m)} ties between members: ${used.map((hedge) => `${m.hedges[hedge]} ${hedge}`).join(', ')}${list(
                    m.ties.map((id) => `${tie(id)} ${dataset.ties.find((t) => t.id === id)?.hedge ?? ''}`),
                  )}.`,
          };
        },
      },
      {
        measure: 'Absent ties',
        figure: (m, g) => ({
          value: String(m.absent.length),
          explanation:
            m.absent.length === 0
              ? `The text denies no ${cat(m)} tie between members of ${g.name}.`
              : `${plural(m.absent.length, `${cat(m)} tie`)} between members of ${g.name} that the text says do NOT exist${list(m.absent.map(tie))}.`,
        }),
      },
      {
        measure: 'Degree',
        figure: (m, g, c) => ({
          value: members(g)
            .map((id) => `${id}\u00a0${c.degree.get(id) ?? 0}`)
            .join(' · '),
          explanation: `How many actors each member is linked to by present ${cat(m)} ties, in the whole dataset: ${members(g)
            .map((id) => {
              const linked = [...(c.neighbours.get(id) ?? [])].map(name);
              return `${name(id)} ${linked.length}${linked.length === 0 ? '' : ` (${linked.join(', ')})`}`;
            })
            .join('; ')}.`,
        }),
      },
      {
        measure: 'Betweenness',
        figure: (m, g, c) => ({
          value: members(g)
            .map((id) => `${id}\u00a0${(c.betweenness.get(id) ?? 0).toFixed(3)}`)
            .join(' · '),
          explanation: `The share of shortest paths between other actors, in the network of present ${cat(m)} ties, that pass through each member: ${members(
            g,
          )
            .map((id) => `${name(id)} ${(c.betweenness.get(id) ?? 0).toFixed(3)}`)
            .join(', ')}.`,
        }),
      },
    ];
  }
}
