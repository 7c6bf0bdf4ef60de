/**
 * A Korean widget labels tie types in Korean (`labels.ko` in the data) wherever it names them: the
 * evidence panel, the table, the legend's list of tie types, search and announcements. A Korean
 * label is searchable in either language.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import type { AgSelectDetail } from '../../components/actor-graph/events.ts';
import { loadMessages } from '../../src/i18n/index.ts';
import { inside, mount, mountGraph, nextEvent, panelText, SEED_URL, seenText, unmountAll } from './helpers.ts';

afterEach(unmountAll);
// The tests below that switch a widget to Korean find its words in at once, whichever runs first
// (words-switch.test.ts changes language while the words load).
beforeAll(() => loadMessages('ko'));

const updated = (element: Element) => (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
const text = seenText;

/** Types a query into the widget's search box and returns its options as a reader reads them. */
async function searchFor(graph: ActorGraph, query: string) {
  const element = inside(graph, 'ag-graph-search');
  const root = element.shadowRoot as ShadowRoot;
  const input = root.querySelector('input') as HTMLInputElement;
  input.focus();
  await userEvent.keyboard(query);
  await updated(element);
  return { root, options: [...root.querySelectorAll('[role="option"]')].map(text) };
}

describe('a Korean widget', () => {
  it('heads the panel, its ties and their names for screen readers with Korean tie-type labels', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" lang="ko" selected="rus-prk-diplomatic-cover"`);
    const alone = await panelText(graph);
    expect(inside(graph, '.graph').getAttribute('aria-roledescription')).toBe('그래프');
    expect(inside(graph, 'ag-evidence-panel').shadowRoot?.querySelector('h2')?.textContent).toBe('외교적 엄호');
    expect(alone).not.toContain('Diplomatic cover');

    graph.selected = 'PRK';
    await graph.updateComplete;
    const panel = await panelText(graph);
    expect(panel).toContain('무기-식량·연료·기술 거래');
    expect(panel).toContain('외교적 엄호');
    expect(panel).not.toContain('Arms for food');
    const ties = [...(inside(graph, 'ag-evidence-panel').shadowRoot?.querySelectorAll('article') ?? [])];
    expect(ties.map((tie) => tie.getAttribute('aria-label'))).toContain('러시아 → 북한: 외교적 엄호');
  });

  it('speaks Korean everywhere at once when a script sets the lang property', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="RUS"`);
    graph.lang = 'ko';
    await graph.updateComplete;
    // Rendered before Lit reflected the property to the attribute, the panel, legend, timeline
    // and search stayed English until something else rendered the widget again.
    expect(await panelText(graph)).toContain('텍스트 속 다른 이름');
    expect(inside(graph, 'ag-graph-search').getAttribute('lang')).toBe('ko');
    expect(inside(graph, 'ag-tie-legend').getAttribute('lang')).toBe('ko');
    expect(inside(graph, '[part="views"] button').textContent?.trim()).toBe('그래프');
    // Emptied, it gives the page's language back.
    graph.lang = '';
    await graph.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    await graph.updateComplete;
    expect(inside(graph, '[part="views"] button').textContent?.trim()).toBe('Graph');
  });

  it('speaks Korean at once when the page section around it turns Korean', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="RUS"`);
    graph.parentElement?.setAttribute('lang', 'ko');
    // The page's change is seen a microtask later.
    await Promise.resolve();
    await graph.updateComplete;
    // It stayed English until the reader's next click, which then turned the whole widget.
    expect(inside(graph, '[part="views"] button').textContent?.trim()).toBe('그래프');
    expect(await panelText(graph)).toContain('텍스트 속 다른 이름');
    // Not when a lang of its own holds it.
    graph.setAttribute('lang', 'en');
    await graph.updateComplete;
    graph.parentElement?.setAttribute('lang', 'ko-KR');
    await Promise.resolve();
    await graph.updateComplete;
    expect(inside(graph, '[part="views"] button').textContent?.trim()).toBe('Graph');
  });

  it('counts the ties an actor has shown, hidden by the filter, and absent ones hidden, in Korean', async () => {
    const graph = await mountGraph(
      `src="${SEED_URL}" lang="ko" selected="RUS" filter="alliance transaction competition diplomacy"`,
    );
    await panelText(graph);
    expect(text(inside(graph, 'ag-evidence-panel').shadowRoot?.querySelector('.count'))).toBe(
      '관계 8개 표시, 필터로 5개 숨김, 부재 관계 9개 숨김',
    );
  });

  it('lists Korean tie-type labels in the table', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" lang="ko"`);
    graph.view = 'table';
    await graph.updateComplete;
    const table = inside(graph, 'ag-tie-table');
    const rows = () => [...(table.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map(text);
    // The table's module loads on first use, so its first rows come a moment later.
    await expect.poll(() => rows().length).toBeGreaterThan(0);
    const cells = rows();
    expect(cells.find((row) => row.includes('외교적 엄호'))).toMatch(/러시아.*외교적 엄호.*북한/);
    expect(cells.some((row) => row.includes('무기-식량·연료·기술 거래'))).toBe(true);
    expect(cells.join('\n')).not.toContain('Diplomatic cover');
  });

  it('lists Korean tie-type labels in the legend when the page section around it is Korean', async () => {
    const box = mount('<section lang="ko"><actor-graph></actor-graph></section>');
    const ready = nextEvent(box, 'ag-ready');
    box.querySelector('actor-graph')?.setAttribute('src', SEED_URL);
    box.scrollIntoView({ block: 'start' });
    await ready;
    const graph = box.querySelector('actor-graph') as ActorGraph;
    const legend = inside(graph, 'ag-tie-legend').shadowRoot as ShadowRoot;
    const details = [...legend.querySelectorAll('details')].find((d) => d.textContent?.includes('관계 유형'));
    if (details === undefined) throw new Error('no tie-type list in the legend');
    await userEvent.click(details.querySelector('summary') as HTMLElement);
    const labels = [...details.querySelectorAll('label')].map(text);
    expect(labels.find((label) => label.startsWith('무기-식량·연료·기술 거래'))).toMatch(/^무기-식량·연료·기술 거래\s*1$/);
    expect(labels.find((label) => label.startsWith('외교적 엄호'))).toMatch(/^외교적 엄호\s*1$/);
    expect(labels.join('\n')).not.toMatch(/[A-Za-z]/);
  });

  it('finds a tie type by its Korean label, shows it in Korean and opens its tie', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" lang="ko"`);
    const { root, options } = await searchFor(graph, '외교적 엄');
    const index = options.findIndex((option) => option.includes('관계 유형'));
    expect(options[index]).toMatch(/^외교적 엄호 거래 관계 유형 · 관계 1개/);
    expect(root.querySelectorAll('[role="option"]')[index]?.querySelector('mark')?.textContent).toBe('외교적 엄');
    const selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    for (let i = 0; i <= index; i++) await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    expect((await selected).detail).toEqual({ kind: 'tie', id: 'rus-prk-diplomatic-cover' });
    await graph.updateComplete;
    expect(inside(graph, '[role="status"]').textContent).toContain('관계 선택됨: 외교적 엄호');
  });

  it('finds a tie type by its English label too, and says which label matched', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" lang="ko"`);
    const { root, options } = await searchFor(graph, 'diplomatic cov');
    const option = options.find((text) => text.includes('관계 유형'));
    expect(option).toMatch(/^외교적 엄호 /);
    expect(option).toContain('명칭 “Diplomatic cover”');
    expect([...root.querySelectorAll('mark')].map((mark) => mark.textContent)).toContain('Diplomatic cov');
  });
});

describe('an English widget', () => {
  it('finds a tie type by its Korean label, showing the English one and which Korean label matched', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" lang="en"`);
    const { options } = await searchFor(graph, '외교적 엄호');
    const option = options.find((text) => text.includes('tie type'));
    expect(option).toMatch(/^Diplomatic cover Transaction tie type/);
    expect(option).toContain('Korean label “외교적 엄호”');
  });
});
