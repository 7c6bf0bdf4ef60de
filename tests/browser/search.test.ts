import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import type { AgSelectDetail } from '../../components/actor-graph/events.ts';
import { inside, mountGraph, nextEvent, renderedAt, SEED_URL, unmountAll } from './helpers.ts';

afterEach(unmountAll);

/** The search box of a widget, its input, and its options as a reader reads them. */
function searchOf(graph: ActorGraph) {
  const element = inside(graph, 'ag-graph-search');
  const root = element.shadowRoot as ShadowRoot;
  const input = root.querySelector('input') as HTMLInputElement;
  return {
    element,
    root,
    input,
    updated: () => (element as unknown as { updateComplete: Promise<unknown> }).updateComplete,
    options: () =>
      [...root.querySelectorAll('[role="option"]')].map((option) => option.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    focused: () => root.activeElement === input,
  };
}

/** Types a query into a focused search box and waits for the list. */
async function typeQuery(graph: ActorGraph, query: string) {
  const search = searchOf(graph);
  search.input.focus();
  await userEvent.keyboard(query);
  await search.updated();
  return search;
}

/** The Cytoscape cores of a compare view's two panes. */
function panes(graph: ActorGraph) {
  const containers = [...(graph.shadowRoot?.querySelectorAll<HTMLElement>('.pane .graph') ?? [])];
  return containers.map((container) => (container as unknown as { _cyreg: { cy: NonNullable<ActorGraph['cy']> } })._cyreg.cy);
}

/**
 * How far an actor, or a tie with its two ends, is drawn from the centre of its graph's box, in
 * pixels.
 */
function offCentre(cy: NonNullable<ActorGraph['cy']>, id: string): number {
  const element = cy.getElementById(id);
  const box = element.union(element.connectedNodes()).renderedBoundingBox({});
  const at = element.edges().empty() ? element.renderedPosition() : { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  return Math.hypot(at.x - cy.width() / 2, at.y - cy.height() / 2);
}

describe('the search box', () => {
  it('takes focus when / is pressed inside the widget, but not outside it or while typing', async () => {
    const graph = await mountGraph();
    const search = searchOf(graph);
    const outside = document.createElement('input');
    document.body.append(outside);
    try {
      outside.focus();
      await userEvent.keyboard('/');
      expect(search.focused()).toBe(false);
      expect(outside.value).toBe('/');
    } finally {
      outside.remove();
    }
    inside(graph, '.graph').focus();
    await userEvent.keyboard('/');
    expect(search.focused()).toBe(true);
    // Typed in the box, / is a character.
    await userEvent.keyboard('a/b');
    expect(search.input.value).toBe('a/b');
  });

  it('is reachable with Tab, right after the view buttons', async () => {
    const graph = await mountGraph();
    const buttons = graph.shadowRoot?.querySelectorAll<HTMLButtonElement>('.views button');
    buttons?.[buttons.length - 1]?.focus();
    await userEvent.keyboard('{Tab}');
    expect(searchOf(graph).focused()).toBe(true);
  });

  it('lists North Korea for "Pyong", and selects and centres it with ArrowDown and Enter', async () => {
    const graph = await mountGraph();
    inside(graph, '.graph').focus();
    await userEvent.keyboard('/');
    const search = searchOf(graph);
    await userEvent.keyboard('Pyong');
    await search.updated();
    expect(search.input.getAttribute('aria-expanded')).toBe('true');
    expect(search.options()[0]).toContain('North Korea');
    expect(search.options()[0]).toContain('alias “Pyongyang”');
    expect(search.root.querySelector('[role="option"] mark')?.textContent).toBe('Pyong');
    await userEvent.keyboard('{ArrowDown}');
    await search.updated();
    expect(search.input.getAttribute('aria-activedescendant')).toBe('option-0');
    expect(search.root.querySelector('#option-0')?.getAttribute('aria-selected')).toBe('true');
    const cy = graph.cy as NonNullable<ActorGraph['cy']>;
    // Moved off centre first, so the test sees the search bring it back.
    cy.panBy({ x: 260, y: -140 });
    expect(offCentre(cy, 'PRK')).toBeGreaterThan(100);
    const selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await userEvent.keyboard('{Enter}');
    expect((await selected).detail).toEqual({ kind: 'actor', id: 'PRK' });
    expect(graph.getAttribute('selected')).toBe('PRK');
    await search.updated();
    expect(search.input.getAttribute('aria-expanded')).toBe('false');
    // The view glides there: both the centring and the zoom are checked once it has arrived.
    await expect.poll(() => offCentre(cy, 'PRK') < 3 && cy.zoom() >= 0.8, { timeout: 3000 }).toBe(true);
    const at = renderedAt(graph, 'PRK');
    expect(at.x).toBeCloseTo(cy.width() / 2, 0);
  });

  it('moves through the results with the arrow keys, wrapping at both ends', async () => {
    const graph = await mountGraph();
    const search = await typeQuery(graph, 'korea');
    const count = search.options().length;
    expect(count).toBeGreaterThan(3);
    await userEvent.keyboard('{ArrowUp}');
    await search.updated();
    expect(search.input.getAttribute('aria-activedescendant')).toBe(`option-${count - 1}`);
    await userEvent.keyboard('{ArrowDown}');
    await search.updated();
    expect(search.input.getAttribute('aria-activedescendant')).toBe('option-0');
  });

  it('keeps the highlighted result in the list’s view', async () => {
    const graph = await mountGraph();
    const search = await typeQuery(graph, 'the');
    const list = search.root.querySelector('#results') as HTMLElement;
    const shown = (id: string) => {
      const box = search.root.querySelector(`#${id}`)?.getBoundingClientRect();
      const view = list.getBoundingClientRect();
      return box !== undefined && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
    };
    expect(list.scrollHeight).toBeGreaterThan(list.clientHeight);
    await userEvent.keyboard('{ArrowUp}');
    await search.updated();
    const last = search.input.getAttribute('aria-activedescendant') as string;
    expect(last).toBe(`option-${search.options().length - 1}`);
    expect(shown(last)).toBe(true);
    await userEvent.keyboard('{ArrowDown}');
    await search.updated();
    expect(shown('option-0')).toBe(true);
    expect(list.scrollTop).toBe(0);
  });

  it('closes the list with Escape, and clears the box with a second Escape', async () => {
    const graph = await mountGraph();
    const search = await typeQuery(graph, 'Pyong');
    expect(search.input.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Escape}');
    await search.updated();
    expect(search.input.getAttribute('aria-expanded')).toBe('false');
    expect(search.input.value).toBe('Pyong');
    expect(search.root.querySelector<HTMLElement>('.popup')?.hidden).toBe(true);
    await userEvent.keyboard('{Escape}');
    await search.updated();
    expect(search.input.value).toBe('');
    expect(graph.hasAttribute('selected')).toBe(false);
  });

  it('says when nothing matches', async () => {
    const graph = await mountGraph();
    const search = await typeQuery(graph, 'zanzibar');
    expect(search.root.querySelector('.empty')?.textContent).toBe('No matches for “zanzibar”');
    expect(search.input.getAttribute('aria-expanded')).toBe('false');
    expect(search.options()).toEqual([]);
  });

  it('speaks the count of results once typing pauses, not for each key typed', async () => {
    const graph = await mountGraph();
    const search = searchOf(graph);
    const status = search.root.querySelector('[role="status"]') as HTMLElement;
    const spoken: string[] = [];
    const observer = new MutationObserver(() => spoken.push(status.textContent?.trim() ?? ''));
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    await typeQuery(graph, 'korea');
    expect(search.options().length).toBeGreaterThan(3);
    await expect.poll(() => status.textContent?.trim(), { timeout: 3000 }).toMatch(/^\d+ results\b/);
    expect(spoken.filter((text) => text !== '')).toEqual([status.textContent?.trim()]);
    // Nothing matches: said once typing pauses again.
    await userEvent.keyboard('zz');
    await expect.poll(() => status.textContent?.trim(), { timeout: 3000 }).toBe('No matches.');
    expect(spoken.filter((text) => text !== '')).toHaveLength(2);
    // A key typed empties the region, so that the next count is spoken even if it is the same.
    await userEvent.keyboard('{Backspace}');
    await search.updated();
    expect(status.textContent?.trim()).toBe('');
    // Chosen before the pause, the list closes: its count is never spoken.
    await userEvent.keyboard('{Backspace}{Backspace}{Enter}');
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(status.textContent?.trim()).toBe('');
    observer.disconnect();
  });

  it('selects a quote’s tie when its option is clicked, and a tie type’s first shown tie', async () => {
    const graph = await mountGraph();
    let search = await typeQuery(graph, 'profiting from');
    const option = search.root.querySelector<HTMLElement>('[role="option"]') as HTMLElement;
    expect(option.textContent).toContain('North Korea → Russia');
    expect(option.querySelector('mark')?.textContent).toBe('profiting from');
    const selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await userEvent.click(option);
    expect((await selected).detail).toEqual({ kind: 'tie', id: 'prk-rus-arms-for-food' });
    expect(search.focused()).toBe(true);

    search.input.value = '';
    search = await typeQuery(graph, 'Alliance');
    const type = search.options().findIndex((text) => text.includes('Alliance tie type'));
    // One alliance exists and the text denies three: counted apart, not as four ties.
    expect(search.options()[type]).toContain('1 tie +3 absent, 3 absent ties hidden by the filters');
    expect(search.options()[type]).toContain('opens United States — South Korea');
    for (let i = 0; i <= type; i++) await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    expect(graph.getAttribute('selected')).toBe('usa-kor-alliance');
  });

  it('centres the panes that show the tie in the compare view', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" view="compare"`);
    const [left, right] = panes(graph);
    if (left === undefined || right === undefined) throw new Error('no panes');
    left.panBy({ x: -300, y: 150 });
    const search = await typeQuery(graph, 'profiting from');
    expect(search.options()[0]).toContain('North Korea → Russia');
    await userEvent.keyboard('{Enter}');
    expect(graph.getAttribute('selected')).toBe('prk-rus-arms-for-food');
    // A transaction tie: shown in the right pane, which the left one follows.
    expect(right.getElementById('prk-rus-arms-for-food').visible()).toBe(true);
    await expect.poll(() => offCentre(right, 'prk-rus-arms-for-food'), { timeout: 3000 }).toBeLessThan(3);
    expect(left.pan()).toEqual(right.pan());
    expect(left.zoom()).toBe(right.zoom());
  });

  it('works in the table view, bringing the chosen actor’s or tie’s row into view', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" view="table"`);
    const table = inside(graph, 'ag-tie-table');
    const scroller = () => table.shadowRoot?.querySelector('.scroll') as HTMLElement;
    const rowOf = (type: string) =>
      [...(table.shadowRoot?.querySelectorAll('tr') ?? [])].find((tr) => tr.textContent?.includes(type)) as HTMLElement;
    await expect.poll(() => rowOf('Strategic competition') !== undefined, { timeout: 5000 }).toBe(true);
    const inView = (row: HTMLElement) => {
      const box = row.getBoundingClientRect();
      const view = scroller().getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom + 1;
    };
    // An actor: its first row comes into view. Out of the table's view at first, so the test sees
    // the search bring it in.
    expect(inView(rowOf('Invasion'))).toBe(false);
    let search = await typeQuery(graph, 'Kyiv');
    await userEvent.keyboard('{Enter}');
    expect(graph.getAttribute('selected')).toBe('UKR');
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(inView(table.shadowRoot?.querySelector('tr.involved') as HTMLElement)).toBe(true);

    scroller().scrollTop = 0;
    search.input.value = '';
    expect(inView(rowOf('Strategic competition'))).toBe(false);
    search = await typeQuery(graph, 'strategic competition');
    expect(search.options()[0]).toContain('Competition tie type');
    await userEvent.keyboard('{Enter}');
    expect(graph.getAttribute('selected')).toBe('usa-chn-strategic-competition');
    await (table as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const row = table.shadowRoot?.querySelector('tr[aria-selected="true"]') as HTMLElement;
    expect(row).toBe(rowOf('Strategic competition'));
    expect(inView(row)).toBe(true);
  });

  it('fits beside the view buttons in a 360 px widget (a 390 px phone), with its list inside the widget', async () => {
    const graph = await mountGraph(`src="${SEED_URL}"`, 'width: 360px');
    // The "/" key's hint gives its room to the placeholder there; a wide widget shows it.
    const kbd = (widget: ActorGraph) => inside(widget, 'ag-graph-search').shadowRoot?.querySelector('kbd') as HTMLElement;
    expect(getComputedStyle(kbd(graph)).display).toBe('none');
    const wide = await mountGraph(`src="${SEED_URL}"`, 'width: 1100px');
    expect(getComputedStyle(kbd(wide)).display).not.toBe('none');
    const search = await typeQuery(graph, 'Pyong');
    const widget = graph.getBoundingClientRect();
    const input = search.input.getBoundingClientRect();
    const views = graph.shadowRoot?.querySelector('.views')?.getBoundingClientRect();
    expect(input.width).toBeGreaterThan(100);
    expect(input.right).toBeLessThanOrEqual(widget.right);
    expect(Math.abs((views?.top ?? 0) - input.top)).toBeLessThan(8);
    const popup = search.root.querySelector('.popup')?.getBoundingClientRect();
    expect(popup?.left).toBeGreaterThanOrEqual(widget.left);
    expect(popup?.right).toBeLessThanOrEqual(widget.right);
  });

  it('has no axe violations with its list open', async () => {
    const graph = await mountGraph();
    const search = await typeQuery(graph, 'sanctions');
    await userEvent.keyboard('{ArrowDown}');
    await search.updated();
    expect(search.input.getAttribute('aria-expanded')).toBe('true');
    const results = await axe.run(graph, { resultTypes: ['violations'] });
    expect(
      results.violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      ),
    ).toEqual([]);
  });
});
