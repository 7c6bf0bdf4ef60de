/**
 * The refined layout of a graph shown first from a draft, with the worker's answers held back
 * (worker-gate.ts) so that they come in either order against the drawing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import { computeLayout } from '../../src/layout/compute.ts';
import { layoutRequestOf } from '../../src/layout/request.ts';
import { parseSeed } from '../../src/layout/seed.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { buildElements } from '../../src/render/elements.ts';
import { syntheticDataset, withSha256 } from '../bench/generate.ts';
import { drawnWhile, type FrameDrawn, framesWhile } from './canvas-frames.ts';
import { onFirstFrame } from './core-watch.ts';
import { mountData, mouseAt, renderedAt, unmountAll } from './helpers.ts';
import { holdDraftsUntilRefined, holdRefinedLayouts, openWorkerGate } from './worker-gate.ts';

afterEach(() => {
  openWorkerGate();
  unmountAll();
  vi.unstubAllGlobals();
});

/**
 * Draws 200 actors and their blocs (above 200 nodes: a draft, then a refined layout of default
 * quality) with the gate holding `hold`, and returns the most nodes seen moving at once and which
 * layout the graph's first frame showed. A refined layout held comes once the graph has drawn
 * `framesBefore` frames.
 */
async function drawWithGate(
  hold: 'draft' | 'refined',
  inFirstFrame?: (cy: NonNullable<ActorGraph['cy']>) => void,
  framesBefore = 1,
): Promise<{ most: number; firstDrawn: 'draft' | 'refined' | 'neither' }> {
  const { dataset, text } = await withSha256(syntheticDataset({ actors: 200, seed: 4 }));
  const release = hold === 'draft' ? undefined : holdRefinedLayouts();
  if (hold === 'draft') holdDraftsUntilRefined();
  let firstDrawn = new Map<string, { x: number; y: number }>();
  let ready = false;
  const mounted = mountData(dataset, { [dataset.sources[0]?.text ?? '']: text }, '', 60_000).then((result) => {
    ready = true;
    return result;
  });
  const element = document.querySelector('actor-graph') as ActorGraph;
  onFirstFrame(element, (cy) => {
    firstDrawn = new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
    inFirstFrame?.(cy);
    // The refined layout comes once the draft is drawn.
    let drawnFrames = 1;
    if (drawnFrames >= framesBefore) release?.();
    else
      cy.on('render', () => {
        if (++drawnFrames === framesBefore) release?.();
      });
  });
  let most = 0;
  while (!ready) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    most = Math.max(most, element.cy?.nodes().filter((node) => node.animated()).length ?? 0);
  }
  const { graph, error } = await mounted;
  expect(error).toBeUndefined();
  // Ready comes as the graph's frames resume; its first frame follows.
  while (firstDrawn.size === 0) await new Promise((resolve) => requestAnimationFrame(resolve));
  expect(graph.cy?.nodes().filter((node) => node.animated()).length).toBe(0);
  // The graph ends where the refined layout puts it.
  const request = layoutRequestOf(buildElements(dataset as Dataset), parseSeed(undefined), 15);
  const refined = await computeLayout(request);
  for (const [id, x, y] of refined) expect(graph.cy?.getElementById(id).position()).toEqual({ x, y });
  const draft = await computeLayout({ ...request, quality: 'draft' });
  return { most, firstDrawn: sameAs(firstDrawn, refined) ? 'refined' : sameAs(firstDrawn, draft) ? 'draft' : 'neither' };
}

function sameAs(drawn: ReadonlyMap<string, { x: number; y: number }>, positions: readonly [string, number, number][]): boolean {
  return drawn.size === positions.length && positions.every(([id, x, y]) => drawn.get(id)?.x === x && drawn.get(id)?.y === y);
}

describe('the refined layout', () => {
  it('glides in when it comes after the draft is drawn', async () => {
    const { most, firstDrawn } = await drawWithGate('refined');
    expect(firstDrawn).toBe('draft');
    expect(most).toBeGreaterThan(100);
  }, 60_000);

  it("leaves the ties out of the glide's frames, and draws them again once it ends", async () => {
    const { dataset, text } = await withSha256(syntheticDataset({ actors: 200, seed: 4 }));
    const release = holdRefinedLayouts();
    const mounted = mountData(dataset, { [dataset.sources[0]?.text ?? '']: text }, '', 60_000);
    const element = document.querySelector('actor-graph') as ActorGraph;
    // After the draft's first three frames, which add its ties and then its labels.
    onFirstFrame(element, (cy) => {
      let drawn = 1;
      cy.on('render', () => {
        if (++drawn === 3) release();
      });
    });
    let ready = false;
    void mounted.then(() => (ready = true));
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let gliding: FrameDrawn[] = [];
    while (!ready && gliding.length === 0) {
      await nextFrame();
      if (
        element.cy
          ?.nodes()
          .filter((node) => node.animated())
          .nonempty()
      )
        gliding = await framesWhile(async () => {
          await nextFrame();
          await nextFrame();
        });
    }
    const { graph, error } = await mounted;
    expect(error).toBeUndefined();
    await nextFrame();
    const settled = await framesWhile(async () => {
      graph.cy?.forceRender();
      await nextFrame();
      await nextFrame();
    });
    // The actors' outlines alone in the glide's frames; with the ties (more than 100) after it.
    expect(gliding.length).toBeGreaterThan(0);
    expect(settled.length).toBeGreaterThan(0);
    for (const frame of gliding) expect(frame.strokes).toBeLessThan((settled[0]?.strokes ?? 0) - 100);
    expect(gliding.every((frame) => frame.texts > 100)).toBe(true);
  }, 60_000);

  it('jumps in where the reader prefers reduced motion', async () => {
    const real = window.matchMedia.bind(window);
    vi.stubGlobal('matchMedia', (query: string) =>
      query.includes('prefers-reduced-motion') ? { ...real(query), matches: true, media: query } : real(query),
    );
    const { most, firstDrawn } = await drawWithGate('refined');
    expect(firstDrawn).toBe('draft');
    expect(most).toBe(0);
  }, 60_000);

  it('is drawn at once, with no draft drawn and no glide, when it comes before the graph is drawn', async () => {
    const { most, firstDrawn } = await drawWithGate('draft');
    expect(firstDrawn).toBe('refined');
    expect(most).toBe(0);
  }, 60_000);

  it("draws the draft's actors in its first frame, whose drawing code is cold, its ties from the second and its labels from the third", async () => {
    // The draft's frames, and the glide's, come before the graph is ready.
    // The refined layout comes after them: its glide's frames leave the ties out.
    const [first, second, third] = await framesWhile(() => drawWithGate('refined', undefined, 3));
    // The actors' outlines, then the ties' lines too (more than 100 of each at 200 actors).
    expect(first?.strokes).toBeGreaterThan(100);
    expect(second?.strokes).toBeGreaterThan((first?.strokes ?? 0) + 100);
    expect(first?.texts).toBe(0);
    expect(second?.texts).toBe(0);
    expect(third?.texts).toBeGreaterThan(100);
  }, 60_000);

  it("is exported whole as a PNG while the draft's first frames leave the ties and labels out", async () => {
    let held: FrameDrawn | undefined;
    let cy: NonNullable<ActorGraph['cy']> | undefined;
    await drawWithGate('refined', (core) => {
      cy = core;
      held = drawnWhile(() => core.png());
    });
    const settled = drawnWhile(() => cy?.png());
    // Lines for the ties as well as the actors, and the labels.
    expect(held?.texts).toBeGreaterThan(100);
    expect(held?.strokes).toBeGreaterThan(0.9 * settled.strokes);
    expect(held?.texts).toBeGreaterThan(0.9 * settled.texts);
  }, 60_000);

  it.each([
    [200, 'glides'],
    [500, 'jumps'],
  ])(
    "keeps the reader's move of an actor dragged on the draft, and leaves one still held under the pointer, at %i actors (it %s)",
    async (actors) => {
      const { dataset, text } = await withSha256(syntheticDataset({ actors, seed: 4 }));
      const release = holdRefinedLayouts();
      const mounted = mountData(dataset, { [dataset.sources[0]?.text ?? '']: text }, '', 60_000);
      const element = document.querySelector('actor-graph') as ActorGraph;
      let drawn = false;
      onFirstFrame(element, () => (drawn = true));
      while (!drawn) await new Promise((resolve) => requestAnimationFrame(resolve));
      const cy = element.cy;
      const canvas = element.shadowRoot?.querySelector<HTMLCanvasElement>('.graph canvas');
      if (cy === undefined || canvas === null || canvas === undefined) throw new Error('no graph');
      const box = canvas.getBoundingClientRect();
      const pointer = { x: 0, y: 0 };
      const mouse = (type: string, x: number, y: number) => {
        Object.assign(pointer, { x, y });
        mouseAt(canvas, type, x, y);
      };
      // Each drag grabs whichever actor is on top where it starts, and where it stood then.
      const grabbed = new Map<string, { x: number; y: number }>();
      cy.on('grab', 'node', (event) => grabbed.set(event.target.id(), { ...event.target.position() }));
      const inView = cy.nodes().filter((node) => {
        const { x, y } = node.renderedPosition();
        return x > 60 && y > 60 && x < box.width - 60 && y < box.height - 60;
      });
      const drag = (id: string, steps: number) => {
        const at = renderedAt(element, id);
        mouse('mousedown', box.left + at.x, box.top + at.y);
        for (let step = 1; step <= steps; step++) mouse('mousemove', box.left + at.x + 10 * step, box.top + at.y + 5 * step);
      };
      // One actor dragged and let go on the draft; another still held when the refined layout comes.
      drag(inView[0]?.id() ?? '', 4);
      mouse('mouseup', pointer.x, pointer.y);
      drag(inView[inView.length - 1]?.id() ?? '', 3);
      const [dropped, holding] = [...grabbed.keys()].map((id) => cy.getElementById(id));
      if (dropped === undefined || holding === undefined) throw new Error('two actors were not grabbed');
      const droppedAt = { ...dropped.position() };
      /** How far the held actor is drawn from the pointer, in pixels. */
      const offPointer = () => {
        const at = holding.renderedPosition();
        return Math.hypot(box.left + at.x - pointer.x, box.top + at.y - pointer.y);
      };
      const offAtStart = offPointer();
      // How much larger the refined layout is than the draft: a move kept is scaled as much.
      const span = (points: { x: number; y: number }[]) =>
        Math.max(
          Math.max(...points.map((p) => p.x)) - Math.min(...points.map((p) => p.x)),
          Math.max(...points.map((p) => p.y)) - Math.min(...points.map((p) => p.y)),
        );
      const draftSpan = span(cy.nodes().map((node) => node.position()));
      release();
      // The held actor follows the pointer while the others glide.
      let ready = false;
      void mounted.then(() => (ready = true));
      let movedWhileGliding = false;
      while (!ready) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (
          movedWhileGliding ||
          cy
            .nodes()
            .filter((node) => node.animated())
            .empty()
        )
          continue;
        const before = holding.position().x;
        mouse('mousemove', pointer.x + 10, pointer.y);
        expect(holding.position().x).toBeGreaterThan(before);
        movedWhileGliding = true;
      }
      const { error } = await mounted;
      expect(error).toBeUndefined();
      if (actors <= 400) expect(movedWhileGliding).toBe(true);
      expect(Math.abs(offPointer() - offAtStart)).toBeLessThan(1);
      mouse('mousemove', pointer.x + 20, pointer.y);
      expect(Math.abs(offPointer() - offAtStart)).toBeLessThan(1);
      // Let go, the view is fitted to the refined layout, which is larger than the draft.
      const zoomHeld = cy.zoom();
      mouse('mouseup', pointer.x, pointer.y);
      expect(cy.zoom()).toBeLessThan(zoomHeld * 0.8);
      // The dropped actor goes where the refined layout puts it, moved as the reader moved it;
      // every other actor goes where the refined layout puts it.
      const request = layoutRequestOf(buildElements(dataset as Dataset), parseSeed(undefined), 15);
      const refined = new Map((await computeLayout(request)).map(([id, x, y]) => [id, { x, y }]));
      const from = grabbed.get(dropped.id());
      const goal = refined.get(dropped.id());
      const scale = span([...refined.values()]) / draftSpan;
      expect(scale).toBeGreaterThan(1.5);
      expect(dropped.position().x).toBeCloseTo((goal?.x ?? 0) + (droppedAt.x - (from?.x ?? 0)) * scale, 6);
      expect(dropped.position().y).toBeCloseTo((goal?.y ?? 0) + (droppedAt.y - (from?.y ?? 0)) * scale, 6);
      expect(droppedAt).not.toEqual(from);
      const others = cy
        .nodes()
        .filter((node) => !grabbed.has(node.id()))
        .nodes();
      const misplaced = others.filter((node) => JSON.stringify(node.position()) !== JSON.stringify(refined.get(node.id())));
      expect(misplaced).toHaveLength(0);
      expect(others.length).toBe(cy.nodes().length - 2);
    },
    60_000,
  );

  it('is fitted to the view when it comes, after a resize of the widget while the draft showed', async () => {
    const { dataset, text } = await withSha256(syntheticDataset({ actors: 200, seed: 4 }));
    const release = holdRefinedLayouts();
    const mounted = mountData(dataset, { [dataset.sources[0]?.text ?? '']: text }, '', 60_000);
    const element = document.querySelector('actor-graph') as ActorGraph;
    onFirstFrame(element, () => {
      // A scrollbar, a phone turned: the widget narrows while the draft shows.
      element.style.width = '640px';
      requestAnimationFrame(() => requestAnimationFrame(() => release()));
    });
    const { graph, error } = await mounted;
    expect(error).toBeUndefined();
    const cy = graph.cy as NonNullable<ActorGraph['cy']>;
    expect(cy.width()).toBeLessThan(640);
    const shown = { zoom: cy.zoom(), pan: cy.pan() };
    graph.fit();
    expect(cy.zoom()).toBeCloseTo(shown.zoom, 6);
    expect(cy.pan().x).toBeCloseTo(shown.pan.x, 3);
    expect(cy.pan().y).toBeCloseTo(shown.pan.y, 3);
  }, 60_000);
});
