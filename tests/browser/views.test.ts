import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import type { AgSelectDetail } from '../../components/actor-graph/events.ts';
import { channelsOf, contrastRatio } from '../colour.ts';
import { inside, mount, mountGraph, mouseAt, nextEvent, panelText, SEED_URL, unmountAll } from './helpers.ts';

/** Moves the timeline's "from" slider to `stop`, as the reader's input does, and waits for both elements. */
async function moveFromDate(graph: ActorGraph, timeline: Element, stop: string): Promise<HTMLInputElement> {
  const from = timeline.shadowRoot?.querySelector<HTMLInputElement>('input[type="range"]') as HTMLInputElement;
  from.value = stop;
  from.dispatchEvent(new Event('input', { bubbles: true }));
  await graph.updateComplete;
  await (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return from;
}

afterEach(unmountAll);

/** The two panes' Cytoscape cores of a compare view. */
function panes(graph: ActorGraph) {
  const containers = [...(graph.shadowRoot?.querySelectorAll<HTMLElement>('.pane .graph') ?? [])];
  expect(containers).toHaveLength(2);
  // Cytoscape keeps its core on the container it draws in.
  const core = (container: HTMLElement) => (container as unknown as { _cyreg: { cy: ActorGraph['cy'] } })._cyreg.cy;
  return containers.map(core);
}

async function compareGraph(extra = '') {
  return mountGraph(`src="${SEED_URL}" view="compare" ${extra}`);
}

const positions = (cy: ActorGraph['cy']) =>
  cy?.nodes().map((node) => `${node.id()}:${node.position().x.toFixed(2)},${node.position().y.toFixed(2)}`);

/**
 * Drags actor `id` of `core` by (`dx`, `dy`) px on screen with the mouse, in steps, as a reader
 * would, and returns where it then stands (in model coordinates).
 */
function drag(core: ActorGraph['cy'], id: string, dx: number, dy: number): { x: number; y: number } {
  const canvas = core?.container()?.querySelector('canvas');
  if (core === undefined || canvas === null || canvas === undefined) throw new Error('no graph to drag in');
  const box = canvas.getBoundingClientRect();
  const at = core.getElementById(id).renderedPosition();
  const mouse = (type: string, step: number) =>
    mouseAt(canvas, type, box.left + at.x + (dx * step) / 6, box.top + at.y + (dy * step) / 6);
  mouse('mousedown', 0);
  for (let step = 1; step <= 6; step++) mouse('mousemove', step);
  mouse('mouseup', 6);
  return { ...core.getElementById(id).position() };
}

/** Switches the view with its button, as a reader does, and waits until the view is drawn. */
async function switchTo(graph: ActorGraph, name: string): Promise<void> {
  const buttons = [...(graph.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="views"] button') ?? [])];
  const drawn = nextEvent(graph, 'ag-ready');
  await userEvent.click(buttons.find((button) => button.textContent?.includes(name)) as HTMLButtonElement);
  await drawn;
}

describe('the compare view', () => {
  it('shows two panes of the same actors at the same places, alliance left and transaction right', async () => {
    const graph = await compareGraph();
    const [left, right] = panes(graph);
    expect(positions(right)).toEqual(positions(left));
    expect(left?.edges('.cat-alliance').filter(':visible').length).toBeGreaterThan(0);
    expect(left?.edges('.cat-transaction').filter(':visible').length).toBe(0);
    expect(right?.edges('.cat-transaction').filter(':visible').length).toBeGreaterThan(0);
    expect(right?.edges('.cat-alliance').filter(':visible').length).toBe(0);
    // Each title is the category picked in its list, and the count.
    const titles = () =>
      [...(graph.shadowRoot?.querySelectorAll('.pane-title') ?? [])].map(
        (t) => `${t.querySelector('select')?.selectedOptions[0]?.text} ${t.querySelector('.count')?.textContent?.trim()}`,
      );
    expect(titles()).toEqual(['Alliance ties 5', 'Transaction ties 10']);
    // Counted as the legend counts: with the category switched off, none of its 5 ties is shown.
    graph.filter = 'transaction hostility competition diplomacy';
    await graph.updateComplete;
    expect(titles()).toEqual(['Alliance ties 0/5', 'Transaction ties 10']);
  });

  it('picks the categories from the compare attribute', async () => {
    const graph = await compareGraph('compare="hostility diplomacy"');
    const [left, right] = panes(graph);
    expect(left?.edges('.cat-hostility').filter(':visible').length).toBe(19);
    expect(right?.edges('.cat-diplomacy').filter(':visible').length).toBe(9);
  });

  it('shares the selection, and opens the same panel from either pane', async () => {
    const graph = await compareGraph();
    const [left, right] = panes(graph);
    const rightContainer = graph.shadowRoot?.querySelectorAll<HTMLElement>('.pane .graph')[1] as HTMLElement;
    const at = right?.getElementById('RUS').renderedPosition() ?? { x: 0, y: 0 };
    const selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await userEvent.click(rightContainer, { position: { x: at.x, y: at.y } });
    expect((await selected).detail).toEqual({ kind: 'actor', id: 'RUS' });
    await graph.updateComplete;
    expect(left?.getElementById('RUS').hasClass('selected')).toBe(true);
    expect(right?.getElementById('RUS').hasClass('selected')).toBe(true);
    expect(await panelText(graph)).toContain('Russia');
  });

  it('pans and zooms both panes together', async () => {
    const graph = await compareGraph();
    const [left, right] = panes(graph);
    left?.zoom({ level: 1.3, renderedPosition: { x: 100, y: 100 } });
    left?.panBy({ x: 40, y: -25 });
    expect(right?.zoom()).toBeCloseTo(left?.zoom() ?? 0);
    expect(right?.pan()).toEqual(left?.pan());
  });

  it("names each pane for screen readers, and counts an actor's ties as its pane shows them", async () => {
    const graph = await compareGraph();
    const frames = [...(graph.shadowRoot?.querySelectorAll<HTMLElement>('.pane .graph') ?? [])];
    expect(frames.map((frame) => frame.getAttribute('aria-label')?.split('.')[0])).toEqual([
      'Graph of 19 actors and alliance ties',
      'Graph of 19 actors and transaction ties',
    ]);
    expect(frames.map((frame) => frame.getAttribute('aria-roledescription'))).toEqual(['graph', 'graph']);
    const live = inside(graph, '[aria-live]');
    const [left, right] = panes(graph);
    // Keyboard focus on China in each pane (the first arrow goes to the selected actor): the text
    // gives China no alliance tie, and five transaction ties (of 10 in all).
    graph.select('CHN');
    for (const [index, core, count] of [
      [0, left, 0],
      [1, right, 5],
    ] as const) {
      frames[index]?.focus();
      await userEvent.keyboard('{ArrowRight}');
      expect(core?.nodes('.focused').map((node) => node.id())).toEqual(['CHN']);
      await graph.updateComplete;
      expect(live.textContent).toContain(`China, State, ${count} ties shown.`);
    }
  });

  it("draws the actors' names at 10 px or more in its half-width panes, where the graph view keeps its size", async () => {
    const graph = await compareGraph();
    for (const core of panes(graph)) {
      const name = core?.getElementById('PRK');
      const onScreen = Number.parseFloat(name?.style('font-size') ?? '0') * (core?.zoom() ?? 0);
      // Fitted at about half size, names were 7.6 px; drawn larger, they still wrap the same.
      expect(onScreen).toBeGreaterThanOrEqual(9.9);
      expect(onScreen).toBeLessThan(11);
    }
    graph.view = 'graph';
    await nextEvent(graph, 'ag-ready');
    expect(graph.cy?.getElementById('PRK').style('font-size')).toBe('15px');
  });

  it('lists in the panel the ties of the compared categories only, and says why a tie of another is not drawn', async () => {
    const graph = await compareGraph('selected="PRK"');
    const panel = inside(graph, 'ag-evidence-panel');
    await panelText(graph);
    const sections = () =>
      [...(panel.shadowRoot?.querySelectorAll('.panel:not(.ahead) section[aria-label]') ?? [])].map((s) =>
        s.getAttribute('aria-label'),
      );
    // The text gives North Korea no alliance that exists: of the two, only its transaction ties.
    expect(sections()).toEqual(['Transaction ties']);
    // The others are left out by the view, not by a filter the reader never set.
    expect(await panelText(graph)).toContain('9 ties shown, 25 ties +2 absent of other categories, 10 absent ties hidden');
    // Russia's veto on the UN panel is a hostility tie.
    graph.select('rus-un-panel-of-experts-veto');
    await graph.updateComplete;
    expect(await panelText(graph)).toContain(
      'Not drawn in the graph now: the compare view shows alliance and transaction ties only.',
    );
    // In the graph view, the same tie is drawn, and nothing is said.
    graph.view = 'graph';
    await graph.updateComplete;
    expect(await panelText(graph)).not.toContain('Not drawn');
    // A tie the text says is absent, while absent ties are off.
    graph.select('prk-rus-economic-dependence');
    await graph.updateComplete;
    expect(await panelText(graph)).toContain('Not drawn in the graph now: absent ties are not shown (Absent ties is off).');
    graph.select('PRK');
    await graph.updateComplete;
    await panelText(graph);
    expect(sections()).toContain('Hostility ties');
  });

  it("lets the reader pick each pane's category among those the other pane does not show", async () => {
    const graph = await compareGraph();
    const [left, right] = panes(graph);
    const pickers = [...(graph.shadowRoot?.querySelectorAll<HTMLSelectElement>('.pane-title select') ?? [])];
    expect(pickers.map((picker) => [picker.value, picker.getAttribute('aria-label')])).toEqual([
      ['alliance', 'Ties of the first pane'],
      ['transaction', 'Ties of the second pane'],
    ]);
    // The categories of the ties drawn (bloc membership lines have none).
    const drawn = (core: ActorGraph['cy']) =>
      new Set(
        (core?.edges(':visible').toArray() ?? []).flatMap((edge) => edge.classes().filter((name) => name.startsWith('cat-'))),
      );
    let changed = nextEvent<{ compare: readonly string[] }>(graph, 'ag-compare-change');
    await userEvent.selectOptions(pickers[0] as HTMLSelectElement, 'hostility');
    expect((await changed).detail.compare).toEqual(['hostility', 'transaction']);
    await graph.updateComplete;
    expect(graph.compare).toBe('hostility transaction');
    expect(graph.getAttribute('compare')).toBe('hostility transaction');
    expect(drawn(left)).toEqual(new Set(['cat-hostility']));
    expect(graph.shadowRoot?.querySelector('.pane-title')?.className).toContain('cat-hostility');
    // Each list leaves out the other pane's category: the keyboard moves through the rest alone.
    await graph.updateComplete;
    const offered = (picker: HTMLSelectElement) => [...picker.options].filter((o) => !o.disabled).map((o) => o.value);
    expect(offered(pickers[1] as HTMLSelectElement)).not.toContain('hostility');
    expect(offered(pickers[0] as HTMLSelectElement)).not.toContain('transaction');
    changed = nextEvent(graph, 'ag-compare-change');
    (pickers[1] as HTMLSelectElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    expect((await changed).detail.compare[0]).toBe('hostility');
    await graph.updateComplete;
    expect(drawn(left)).toEqual(new Set(['cat-hostility']));
    expect(drawn(right)).not.toContain('cat-transaction');
    // Lists that the reader used still follow the attribute (or the URL) when it changes.
    graph.compare = 'diplomacy competition';
    await graph.updateComplete;
    expect(pickers.map((picker) => picker.value)).toEqual(['diplomacy', 'competition']);
    // The selection is announced with the ties the panel lists: the two categories' only.
    graph.select('PRK');
    await graph.updateComplete;
    expect(inside(graph, '[aria-live]').textContent).toContain('North Korea selected: 12 ties shown.');
  });

  it('shows the whole graph in panes 400 px wide, as on a tablet, with names still 7 px or more', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" view="compare"`, 'width: 800px');
    for (const core of panes(graph)) {
      const box = core?.container()?.getBoundingClientRect() as DOMRect;
      expect(box.width).toBeLessThan(420);
      const outside = core?.nodes().filter((node) => {
        const { x, y } = node.renderedPosition();
        return x < 0 || y < 0 || x > box.width || y > box.height;
      });
      expect(outside?.map((node) => node.id())).toEqual([]);
      expect(Number.parseFloat(core?.nodes()[0]?.style('font-size') ?? '0') * (core?.zoom() ?? 0)).toBeGreaterThanOrEqual(6.7);
    }
  });

  it('moves an actor dragged in one pane in the other too', async () => {
    const graph = await compareGraph();
    const [left, right] = panes(graph);
    if (left === undefined || right === undefined) throw new Error('no compare panes');
    const before = { ...left.getElementById('USA').position() };
    const after = drag(left, 'USA', 48, 60);
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(50);
    expect(right.getElementById('USA').position()).toEqual(after);
    expect(positions(right)).toEqual(positions(left));
  });

  it('shows the measures, with the thesis visible, and explains a figure on focus', async () => {
    const graph = await compareGraph();
    const table = inside(graph, 'ag-metrics-table');
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const root = table.shadowRoot as ShadowRoot;
    const row = (measure: string) =>
      [...root.querySelectorAll('tbody tr')]
        .find((tr) => tr.querySelector('th')?.textContent === measure)
        ?.querySelectorAll('td');
    const closure = [...(row('Closure') ?? [])].map((td) => td.textContent?.trim());
    // Columns: US-ROK-Japan alliance, transaction; DPRK-Russia-China alliance, transaction; …
    expect(closure.slice(0, 4)).toEqual(['3/3 ✓', '0/3', '0/3', '3/3 ✓']);
    // Members go by their names, as everywhere else, each on one line: PRK and KOR read alike.
    const degree = row('Degree')?.[3]?.textContent?.trim();
    expect(degree).toBe('North\u00a0Korea\u00a03\u00a0· Russia\u00a02\u00a0· China\u00a02');
    const absent = row('Absent ties')?.[2]?.querySelector('button') as HTMLButtonElement;
    expect(Number(absent.textContent)).toBeGreaterThanOrEqual(6);
    absent.focus();
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(root.querySelector('.explain')?.textContent).toMatch(
      /alliance ties between members of DPRK-Russia-China .* that the text says do NOT exist: /,
    );
    // A tap explains too, where it gives no focus (Safari on iOS does not focus a tapped button).
    const ties = row('Ties')?.[0]?.querySelector('button') as HTMLButtonElement;
    ties.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(root.querySelector('.explain')?.textContent).toMatch(/U\.S\.-ROK-Japan/);
  });

  it('switches views from the control, and reflects the view attribute', async () => {
    const graph = await mountGraph();
    const buttons = [...(graph.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part="views"] button') ?? [])];
    const changed = nextEvent(graph, 'ag-view-change');
    const drawn = nextEvent(graph, 'ag-ready');
    await userEvent.click(buttons.find((b) => b.textContent?.includes('Compare')) as HTMLButtonElement);
    expect((await changed).detail).toEqual({ view: 'compare' });
    await drawn;
    expect(graph.getAttribute('view')).toBe('compare');
    expect(graph.shadowRoot?.querySelectorAll('.pane .graph canvas').length).toBeGreaterThan(0);
  });

  it('switches to the table in one update, with the keyboard resting on an actor', async () => {
    const graph = await mountGraph();
    inside(graph, '.graph').focus();
    await userEvent.keyboard('{ArrowRight}');
    // The panel of the actor the keyboard rests on is built ahead, after a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const warn = vi.spyOn(console, 'warn');
    graph.view = 'table';
    await graph.updateComplete;
    // Taking the graph down in `updated` cleared that look-ahead there, and Lit had to render again.
    expect(warn.mock.calls.map(String).filter((call) => call.includes('change-in-update'))).toEqual([]);
    expect(graph.isUpdatePending).toBe(false);
    warn.mockRestore();
  });
});

describe('an actor the reader dragged', () => {
  it('stays where the reader left it through the compare and table views and back, in every pane', async () => {
    const graph = await mountGraph();
    const laidOut = { ...graph.cy?.getElementById('USA').position() };
    const usa = drag(graph.cy, 'USA', 60, 45);
    expect(Math.hypot(usa.x - (laidOut.x ?? 0), usa.y - (laidOut.y ?? 0))).toBeGreaterThan(50);
    // The compare view's panes show the graph view's arrangement, with the reader's move.
    await switchTo(graph, 'Compare');
    const [left, right] = panes(graph);
    expect(left?.getElementById('USA').position()).toEqual(usa);
    expect(positions(right)).toEqual(positions(left));
    // A move in a pane of the compare view is kept as well, for the graph view too.
    const china = drag(right, 'CHN', -40, 50);
    const arranged = positions(left);
    await switchTo(graph, 'Table');
    graph.view = 'graph';
    await nextEvent(graph, 'ag-ready');
    expect(graph.cy?.getElementById('USA').position()).toEqual(usa);
    expect(graph.cy?.getElementById('CHN').position()).toEqual(china);
    expect(positions(graph.cy)).toEqual(arranged);
  });

  it('is laid out again with the rest when the widget is given new data', async () => {
    const graph = await mountGraph();
    const laidOut = positions(graph.cy);
    drag(graph.cy, 'USA', 60, 45);
    expect(positions(graph.cy)).not.toEqual(laidOut);
    const drawn = nextEvent(graph, 'ag-ready');
    graph.src = `${SEED_URL}?again`;
    await drawn;
    expect(positions(graph.cy)).toEqual(laidOut);
  });
});

describe('the view the reader moved to', () => {
  /** The zoom of `core`'s view, and the point of the graph at its centre. */
  const viewOf = (core: ActorGraph['cy']) => {
    if (core === undefined) throw new Error('no graph');
    const { x, y } = core.pan();
    const zoom = core.zoom();
    return { zoom, x: (core.width() / 2 - x) / zoom, y: (core.height() / 2 - y) / zoom };
  };
  const expectSameView = (core: ActorGraph['cy'], view: ReturnType<typeof viewOf>) => {
    const now = viewOf(core);
    expect(now.zoom).toBeCloseTo(view.zoom, 6);
    expect(now.x).toBeCloseTo(view.x, 3);
    expect(now.y).toBeCloseTo(view.y, 3);
  };
  const tool = (graph: ActorGraph, index: number) =>
    graph.shadowRoot?.querySelectorAll<HTMLButtonElement>('.tools button')[index] as HTMLButtonElement;

  it('is shown again after the table view, the compare view and a change of language, and fitted anew once the reader fits it', async () => {
    const graph = await mountGraph();
    const fitted = viewOf(graph.cy);
    // Zoom in twice.
    await userEvent.click(tool(graph, 0));
    await userEvent.click(tool(graph, 0));
    graph.cy?.panBy({ x: 90, y: -40 });
    const moved = viewOf(graph.cy);
    expect(moved.zoom).toBeGreaterThan(fitted.zoom * 1.5);
    await switchTo(graph, 'Table');
    await switchTo(graph, 'Graph');
    expectSameView(graph.cy, moved);
    // The compare view's first pane shows the same place, and the second moves with it.
    await switchTo(graph, 'Compare');
    const [left, right] = panes(graph);
    expectSameView(left, moved);
    expect(right?.zoom()).toBeCloseTo(moved.zoom, 6);
    expect(right?.pan()).toEqual(left?.pan());
    await switchTo(graph, 'Graph');
    expectSameView(graph.cy, moved);
    const korean = nextEvent(graph, 'ag-ready');
    graph.lang = 'ko';
    await korean;
    expectSameView(graph.cy, moved);
    // Fitted by the reader, the view is no longer one to keep: the next graph is fitted to its own place.
    await userEvent.click(tool(graph, 2));
    const english = nextEvent(graph, 'ag-ready');
    graph.lang = 'en';
    await english;
    expectSameView(graph.cy, fitted);
    await switchTo(graph, 'Table');
    await switchTo(graph, 'Graph');
    expectSameView(graph.cy, fitted);
  });

  it('keeps its centre when the graph is resized, or hidden and shown again, and is fitted anew after a resize the reader did not move it from', async () => {
    const graph = await mountGraph();
    const fitted = viewOf(graph.cy);
    graph.style.width = '700px';
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(graph.cy?.width()).toBeLessThan(700);
    expectSameView(graph.cy, fitted);
    // Hidden a while (Cytoscape measures the hidden graph meanwhile), then shown again.
    graph.style.display = 'none';
    await new Promise((resolve) => setTimeout(resolve, 300));
    graph.style.display = '';
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expectSameView(graph.cy, fitted);
    await switchTo(graph, 'Table');
    graph.style.width = '480px';
    await switchTo(graph, 'Graph');
    // Fitted to the graph's own size.
    const shown = viewOf(graph.cy);
    graph.fit();
    expectSameView(graph.cy, shown);
  });

  it('is kept through a second change of view made before the graph is drawn', async () => {
    const graph = await mountGraph();
    graph.cy?.zoom({ level: (graph.cy?.zoom() ?? 1) * 1.8, renderedPosition: { x: 120, y: 90 } });
    const moved = viewOf(graph.cy);
    await switchTo(graph, 'Table');
    graph.view = 'graph';
    await graph.updateComplete;
    const drawn = nextEvent(graph, 'ag-ready');
    graph.view = 'compare';
    await drawn;
    expectSameView(panes(graph)[0], moved);
  });

  it('is moved to show a tie chosen in the table, when that tie lies outside it', async () => {
    const graph = await mountGraph();
    const cy = graph.cy as NonNullable<ActorGraph['cy']>;
    // Zoomed in, and panned far from the tie then chosen in the table.
    cy.zoom({ level: cy.zoom() * 2, renderedPosition: { x: 0, y: 0 } });
    cy.panBy({ x: 2000, y: 0 });
    const away = (id: string) => {
      const core = graph.cy as NonNullable<ActorGraph['cy']>;
      const box = core.getElementById(id).union(core.getElementById(id).connectedNodes()).renderedBoundingBox({});
      return box.x2 < 0 || box.y2 < 0 || box.x1 > core.width() || box.y1 > core.height();
    };
    expect(away('prk-rus-arms-for-food')).toBe(true);
    await switchTo(graph, 'Table');
    graph.select('prk-rus-arms-for-food');
    await switchTo(graph, 'Graph');
    await expect.poll(() => away('prk-rus-arms-for-food'), { timeout: 2000 }).toBe(false);
  });

  it('is not kept for new data: the graph drawn from it is fitted', async () => {
    const graph = await mountGraph();
    const fitted = viewOf(graph.cy);
    graph.cy?.zoom({ level: fitted.zoom * 2, renderedPosition: { x: 10, y: 10 } });
    const drawn = nextEvent(graph, 'ag-ready');
    graph.src = `${SEED_URL}?again`;
    await drawn;
    expectSameView(graph.cy, fitted);
  });
});

describe('the timeline', () => {
  it('hides ties outside the range, keeps undated ones, says how many it hides, and restores them', async () => {
    const graph = await mountGraph();
    const timeline = inside(graph, 'ag-tie-timeline');
    const root = timeline.shadowRoot as ShadowRoot;
    const [from] = [...root.querySelectorAll<HTMLInputElement>('input[type="range"]')];
    const undatedBefore = graph.cy
      ?.edges('.present')
      .filter((edge) => edge.data('period') === undefined && edge.visible()).length;
    // Move the start to the third date (January 2024): the 2020 crackdown and the ties of December 2023 stay
    // shown only where their period reaches that far.
    (from as HTMLInputElement).value = '2';
    from?.dispatchEvent(new Event('input', { bubbles: true }));
    await graph.updateComplete;
    await (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(root.textContent).toContain('Jan 2024');
    // The balloons of June 2024 are still in range; the crackdown since 2020 has no end and stays too.
    expect(graph.cy?.getElementById('prk-kor-retaliation').visible()).toBe(true);
    expect(graph.cy?.getElementById('prk-smugglers-crackdown').visible()).toBe(true);
    // Move the end to January 2024: the outreach expected from November 2024 is hidden.
    const to = root.querySelectorAll<HTMLInputElement>('input[type="range"]')[1] as HTMLInputElement;
    to.value = '2';
    to.dispatchEvent(new Event('input', { bubbles: true }));
    await graph.updateComplete;
    await (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(graph.cy?.getElementById('prk-usa-diplomatic-outreach').visible()).toBe(false);
    expect(graph.cy?.getElementById('prk-kor-hostility').visible()).toBe(true);
    const undatedAfter = graph.cy?.edges('.present').filter((edge) => edge.data('period') === undefined && edge.visible()).length;
    expect(undatedAfter).toBe(undatedBefore);
    expect(root.querySelector('.status')?.textContent).toMatch(
      /[1-9]\d* ties? outside these dates hidden · 44 undated ties always shown, faded/,
    );
    // With absent ties shown, the undated ones are counted apart from the ties that exist (the
    // absent tie of December 2023 has no end, so these dates keep it).
    graph.showAbsent = true;
    await graph.updateComplete;
    await (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(root.querySelector('.status')?.textContent).toMatch(
      /[1-9]\d* ties? outside these dates hidden · 44 undated ties \+16 absent always shown, faded/,
    );
    graph.showAbsent = false;
    await graph.updateComplete;
    expect(graph.cy?.getElementById('prk-rus-arms-for-food').hasClass('undated-in-range')).toBe(true);
    await userEvent.click(root.querySelector('button') as HTMLButtonElement);
    await graph.updateComplete;
    expect(graph.cy?.getElementById('prk-usa-diplomatic-outreach').visible()).toBe(true);
    expect(root.querySelector('.status')?.textContent).toContain('No tie hidden by date');
  });

  it('says a date moved once, as the value of its slider, with no live region repeating it', async () => {
    const graph = await mountGraph();
    const timeline = inside(graph, 'ag-tie-timeline');
    const root = timeline.shadowRoot as ShadowRoot;
    const from = await moveFromDate(graph, timeline, '2');
    expect(from.getAttribute('aria-valuetext')).toBe('Jan 2024');
    // An <output> is a live region (role status): a screen reader would hear the date from it too.
    const live = [...root.querySelectorAll('output, [role="status"], [aria-live]:not([aria-live="off"])')].filter(
      (region) => region.closest('[aria-hidden="true"]') === null,
    );
    expect(live.map((region) => region.textContent?.trim()).filter((text) => text?.includes('Jan 2024'))).toEqual([]);
  });

  it('speaks its counts when the reader moves a date, not when the legend or the view changes them', async () => {
    const graph = await mountGraph();
    const timeline = inside(graph, 'ag-tie-timeline');
    const root = timeline.shadowRoot as ShadowRoot;
    const spoken = () => root.querySelector('[role="status"]')?.textContent?.trim();
    const settle = async () => {
      await graph.updateComplete;
      await (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    };
    // A category switched off in the legend changes the undated count: the legend is speaking.
    await userEvent.click(inside(graph, 'ag-tie-legend').shadowRoot?.querySelector('button.cat-transaction') as HTMLElement);
    await settle();
    expect(root.querySelector('.status')?.textContent).toContain('35 undated ties');
    expect(spoken()).toBe('');
    // A date moved with the keyboard is news from the timeline.
    const to = root.querySelectorAll<HTMLInputElement>('input[type="range"]')[1] as HTMLInputElement;
    to.focus();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}');
    await settle();
    expect(spoken()).toMatch(/^[1-9]\d* ties? outside these dates hidden · 35 undated ties always shown, faded$/);
  });

  it('counts, in the compare view, the ties of the two categories compared only', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" show-absent`);
    await customElements.whenDefined('ag-tie-timeline');
    const timeline = inside(graph, 'ag-tie-timeline');
    await (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const status = () => timeline.shadowRoot?.querySelector('.status')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(status()).toBe('No tie hidden by date · 44 undated ties +16 absent always shown');
    graph.view = 'compare';
    await nextEvent(graph, 'ag-ready');
    await (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    // Alliance and transaction: 5 and 9 undated ties that exist, 13 and 1 that the text denies.
    expect(status()).toBe('No tie hidden by date · 14 undated ties +14 absent always shown');
  });

  it('moves nothing below it when a date is moved: its All dates button is there, off, until then', async () => {
    for (const width of ['1100px', '360px']) {
      const graph = await mountGraph(`src="${SEED_URL}"`, `width: ${width}`);
      const timeline = inside(graph, 'ag-tie-timeline');
      const root = timeline.shadowRoot as ShadowRoot;
      const reset = root.querySelector('button') as HTMLButtonElement;
      expect(reset.getAttribute('aria-disabled')).toBe('true');
      const top = inside(graph, '.frame').getBoundingClientRect().top;
      await moveFromDate(graph, timeline, '2');
      expect(reset.getAttribute('aria-disabled')).toBe('false');
      expect(inside(graph, '.frame').getBoundingClientRect().top, width).toBe(top);
      // Pressed, it shows every date again, turns off and keeps the focus.
      await userEvent.click(reset);
      await (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(reset.getAttribute('aria-disabled')).toBe('true');
      expect(root.activeElement).toBe(reset);
      expect(graph.cy?.getElementById('prk-usa-diplomatic-outreach').visible()).toBe(true);
    }
  });
});

describe('the table view', () => {
  async function tableGraph(extra = '', style?: string) {
    const graph = await mountGraph(`src="${SEED_URL}" ${extra}`, style);
    graph.view = 'table';
    await graph.updateComplete;
    const table = inside(graph, 'ag-tie-table');
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    return { graph, table, root: table.shadowRoot as ShadowRoot };
  }
  const bodyRows = (root: ShadowRoot) => [...root.querySelectorAll('tbody tr')];

  it('lists the ties the filters let through', async () => {
    const { graph, root, table } = await tableGraph('filter="alliance transaction"');
    expect(bodyRows(root)).toHaveLength(15);
    graph.showAbsent = true;
    await graph.updateComplete;
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(bodyRows(root)).toHaveLength(15 + 14);
    expect(bodyRows(root).every((row) => /Alliance|Transaction/.test(row.children[2]?.textContent ?? ''))).toBe(true);
    // The summary counts the absent ties apart from those that exist, as the panel and legend do.
    expect(root.querySelector('.summary')?.textContent).toMatch(
      /^15 ties \+14 absent, 37 ties \+3 absent hidden by the filters\./,
    );
  });

  it('sorts by a column, both ways', async () => {
    const { root, table } = await tableGraph();
    const header = [...root.querySelectorAll('th button')].find((b) => b.textContent?.includes('Target')) as HTMLButtonElement;
    await userEvent.click(header);
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const targets = () => bodyRows(root).map((row) => row.children[3]?.textContent ?? '');
    const ascending = targets();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    await userEvent.click(header);
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    expect(targets()[0]).toBe(ascending.at(-1));
  });

  it('sorts undated ties after dated ones, both ways, and keeps the sort across views', async () => {
    const { graph, root, table } = await tableGraph();
    const header = [...root.querySelectorAll('th button')].find((b) => b.textContent?.includes('Date')) as HTMLButtonElement;
    const dates = () => bodyRows(root).map((row) => row.children[6]?.textContent ?? '');
    await userEvent.click(header);
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(dates()[0]).toBe('since 2020');
    expect(dates().at(-1)).toBe('undated');
    await userEvent.click(header);
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(dates()[0]).toMatch(/2024|2025/);
    expect(dates().at(-1)).toBe('undated');
    graph.view = 'graph';
    await nextEvent(graph, 'ag-ready');
    graph.view = 'table';
    await graph.updateComplete;
    expect(inside(graph, 'ag-tie-table')).toBe(table);
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('descending');
  });

  it('shows each tie as a card on a phone, with nothing to scroll sideways', async () => {
    const { graph, root, table } = await tableGraph('selected="prk-rus-arms-for-food"', 'width: 360px');
    const scroll = root.querySelector('.scroll') as HTMLElement;
    expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
    // Nor is it a box scrolled inside the page: the cards run on in it.
    expect(scroll.scrollHeight).toBeLessThanOrEqual(scroll.clientHeight);
    expect(scroll.getBoundingClientRect().height).toBeGreaterThan(2000);
    const box = scroll.getBoundingClientRect();
    const row = root.querySelector('tr.selected') as HTMLTableRowElement;
    const cell = (name: string) => (row.querySelector(`td.${name}`) as HTMLElement).getBoundingClientRect();
    for (const name of ['source', 'type', 'category', 'target', 'status', 'hedge', 'date', 'evidence']) {
      expect(cell(name).right, name).toBeLessThanOrEqual(box.right + 0.5);
      expect(cell(name).width, name).toBeGreaterThan(0);
    }
    // "North Korea  Arms for food… →  Russia" first (wrapped here: the tie type is long), the
    // category and status below, then the quote across the card.
    expect(cell('type').top).toBeGreaterThanOrEqual(cell('source').top);
    expect(cell('target').top).toBeGreaterThanOrEqual(cell('type').top);
    expect(cell('category').top).toBeGreaterThan(cell('target').bottom - 1);
    expect(Math.abs(cell('status').top - cell('category').top)).toBeLessThan(4);
    expect(cell('evidence').top).toBeGreaterThan(cell('category').bottom - 1);
    expect(cell('evidence').width).toBeGreaterThan(box.width * 0.8);
    // The table's roles are spelled out, for browsers that drop them from boxes shown as cards.
    expect(root.querySelector('table')?.getAttribute('role')).toBe('table');
    expect([...row.children].every((child) => child.getAttribute('role') === 'cell')).toBe(true);
    expect(row.getAttribute('role')).toBe('row');
    // The headings still sort, from a row of buttons.
    const target = [...root.querySelectorAll('th button')].find((b) => b.textContent?.includes('Target')) as HTMLButtonElement;
    await userEvent.click(target);
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(target.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    expect(graph.scrollWidth).toBeLessThanOrEqual(graph.clientWidth + 1);
  });

  it('as cards, leaves the page where it is when a tie is chosen outside the table and the search', async () => {
    const { graph } = await tableGraph('', 'width: 360px');
    mount('', 'height: 3000px');
    // The reader is down at the panel, below the list of cards.
    inside(graph, '.panel-wrap').scrollIntoView({ block: 'start' });
    const at = window.scrollY;
    graph.select('usa-jpn-trilateral-cooperation');
    await graph.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(window.scrollY).toBe(at);
  });

  it('makes one row a Tab stop, and the rest reachable by arrow keys', async () => {
    const { root } = await tableGraph();
    const stops = [...root.querySelectorAll('button.pick')].filter((b) => b.getAttribute('tabindex') === '0');
    expect(stops).toHaveLength(1);
  });

  it('selects a tie from a row, and moves between rows with the arrow keys', async () => {
    const { graph, root, table } = await tableGraph();
    const first = root.querySelector<HTMLButtonElement>('button.pick') as HTMLButtonElement;
    first.focus();
    await userEvent.keyboard('{ArrowDown}');
    const second = root.querySelectorAll<HTMLButtonElement>('button.pick')[1];
    expect(table.shadowRoot?.activeElement).toBe(second);
    const selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await userEvent.keyboard('{Enter}');
    const detail = (await selected).detail;
    expect(detail.kind).toBe('tie');
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(root.querySelector('tr[aria-selected="true"] button.pick')).toBe(second);
    expect(graph.getAttribute('selected')).toBe(detail.id);
  });

  it('selects a tie from a click anywhere on its row, and clears it with Escape from the table or the panel', async () => {
    const { graph, root, table } = await tableGraph();
    const row = bodyRows(root)[2] as HTMLElement;
    const tie = row.querySelector('button.pick')?.textContent;
    const selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await userEvent.click(row.querySelector('td.evidence') as HTMLElement);
    const { id } = (await selected).detail;
    expect(id).not.toBeNull();
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(row.getAttribute('aria-selected')).toBe('true');
    expect(tie).toBeTruthy();
    // The keyboard goes on from the row clicked.
    expect(table.shadowRoot?.activeElement).toBe(row.querySelector('button.pick'));
    await userEvent.keyboard('{ArrowDown}');
    expect(table.shadowRoot?.activeElement).toBe(bodyRows(root)[3]?.querySelector('button.pick'));
    // A click that ends a selection of a quote's words (to copy them) chooses nothing.
    const other = bodyRows(root)[4] as HTMLElement;
    const words = [...(other.querySelector('td.evidence')?.childNodes ?? [])].find(
      (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').length > 20,
    ) as Text;
    getSelection()?.setBaseAndExtent(words, 1, words, 12);
    let chose = false;
    graph.addEventListener('ag-select', () => (chose = true), { once: true });
    other.querySelector('td.evidence')?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(chose).toBe(false);
    getSelection()?.removeAllRanges();
    // Escape from the table.
    (row.querySelector('button.pick') as HTMLButtonElement).focus();
    const cleared = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await userEvent.keyboard('{Escape}');
    expect((await cleared).detail).toEqual({ kind: null, id: null });
    expect(graph.hasAttribute('selected')).toBe(false);
    // Escape from a link in the panel: the link goes with the selection, and focus goes to the heading.
    graph.select('PRK');
    await graph.updateComplete;
    const panel = inside(graph, 'ag-evidence-panel');
    const link = panel.shadowRoot?.querySelector<HTMLButtonElement>('.panel:not(.ahead) button.link');
    if (link === null || link === undefined) throw new Error('no link in the panel');
    link.focus();
    // Handled in the widget: a dialog around it must not close too.
    const reachedPage: Event[] = [];
    document.addEventListener('keydown', (event) => reachedPage.push(event), { once: true });
    await userEvent.keyboard('{Escape}');
    expect(reachedPage).toEqual([]);
    await graph.updateComplete;
    expect(graph.hasAttribute('selected')).toBe(false);
    expect(panel.shadowRoot?.activeElement?.id).toBe('panel-title');
    // A click on a quote's text (nothing there takes focus) keeps the focus in the widget: Escape clears.
    graph.select('PRK');
    await graph.updateComplete;
    await panelText(graph);
    await userEvent.click(panel.shadowRoot?.querySelector('.panel:not(.ahead) blockquote') as HTMLElement);
    await userEvent.keyboard('{Escape}');
    await graph.updateComplete;
    expect(graph.hasAttribute('selected')).toBe(false);
    // The search's own Escape clears its query first, and leaves the selection alone.
    graph.select('PRK');
    await graph.updateComplete;
    const search = inside(graph, 'ag-graph-search').shadowRoot?.querySelector('input') as HTMLInputElement;
    await userEvent.click(search);
    await userEvent.keyboard('Russia{Escape}{Escape}');
    expect(graph.getAttribute('selected')).toBe('PRK');
  });
});

describe('accessibility', () => {
  async function violations(graph: ActorGraph) {
    const results = await axe.run(graph, { resultTypes: ['violations'] });
    return results.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  }

  it('has no axe violations in the graph view', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="PRK"`);
    expect(await violations(graph)).toEqual([]);
  });

  it('has no axe violations in the table view', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" view="table" selected="prk-rus-arms-for-food"`);
    await graph.updateComplete;
    expect(await violations(graph)).toEqual([]);
  });

  it('has no axe violations in the table view on a phone, where ties are cards', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" view="table" selected="prk-rus-arms-for-food"`, 'width: 360px');
    await graph.updateComplete;
    expect(await violations(graph)).toEqual([]);
  });

  it('gives every control a target of at least 24 by 24 px on a phone, in every view (WCAG 2.5.8)', async () => {
    /** The controls under `root` and its shadow roots, with their details opened, smaller than 24 px. */
    const small = (root: ShadowRoot | Document): string[] => {
      for (const details of root.querySelectorAll('details')) details.open = true;
      const found = [...root.querySelectorAll<HTMLElement>('button, a[href], summary, select, input[type="range"], label')]
        .filter((control) => control.tagName !== 'LABEL' || control.querySelector('input') !== null)
        .filter((control) => control.closest('[inert], [aria-hidden="true"]') === null)
        .filter((control) => {
          const box = control.getBoundingClientRect();
          return box.width > 0 && (box.width < 24 || box.height < 23.5);
        })
        .map((control) => `${control.tagName.toLowerCase()} "${control.textContent?.trim().slice(0, 30)}"`);
      for (const host of root.querySelectorAll('*')) if (host.shadowRoot !== null) found.push(...small(host.shadowRoot));
      return found;
    };
    const graph = await mountGraph(`src="${SEED_URL}" selected="PRK"`, 'width: 360px');
    for (const view of ['graph', 'compare', 'table'] as const) {
      graph.view = view;
      await graph.updateComplete;
      // The views' own controls are in, not only their frames (the compare and table views load late).
      const control = { graph: '.frame', compare: 'ag-metrics-table', table: 'ag-tie-table' }[view];
      const inner = { graph: null, compare: 'button.figure', table: 'button.pick' }[view];
      await vi.waitFor(() => {
        const element = graph.shadowRoot?.querySelector(control);
        expect(inner === null ? element : element?.shadowRoot?.querySelector(inner)).toBeTruthy();
      });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(small(graph.shadowRoot as ShadowRoot), view).toEqual([]);
    }
  });

  it('keeps the graph, its focus ring, the colour keys and what is pressed or selected visible in forced colors', async () => {
    const session = cdp();
    await session.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    try {
      const graph = await mountGraph(`src="${SEED_URL}" selected="prk-rus-arms-for-food"`);
      const style = (element: Element) => getComputedStyle(element);
      // The canvas draws in the widget's colours: its frame keeps them (a dark theme would turn it
      // black under dark actors), and its focus ring, a shadow, is not dropped.
      const frame = inside(graph, '.graph');
      frame.focus();
      expect(style(frame).backgroundColor).toBe('rgb(255, 255, 255)');
      expect(style(frame).boxShadow).not.toBe('none');
      const legend = inside(graph, 'ag-tie-legend').shadowRoot as ShadowRoot;
      expect(style(legend.querySelector('.cat-alliance .line') as Element).backgroundColor).toBe('rgb(0, 114, 178)');
      const views = [...(graph.shadowRoot?.querySelectorAll('.views button') ?? [])].map((button) => style(button).outlineStyle);
      expect(views).toEqual(['solid', 'none', 'none']);
      graph.view = 'table';
      await graph.updateComplete;
      const table = await vi.waitFor(() => {
        const root = inside(graph, 'ag-tie-table').shadowRoot;
        expect(root?.querySelector('tr.selected')).toBeTruthy();
        return root as ShadowRoot;
      });
      expect(style(table.querySelector('tr.selected') as Element).outlineStyle).toBe('solid');
      expect(style(table.querySelector('tbody tr:not(.selected)') as Element).outlineStyle).toBe('none');
    } finally {
      await session.send('Emulation.setEmulatedMedia', { features: [] });
    }
  });

  it('draws the edges of the search field and the zoom buttons at 3:1, and rules and secondary text nearer the text for readers who ask for more contrast', async () => {
    /** The contrast ratio of a computed colour, rgb() or color(srgb), against `against` (0 to 1 each). */
    const contrast = (colour: string, against?: readonly number[]) => contrastRatio(channelsOf(colour), against);
    const graph = await mountGraph(`src="${SEED_URL}"`);
    const colours = (of: ActorGraph) => {
      const search = inside(of, 'ag-graph-search').shadowRoot?.querySelector('input') as HTMLInputElement;
      return {
        search: getComputedStyle(search).borderTopColor,
        zoom: getComputedStyle(inside(of, '.tools button')).borderTopColor,
        rule: getComputedStyle(inside(of, 'ag-tie-legend')).borderBottomColor,
        muted: getComputedStyle(inside(of, 'ag-evidence-panel').shadowRoot?.querySelector('.count') as Element).color,
      };
    };
    const before = colours(graph);
    expect(contrast(before.search)).toBeGreaterThanOrEqual(3);
    expect(contrast(before.zoom)).toBeGreaterThanOrEqual(3);
    // The rules stay light unless more contrast is asked for.
    expect(contrast(before.rule)).toBeLessThan(1.5);
    const session = cdp();
    await session.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-contrast', value: 'more' }] });
    try {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const more = colours(graph);
      expect(contrast(more.rule)).toBeGreaterThanOrEqual(3);
      expect(contrast(more.muted)).toBeGreaterThan(contrast(before.muted));
      expect(contrast(more.muted)).toBeGreaterThanOrEqual(9);
      // A dark theme's secondary text gets lighter, not darker; a page's own value wins.
      graph.style.setProperty('--ag-color-text', '#e6edf3');
      graph.style.setProperty('--ag-color-background', '#0d1117');
      const night = [13 / 255, 17 / 255, 23 / 255];
      expect(contrast(colours(graph).muted, night)).toBeGreaterThanOrEqual(9);
      expect(contrast(colours(graph).rule, night)).toBeGreaterThanOrEqual(3);
      graph.style.setProperty('--ag-color-muted', 'rgb(1, 2, 3)');
      expect(colours(graph).muted).toBe('rgb(1, 2, 3)');
    } finally {
      await session.send('Emulation.setEmulatedMedia', { features: [] });
    }
  });

  it("names the legend's menus by their words alone, without the arrow drawn after them", async () => {
    const graph = await mountGraph(`src="${SEED_URL}" lang="ko"`);
    await graph.updateComplete;
    // The tests run in a frame of the page: read the tree of each frame.
    type Frame = { frame: { id: string }; childFrames?: Frame[] };
    const { frameTree } = (await cdp().send('Page.getFrameTree')) as { frameTree: Frame };
    const frames = (frame: Frame): string[] => [frame.frame.id, ...(frame.childFrames ?? []).flatMap(frames)];
    const menus: (string | undefined)[] = [];
    for (const frameId of frames(frameTree)) {
      const { nodes } = (await cdp().send('Accessibility.getFullAXTree', { frameId })) as {
        nodes: { role?: { value: string }; name?: { value: string } }[];
      };
      menus.push(...nodes.filter((node) => node.role?.value === 'DisclosureTriangle').map((node) => node.name?.value));
    }
    expect(menus).toEqual(['관계 유형', '범례', '내보내기']);
  });

  it('has no axe violations in the compare view', async () => {
    const graph = await compareGraph();
    expect(await violations(graph)).toEqual([]);
  });
});
