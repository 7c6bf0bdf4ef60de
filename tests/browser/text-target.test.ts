/**
 * `text-target`: the quotes marked in an article of the page, scrolling to a selected tie's quote,
 * clicks on marked passages, quotes the page lacks, and nothing left behind.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import type { AgSelectDetail } from '../../components/actor-graph/events.ts';
import { foldPageText } from '../../src/evidence/find-in-page-text.ts';
import { inside, mount, mountGraph, nextEvent, panelText, SEED_URL, unmountAll } from './helpers.ts';

interface Quote {
  readonly exact: string;
  readonly start: number;
  readonly end: number;
}
interface SeedTie {
  readonly id: string;
  readonly status: 'present' | 'absent';
  readonly evidence: readonly Quote[];
}

let text = '';
let ties: SeedTie[] = [];
/** Two paragraphs of the source: [start, end) offsets of each in the source text. */
const PARAGRAPHS: [number, number][] = [];

beforeAll(async () => {
  text = await (await fetch('/graph-data/sources/easley-2024-axis-of-transactionalism.txt')).text();
  ties = (await (await fetch(SEED_URL)).json()).ties;
  for (const opening of ['As North Korea (DPRK) has emerged', 'It is likely that North Korea is waiting']) {
    const start = text.indexOf(opening);
    PARAGRAPHS.push([start, text.indexOf('\n', start)]);
  }
});

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.scrollTo(0, 0);
});

/** The passages (distinct offsets) of the present ties' quotes that lie in the given paragraphs. */
function expectedPassages(paragraphs: readonly [number, number][]): Set<string> {
  const passages = new Set<string>();
  for (const tie of ties.filter((candidate) => candidate.status === 'present')) {
    for (const quote of tie.evidence) {
      if (paragraphs.some(([start, end]) => quote.start >= start && quote.end <= end))
        passages.add(`${quote.start}:${quote.end}`);
    }
  }
  return passages;
}

/** How many quotes of the dataset lie in the given paragraphs. */
function quotesIn(paragraphs: readonly [number, number][]): number {
  return ties.flatMap((tie) => tie.evidence).filter((quote) => paragraphs.some(([s, e]) => quote.start >= s && quote.end <= e))
    .length;
}

/**
 * A paragraph of the source as a page would set it: `which` 0 with straight apostrophes, lines
 * broken and a soft hyphen in a word; `which` 1 with no-break spaces and an <em> inside a quote.
 */
function paragraph(which: number): HTMLParagraphElement {
  const [start, end] = PARAGRAPHS[which] as [number, number];
  const source = text.slice(start, end);
  const p = document.createElement('p');
  if (which === 0) {
    p.append(
      source
        .replaceAll('\u2019', "'")
        .replace(/(\S+ \S+ \S+ \S+ \S+ \S+ \S+) /g, '$1\n      ')
        .replace('ammunition', 'ammu\u00adnition'),
    );
  } else {
    const [before, after] = source.replace(/ (\w{1,3}) /g, ' $1\u00a0').split('axis of transactionalism') as [string, string];
    const em = document.createElement('em');
    em.textContent = 'axis of transactionalism';
    p.append(before, em, after);
  }
  return p;
}

/** Mounts an article with the given paragraphs, and a spacer of `gap` pixels after it. */
function mountArticle(which: readonly number[], gap = 0): HTMLElement {
  const box = mount(`<article id="tt-article"><h2>An axis of convenience</h2></article><div style="height: ${gap}px"></div>`);
  const article = box.querySelector('article') as HTMLElement;
  for (const index of which) article.append(paragraph(index));
  return article;
}

const highlightRanges = (name: string): Range[] => [...((CSS.highlights.get(name) as Iterable<Range> | undefined) ?? [])];

/** Mounts the seed graph with `text-target="#tt-article"` and waits until its quotes are marked. */
async function mountLinkedGraph(extra = ''): Promise<ActorGraph> {
  const graph = await mountGraph(`src="${SEED_URL}" text-target="#tt-article" ${extra}`);
  await vi.waitFor(() => expect(inside(graph, 'ag-evidence-panel')).toHaveProperty('pageMatches.found'), { timeout: 5000 });
  return graph;
}

/** The marked range of a passage, by its source offsets. */
function rangeOf(quote: Quote): Range {
  const wanted = foldPageText(quote.exact).trim();
  const range = highlightRanges('ag-evidence').find((candidate) => foldPageText(candidate.toString()) === wanted);
  if (range === undefined) throw new Error(`no marked range for "${quote.exact.slice(0, 40)}…"`);
  return range;
}

const quoteOf = (tieId: string, index = 0): Quote => ties.find((tie) => tie.id === tieId)?.evidence[index] as Quote;

const inViewport = (rect: DOMRect) => rect.top >= 0 && rect.bottom <= window.innerHeight;

describe('text-target: marking the quotes', () => {
  it('marks each passage of the article once, across changed white space, quote marks and elements, without changing the page', async () => {
    const article = mountArticle([0, 1]);
    const before = article.innerHTML;
    const head = document.head.innerHTML;
    const graph = await mountLinkedGraph();
    const expected = expectedPassages(PARAGRAPHS);
    expect(expected.size).toBe(10);
    await vi.waitFor(() => expect(highlightRanges('ag-evidence')).toHaveLength(expected.size));
    // Every range covers the words of a quote, as the page writes them.
    const quotes = new Set(ties.flatMap((tie) => tie.evidence).map((quote) => foldPageText(quote.exact).trim()));
    for (const range of highlightRanges('ag-evidence')) expect(quotes.has(foldPageText(range.toString()))).toBe(true);
    // The quote whose words straddle the <em> is marked across it.
    const straddling = rangeOf(quoteOf('prk-rus-transactional-cooperation', 2));
    expect(straddling.startContainer).not.toBe(straddling.endContainer);
    // Nothing selected, nothing marked as selected.
    expect(CSS.highlights.has('ag-evidence-selected')).toBe(false);
    // The default look is a constructed stylesheet of the document, not an element.
    const sheets = document.adoptedStyleSheets.filter((sheet) =>
      [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(ag-evidence)')),
    );
    expect(sheets).toHaveLength(1);
    graph.select('prk-chn-economic-dependence');
    await graph.updateComplete;
    expect(highlightRanges('ag-evidence-selected').map((range) => foldPageText(range.toString()))).toHaveLength(2);
    expect(article.innerHTML).toBe(before);
    expect(document.head.innerHTML).toBe(head);
  });

  it('marks the quotes of the selected actor’s ties, and only the ties the filter shows', async () => {
    mountArticle([0, 1]);
    const graph = await mountLinkedGraph();
    graph.select('RUS');
    await graph.updateComplete;
    // North Korea–Russia ties in these paragraphs: arms for food (2 passages), diplomatic cover,
    // leverage, transactional cooperation.
    expect(highlightRanges('ag-evidence-selected')).toHaveLength(5);
    graph.filter = 'alliance';
    await graph.updateComplete;
    expect(CSS.highlights.has('ag-evidence')).toBe(false);
  });

  it('looks again when the article changes, and when it is given later', async () => {
    const article = mountArticle([0]);
    const graph = await mountLinkedGraph();
    await vi.waitFor(() =>
      expect(highlightRanges('ag-evidence')).toHaveLength(expectedPassages([PARAGRAPHS[0] as [number, number]]).size),
    );
    article.append(paragraph(1));
    await vi.waitFor(() => expect(highlightRanges('ag-evidence')).toHaveLength(10), { timeout: 3000 });
    expect(await panelText(graph)).toContain(`${108 - quotesIn(PARAGRAPHS)} quotes not found on this page`);
  });

  it('shares the highlight names between widgets: each adds and removes only its own passages', async () => {
    mountArticle([0, 1]);
    await mountLinkedGraph();
    const second = await mountLinkedGraph();
    await vi.waitFor(() => expect(highlightRanges('ag-evidence')).toHaveLength(20));
    second.remove();
    expect(highlightRanges('ag-evidence')).toHaveLength(10);
  });
});

describe('text-target: selecting and clicking', () => {
  it('scrolls the article to the selected tie’s first quote, without taking focus, and not when it is already in view', async () => {
    mountArticle([0, 1], 2500);
    const graph = await mountLinkedGraph();
    const quote = rangeOf(quoteOf('prk-rus-arms-for-food'));
    expect(inViewport(quote.getBoundingClientRect())).toBe(false);
    const focused = document.activeElement;
    graph.select('prk-rus-arms-for-food');
    await vi.waitFor(() => expect(inViewport(quote.getBoundingClientRect())).toBe(true), { timeout: 5000 });
    expect(document.activeElement).toBe(focused);
    // Settled: the next quote is in view too, so nothing moves.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const next = rangeOf(quoteOf('rus-prk-diplomatic-cover'));
    expect(inViewport(next.getBoundingClientRect())).toBe(true);
    const scrollY = window.scrollY;
    graph.select('rus-prk-diplomatic-cover');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(window.scrollY).toBe(scrollY);
  });

  it('selects the tie of a clicked passage, the smallest passage first, and the next tie on the next click', async () => {
    const article = mountArticle([0, 1]);
    const graph = await mountLinkedGraph();
    // "This allows the Kim regime to hedge its heavy reliance on China" is a quote of its own and
    // the start of a longer one.
    const inner = rangeOf(quoteOf('prk-chn-economic-dependence', 1));
    inner.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = inner.getClientRects()[0] as DOMRect;
    const box = article.getBoundingClientRect();
    const position = { x: rect.left + 10 - box.left, y: rect.top + rect.height / 2 - box.top };
    const chosen: AgSelectDetail[] = [];
    graph.addEventListener('ag-select', (event) => chosen.push(event.detail));
    // A new position object each time: userEvent rescales the one it is given, in place.
    for (let i = 0; i < 3; i++) await userEvent.click(article, { position: { ...position } });
    expect(chosen).toEqual([
      { kind: 'tie', id: 'prk-chn-economic-dependence' },
      { kind: 'tie', id: 'prk-rus-leverage' },
      { kind: 'tie', id: 'prk-chn-economic-dependence' },
    ]);
    expect(graph.selected).toBe('prk-chn-economic-dependence');
    // Text outside every quote selects nothing.
    const plain = article.querySelector('h2')?.getBoundingClientRect() as DOMRect;
    await userEvent.click(article, { position: { x: plain.left + 5 - box.left, y: plain.top + 5 - box.top } });
    expect(chosen).toHaveLength(3);
  });

  it('says at the foot of the screen when a clicked passage selects a tie in a graph out of sight, and goes there', async () => {
    const article = mountArticle([0, 1], 2500);
    const graph = await mountLinkedGraph();
    const inner = rangeOf(quoteOf('prk-chn-economic-dependence', 1));
    inner.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = inner.getClientRects()[0] as DOMRect;
    const box = article.getBoundingClientRect();
    expect(inside(graph, '.frame').getBoundingClientRect().top).toBeGreaterThan(window.innerHeight);
    await userEvent.click(article, { position: { x: rect.left + 10 - box.left, y: rect.top + rect.height / 2 - box.top } });
    await graph.updateComplete;
    const offer = inside(graph, '.from-article');
    expect(offer.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Selected in the graph: North Korea → China: Economic dependence Show in the graph ↓',
    );
    const offered = offer.getBoundingClientRect();
    expect(offered.bottom).toBeLessThanOrEqual(window.innerHeight);
    expect(offered.top).toBeGreaterThan(0);
    await userEvent.click(offer.querySelector('button') as HTMLButtonElement);
    await vi.waitFor(() => expect(inViewport(inside(graph, '.frame').getBoundingClientRect())).toBe(true));
    expect(graph.shadowRoot?.activeElement).toBe(inside(graph, '.graph'));
    expect(graph.shadowRoot?.querySelector('.from-article')).toBeNull();
    // Scrolled to by hand, the graph takes the note away too.
    inner.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    await userEvent.click(article, { position: { x: rect.left + 10 - box.left, y: rect.top + rect.height / 2 - box.top } });
    await graph.updateComplete;
    expect(graph.shadowRoot?.querySelector('.from-article')).not.toBeNull();
    inside(graph, '.frame').scrollIntoView({ block: 'center' });
    await vi.waitFor(() => expect(graph.shadowRoot?.querySelector('.from-article')).toBeNull());
    // So does another view: the note spoke of the one it was shown over.
    inner.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    await userEvent.click(article, { position: { x: rect.left + 10 - box.left, y: rect.top + rect.height / 2 - box.top } });
    await graph.updateComplete;
    expect(graph.shadowRoot?.querySelector('.from-article')).not.toBeNull();
    graph.view = 'table';
    await graph.updateComplete;
    expect(graph.shadowRoot?.querySelector('.from-article')).toBeNull();
  });

  it('leaves a click alone when it ends a text selection, or lands inside the widget', async () => {
    const article = mountArticle([0, 1]);
    const graph = await mountLinkedGraph();
    const range = rangeOf(quoteOf('prk-usa-leverage'));
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0] as DOMRect;
    const chosen: AgSelectDetail[] = [];
    document.addEventListener('ag-select', (event) => chosen.push((event as CustomEvent<AgSelectDetail>).detail));
    document.getSelection()?.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
    const at = { clientX: rect.left + 5, clientY: rect.top + rect.height / 2, bubbles: true, button: 0 };
    range.startContainer.parentElement?.dispatchEvent(new MouseEvent('click', at));
    expect(chosen).toEqual([]);
    document.getSelection()?.removeAllRanges();
    // The widget may sit inside the article: clicks inside it are its own.
    article.append(graph);
    await vi.waitFor(() => expect(highlightRanges('ag-evidence')).toHaveLength(10));
    inside(graph, '.graph').dispatchEvent(new MouseEvent('click', { ...at, composed: true }));
    expect(chosen).toEqual([]);
  });

  it('says which quotes are not on the page, and offers to show the others in the article', async () => {
    mountArticle([0, 1], 2500);
    const graph = await mountLinkedGraph();
    const missing = 108 - quotesIn(PARAGRAPHS);
    expect(await panelText(graph)).toContain(`${quotesIn(PARAGRAPHS)} of 108 quotes are marked in the article.`);
    expect(await panelText(graph)).toContain(`${missing} quotes not found on this page`);
    // A tie whose only quote is elsewhere in the commentary.
    graph.select('prk-kor-hostility');
    await graph.updateComplete;
    expect(await panelText(graph)).toContain('Not found on this page');
    // A tie whose quotes are in the article: the reader can go to them.
    graph.select('prk-usa-leverage');
    await graph.updateComplete;
    const range = rangeOf(quoteOf('prk-usa-leverage'));
    window.scrollTo(0, document.documentElement.scrollHeight);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(inViewport(range.getBoundingClientRect())).toBe(false);
    const panel = inside(graph, 'ag-evidence-panel');
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const button = panel.shadowRoot?.querySelector('.page-match button') as HTMLButtonElement;
    expect(button.textContent).toBe('Show in article');
    button.click();
    await vi.waitFor(() => expect(inViewport(range.getBoundingClientRect())).toBe(true), { timeout: 5000 });
    expect(await panelText(graph)).not.toContain('Not found on this page');
  });
});

describe('text-target: failures and cleanup', () => {
  it('warns about a selector that is not valid or matches nothing, and draws as usual', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bad = await mountGraph(`src="${SEED_URL}" text-target="##article"`);
    const none = await mountGraph(`src="${SEED_URL}" text-target="#no-such-article"`);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2));
    expect(String(warn.mock.calls[0]?.[0])).toContain('"##article" is not a valid CSS selector');
    expect(String(warn.mock.calls[1]?.[0])).toContain('"#no-such-article" matches no element');
    expect(bad.cy?.nodes()).toHaveLength(19);
    expect(none.cy?.nodes()).toHaveLength(19);
    expect(await panelText(none)).not.toContain('not found on this page');
  });

  it('removes its highlights, its stylesheet, its listeners and its observer when the widget is removed', async () => {
    const sheets = document.adoptedStyleSheets.length;
    const article = mountArticle([0, 1]);
    const graph = await mountLinkedGraph();
    expect(document.adoptedStyleSheets).toHaveLength(sheets + 1);
    const range = rangeOf(quoteOf('prk-usa-leverage'));
    graph.remove();
    expect(CSS.highlights.has('ag-evidence')).toBe(false);
    expect(document.adoptedStyleSheets).toHaveLength(sheets);
    const chosen: unknown[] = [];
    document.addEventListener('ag-select', (event) => chosen.push(event));
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0] as DOMRect;
    const box = article.getBoundingClientRect();
    await userEvent.click(article, { position: { x: rect.left + 5 - box.left, y: rect.top + 4 - box.top } });
    article.append(paragraph(0));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(chosen).toEqual([]);
    expect(CSS.highlights.has('ag-evidence')).toBe(false);
  });

  it('marks nothing for a widget removed while the code that marks the article loads', async () => {
    mountArticle([0, 1]);
    const graph = await mountGraph(`src="${SEED_URL}"`);
    // Its code loads only now, in a task after the widget is gone.
    graph.textTarget = '#tt-article';
    graph.remove();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(CSS.highlights.has('ag-evidence')).toBe(false);
    // Put back, it links to the article after all.
    document.body.append(graph);
    try {
      await vi.waitFor(() => expect(highlightRanges('ag-evidence').length).toBeGreaterThan(0), { timeout: 5000 });
    } finally {
      graph.remove();
    }
  });

  it('without the Highlight API, marks nothing but still lists missing quotes and scrolls to a selected tie', async () => {
    vi.stubGlobal('Highlight', undefined);
    mountArticle([0, 1], 2500);
    const graph = await mountLinkedGraph();
    expect(await panelText(graph)).toContain(`${108 - quotesIn(PARAGRAPHS)} quotes not found on this page`);
    expect(CSS.highlights.has('ag-evidence')).toBe(false);
    const before = window.scrollY;
    const selected = nextEvent(graph, 'ag-select');
    graph.select('prk-usa-leverage');
    await selected;
    await vi.waitFor(() => expect(window.scrollY).toBeLessThan(before - 500), { timeout: 5000 });
  });
});
