/**
 * What the evidence panel says about the article around the widget (`text-target`): under each
 * quote, a button that scrolls the article to it, or a note that it is not on this page; and in
 * the overview, which quotes the page lacks.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../src/i18n/index.ts';
import type { Dataset, Evidence, Tie } from '../../src/model/schema.ts';
import { tieEnds } from '../../src/render/elements.ts';
import type { Selection } from '../actor-graph/selection.ts';

/** A quote of a tie. */
export interface TieQuote {
  readonly tie: Tie;
  readonly quote: Evidence;
}

/**
 * Which of a dataset's quotes the widget found in the page's text target. Quotes are the evidence
 * objects of the dataset the panel shows.
 */
export interface PageMatches {
  /** The quotes found in the page. */
  readonly found: ReadonlySet<Evidence>;
  /** The quotes not found, in the dataset's order, with their ties. */
  readonly missing: readonly TieQuote[];
}

/** `ag-show-in-article`: the reader asked to see a quote in the article (fired by the panel). */
export interface AgShowInArticleDetail {
  readonly quote: Evidence;
}

declare global {
  interface HTMLElementEventMap {
    'ag-show-in-article': CustomEvent<AgShowInArticleDetail>;
  }
}

export const pageMatchStyles = css`
  .page-match { margin: 0.3rem 0 0; font-size: 0.75rem; }
  .page-missing { font-size: 0.75rem; color: var(--ag-color-muted); }
  details.page-missing { margin: 0.6rem 0; }
  details.page-missing summary { cursor: pointer; }
  details.page-missing ul { margin: 0.4rem 0 0; padding-left: 1.1rem; display: grid; gap: 0.35rem; }
`;

/** The line under a quote: a button to see it in the article, or a note that it is not there. */
export function renderPageMatch(
  host: HTMLElement,
  matches: PageMatches | undefined,
  quote: Evidence,
  words: Messages['pageMatches'],
): TemplateResult | typeof nothing {
  if (matches === undefined) return nothing;
  if (!matches.found.has(quote)) return html`<p class="page-match page-missing">${words.notFound}</p>`;
  const show = () =>
    host.dispatchEvent(
      new CustomEvent<AgShowInArticleDetail>('ag-show-in-article', { detail: { quote }, bubbles: true, composed: true }),
    );
  return html`<p class="page-match"><button class="link" aria-label=${words.showInArticleLabel(quote.exact)}
    @click=${show}>${words.showInArticle}</button></p>`;
}

/** For the overview: how many quotes are marked in the article, and the list of those that are not. */
export function renderPageSummary(
  dataset: Dataset,
  matches: PageMatches | undefined,
  lang: string | undefined,
  choose: (selection: Selection) => void,
  words: Messages['pageMatches'],
): TemplateResult | typeof nothing {
  if (matches === undefined) return nothing;
  const count = matches.found.size + matches.missing.length;
  if (matches.missing.length === 0) return html`<p class="count">${words.allFound(count)}</p>`;
  return html`
    <p class="count">${words.someFound(matches.found.size, count)}</p>
    <details class="page-missing">
      <summary>${words.missingSummary(matches.missing.length)}</summary>
      <ul>
        ${matches.missing.map(
          ({ tie, quote }) => html`<li>“${quote.exact}” —
            <button class="link" @click=${() => choose({ kind: 'tie', id: tie.id })}>${tieEnds(dataset, tie, lang)}</button></li>`,
        )}
      </ul>
    </details>
  `;
}
