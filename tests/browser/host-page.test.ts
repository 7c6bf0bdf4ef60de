/**
 * The widget in the places and under the styles an article page gives it: the host's layout and
 * direction must not change how it is sized, laid out or read.
 */
import { afterEach, expect, it } from 'vitest';
import { inside, mountGraph, mouseAt, SEED_URL, unmountAll } from './helpers.ts';

afterEach(unmountAll);

it('takes a width of its own in a flex row or an auto grid column that sizes it by its content', async () => {
  for (const style of ['display: flex; width: 1000px', 'display: grid; grid-template-columns: auto 1fr; width: 1000px']) {
    const graph = await mountGraph(`src="${SEED_URL}"`, style);
    // Size containment (its container queries) leaves it no content width: it would collapse to 0.
    expect(graph.getBoundingClientRect().width, style).toBeGreaterThanOrEqual(700);
    expect(inside(graph, '.graph').getBoundingClientRect().width, style).toBeGreaterThan(300);
    unmountAll();
  }
  // In a narrow row it still shrinks to fit, with no overflow.
  const graph = await mountGraph(`src="${SEED_URL}"`, 'display: flex; width: 380px');
  expect(graph.getBoundingClientRect().width).toBeLessThanOrEqual(380);
});

it('lays out and punctuates its text left to right on a right-to-left page', async () => {
  const graph = await mountGraph(`src="${SEED_URL}"`, 'width: 1100px; direction: rtl');
  expect(getComputedStyle(inside(graph, '.root')).direction).toBe('ltr');
  expect(getComputedStyle(inside(graph, '.graph canvas')).direction).toBe('ltr');
});

it('selects the actor under a click in every part of the graph on a zoomed or scaled-up page', async () => {
  for (const style of ['width: 800px; zoom: 1.25', 'width: 800px; transform: scale(1.25); transform-origin: 0 0']) {
    const graph = await mountGraph(`src="${SEED_URL}"`, style);
    const cy = graph.cy;
    const canvas = inside(graph, '.graph canvas');
    const container = cy?.container();
    if (cy === undefined || container === null || container === undefined) throw new Error('no graph');
    const box = container.getBoundingClientRect();
    const scale = box.width / container.offsetWidth;
    expect(scale, style).toBeCloseTo(1.25, 2);
    const missed: string[] = [];
    let tried = 0;
    for (const node of cy.nodes()) {
      const at = node.renderedPosition();
      // Only the actors wholly on screen: a click is where a reader can see the actor.
      if (at.x < 20 || at.y < 20 || at.x > container.offsetWidth - 20 || at.y > container.offsetHeight - 20) continue;
      tried++;
      const x = box.left + at.x * scale;
      const y = box.top + at.y * scale;
      canvas.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true, clientX: x, clientY: y }));
      mouseAt(canvas, 'mousedown', x, y);
      mouseAt(canvas, 'mouseup', x, y);
      if (graph.selected !== node.id()) missed.push(node.id());
    }
    // Before, Cytoscape took the graph for 1/1.25 of its size on screen: the actors on its right
    // and bottom fifth took no click.
    expect(missed, style).toEqual([]);
    expect(tried, style).toBeGreaterThan(12);
    unmountAll();
  }
});

it('draws the graph at the pixels it takes on screen on a zoomed or scaled-up page, not stretched', async () => {
  for (const style of ['width: 800px; zoom: 1.25', 'width: 800px; transform: scale(1.25); transform-origin: 0 0']) {
    const graph = await mountGraph(`src="${SEED_URL}"`, style);
    const canvas = inside<HTMLCanvasElement>(graph, '.graph canvas');
    const shortOfScreen = () => Math.abs(canvas.width - canvas.getBoundingClientRect().width * devicePixelRatio);
    // Before, the bitmap had the canvas's CSS width (1/1.25 of it on screen), and was blurred.
    await expect.poll(shortOfScreen, { message: style }).toBeLessThanOrEqual(2);
    unmountAll();
  }
});

it('fits a 300 px sidebar column: no text runs past its right edge, whatever is selected', async () => {
  const graph = await mountGraph(`src="${SEED_URL}"`, 'width: 300px');
  const overflowing = new Set<string>();
  const walk = (root: ShadowRoot, right: number) => {
    for (const element of root.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > right + 1 && element.checkVisibility()) {
        overflowing.add(`${element.localName}.${element.className}: ${element.textContent?.slice(0, 30)}`);
      }
      if (element.shadowRoot) walk(element.shadowRoot, right);
    }
  };
  for (const id of ['USA', 'PRK', 'RUS']) {
    graph.select(id);
    await graph.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    walk(graph.shadowRoot as ShadowRoot, graph.getBoundingClientRect().right);
  }
  // Before, the timeline's sliders (11rem) and a long tie type's chip (not wrapped) were cut off.
  expect([...overflowing]).toEqual([]);
});
