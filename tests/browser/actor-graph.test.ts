import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import type { AgSelectDetail } from '../../components/actor-graph/events.ts';
import { webglRendererName } from '../../components/actor-graph/webgl.ts';
import { nextFrame } from '../../components/shared/yield-to-main.ts';
import {
  inside,
  mount,
  mountFailing,
  mountGraph,
  nextEvent,
  paintedPixels,
  panelText,
  renderedAt,
  SEED_URL,
  seenText,
  unmountAll,
} from './helpers.ts';

afterEach(unmountAll);

const QUOTE = 'In exchange for artillery shells and missiles, North Korea is likely receiving food, fuel, technology';

describe('<actor-graph> drawing', () => {
  it('draws the seed dataset on a canvas that is not blank', async () => {
    const graph = await mountGraph();
    expect(graph.cy?.nodes()).toHaveLength(19);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(paintedPixels(graph)).toBeGreaterThan(5000);
  });

  it('adds nothing to the page head, and leaves the host page’s styles out', async () => {
    const before = document.head.innerHTML;
    const box = mount(
      '<style>.shout { font-family: serif; } p, h2, button { color: red !important; font-size: 40px !important; }</style>',
    );
    const ready = nextEvent(box, 'ag-ready');
    box.insertAdjacentHTML('beforeend', `<actor-graph src="${SEED_URL}"></actor-graph>`);
    await ready;
    expect(document.head.innerHTML).toBe(before);
    expect(document.getElementById('__________cytoscape_stylesheet')?.tagName).toBe('TEMPLATE');
    const graph = box.querySelector('actor-graph');
    const title = graph?.shadowRoot?.querySelector('ag-evidence-panel')?.shadowRoot?.querySelector('h2');
    expect(title && getComputedStyle(title).color).not.toBe('rgb(255, 0, 0)');
  });

  it('gives the same positions for the same seed, and others for another seed', async () => {
    const positions = (graph: Awaited<ReturnType<typeof mountGraph>>) =>
      graph.cy?.nodes().map((node) => `${node.id()}:${node.position().x.toFixed(3)},${node.position().y.toFixed(3)}`);
    const a = await mountGraph(`src="${SEED_URL}" layout-seed="7"`);
    const b = await mountGraph(`src="${SEED_URL}" layout-seed="7"`);
    const c = await mountGraph(`src="${SEED_URL}" layout-seed="8"`);
    expect(positions(b)).toEqual(positions(a));
    expect(positions(c)).not.toEqual(positions(a));
  });

  it('keeps the labels of the seed graph apart at the default size', async () => {
    const graph = await mountGraph();
    const boxes =
      graph.cy?.nodes().map((node) => ({ id: node.id(), box: node.boundingBox({ includeLabels: true, includeEdges: false }) })) ??
      [];
    const overlaps: string[] = [];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2)
          overlaps.push(`${a.id}/${b.id}`);
      }
    }
    expect(overlaps).toEqual([]);
    // Each name sits on a card of the halo colour, under which the ties crossing it fade.
    const northKorea = graph.cy?.getElementById('PRK');
    expect(Number(northKorea?.style('text-background-opacity'))).toBeGreaterThanOrEqual(0.5);
    expect(northKorea?.style('text-background-color')).toBe(northKorea?.style('text-outline-color'));
  });
});

describe('<actor-graph> reading the evidence', () => {
  it('opens the panel for North Korea when its node is clicked, with a verbatim quote', async () => {
    const graph = await mountGraph();
    const selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    const at = renderedAt(graph, 'PRK');
    await userEvent.click(inside(graph, '.graph'), { position: { x: at.x, y: at.y } });
    expect((await selected).detail).toEqual({ kind: 'actor', id: 'PRK' });
    expect(graph.getAttribute('selected')).toBe('PRK');
    const text = await panelText(graph);
    expect(text).toContain('North Korea');
    expect(text).toContain(QUOTE);
    const mark = inside(graph, 'ag-evidence-panel').shadowRoot?.querySelector('mark');
    expect(mark?.textContent?.length).toBeGreaterThan(20);
  });

  it('builds the panel of the actor the pointer rests on ahead, hidden, and shows that very panel when it is chosen', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="RUS"`);
    const panel = inside(graph, 'ag-evidence-panel');
    const boxes = () => [...(panel.shadowRoot?.querySelectorAll<HTMLElement>('.panel') ?? [])];
    const at = renderedAt(graph, 'PRK');
    // A pointer that passes over an actor builds nothing.
    graph.cy?.getElementById('PRK').emit('mouseover');
    graph.cy?.getElementById('PRK').emit('mouseout');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await graph.updateComplete;
    expect(boxes()).toHaveLength(1);
    // One that rests there does.
    await userEvent.hover(inside(graph, '.graph'), { position: { x: at.x, y: at.y } });
    // The panel is built after the pointer rests; the wait is for a loaded machine, not a timing check.
    await vi.waitFor(() => expect(boxes()).toHaveLength(2), { timeout: 4000 });
    const [russia, ahead] = boxes();
    expect(ahead?.classList.contains('ahead')).toBe(true);
    expect(ahead?.getAttribute('aria-hidden')).toBe('true');
    expect(ahead?.inert).toBe(true);
    expect(getComputedStyle(ahead as HTMLElement).visibility).toBe('hidden');
    expect(ahead?.textContent).toContain('North Korea');
    // The panel shown is still Russia's, with the only heading that has the panel's id.
    expect(panel.shadowRoot?.querySelectorAll('#panel-title')).toHaveLength(1);
    expect(russia?.querySelector('#panel-title')?.textContent).toBe('Russia');
    expect(await panelText(graph)).not.toContain('North Korean authorities');

    // It holds what the first frame of North Korea's panel would: its first six ties of 34.
    const ties = () => [...(ahead?.querySelectorAll('ol > li') ?? [])];
    const builtAhead = ties();
    expect(builtAhead).toHaveLength(6);
    // Chosen, that very panel is shown in the first frame, as it was built; the other ties follow.
    let inFirstFrame: Element[] = [];
    void nextFrame().then(() => (inFirstFrame = ties()));
    graph.select('PRK');
    await graph.updateComplete;
    expect(inFirstFrame).toHaveLength(6);
    expect(inFirstFrame.every((tie, i) => tie === builtAhead[i])).toBe(true);
    expect(await panelText(graph)).toContain('North Korean authorities');
    expect(ties()).toHaveLength(34);
    expect(boxes()).toHaveLength(1);
    expect(boxes()[0]).toBe(ahead);
    expect(ahead?.classList.contains('ahead')).toBe(false);
    expect(ahead?.hasAttribute('aria-hidden')).toBe(false);
    expect(ahead?.inert).toBe(false);
    expect(ahead?.querySelector('#panel-title')?.textContent).toBe('North Korea');
    // A selection not built ahead goes into the panel shown, as before.
    graph.cy?.getElementById('PRK').emit('mouseout');
    graph.select('RUS');
    await graph.updateComplete;
    expect(boxes()).toHaveLength(1);
    expect(boxes()[0]).toBe(ahead);
    expect(ahead?.querySelector('#panel-title')?.textContent).toBe('Russia');
  });

  it('drops the panel built ahead when the pointer leaves the graph from the actor, and builds none for a click within a moment of reaching one', async () => {
    const graph = await mountGraph();
    const panel = inside(graph, 'ag-evidence-panel');
    const boxes = () => panel.shadowRoot?.querySelectorAll('.panel').length;
    const cy = graph.cy as NonNullable<ActorGraph['cy']>;
    cy.getElementById('PRK').emit('mouseover');
    await vi.waitFor(() => expect(boxes()).toBe(2), { timeout: 4000 });
    // Leaving the graph straight from an actor, the pointer leaves only the graph, for Cytoscape.
    cy.emit('mouseout');
    await graph.updateComplete;
    expect(boxes()).toBe(1);
    // Chosen at once, Cuba's panel (two ties, all in its first frame) renders once: no panel is
    // built ahead for it afterwards, which would render the panel again.
    let renders = 0;
    const render = (panel as unknown as { render(): unknown }).render.bind(panel);
    (panel as unknown as { render(): unknown }).render = () => {
      renders++;
      return render();
    };
    cy.getElementById('CUB').emit('mouseover');
    graph.select('CUB');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await graph.updateComplete;
    expect(renders).toBe(1);
    expect(boxes()).toBe(1);
    expect(await panelText(graph)).toContain('Cuba');
  });

  it("shows a new selection's panel from its top, where the reader had scrolled the last one down", async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="PRK"`);
    const panel = inside(graph, 'ag-evidence-panel');
    await panelText(graph);
    panel.scrollTop = 600;
    await vi.waitFor(() => expect(panel.scrollTop).toBe(600));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    graph.select('USA');
    await graph.updateComplete;
    expect(panel.scrollTop).toBe(0);
    // The rest of a panel's ties coming in leaves the reader's scrolling alone.
    graph.select('PRK');
    await graph.updateComplete;
    panel.scrollTop = 300;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await panelText(graph);
    expect(panel.scrollTop).toBe(300);
  });

  it('takes the reader back to where they were in an actor’s panel, after reading one of its ties alone', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="PRK"`);
    const panel = inside(graph, 'ag-evidence-panel');
    await panelText(graph);
    const items = () => [...(panel.shadowRoot?.querySelectorAll<HTMLElement>('.panel:not(.ahead) li[data-tie]') ?? [])];
    const offset = (item: HTMLElement) => item.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    /** The first tie that starts in the panel's box, and how far below its top. */
    const firstShown = () => {
      const item = items().find((candidate) => candidate.getBoundingClientRect().top >= panel.getBoundingClientRect().top);
      return { tie: item?.dataset.tie, offset: item === undefined ? Number.NaN : Math.round(offset(item)) };
    };
    const twentieth = items()[20] as HTMLElement;
    panel.scrollTop += offset(twentieth) - 30;
    for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(panel.scrollTop).toBeGreaterThan(3000);
    const place = firstShown();
    twentieth.querySelector<HTMLButtonElement>('.show-tie button')?.click();
    await vi.waitFor(() => expect(graph.selected).toBe(twentieth.dataset.tie));
    await graph.updateComplete;
    expect(panel.scrollTop).toBe(0);
    // The tie's "North Korea" link goes back to the same place in North Korea's panel.
    const back = [...(panel.shadowRoot?.querySelectorAll<HTMLButtonElement>('.panel:not(.ahead) .tie-head button') ?? [])];
    back.find((button) => button.textContent === 'North Korea')?.click();
    await vi.waitFor(() => expect(graph.selected).toBe('PRK'));
    await vi.waitFor(() => expect(firstShown()).toEqual(place));
    // The keyboard goes on from the tie read alone: Tab keeps the reader where they are.
    await vi.waitFor(() =>
      expect(panel.shadowRoot?.activeElement?.closest('li')?.getAttribute('data-tie')).toBe(twentieth.dataset.tie),
    );
    const scrolled = panel.scrollTop;
    await userEvent.keyboard('{Tab}');
    expect(Math.abs(panel.scrollTop - scrolled)).toBeLessThan(400);
    // Chosen in the graph, a panel starts at its top as ever.
    graph.select('USA');
    await graph.updateComplete;
    graph.select('PRK');
    await graph.updateComplete;
    expect(panel.scrollTop).toBe(0);
  });

  it("keeps a hub's panel about as tall before its ties are first drawn as after, and as wide as the panel", async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="PRK"`);
    const panel = inside(graph, 'ag-evidence-panel');
    await panelText(graph);
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await frame();
    const estimated = panel.scrollHeight;
    // Every tie drawn, as the reader scrolling to the end would have them.
    const items = [...(panel.shadowRoot?.querySelectorAll<HTMLElement>('ol > li') ?? [])];
    expect(items.length).toBeGreaterThan(30);
    for (const item of items) item.style.contentVisibility = 'visible';
    await frame();
    const drawn = panel.scrollHeight;
    expect(Math.abs(estimated - drawn) / drawn).toBeLessThan(0.2);
    // The estimate is of the height only: a phone's ties keep to the panel's width.
    const phone = await mountGraph(`src="${SEED_URL}" selected="PRK"`, 'width: 360px');
    const phonePanel = inside(phone, 'ag-evidence-panel');
    await panelText(phone);
    await frame();
    expect(phonePanel.scrollWidth).toBeLessThanOrEqual(phonePanel.clientWidth);
    const first = phonePanel.shadowRoot?.querySelector('ol > li') as HTMLElement;
    expect(first.getBoundingClientRect().right).toBeLessThanOrEqual(phonePanel.getBoundingClientRect().right);
  });

  it('shows one tie alone when its edge is clicked, and clears on the background', async () => {
    const graph = await mountGraph();
    const at = renderedAt(graph, 'cub-kor-diplomatic-relations');
    const selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await userEvent.click(inside(graph, '.graph'), { position: { x: at.x, y: at.y } });
    expect((await selected).detail).toEqual({ kind: 'tie', id: 'cub-kor-diplomatic-relations' });
    const text = await panelText(graph);
    expect(text).toContain(
      'Even North Korea’s long-time international partner, Cuba, established diplomatic relations with Seoul',
    );
    expect(text).toContain('Leif-Eric Easley');
    expect(text).not.toContain(QUOTE);

    const cleared = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await userEvent.click(inside(graph, '.graph'), { position: { x: 3, y: 3 } });
    expect((await cleared).detail).toEqual({ kind: null, id: null });
    expect(graph.hasAttribute('selected')).toBe(false);
  });

  it('labels the tie under the pointer, and none of the ties that hovering an actor lights', async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    const northKorea = cy.getElementById('PRK');
    northKorea.emit('mouseover');
    const lit = cy.edges('.hover');
    expect(lit.length).toBeGreaterThan(30);
    expect(lit.filter((tie) => tie.style('label') !== '').length).toBe(0);
    northKorea.emit('mouseout');
    const tie = cy.getElementById('prk-rus-arms-for-food');
    tie.emit('mouseover');
    expect(tie.style('label')).toBe('Arms for food, fuel and technology');
    expect(
      cy
        .edges()
        .filter((other) => other.style('label') !== '')
        .map((other) => other.id()),
    ).toEqual([tie.id()]);
    tie.emit('mouseout');
    expect(tie.style('label')).toBe('');
  });

  it("sets a selected tie's label level on a card, clear of its actors' names", async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="prk-rus-arms-for-food"`);
    const cy = graph.cy as NonNullable<ActorGraph['cy']>;
    const tie = cy.getElementById('prk-rus-arms-for-food');
    expect(tie.style('text-rotation')).toBe('none');
    expect(tie.style('text-background-opacity')).not.toBe('0');
    const labelOf = (id: string) =>
      cy.getElementById(id).boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
    const label = labelOf(tie.id());
    expect(label.w).toBeGreaterThan(20);
    // The boxes hold the labels' halos and the card's padding (about 8 px between them): they may
    // touch there, never further. Along the tie, the label's box spanned both names.
    for (const actor of ['PRK', 'RUS']) {
      const name = labelOf(actor);
      const across = Math.min(label.x2, name.x2) - Math.max(label.x1, name.x1);
      const down = Math.min(label.y2, name.y2) - Math.max(label.y1, name.y1);
      expect(Math.min(across, down), actor).toBeLessThan(9);
    }
  });

  it("draws a selected tie, and its label, above the actors, so that no actor's name covers the label", async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="prk-rus-arms-for-food"`);
    await graph.updateComplete;
    for (let i = 0; i < 3; i++) await nextFrame();
    const renderer = (graph.cy as unknown as { renderer(): { getCachedZSortedEles(): { id(): string }[] } }).renderer();
    const order = renderer.getCachedZSortedEles().map((element) => element.id());
    expect(order.at(-1)).toBe('prk-rus-arms-for-food');
    expect(graph.cy?.getElementById('prk-rus-arms-for-food').style('label')).toBe('Arms for food, fuel and technology');
    // An actor under the pointer still comes first: here North Korea, just inside its circle where
    // the tie leaves it, within a pointer's and a finger's reach of the tie.
    const tie = graph.cy?.getElementById('prk-rus-arms-for-food') as cytoscape.EdgeSingular;
    const centre = tie.source().position();
    const end = tie.sourceEndpoint();
    const point = { x: centre.x + 0.7 * (end.x - centre.x), y: centre.y + 0.7 * (end.y - centre.y) };
    const hitTest = (graph.cy as unknown as { renderer(): { findNearestElements(...args: unknown[]): { id(): string }[] } })
      .renderer()
      .findNearestElements.bind((graph.cy as unknown as { renderer(): object }).renderer());
    for (const isTouch of [false, true]) {
      expect(hitTest(point.x, point.y, true, isTouch)[0]?.id()).toBe('PRK');
    }
    // A tie beside it, between the same two actors, is still found where it is closer.
    const beside = graph.cy?.getElementById('rus-prk-diplomatic-cover') as cytoscape.EdgeSingular;
    for (const isTouch of [false, true]) {
      const middle = beside.midpoint();
      expect(hitTest(middle.x, middle.y, true, isTouch).map((element) => element.id())).toEqual(['rus-prk-diplomatic-cover']);
    }
    const picked = nextEvent<AgSelectDetail>(graph, 'ag-select');
    const zoom = graph.cy?.zoom() ?? 1;
    const pan = graph.cy?.pan() ?? { x: 0, y: 0 };
    await userEvent.click(inside(graph, '.graph'), { position: { x: point.x * zoom + pan.x, y: point.y * zoom + pan.y } });
    expect((await picked).detail).toEqual({ kind: 'actor', id: 'PRK' });
    // Cleared, the tie goes back under the actors, also lit, as it is now, by the pointer resting on
    // North Korea: a hovered actor's ties on top would cover the actors they share.
    graph.select(null);
    await graph.updateComplete;
    for (let i = 0; i < 3; i++) await nextFrame();
    expect(tie.hasClass('hover')).toBe(true);
    const after = renderer.getCachedZSortedEles().map((element) => element.id());
    expect(after.indexOf('prk-rus-arms-for-food')).toBeLessThan(after.indexOf('PRK'));
  });

  it('clicks the right actor after the page has scrolled', async () => {
    mount('<div style="height: 1500px"></div>');
    const box = mount('');
    const ready = nextEvent(box, 'ag-ready');
    box.innerHTML = `<actor-graph src="${SEED_URL}"></actor-graph>`;
    const graph = box.querySelector('actor-graph') as ActorGraph;
    graph.scrollIntoView({ block: 'start' });
    await ready;
    // A first click fills Cytoscape's cache of where the graph is on screen; the scroll must refresh it.
    const russia = renderedAt(graph, 'RUS');
    await userEvent.click(inside(graph, '.graph'), { position: { x: russia.x, y: russia.y } });
    expect(graph.getAttribute('selected')).toBe('RUS');
    const before = graph.getBoundingClientRect().top;
    window.scrollBy(0, -120);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(graph.getBoundingClientRect().top).toBe(before + 120);
    const at = renderedAt(graph, 'PRK');
    const selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await userEvent.click(inside(graph, '.graph'), { position: { x: at.x, y: at.y } });
    expect((await selected).detail).toEqual({ kind: 'actor', id: 'PRK' });
    window.scrollTo(0, 0);
  });

  it('keeps the graph focused after a click, so Escape clears', async () => {
    const graph = await mountGraph();
    const at = renderedAt(graph, 'RUS');
    await userEvent.click(inside(graph, '.graph'), { position: { x: at.x, y: at.y } });
    expect(graph.getAttribute('selected')).toBe('RUS');
    expect(graph.shadowRoot?.activeElement).toBe(inside(graph, '.graph'));
    await userEvent.keyboard('{Escape}');
    expect(graph.hasAttribute('selected')).toBe(false);
  });

  it('moves focus to the panel heading when a link in the panel is used', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="CUB"`);
    const panel = inside(graph, 'ag-evidence-panel');
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const korea = [...(panel.shadowRoot?.querySelectorAll('button.link') ?? [])].find(
      (b) => b.textContent === 'South Korea',
    ) as HTMLElement;
    await userEvent.click(korea);
    await graph.updateComplete;
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(graph.getAttribute('selected')).toBe('KOR');
    expect(panel.shadowRoot?.activeElement?.id).toBe('panel-title');
    expect(panel.shadowRoot?.activeElement?.textContent).toBe('South Korea');
  });

  it('does not undo the reader’s panning when it repaints', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="PRK"`);
    graph.cy?.panBy({ x: -400, y: 0 });
    const pan = { ...graph.cy?.pan() };
    graph.showAbsent = true;
    await graph.updateComplete;
    expect(graph.cy?.pan()).toEqual(pan);
  });

  it('moves the keyboard’s mark to an actor clicked, and the arrows go on from there', async () => {
    const graph = await mountGraph();
    inside(graph, '.graph').focus();
    await userEvent.keyboard('{ArrowRight}');
    const marked = () => graph.cy?.nodes('.focused').map((node) => node.id());
    const before = marked()?.[0];
    const other = before === 'RUS' ? 'CHN' : 'RUS';
    const at = renderedAt(graph, other);
    await userEvent.click(inside(graph, '.graph'), { position: { x: at.x, y: at.y } });
    expect(graph.getAttribute('selected')).toBe(other);
    expect(marked()).toEqual([other]);
    // The next arrow starts from the actor clicked: the actor nearest to its right, if any.
    await userEvent.keyboard('{ArrowRight}');
    const from = graph.cy?.getElementById(other).position().x ?? 0;
    const next = graph.cy?.getElementById(marked()?.[0] ?? '').position().x ?? 0;
    expect(next).toBeGreaterThanOrEqual(from);
    // A click on the background takes the mark off: no actor stays marked for the keyboard.
    expect(graph.cy?.nodes().some((node) => node.renderedBoundingBox().x1 < 12 && node.renderedBoundingBox().y1 < 12)).toBe(
      false,
    );
    await userEvent.click(inside(graph, '.graph'), { position: { x: 6, y: 6 } });
    expect(graph.hasAttribute('selected')).toBe(false);
    expect(marked()).toEqual([]);
    // With a tie chosen and no actor marked, the keyboard starts from the tie's source.
    graph.setAttribute('selected', 'prk-rus-arms-for-food');
    await graph.updateComplete;
    inside(graph, '.graph').focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(marked()).toEqual(['PRK']);
  });

  it('moves the keyboard’s mark to what the search, the table or select() chose', async () => {
    const graph = await mountGraph();
    inside(graph, '.graph').focus();
    await userEvent.keyboard('{ArrowRight}');
    const marked = () => graph.cy?.nodes('.focused').map((node) => node.id());
    const other = marked()?.[0] === 'RUS' ? 'CHN' : 'RUS';
    // Chosen outside the graph, an actor takes the mark: the arrows go on from it, not from an
    // actor marked before (and perhaps out of view now), which would look still chosen.
    graph.select(other);
    await graph.updateComplete;
    expect(marked()).toEqual([other]);
    // A tie takes the mark off, so the keyboard starts from its source.
    graph.select('prk-rus-arms-for-food');
    await graph.updateComplete;
    expect(marked()).toEqual([]);
    inside(graph, '.graph').focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(marked()).toEqual(['PRK']);
  });

  it('selects with the keyboard: arrows move, Enter selects, Escape clears', async () => {
    const graph = await mountGraph();
    inside(graph, '.graph').focus();
    await userEvent.keyboard('{ArrowRight}');
    const focused = graph.cy?.nodes('.focused');
    expect(focused).toHaveLength(1);
    const live = inside(graph, '[aria-live]');
    await graph.updateComplete;
    expect(live.textContent).toContain('Press Enter');
    // The focused actor's panel is built ahead, and shown when Enter chooses it.
    const panel = inside(graph, 'ag-evidence-panel');
    const ahead = await vi.waitFor(() => {
      const box = panel.shadowRoot?.querySelector<HTMLElement>('.panel.ahead');
      expect(box).toBeTruthy();
      return box as HTMLElement;
    });
    const selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await userEvent.keyboard('{Enter}');
    expect((await selected).detail).toEqual({ kind: 'actor', id: focused?.first().id() });
    await graph.updateComplete;
    expect(live.textContent).toContain('selected');
    expect(panel.shadowRoot?.querySelector('.panel')).toBe(ahead);
    expect(ahead.classList.contains('ahead')).toBe(false);
    const cleared = nextEvent<AgSelectDetail>(graph, 'ag-select');
    await userEvent.keyboard('{Escape}');
    expect((await cleared).detail.id).toBeNull();
  });

  it('lists the ties among a bloc’s members when the bloc is selected', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="us-rok-japan"`);
    const text = await panelText(graph);
    expect(text).toContain('Between the members of U.S.-ROK-Japan trilateral');
    expect(text).toContain('Trilateral cooperation');
    expect(graph.cy?.getElementById('usa-jpn-trilateral-cooperation').hasClass('in-selection')).toBe(true);
    expect(graph.cy?.getElementById('RUS').hasClass('faded')).toBe(true);
  });

  it('answers a click on a well-connected actor with its first ties, and adds the rest right after', async () => {
    const graph = await mountGraph();
    const panel = inside(graph, 'ag-evidence-panel') as HTMLElement & { updateComplete: Promise<unknown> };
    await panel.updateComplete;
    const ties = () => panel.shadowRoot?.querySelectorAll('article').length ?? 0;
    graph.select('PRK');
    // The panel's first update, before the next frame: the first ties only.
    for (let i = 0; i < 20 && ties() === 0; i++) await Promise.resolve();
    expect(ties()).toBe(6);
    // updateComplete waits for the rest: as many as the panel says it shows.
    await panel.updateComplete;
    const shown = Number(/\d+/.exec(panel.shadowRoot?.querySelector('.count')?.textContent ?? '')?.[0]);
    expect(shown).toBeGreaterThan(10);
    expect(ties()).toBe(shown);
    // Selecting the same actor again does not start over from its first ties.
    graph.select('PRK');
    await Promise.resolve();
    expect(ties()).toBe(shown);
  });

  it('selects through select(), and the selected attribute', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" selected="RUS"`);
    expect(await panelText(graph)).toContain('Russia');
    graph.select('prk-rus-arms-for-food');
    await graph.updateComplete;
    expect(graph.getAttribute('selected')).toBe('prk-rus-arms-for-food');
    expect(graph.cy?.getElementById('prk-rus-arms-for-food').hasClass('selected')).toBe(true);
  });
});

describe('<actor-graph> filters', () => {
  it('hides a category from the legend, without moving anything', async () => {
    const graph = await mountGraph();
    const before = graph.cy?.nodes().map((node) => ({ ...node.position() }));
    const legend = inside(graph, 'ag-tie-legend');
    const hostility = [...(legend.shadowRoot?.querySelectorAll('button.category') ?? [])].find((b) =>
      b.textContent?.includes('Hostility'),
    );
    expect(hostility).toBeDefined();
    const changed = nextEvent(graph, 'ag-filter-change');
    await userEvent.click(hostility as HTMLElement);
    await changed;
    await graph.updateComplete;
    const hostile = graph.cy?.edges('.cat-hostility');
    expect(hostile?.length).toBeGreaterThan(10);
    expect(hostile?.filter(':visible').length).toBe(0);
    expect(graph.cy?.edges('.cat-alliance').filter(':visible').length).toBeGreaterThan(0);
    expect(graph.cy?.nodes().map((node) => ({ ...node.position() }))).toEqual(before);
    expect(graph.filter).toBe('alliance transaction competition diplomacy');
  });

  it('hides one tie type from the Tie types list', async () => {
    const graph = await mountGraph();
    const legend = inside(graph, 'ag-tie-legend').shadowRoot as ShadowRoot;
    const details = [...legend.querySelectorAll('details')].find((d) =>
      d.textContent?.includes('Tie types'),
    ) as HTMLDetailsElement;
    await userEvent.click(details.querySelector('summary') as HTMLElement);
    expect(details.open).toBe(true);
    const label = [...details.querySelectorAll('label')].find((l) => l.textContent?.includes('Arms for food'));
    expect(label?.textContent).toMatch(/Arms for food, fuel and technology\s*1/);
    await userEvent.click(label?.querySelector('input') as HTMLInputElement);
    await graph.updateComplete;
    expect(graph.cy?.getElementById('prk-rus-arms-for-food').visible()).toBe(false);
    expect(graph.cy?.getElementById('rus-prk-diplomatic-cover').visible()).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(details.open).toBe(false);
    // Closed, the list still says a type is off, and the category's chip counts what is left.
    await (inside(graph, 'ag-tie-legend') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(details.querySelector('summary')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Tie types 1 off');
    const chip = legend.querySelector('button.cat-transaction') as HTMLButtonElement;
    expect(chip.querySelector('.count')?.textContent).toBe('9/10');
    expect(chip.querySelector('.count + .visually-hidden')?.textContent).toBe('9 of 10 ties shown');
    expect(legend.querySelector('button.cat-alliance .count')?.textContent).toBe('5');
  });

  it('shows no category at all when the last one is switched off', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" filter="diplomacy"`);
    const legend = inside(graph, 'ag-tie-legend').shadowRoot as ShadowRoot;
    const diplomacy = [...legend.querySelectorAll('button.category')].find((b) =>
      b.textContent?.includes('Diplomacy'),
    ) as HTMLElement;
    await userEvent.click(diplomacy);
    await graph.updateComplete;
    expect(graph.filter).toBe('none');
    expect(graph.cy?.edges(':visible').not('.membership').length).toBe(0);
  });

  it('takes the categories to show from the filter attribute', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" filter="alliance transaction"`);
    expect(graph.cy?.edges('.cat-hostility').filter(':visible').length).toBe(0);
    expect(graph.cy?.edges('.cat-transaction.present').filter(':hidden').length).toBe(0);
  });

  it('hides absent ties until show-absent is set, then draws them as ghosts', async () => {
    const graph = await mountGraph();
    const absent = graph.cy?.edges('.absent');
    expect(absent?.length).toBe(17);
    expect(absent?.filter(':visible').length).toBe(0);
    graph.showAbsent = true;
    await graph.updateComplete;
    expect(absent?.filter(':hidden').length).toBe(0);
    // Paler than the ties that exist (opaque), dotted, yet strong enough to count (3:1 for alliance blue).
    expect(Number(absent?.first().style('opacity'))).toBeLessThan(1);
    expect(Number(absent?.first().style('opacity'))).toBeGreaterThanOrEqual(0.7);
    expect(absent?.first().style('line-style')).toBe('dashed');
    // Its card, over the hollow circle that marks it, says so too.
    expect(graph.cy?.getElementById('prk-rus-economic-dependence').data('label')).toBe('Economic dependence (absent)');
    expect(graph.hasAttribute('show-absent')).toBe(true);
    // The legend counts them apart from the ties that exist: 5 alliances exist, 13 are denied.
    const chip = inside(graph, 'ag-tie-legend').shadowRoot?.querySelector('button.cat-alliance .count');
    expect(chip?.textContent?.replace(/\s+/g, ' ')).toBe('5 +13 absent');
    expect(chip?.nextElementSibling?.textContent).toBe('5 ties, and 13 absent ties');
    expect(chip?.getAttribute('aria-hidden')).toBe('true');
    graph.view = 'compare';
    await nextEvent(graph, 'ag-ready');
    const pane = graph.shadowRoot?.querySelector('.pane-title.cat-alliance .count');
    expect(pane?.textContent?.replace(/\s+/g, ' ')).toBe('5 +13 absent');
  });
});

describe('<actor-graph> counts in the panel', () => {
  /** The count of ties that the panel gives under the heading of the actor selected. */
  async function countOf(graph: ActorGraph): Promise<string> {
    const panel = inside(graph, 'ag-evidence-panel') as HTMLElement & { updateComplete: Promise<unknown> };
    await graph.updateComplete;
    await panel.updateComplete;
    return panel.shadowRoot?.querySelector('.count')?.textContent?.trim() ?? '';
  }

  it('tells absent ties switched off apart from ties the filter hides', async () => {
    // Russia has 22 ties: 9 that the text says are absent, and 5 of hostility.
    const graph = await mountGraph(`src="${SEED_URL}" selected="RUS"`);
    expect(await countOf(graph)).toBe('13 ties shown, 9 absent ties hidden');
    graph.setAttribute('filter', 'alliance transaction competition diplomacy');
    expect(await countOf(graph)).toBe('8 ties shown, 5 ties hidden by the filters, 9 absent ties hidden');
    graph.showAbsent = true;
    // Shown, absent ties are counted apart from the ties that exist, never added to them.
    expect(await countOf(graph)).toBe('8 ties +9 absent shown, 5 ties hidden by the filters');
    graph.removeAttribute('filter');
    expect(await countOf(graph)).toBe('13 ties +9 absent');
    // Its categories' headings and the announcement of the selection count them apart as well:
    // the text says Russia has no alliance at all.
    const panel = inside(graph, 'ag-evidence-panel');
    const headings = [...(panel.shadowRoot?.querySelectorAll('h3') ?? [])].map(seenText);
    expect(headings).toContain('Alliance · 0 +8 absent');
    graph.removeAttribute('selected');
    await graph.updateComplete;
    const at = renderedAt(graph, 'RUS');
    await userEvent.click(inside(graph, '.graph'), { position: { x: at.x, y: at.y } });
    await graph.updateComplete;
    expect(inside(graph, '[aria-live]').textContent).toContain('Russia selected: 13 ties +9 absent shown.');
  });
});

describe('<actor-graph> data sources and errors', () => {
  it('renders a dataset given as inline JSON', async () => {
    const dataset = await (await fetch('/tests/fixtures/valid/sample.json')).text();
    const text = await (await fetch('/tests/fixtures/valid/sample.txt')).text();
    const box = mount('');
    const ready = nextEvent(box, 'ag-ready');
    box.innerHTML = `<actor-graph><script type="application/json">${dataset}</script><script type="text/plain" data-path="sample.txt"></script></actor-graph>`;
    const textScript = box.querySelector('script[type="text/plain"]') as HTMLScriptElement;
    textScript.textContent = text;
    await ready;
    const graph = box.querySelector('actor-graph');
    expect(graph?.cy?.nodes()).toHaveLength(4);
  });

  it('renders a dataset given as the data property', async () => {
    const dataset = await (await fetch('/tests/fixtures/valid/sample.json')).json();
    const box = mount('<actor-graph></actor-graph>');
    const graph = box.querySelector('actor-graph');
    if (graph === null) throw new Error('no element');
    const ready = nextEvent(graph, 'ag-ready');
    graph.sourceTexts = { 'sample.txt': await (await fetch('/tests/fixtures/valid/sample.txt')).text() };
    graph.data = dataset;
    await ready;
    expect(graph.cy?.edges('.present')).toHaveLength(2);
  });

  it('marks the quotes of a text that changed as unverified, instead of showing them as evidence', async () => {
    const dataset = await (await fetch('/tests/fixtures/valid/sample.json')).json();
    const text = await (await fetch('/tests/fixtures/valid/sample.txt')).text();
    const box = mount('<actor-graph></actor-graph>');
    const graph = box.querySelector('actor-graph');
    if (graph === null) throw new Error('no element');
    const ready = nextEvent(graph, 'ag-ready');
    // One character more: the text's SHA-256 no longer matches the dataset's.
    graph.sourceTexts = { 'sample.txt': `${text}.` };
    graph.data = dataset;
    await ready;
    const tie = dataset.ties[0] as { id: string; evidence: { exact: string }[] };
    graph.select(tie.id);
    await graph.updateComplete;
    const panel = inside(graph, 'ag-evidence-panel') as HTMLElement & { updateComplete: Promise<unknown> };
    await panel.updateComplete;
    const quotes = [...(panel.shadowRoot?.querySelectorAll('blockquote') ?? [])];
    expect(quotes.length).toBe(tie.evidence.length);
    for (const quote of quotes) {
      expect(quote.classList.contains('unverified')).toBe(true);
      expect(quote.textContent).toMatch(/Unverified/);
      // Not presented as evidence: no highlighted quote in its context.
      expect(quote.querySelector('mark')).toBeNull();
    }
    expect(quotes[0]?.textContent).toContain(tie.evidence[0]?.exact);
    // The table marks them too.
    graph.view = 'table';
    await graph.updateComplete;
    const table = await vi.waitUntil(() =>
      graph.shadowRoot?.querySelector('ag-tie-table')?.shadowRoot?.querySelector('td.evidence'),
    );
    expect(table.textContent).toMatch(/^\s*Unverified:/);
  });

  it('shows an error for a 404, naming the URL, with a retry control', async () => {
    // The test server answers unknown paths with its index page, so the 404 is served by hand.
    const realFetch = globalThis.fetch;
    const spy = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async (input, init) =>
        String(input).endsWith('/no/such/dataset.json')
          ? new Response('gone', { status: 404, statusText: 'Not Found' })
          : realFetch(input, init),
      );
    const { graph, error } = await mountFailing('<actor-graph src="/no/such/dataset.json"></actor-graph>').finally(() =>
      spy.mockRestore(),
    );
    expect(error.message).toMatch(/\/no\/such\/dataset\.json could not be loaded: the server answered HTTP 404/);
    const box = inside(graph, '[part="error"]');
    expect(box.textContent).toContain('/no/such/dataset.json');
    expect(box.querySelector('button')?.textContent).toContain('Try again');
  });

  it('shows an error for a response that is not JSON', async () => {
    const { error } = await mountFailing('<actor-graph src="/index.html"></actor-graph>');
    expect(error.message).toMatch(/\/index\.html is not JSON: Invalid JSON: .* but found "<", at line 1, column 1\./);
  });

  it('shows an error for bad data, with the path of each problem', async () => {
    const dataset = await (await fetch('/tests/fixtures/valid/sample.json')).json();
    dataset.ties[1].target = 'NOWHERE';
    dataset.ties[2].hedge = 'perhaps';
    const { graph, error } = await mountFailing(
      `<actor-graph><script type="application/json">${JSON.stringify(dataset)}</script></actor-graph>`,
    );
    expect(error.message).toContain('The inline JSON is not a valid actor-graph dataset');
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['ties.2.hedge']);
    expect(inside(graph, '[part="error"]').textContent).toContain('ties[2].hedge');
  });

  it('shows an error for JSON that does not parse, with its line and column', async () => {
    const { error } = await mountFailing('<actor-graph><script type="application/json">{"id": </script></actor-graph>');
    expect(error.message).toMatch(/The inline JSON is not JSON: .*line 1, column \d+/);
  });
});

describe('<actor-graph> on the page', () => {
  it('keeps two instances independent', async () => {
    const a = await mountGraph();
    const b = await mountGraph();
    a.select('PRK');
    await a.updateComplete;
    await b.updateComplete;
    expect(a.cy).not.toBe(b.cy);
    expect(b.hasAttribute('selected')).toBe(false);
    expect(b.cy?.nodes('.selected')).toHaveLength(0);
    expect(await panelText(b)).not.toContain(QUOTE);
  });

  it('destroys its Cytoscape instance when removed, and draws again when put back', async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    const parent = graph.parentElement as HTMLElement;
    graph.remove();
    expect(cy?.destroyed()).toBe(true);
    expect(graph.cy).toBeUndefined();
    const ready = nextEvent(graph, 'ag-ready');
    parent.append(graph);
    await ready;
    expect(graph.cy?.destroyed()).toBe(false);
  });

  it('draws correctly when created hidden and shown later, doing nothing while hidden', async () => {
    const box = mount('', 'width: 800px; display: none');
    box.innerHTML = `<actor-graph src="${SEED_URL}"></actor-graph>`;
    const graph = box.querySelector('actor-graph') as ActorGraph;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(graph.cy).toBeUndefined();
    const ready = nextEvent(box, 'ag-ready');
    box.style.display = 'block';
    await ready;
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Shown late, it looks exactly as one that was visible from the start.
    const visible = await mountGraph(`src="${SEED_URL}"`, 'width: 800px');
    const view = (g: typeof graph) => ({
      width: g.cy?.width(),
      zoom: g.cy?.zoom().toFixed(4),
      pan: JSON.stringify(g.cy?.pan(), (_, v) => (typeof v === 'number' ? v.toFixed(1) : v)),
    });
    expect(graph.cy?.width()).toBeGreaterThan(400);
    expect(view(graph)).toEqual(view(visible));
    expect(paintedPixels(graph)).toBeGreaterThan(5000);
  });

  it('loads again when moved to another parent while loading', async () => {
    const first = mount('');
    const second = mount('');
    const ready = nextEvent(second, 'ag-ready');
    first.innerHTML = `<actor-graph src="${SEED_URL}"></actor-graph>`;
    const graph = first.querySelector('actor-graph') as HTMLElement;
    await Promise.resolve();
    second.append(graph);
    await ready;
    expect((graph as unknown as { cy: unknown }).cy).toBeDefined();
  });

  it('zooms on the first Ctrl+wheel even when the graph is not focused', async () => {
    const graph = await mountGraph();
    const before = graph.cy?.zoom() ?? 0;
    const frame = inside(graph, '.graph');
    const box = frame.getBoundingClientRect();
    const target = frame.querySelector('canvas') ?? frame;
    target.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY: -200,
        ctrlKey: true,
        bubbles: true,
        cancelable: true,
        composed: true,
        clientX: box.left + 200,
        clientY: box.top + 200,
      }),
    );
    expect(graph.cy?.zoom()).toBeGreaterThan(before);
  });

  it('lets the page scroll on the wheel until the graph is focused', async () => {
    const graph = await mountGraph();
    const before = graph.cy?.zoom();
    const frame = inside(graph, '.graph');
    frame.dispatchEvent(new WheelEvent('wheel', { deltaY: -300, bubbles: true, cancelable: true, clientX: 300, clientY: 300 }));
    expect(graph.cy?.zoom()).toBe(before);
    expect(graph.cy?.userZoomingEnabled()).toBe(false);
    frame.focus();
    expect(graph.cy?.userZoomingEnabled()).toBe(true);
  });

  describe('by touch', () => {
    /** The top canvas of the graph, or of the compare view's `pane`. */
    const canvasOf = (graph: ActorGraph, pane = 0) =>
      [...(graph.shadowRoot?.querySelectorAll('.graph')[pane]?.querySelectorAll('canvas') ?? [])].at(-1) as HTMLCanvasElement;
    /** Sends a touch event of `fingers` (page points) to the graph's top canvas; says whether it was cancelled. */
    function touch(graph: ActorGraph, type: string, fingers: { x: number; y: number }[], cancelable = true, pane = 0): boolean {
      const target = canvasOf(graph, pane);
      const touches = fingers.map((at, identifier) => new Touch({ identifier, target, clientX: at.x, clientY: at.y }));
      const ending = type === 'touchend';
      const event = new TouchEvent(type, {
        touches: ending ? [] : touches,
        targetTouches: ending ? [] : touches,
        changedTouches: touches,
        bubbles: true,
        cancelable,
        composed: true,
      });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    }
    /** A finger's drag of `dy` px from `from`, in steps; whether any move was cancelled. */
    function swipe(graph: ActorGraph, from: { x: number; y: number }[], dy: number): boolean {
      touch(graph, 'touchstart', from.slice(0, 1));
      if (from.length > 1) touch(graph, 'touchstart', from);
      const movedBy = (share: number) => from.map((at) => ({ x: at.x, y: at.y + dy * share }));
      let cancelled = false;
      for (let step = 1; step <= 8; step++) cancelled = touch(graph, 'touchmove', movedBy(step / 8)) || cancelled;
      touch(graph, 'touchend', movedBy(1));
      return cancelled;
    }
    const onPage = (graph: ActorGraph, id: string) => {
      const box = inside(graph, '.graph').getBoundingClientRect();
      const at = renderedAt(graph, id);
      return { x: box.left + at.x, y: box.top + at.y };
    };
    /** A point of the graph at least 60 px from every actor. */
    const background = (graph: ActorGraph) => {
      const box = inside(graph, '.graph').getBoundingClientRect();
      const actors = graph.cy?.nodes().map((node) => node.renderedPosition()) ?? [];
      for (let y = 40; y < box.height - 40; y += 10)
        for (let x = 30; x < box.width - 30; x += 10)
          if (actors.every((actor) => Math.hypot(actor.x - x, actor.y - y) > 60)) return { x: box.left + x, y: box.top + y };
      throw new Error('no background');
    };

    it('leaves one finger to the page: a swipe neither pans nor drags and is not cancelled, and a tap selects', async () => {
      const graph = await mountGraph(`src="${SEED_URL}"`, 'width: 360px');
      const pan = { ...graph.cy?.pan() };
      expect(swipe(graph, [background(graph)], -120)).toBe(false);
      expect(graph.cy?.pan()).toEqual(pan);
      await graph.updateComplete;
      expect(inside(graph, '.hint').textContent).toBe('Use two fingers to move the graph');
      // At the screen's foot: the swipe scrolls the graph's top, and what was there, away.
      expect(getComputedStyle(inside(graph, '.hint')).position).toBe('fixed');
      expect(inside(graph, '.hint').getBoundingClientRect().bottom).toBeLessThanOrEqual(window.innerHeight);
      const north = { ...graph.cy?.getElementById('PRK').position() };
      expect(swipe(graph, [onPage(graph, 'PRK')], -120)).toBe(false);
      expect(graph.cy?.getElementById('PRK').position()).toEqual(north);
      expect(graph.cy?.pan()).toEqual(pan);
      expect(graph.getAttribute('selected')).toBeNull();
      // The actor the swipe began on is let go, and is not what a later tap elsewhere selects.
      expect(graph.cy?.nodes(':grabbed').length).toBe(0);
      // So it is when the end comes, as once the page scrolls, past cancelling (which Cytoscape is
      // kept from trying: Chromium reports that as an error in the page's console).
      const northKorea = onPage(graph, 'PRK');
      touch(graph, 'touchstart', [northKorea]);
      touch(graph, 'touchmove', [{ x: northKorea.x, y: northKorea.y - 40 }], false);
      const end = new TouchEvent('touchend', { bubbles: true, composed: true, cancelable: false });
      let cancelTried = false;
      end.preventDefault = () => {
        cancelTried = true;
      };
      ([...inside(graph, '.graph').querySelectorAll('canvas')].at(-1) as HTMLCanvasElement).dispatchEvent(end);
      expect(cancelTried).toBe(false);
      expect(graph.cy?.nodes(':grabbed').length).toBe(0);
      const empty = background(graph);
      touch(graph, 'touchstart', [empty]);
      touch(graph, 'touchend', [empty]);
      await graph.updateComplete;
      expect(graph.getAttribute('selected')).toBeNull();
      // A second finger that joins a swipe the page has taken stays the page's.
      const first = background(graph);
      touch(graph, 'touchstart', [first]);
      touch(graph, 'touchmove', [{ x: first.x, y: first.y - 30 }]);
      const second = { x: first.x + 40, y: first.y - 30 };
      touch(graph, 'touchstart', [{ x: first.x, y: first.y - 30 }, second]);
      for (let step = 1; step <= 4; step++)
        touch(graph, 'touchmove', [
          { x: first.x, y: first.y - 30 - step * 15 },
          { x: second.x + step * 20, y: second.y - step * 15 },
        ]);
      touch(graph, 'touchend', [first, second]);
      expect(graph.cy?.pan()).toEqual(pan);
      // A tap, and a finger that only trembles, still select.
      const selected = nextEvent<AgSelectDetail>(graph, 'ag-select');
      const russia = onPage(graph, 'RUS');
      touch(graph, 'touchstart', [russia]);
      touch(graph, 'touchmove', [{ x: russia.x + 2, y: russia.y + 1 }]);
      touch(graph, 'touchend', [russia]);
      expect((await selected).detail.id).toBe('RUS');
    });

    it('lets each pane of the compare view hand a finger to the page on its own', async () => {
      const graph = await mountGraph(`src="${SEED_URL}" view="compare"`, 'width: 360px');
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.message);
      window.addEventListener('error', onError);
      const centre = (pane: number) => {
        const box = canvasOf(graph, pane).getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      };
      const fingers = [centre(0), centre(1)];
      for (const [pane, at] of fingers.entries()) touch(graph, 'touchstart', [at], true, pane);
      for (const [pane, at] of fingers.entries()) touch(graph, 'touchmove', [{ x: at.x, y: at.y - 40 }], false, pane);
      // The browser scrolls the page now: the ends can no longer be cancelled.
      for (const pane of [0, 1])
        canvasOf(graph, pane).dispatchEvent(new TouchEvent('touchend', { bubbles: true, composed: true, cancelable: false }));
      window.removeEventListener('error', onError);
      expect(errors).toEqual([]);
    });

    it('moves the graph with two fingers, together or apart, and leaves wheel zooming as it was', async () => {
      const graph = await mountGraph(`src="${SEED_URL}"`, 'width: 360px');
      const cy = graph.cy as NonNullable<ActorGraph['cy']>;
      const at = background(graph);
      const pan = cy.pan().y;
      expect(swipe(graph, [at, { x: at.x + 40, y: at.y }], -80)).toBe(true);
      expect(cy.pan().y).toBeLessThan(pan - 40);
      const zoom = cy.zoom();
      const middle = { x: at.x + 20, y: at.y };
      touch(graph, 'touchstart', [middle]);
      touch(graph, 'touchstart', [middle, { x: middle.x + 30, y: middle.y }]);
      for (let step = 1; step <= 6; step++) touch(graph, 'touchmove', [middle, { x: middle.x + 30 + step * 15, y: middle.y }]);
      touch(graph, 'touchend', [middle]);
      expect(cy.zoom()).toBeGreaterThan(zoom * 1.5);
      expect(cy.userZoomingEnabled()).toBe(false);
    });
  });

  it('offers to bring the panel into view when a selection changes it below the graph, off screen', async () => {
    const graph = await mountGraph(`src="${SEED_URL}"`, 'width: 360px');
    const button = () => graph.shadowRoot?.querySelector<HTMLButtonElement>('.to-panel') ?? null;
    const wrap = inside(graph, '.panel-wrap');
    expect(wrap.getBoundingClientRect().top).toBeGreaterThan(window.innerHeight);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(button()).toBeNull();
    const wrapTop = wrap.getBoundingClientRect().top + window.scrollY;
    graph.select('RUS');
    await vi.waitFor(() => expect(button()?.textContent).toContain('Read the evidence'));
    // Its margins cancel its height: the panel below it does not move when it shows.
    expect(Math.abs(wrap.getBoundingClientRect().top + window.scrollY - wrapTop)).toBeLessThan(0.1);
    // It floats at the foot of the screen, over the graph.
    const box = (button() as HTMLButtonElement).getBoundingClientRect();
    expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
    expect(box.top).toBeGreaterThan(inside(graph, '.frame').getBoundingClientRect().top);
    (button() as HTMLButtonElement).click();
    await vi.waitFor(() => expect(wrap.getBoundingClientRect().top).toBeLessThan(window.innerHeight - 48));
    const panel = inside(graph, 'ag-evidence-panel');
    expect(panel.shadowRoot?.activeElement?.id).toBe('panel-title');
    await vi.waitFor(() => expect(button()).toBeNull());
    // Beside the graph, the panel is where the reader looks already.
    const wide = await mountGraph(`src="${SEED_URL}" selected="RUS"`, 'width: 1100px');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(wide.shadowRoot?.querySelector('.to-panel')).toBeNull();
    // Made narrow while scrolled out of sight, the panel goes below and stays off screen (no
    // crossing for an intersection observer to see): the button comes all the same.
    unmountAll();
    const narrowed = await mountGraph(`src="${SEED_URL}" selected="RUS"`, 'width: 1100px');
    mount('', 'height: 4000px');
    const holder = narrowed.parentElement as HTMLElement;
    window.scrollTo(0, window.scrollY + holder.getBoundingClientRect().bottom + 200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    holder.style.width = '360px';
    await vi.waitFor(() => expect(narrowed.shadowRoot?.querySelector('.to-panel')).not.toBeNull());
  });

  it('offers the panel when only its heading is on screen, as under the compare view on a laptop', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" view="compare"`, 'width: 1100px; margin-top: 400px');
    mount('', 'height: 4000px');
    const button = () => graph.shadowRoot?.querySelector<HTMLButtonElement>('.to-panel') ?? null;
    const wrap = inside(graph, '.panel-wrap');
    const scrollPanelTo = async (top: number) => {
      window.scrollBy(0, wrap.getBoundingClientRect().top - top);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(wrap.getBoundingClientRect().top).toBeCloseTo(top, 0);
    };
    // The measures under the panes load late, and move the panel down when they come.
    await vi.waitFor(() =>
      expect(graph.shadowRoot?.querySelector('ag-metrics-table')?.shadowRoot?.childElementCount).toBeGreaterThan(0),
    );
    await scrollPanelTo(window.innerHeight - 110);
    graph.select('prk-rus-arms-for-food');
    await vi.waitFor(() => expect(button()?.textContent).toContain('Read the evidence'));
    // With its heading and the start of the tie in view, it is where the reader looks.
    await scrollPanelTo(window.innerHeight - 260);
    await vi.waitFor(() => expect(button()).toBeNull());
  });

  it('brings a selected tie into view with both its actors and their names', async () => {
    const graph = await mountGraph(`src="${SEED_URL}"`, 'width: 360px');
    const cy = graph.cy as NonNullable<ActorGraph['cy']>;
    const within = (box: { x1: number; y1: number; x2: number; y2: number }) =>
      box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
    const whole = (id: string) => {
      const tie = cy.getElementById(id);
      return tie.union(tie.connectedNodes()).renderedBoundingBox({});
    };
    // A phone opens zoomed in: a tie in view whose actor or name is not, though all would fit.
    const tie = cy
      .edges(':visible')
      .filter((edge) => {
        const box = whole(edge.id());
        return !within(box) && within(edge.renderedBoundingBox({})) && box.w < cy.width() - 40;
      })
      .first();
    expect(tie.empty()).toBe(false);
    graph.select(tie.id());
    await vi.waitFor(() => expect(within(whole(tie.id()))).toBe(true));
  });

  it('works 360 px wide, with the panel below the graph', async () => {
    const graph = await mountGraph(`src="${SEED_URL}"`, 'width: 360px');
    const frame = inside(graph, '.frame').getBoundingClientRect();
    const panel = inside(graph, '.panel-wrap').getBoundingClientRect();
    expect(frame.width).toBeLessThanOrEqual(360);
    expect(panel.top).toBeGreaterThanOrEqual(frame.bottom - 1);
    const wide = await mountGraph(`src="${SEED_URL}"`, 'width: 1100px');
    const wideFrame = inside(wide, '.frame').getBoundingClientRect();
    const widePanel = inside(wide, '.panel-wrap').getBoundingClientRect();
    expect(widePanel.left).toBeGreaterThanOrEqual(wideFrame.right - 1);
  });

  it('shades the sides of the frame past which the graph goes on, and none once it is fitted', async () => {
    const sides = async (graph: ActorGraph) => {
      for (let i = 0; i < 2; i++) await nextFrame();
      const frame = inside(graph, '.frame');
      return ['left', 'right', 'top', 'bottom'].filter((side) => frame.classList.contains(`more-${side}`));
    };
    // A phone shows the seed graph at a readable zoom around North Korea: actors lie beyond both sides.
    const phone = await mountGraph(`src="${SEED_URL}"`, 'width: 360px');
    expect(await sides(phone)).toEqual(['left', 'right']);
    const shade = getComputedStyle(inside(phone, '.cues')).backgroundImage;
    expect(shade).toContain('linear-gradient');
    // The fit button's icon is drawn, not a glyph that most system fonts lack; its name is spoken.
    const fit = inside(phone, '.tools button:last-child');
    expect(fit.getAttribute('aria-label')).toBe('Fit the graph to the view');
    expect(fit.textContent?.trim()).toBe('');
    expect(fit.querySelector('svg[aria-hidden="true"]')?.getBoundingClientRect().width).toBeGreaterThan(10);
    fit.click();
    expect(await sides(phone)).toEqual([]);
    expect(getComputedStyle(inside(phone, '.cues')).backgroundImage).not.toContain('gradient');
    // Fitted on a wide screen, nothing lies beyond; zoomed in, something lies beyond every side.
    const wide = await mountGraph(`src="${SEED_URL}"`, 'width: 1100px');
    expect(await sides(wide)).toEqual([]);
    const cy = wide.cy;
    if (cy === undefined) throw new Error('no graph');
    cy.zoom({ level: cy.zoom() * 3, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    expect(await sides(wide)).toEqual(['left', 'right', 'top', 'bottom']);
  });

  it('shades them for a graph drawn with WebGL too, which announces no frame', async ({ skip }) => {
    skip(webglRendererName() === undefined, 'this browser has no WebGL');
    const phone = await mountGraph(`src="${SEED_URL}" renderer="webgl"`, 'width: 360px');
    expect((phone.cy as unknown as { renderer(): { webgl?: boolean } }).renderer().webgl).toBe(true);
    // Past the moment the actors' box is worked out afresh after they last moved.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const frame = inside(phone, '.frame');
    expect(['left', 'right'].every((side) => frame.classList.contains(`more-${side}`))).toBe(true);
    inside(phone, '.tools button:last-child').click();
    for (let i = 0; i < 2; i++) await nextFrame();
    expect(frame.className).toBe('frame');
  });
});
