/**
 * `sync-url`: the state comes from the URL's hash when the widget starts, each reader change is
 * written back (a new history entry for selections and views, the same entry for filters), and
 * Back and Forward restore what was there, firing the events a reader's change fires.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import type { AgSelectDetail, AgViewChangeDetail } from '../../components/actor-graph/events.ts';
import type { TieFilter } from '../../src/render/filter.ts';
import type { DateRange } from '../../src/render/time.ts';
import { inside, mountGraph, nextEvent, panelText, renderedAt, SEED_URL, unmountAll } from './helpers.ts';

let page: string;

beforeEach(() => {
  page = location.href.split('#')[0] as string;
  history.replaceState(null, '', page);
});

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
  history.replaceState(null, '', page);
});

/** Opens the test page with a hash, as a shared link would (without a new history entry). */
function openWithHash(hash: string): void {
  history.replaceState(null, '', `${page}${hash}`);
}

const hash = () => decodeURIComponent(location.hash);

/** Clicks an actor of the graph, as a reader does. */
async function clickActor(graph: ActorGraph, id: string): Promise<void> {
  const at = renderedAt(graph, id);
  const selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
  await userEvent.click(inside(graph, '.graph'), { position: { x: at.x, y: at.y } });
  expect((await selected).detail).toEqual({ kind: 'actor', id });
  await graph.updateComplete;
}

/** Steps through history and waits for the step to arrive. */
async function go(step: 'back' | 'forward'): Promise<void> {
  const arrived = nextEvent(window, 'popstate');
  history[step]();
  await arrived;
}

/** The legend's switch for a category. */
async function legendButton(graph: ActorGraph, category: string): Promise<HTMLElement> {
  const legend = inside(graph, 'ag-tie-legend') as HTMLElement & { updateComplete: Promise<unknown> };
  await legend.updateComplete;
  const button = legend.shadowRoot?.querySelector<HTMLElement>(`button.cat-${category}`);
  if (button === null || button === undefined) throw new Error(`no legend switch for ${category}`);
  return button;
}

const timelineRange = (graph: ActorGraph) => (inside(graph, 'ag-tie-timeline') as unknown as { range: DateRange }).range;
const visibleEdges = (graph: ActorGraph, selector: string) => graph.cy?.edges(selector).filter(':visible').length;

describe('restoring the state from the URL', () => {
  it('shows the linked selection, filter and dates in the graph view, and leaves the URL as it was', async () => {
    openWithHash('#intro&ag=sel:PRK;cat:alliance,hostility,diplomacy;absent:1;from:2023-12;to:2024-06-04');
    const before = history.length;
    const graph = await mountGraph(`src="${SEED_URL}" sync-url`);
    await graph.updateComplete;
    expect(graph.selected).toBe('PRK');
    expect(graph.showAbsent).toBe(true);
    expect(graph.filter).toBe('alliance hostility diplomacy');
    expect(timelineRange(graph)).toEqual({ from: '2023-12', to: '2024-06-04' });
    expect(graph.cy?.getElementById('PRK').hasClass('selected')).toBe(true);
    expect(visibleEdges(graph, '.cat-transaction')).toBe(0);
    expect(visibleEdges(graph, '.cat-alliance')).toBeGreaterThan(0);
    // The range hides the outreach that starts in 2024-11, and keeps the tie from 2024-01 and the undated ones.
    expect(graph.cy?.getElementById('prk-usa-diplomatic-outreach').visible()).toBe(false);
    expect(graph.cy?.getElementById('prk-kor-hostility').visible()).toBe(true);
    expect(visibleEdges(graph, '.cat-diplomacy')).toBeGreaterThan(0);
    expect(await panelText(graph)).toContain('North Korea');
    expect(location.hash).toBe('#intro&ag=sel:PRK;cat:alliance,hostility,diplomacy;absent:1;from:2023-12;to:2024-06-04');
    expect(history.length).toBe(before);
  });

  it('opens the linked view, with its selection', async () => {
    openWithHash('#ag=view:table;sel:prk-rus-arms-for-food;cat:transaction');
    const graph = await mountGraph(`src="${SEED_URL}" sync-url`);
    await graph.updateComplete;
    expect(graph.view).toBe('table');
    expect(graph.getAttribute('view')).toBe('table');
    expect(inside(graph, '.views button[aria-pressed="true"]').textContent?.trim()).toBe('Table');
    // The table's code loads on demand: its rows come once it has.
    const rows = () => inside(graph, 'ag-tie-table').shadowRoot?.querySelectorAll('tbody tr').length;
    await expect.poll(rows).toBe(10);
    expect(await panelText(graph)).toContain('artillery shells');
  });

  it('reads its own part by its id, over its attributes, and warns once about a part it cannot use', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    openWithHash('#ag=sel:USA&ag-second=view:map;sel:RUS;zoom:3');
    const graph = await mountGraph(`id="second" src="${SEED_URL}" view="table" selected="CHN" sync-url`);
    await graph.updateComplete;
    expect(graph.selected).toBe('RUS');
    // The bad view is ignored: the attribute's view stays.
    expect(graph.view).toBe('table');
    const messages = warn.mock.calls.map((call) => String(call[0])).filter((message) => message.includes('URL'));
    expect(messages).toEqual([
      '<actor-graph>: ignored "view:map": the view must be graph, compare, table, in the URL\'s part for "ag-second".',
      '<actor-graph>: ignored "zoom:3": it is not a field the widget knows, in the URL\'s part for "ag-second".',
    ]);
    // Back to its attributes' state, the widget's part leaves the URL; the other widget's stays.
    graph.select('CHN');
    await graph.updateComplete;
    expect(location.hash).toBe('#ag=sel:USA');
  });
});

describe('writing the state into the URL', () => {
  it('pushes an entry for a selection and a view, and replaces it for a filter', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" sync-url`);
    const start = history.length;
    expect(location.hash).toBe('');
    await clickActor(graph, 'PRK');
    expect(hash()).toBe('#ag=sel:PRK');
    expect(history.length).toBe(start + 1);

    (await legendButton(graph, 'hostility')).click();
    await expect.poll(hash).toBe('#ag=sel:PRK;cat:alliance,transaction,competition,diplomacy');
    expect(history.length).toBe(start + 1);

    inside(graph, '.views button:nth-child(2)').click();
    await graph.updateComplete;
    expect(hash()).toBe('#ag=view:compare;sel:PRK;cat:alliance,transaction,competition,diplomacy');
    expect(history.length).toBe(start + 2);
  });

  it('replaces the entry while the timeline is dragged, and writes where it stopped', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" sync-url`);
    const start = history.length;
    const timeline = inside(graph, 'ag-tie-timeline') as HTMLElement & { updateComplete: Promise<unknown> };
    await timeline.updateComplete;
    const slider = timeline.shadowRoot?.querySelector<HTMLInputElement>('input[type="range"]') as HTMLInputElement;
    for (const index of ['1', '2', '3', '4']) {
      slider.value = index;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await graph.updateComplete;
    }
    await expect.poll(hash).toBe('#ag=from:2024-11');
    expect(history.length).toBe(start);
    expect(graph.cy?.getElementById('prk-usa-diplomatic-outreach').visible()).toBe(true);
    expect(graph.cy?.getElementById('prk-kor-retaliation').visible()).toBe(false);
  });

  it('keeps a filter change made just before a selection on the entry Back returns to', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" sync-url`);
    (await legendButton(graph, 'hostility')).click();
    await graph.updateComplete;
    graph.select('RUS');
    await graph.updateComplete;
    expect(hash()).toBe('#ag=sel:RUS;cat:alliance,transaction,competition,diplomacy');
    await go('back');
    expect(hash()).toBe('#ag=cat:alliance,transaction,competition,diplomacy');
    expect(graph.selected).toBeUndefined();
    expect(graph.filter).toBe('alliance transaction competition diplomacy');
  });

  it('leaves the URL and the history alone without sync-url', async () => {
    openWithHash('#intro');
    const graph = await mountGraph(`src="${SEED_URL}"`);
    const start = history.length;
    await clickActor(graph, 'RUS');
    (await legendButton(graph, 'alliance')).click();
    inside(graph, '.views button:nth-child(3)').click();
    await graph.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(location.hash).toBe('#intro');
    expect(history.length).toBe(start);
  });
});

describe('Back and Forward', () => {
  it('restore the previous selection and fire ag-select, then the next one', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" sync-url`);
    await clickActor(graph, 'PRK');
    await clickActor(graph, 'RUS');
    expect(hash()).toBe('#ag=sel:RUS');

    let selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await go('back');
    expect((await selected).detail).toEqual({ kind: 'actor', id: 'PRK' });
    await graph.updateComplete;
    expect(graph.selected).toBe('PRK');
    expect(graph.cy?.getElementById('PRK').hasClass('selected')).toBe(true);
    expect(await panelText(graph)).toContain('North Korea');
    expect(hash()).toBe('#ag=sel:PRK');

    selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await go('back');
    expect((await selected).detail).toEqual({ kind: null, id: null });
    expect(graph.selected).toBeUndefined();

    selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await go('forward');
    expect((await selected).detail).toEqual({ kind: 'actor', id: 'PRK' });
    selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await go('forward');
    expect((await selected).detail).toEqual({ kind: 'actor', id: 'RUS' });
    await graph.updateComplete;
    expect(graph.cy?.getElementById('RUS').hasClass('selected')).toBe(true);
    // Stepping through history writes nothing new.
    expect(hash()).toBe('#ag=sel:RUS');
  });

  it('switch the view back, with ag-view-change, and restore the filter of that entry with ag-filter-change', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" sync-url`);
    (await legendButton(graph, 'diplomacy')).click();
    await graph.updateComplete;
    inside(graph, '.views button:nth-child(3)').click();
    await graph.updateComplete;
    (await legendButton(graph, 'diplomacy')).click();
    await graph.updateComplete;
    await expect.poll(hash).toBe('#ag=view:table');

    const viewChange = nextEvent<AgViewChangeDetail>(graph, 'ag-view-change');
    const filterChange = nextEvent<TieFilter>(graph, 'ag-filter-change');
    await go('back');
    expect((await viewChange).detail).toEqual({ view: 'graph' });
    expect([...(await filterChange).detail.categories]).toEqual(['alliance', 'transaction', 'hostility', 'competition']);
    await graph.updateComplete;
    expect(graph.view).toBe('graph');
    expect(graph.filter).toBe('alliance transaction hostility competition');
    await nextEvent(graph, 'ag-ready');
    expect(visibleEdges(graph, '.cat-diplomacy')).toBe(0);
  });

  it("put back the compare view's categories, with ag-compare-change, and the pane's list with them", async () => {
    const graph = await mountGraph(`src="${SEED_URL}" sync-url view="compare"`);
    const picker = () => inside(graph, '.pane-title select') as HTMLSelectElement;
    // A selection makes an entry; the pick that follows is written into it, as filters are.
    graph.select('PRK');
    await graph.updateComplete;
    await expect.poll(hash).toBe('#ag=sel:PRK');
    await userEvent.selectOptions(picker(), 'hostility');
    await graph.updateComplete;
    await expect.poll(hash).toBe('#ag=sel:PRK;cmp:hostility,transaction');
    const changed = nextEvent<{ compare: readonly string[] }>(graph, 'ag-compare-change');
    await go('back');
    expect((await changed).detail.compare).toEqual(['alliance', 'transaction']);
    await graph.updateComplete;
    expect(picker().value).toBe('alliance');
  });

  it('keep the selection when the reader follows a link to a section, and write it beside the anchor', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" sync-url`);
    await clickActor(graph, 'PRK');
    const start = history.length;
    // What a click on <a href="#notes"> does: a new entry whose hash is the anchor alone.
    const arrived = nextEvent(window, 'hashchange');
    location.hash = '#notes';
    await arrived;
    await graph.updateComplete;
    expect(history.length).toBe(start + 1);
    expect(graph.selected).toBe('PRK');
    expect(hash()).toBe('#notes&ag=sel:PRK');

    await go('back');
    expect(hash()).toBe('#ag=sel:PRK');
    expect(graph.selected).toBe('PRK');
    const cleared = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await go('back');
    expect((await cleared).detail).toEqual({ kind: null, id: null });
  });

  it('leave other widgets on the page alone, each keyed by its id', async () => {
    const first = await mountGraph(`id="first" src="${SEED_URL}" sync-url`);
    const second = await mountGraph(`id="second" src="${SEED_URL}" sync-url view="table"`);
    await clickActor(first, 'PRK');
    second.select('RUS');
    await second.updateComplete;
    expect(hash()).toBe('#ag-first=sel:PRK&ag-second=sel:RUS');

    const secondEvents: AgSelectDetail[] = [];
    second.addEventListener('ag-select', (event) => secondEvents.push(event.detail));
    await go('back');
    await first.updateComplete;
    expect(first.selected).toBe('PRK');
    expect(second.selected).toBeUndefined();
    expect(secondEvents).toEqual([{ kind: null, id: null }]);
    await go('back');
    expect(first.selected).toBeUndefined();
  });

  it('stop when the element leaves the page', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" sync-url`);
    await clickActor(graph, 'PRK');
    graph.remove();
    const events: unknown[] = [];
    graph.addEventListener('ag-select', (event) => events.push(event));
    await go('back');
    expect(events).toEqual([]);
    expect(graph.selected).toBe('PRK');
  });
});
