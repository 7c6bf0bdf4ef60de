/** Correctness of the paths that keep the page responsive: the worker, WebGL, the lazy start. */
import cytoscape, { type EdgeSingular } from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import {
  drawDirectly,
  drawFirstFrameInSteps,
  keptWholeBox,
  leaveTiesOut,
  positionKeyOf,
} from '../../components/actor-graph/direct-drawing.ts';
import { collectionPrototype, type ElementInternals } from '../../components/actor-graph/element-internals.ts';
import { transformAfter } from '../../components/actor-graph/kept-transform.ts';
import { makeGraphLayerBitmap } from '../../components/actor-graph/layer-bitmaps.ts';
import { layOutInWorker } from '../../components/actor-graph/layout-client.ts';
import type { LayoutAnswer, LayoutMessage } from '../../components/actor-graph/layout-messages.ts';
import { measureInSlices } from '../../components/actor-graph/measure-once.ts';
import { skipNeedlessFrames } from '../../components/actor-graph/needless-frames.ts';
import { webglRendererName, webglSupport, withoutWebGLNotice } from '../../components/actor-graph/webgl.ts';
import { nextFrame, yieldToMain } from '../../components/shared/yield-to-main.ts';
import { computeLayout } from '../../src/layout/compute.ts';
import { layoutRequestOf } from '../../src/layout/request.ts';
import { parseSeed } from '../../src/layout/seed.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { buildElements } from '../../src/render/elements.ts';
import { buildStylesheet } from '../../src/render/stylesheet.ts';
import { DEFAULT_THEME } from '../../src/render/theme.ts';
import { syntheticDataset, withSha256 } from '../bench/generate.ts';
import { framesWhile } from './canvas-frames.ts';
import { onCoreMade, onFirstFrame } from './core-watch.ts';
import {
  inside,
  mount,
  mountData,
  mountGraph,
  nextEvent,
  paintedPixels,
  paintedPixelsOf,
  renderedAt,
  SEED_URL,
  unmountAll,
} from './helpers.ts';
// Installed before the page makes its layout worker; it lets answers pass unless a test holds them.
import { holdDraftsThenRefined, holdRefinedLayouts, openWorkerGate } from './worker-gate.ts';

afterEach(() => {
  openWorkerGate();
  unmountAll();
});

/** Waits for `count` animation frames. */
async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await nextFrame();
}

/**
 * Tells the page's animation frames apart from its other tasks until `restore` is called: a flag
 * that each frame sets and a task of the highest priority clears, so that what runs right after a
 * frame, in its task, still counts as in it.
 */
function tellFramesApart(): { inFrame(): boolean; restore(): void } {
  const realFrame = window.requestAnimationFrame;
  const scheduler = (globalThis as unknown as { scheduler: { postTask(task: () => void, options: object): unknown } }).scheduler;
  let inFrame = false;
  window.requestAnimationFrame = (callback) =>
    realFrame((time) => {
      inFrame = true;
      scheduler.postTask(() => (inFrame = false), { priority: 'user-blocking' });
      callback(time);
    });
  return { inFrame: () => inFrame, restore: () => (window.requestAnimationFrame = realFrame) };
}

/** Calls `counted` with the number of ties each time the renderer of `cy` works out their curves. */
function countTieProjections(cy: cytoscape.Core, counted: (ties: number) => void): void {
  const renderer = (cy as unknown as { renderer(): { recalculateEdgeProjections(edges: unknown[]): void } }).renderer();
  const original = renderer.recalculateEdgeProjections;
  renderer.recalculateEdgeProjections = function (this: unknown, edges: unknown[]) {
    counted(edges.length);
    return original.call(this, edges);
  };
}

/** The graph's canvas layer `name` (`node`, `drag` or `selectbox`), as Cytoscape tags it. */
function layer(graph: ActorGraph, name: string): HTMLCanvasElement {
  const canvas = graph.shadowRoot?.querySelector<HTMLCanvasElement>(`.graph canvas[data-id$="-${name}"]`);
  if (canvas === null || canvas === undefined) throw new Error(`no ${name} layer`);
  return canvas;
}

/** The calls that give a canvas its bitmap (the first of them does), and those that only move it. */
const BITMAP_CALLS = [
  'setTransform',
  'resetTransform',
  'translate',
  'scale',
  'rotate',
  'transform',
  'save',
  'restore',
  'clearRect',
] as const;

/** Records the canvas and the name of each call in `BITMAP_CALLS`, in order, until `stop()`. */
function recordBitmapCalls(): { calls: { canvas: HTMLCanvasElement; call: string; width: number }[]; stop(): void } {
  const calls: { canvas: HTMLCanvasElement; call: string; width: number }[] = [];
  const spies = BITMAP_CALLS.map((call) => {
    const original = CanvasRenderingContext2D.prototype[call] as (...args: unknown[]) => unknown;
    return vi.spyOn(CanvasRenderingContext2D.prototype, call).mockImplementation(function (
      this: CanvasRenderingContext2D,
      ...args: unknown[]
    ) {
      calls.push({ canvas: this.canvas, call, width: this.canvas.width });
      return original.apply(this, args);
    } as never);
  });
  return {
    calls,
    stop: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}

/**
 * Calls `onAsked` with the quality of each layout the page asks the worker for, and the worker,
 * once the request is posted. With `sendWithCancel`, each request is held back until the page
 * cancels it, and then posted just before its cancel: the worker then has the cancel in its queue
 * before it begins the job, however quick the job is. The returned function stops watching.
 */
function watchLayoutRequests(
  onAsked: (quality: string, worker: Worker, message: LayoutMessage) => void,
  onCancel?: (id: number) => void,
  sendWithCancel = false,
): () => void {
  const original = Worker.prototype.postMessage;
  const held = new Map<number, () => void>();
  Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    const message = args[0] as LayoutMessage | undefined;
    if (message !== undefined && 'cancel' in message) {
      held.get(message.cancel)?.();
      held.delete(message.cancel);
    }
    if (sendWithCancel && message !== undefined && 'request' in message)
      held.set(message.id, () => original.apply(this, args as never));
    else original.apply(this, args as never);
    if (message !== undefined && 'request' in message) onAsked(message.request.quality, this, message);
    if (message !== undefined && 'cancel' in message) onCancel?.(message.cancel);
  };
  return () => {
    Worker.prototype.postMessage = original;
    for (const post of held.values()) post();
  };
}

/**
 * Mounts a seeded synthetic graph of `actors` actors and waits until it is drawn. Given
 * `gridColumns`, the data stores positions on a grid of that many columns, so that no layout runs:
 * for tests about drawing or moving the view, not about laying out.
 */
async function mountSynthetic(actors: number, seed: number, gridColumns?: number): Promise<ActorGraph> {
  const { dataset, text } = await withSha256(syntheticDataset({ actors, seed }));
  const positions =
    gridColumns === undefined
      ? undefined
      : Object.fromEntries(
          dataset.actors.map((actor, i) => [actor.id, [(i % gridColumns) * 60, Math.floor(i / gridColumns) * 60]]),
        );
  const data = positions === undefined ? dataset : { ...dataset, layout: { seed: parseSeed(undefined), positions } };
  const { graph, error } = await mountData(data, { [dataset.sources[0]?.text ?? '']: text }, '', 60_000);
  expect(error).toBeUndefined();
  return graph;
}

describe('the layout worker', () => {
  it('gives the same positions as the main thread for the same seed', async () => {
    const dataset = syntheticDataset({ actors: 300, seed: 2 }).dataset as Dataset;
    const request = layoutRequestOf(buildElements(dataset), 4, 15);
    const [inWorker, onMainThread] = await Promise.all([layOutInWorker(request), computeLayout(request)]);
    expect(inWorker).toHaveLength(dataset.actors.length);
    expect(inWorker).toEqual(onMainThread);
  });

  it('falls back to the main thread, with the same positions, when no worker may start', async () => {
    const dataset = syntheticDataset({ actors: 40, seed: 3 }).dataset as Dataset;
    const request = layoutRequestOf(buildElements(dataset), 5, 15);
    // As under a CSP without worker-src 'self': constructing a Worker throws.
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('Refused by the test', 'SecurityError');
        }
      },
    );
    try {
      // A fresh copy of the module, which has not started a worker yet.
      const fresh = (await import(
        /* @vite-ignore */ `../../components/actor-graph/layout-client.ts?fallback=${Date.now()}`
      )) as typeof import('../../components/actor-graph/layout-client.ts');
      await expect(fresh.layOutInWorker(request)).rejects.toThrow();
      expect(await fresh.layOut(request)).toEqual(await computeLayout(request));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('the renderer', () => {
  /** Whether `graph` is drawn by Cytoscape's WebGL renderer, and whether it has the WebGL layer. */
  const rendererOf = (graph: ActorGraph) => ({
    webgl: (graph.cy as unknown as { renderer(): { webgl?: boolean } }).renderer().webgl === true,
    webglLayer: graph.shadowRoot?.querySelector('.graph canvas[data-id$="-webgl"]') !== null,
  });

  it("keeps only Cytoscape's WebGL notice off the console while a core is made", () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const made = withoutWebGLNotice(() => {
      console.log('webgl rendering enabled');
      console.log('webgl rendering enabled', 'and more');
      console.log('something else');
      return 'core';
    });
    console.log('webgl rendering enabled');
    expect(made).toBe('core');
    expect(log.mock.calls).toEqual([['webgl rendering enabled', 'and more'], ['something else'], ['webgl rendering enabled']]);
    log.mockRestore();
  });

  it('keeps the canvas renderer where WebGL runs in software, as in headless Chromium', async () => {
    const name = webglRendererName();
    // Headless Chromium without a GPU renders WebGL with SwiftShader, or has no WebGL at all.
    if (name !== undefined) expect(name).toMatch(/swiftshader/i);
    expect(webglSupport()).not.toBe('hardware');
  });

  it('draws with WebGL where renderer="webgl" asks, even in software, and graphs made after it do not', async ({ skip }) => {
    skip(webglRendererName() === undefined, 'this browser has no WebGL');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const webgl = await mountGraph(`src="${SEED_URL}" renderer="webgl"`);
    // Cytoscape's notice that it draws with WebGL stays off the page's console.
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
    expect(rendererOf(webgl)).toEqual({ webgl: true, webglLayer: true });
    // A click on an actor selects it: WebGL's picking finds it under the pointer.
    const at = renderedAt(webgl, 'PRK');
    const box = inside(webgl, '.graph').getBoundingClientRect();
    const top = inside(webgl, '.graph canvas');
    await nextFrame();
    for (const type of ['mousedown', 'mouseup']) {
      const buttons = type === 'mouseup' ? 0 : 1;
      top.dispatchEvent(
        new MouseEvent(type, {
          bubbles: true,
          composed: true,
          button: 0,
          buttons,
          clientX: box.left + at.x,
          clientY: box.top + at.y,
        }),
      );
    }
    expect(webgl.selected).toBe('PRK');
    // Cytoscape gave the renderers made after it a WebGL layer too, which they never drew on.
    const canvas = await mountGraph(`src="${SEED_URL}" renderer="canvas"`);
    expect(rendererOf(canvas)).toEqual({ webgl: false, webglLayer: false });
    await frames(2);
    expect(paintedPixels(canvas)).toBeGreaterThan(1000);
    const auto = await mountGraph();
    expect(rendererOf(auto)).toEqual({ webgl: false, webglLayer: false });
  });

  it('keeps the graph for a choice that picks its renderer, draws it again for one that does not, and warns of one it does not know', async ({
    skip,
  }) => {
    skip(webglRendererName() === undefined, 'this browser has no WebGL');
    const graph = await mountGraph();
    const before = graph.cy;
    expect(rendererOf(graph).webgl).toBe(false);
    // `canvas` picks the renderer that draws this small graph already, and so does `auto` again:
    // neither draws it again.
    let readies = 0;
    graph.addEventListener('ag-ready', () => readies++);
    for (const choice of ['canvas', 'auto']) {
      graph.setAttribute('renderer', choice);
      await graph.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(graph.cy).toBe(before);
    }
    expect(readies).toBe(0);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    graph.setAttribute('renderer', 'webgl');
    await graph.updateComplete;
    while (graph.cy === before || graph.cy === undefined) await nextFrame();
    await graph.updateComplete;
    log.mockRestore();
    expect(rendererOf(graph).webgl).toBe(true);
    expect(graph.cy.nodes().length).toBe(before?.nodes().length);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const webglCore = graph.cy;
    // Its contexts, read while it is there (Cytoscape lets go of its renderer when destroyed).
    const contexts = (webglCore as unknown as { renderer(): { data: { contexts: unknown[] } } }).renderer().data.contexts;
    graph.setAttribute('renderer', 'gpu');
    await graph.updateComplete;
    while (graph.cy === webglCore || graph.cy === undefined) await nextFrame();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('the renderer attribute "gpu" is not one of auto, canvas, webgl'));
    expect(rendererOf(graph).webgl).toBe(false);
    // The WebGL graph let its context go when it was destroyed.
    expect(contexts.filter((context) => context instanceof WebGL2RenderingContext && context.isContextLost())).toHaveLength(1);
    // Said once: neither a change of another attribute nor the data loaded again says it again.
    graph.filter = 'alliance';
    await graph.updateComplete;
    const reloaded = nextEvent(graph, 'ag-ready');
    graph.src = `${SEED_URL}?again`;
    await reloaded;
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

describe('drawing on the canvas', () => {
  /**
   * Counts the offscreen canvases created while `draw` runs and in the three frames after:
   * Cytoscape's texture caches are made of them.
   */
  async function offscreenCanvasesDuring(draw: () => Promise<ActorGraph>): Promise<{ graph: ActorGraph; created: number }> {
    let created = 0;
    const Original = OffscreenCanvas;
    vi.stubGlobal(
      'OffscreenCanvas',
      class extends Original {
        constructor(width: number, height: number) {
          super(width, height);
          created++;
        }
      },
    );
    try {
      const graph = await draw();
      // The frames after the graph is placed draw it, and fill the caches of those that have them.
      for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
      return { graph, created };
    } finally {
      vi.unstubAllGlobals();
    }
  }

  it('draws a small graph straight onto its canvas, without texture caches', async () => {
    const { graph, created } = await offscreenCanvasesDuring(() => mountGraph());
    expect(graph.cy?.nodes().length).toBeGreaterThan(10);
    expect(paintedPixels(graph)).toBeGreaterThan(1000);
    expect(created).toBe(0);
  });

  it('works out no texture for a changed element, where no texture is ever made', async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    type Cache = { invalidateElement(element: unknown): void };
    const caches = (cy as unknown as { renderer(): { data: Record<'eleTxrCache' | 'lblTxrCache', Cache> } }).renderer().data;
    let invalidated = 0;
    for (const cache of [caches.eleTxrCache, caches.lblTxrCache]) {
      const original = cache.invalidateElement;
      cache.invalidateElement = function (this: Cache, element: unknown) {
        invalidated++;
        return original.call(this, element);
      };
    }
    cy.getElementById('PRK').style('width', 60);
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    expect(invalidated).toBe(0);
    expect(paintedPixels(graph)).toBeGreaterThan(1000);
  });

  it("reads each part of an element's box as Cytoscape keeps it, with one lookup of the whole per element and frame", async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    type Box = { x1: number; y1: number; x2: number; y2: number; w: number; h: number };
    type Cache = { getBoundingBox(element: unknown): Box | null };
    const data = (cy as unknown as { renderer(): { data: Record<string, Cache> } }).renderer().data;
    const caches = ['eleTxrCache', 'lblTxrCache', 'slbTxrCache', 'tlbTxrCache'].map((name) => data[name] as Cache);
    type Parts = { bodyBounds: Box | null; labelBounds: Record<'main' | 'source' | 'target', Box | null> };
    const EMPTY = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity, w: 0, h: 0 };
    /** What Cytoscape's own lookups return: each looks up the whole box first, then reads its part. */
    const partsAsLookedUp = (element: cytoscape.SingularElementReturnValue): (Box | null)[] => {
      element.boundingBox();
      const parts = (element as unknown as { _private: Parts })._private;
      const { main, source, target } = parts.labelBounds;
      return [parts.bodyBounds, main ?? EMPTY, source ?? EMPTY, target ?? EMPTY];
    };
    // Cytoscape keeps no parts for an element that is not displayed, and draws none.
    const shown = (box: Box | null) =>
      box === null ? 'absent' : box.w === 0 || box.h === 0 ? 'none' : [box.x1, box.y1, box.x2, box.y2].map(Math.round).join(',');
    /** Each cache's box of each element, as the drawing reads it and as Cytoscape looks it up. */
    const boxes = () => {
      const read: string[] = [];
      const lookedUp: string[] = [];
      cy.elements().forEach((element) => {
        for (const cache of caches) read.push(`${element.id()} ${shown(cache.getBoundingBox(element))}`);
        for (const box of partsAsLookedUp(element)) lookedUp.push(`${element.id()} ${shown(box)}`);
      });
      return { read, lookedUp };
    };
    await frames(2);
    const placed = boxes();
    expect(placed.read).toEqual(placed.lookedUp);
    expect(placed.read.filter((box) => /\d$/.test(box)).length).toBeGreaterThan(cy.elements().length);
    // Moved, relabelled and restyled, then drawn: each box follows.
    const korea = cy.getElementById('PRK');
    korea.position({ x: korea.position('x') + 80, y: korea.position('y') - 40 });
    korea.data('label', 'A much longer label for North Korea');
    cy.getElementById('RUS').style('width', 60);
    // What the caches hand the frame that draws these changes, each part as it is asked for.
    const readInFrame = new Map<string, string>();
    const originals = caches.map((cache) => cache.getBoundingBox);
    caches.forEach((cache, i) => {
      const read = originals[i] as Cache['getBoundingBox'];
      cache.getBoundingBox = (element) => {
        const box = read.call(cache, element);
        readInFrame.set(
          `${(element as cytoscape.SingularElementReturnValue).id()} ${i}`,
          `${(element as cytoscape.SingularElementReturnValue).id()} ${shown(box)}`,
        );
        return box;
      };
    });
    try {
      await frames(2);
    } finally {
      caches.forEach((cache, i) => {
        cache.getBoundingBox = originals[i] as Cache['getBoundingBox'];
      });
    }
    const changed = boxes();
    expect(changed.read).toEqual(changed.lookedUp);
    expect(changed.read).not.toEqual(placed.read);
    // The frame read every part it drew as Cytoscape looks it up once the changes are measured.
    expect(readInFrame.size).toBeGreaterThan(cy.elements().length);
    cy.elements().forEach((element, index) => {
      caches.forEach((_, i) => {
        const read = readInFrame.get(`${element.id()} ${i}`);
        if (read !== undefined) expect(read).toBe(changed.lookedUp[index * caches.length + i]);
      });
    });

    // A frame looks each element's whole box up once, not once more for each of its parts.
    const prototype = collectionPrototype(cy) as { boundingBox(...args: unknown[]): unknown };
    const lookUp = prototype.boundingBox;
    let lookups = 0;
    prototype.boundingBox = function (this: unknown, ...args: unknown[]) {
      lookups++;
      return lookUp.apply(this, args);
    };
    try {
      cy.forceRender();
      await frames(2);
    } finally {
      prototype.boundingBox = lookUp;
    }
    // Every element in view is drawn, so looked up: the whole seed is in view once fitted.
    expect(lookups).toBeGreaterThanOrEqual(cy.elements(':visible').length);
    expect(lookups).toBeLessThanOrEqual(cy.elements().length + 2);
  });

  it("hands a frame each element's whole box as Cytoscape keeps it while it is good, and looks it up where it is not", async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    await frames(2);
    type Element = cytoscape.SingularElementReturnValue & Partial<ElementInternals>[];
    const kept = (element: cytoscape.SingularElementReturnValue | cytoscape.EdgeSingular) =>
      keptWholeBox(element as unknown as Element);
    // Once drawn, every element's box is kept, under the key worked out here: the very object
    // Cytoscape's lookup returns.
    cy.elements().forEach((element) => {
      expect(kept(element)).toBeDefined();
      expect(kept(element)).toBe(element.boundingBox());
    });
    // An actor moved behind Cytoscape's back: its box and its ties' are no longer good.
    const korea = cy.getElementById('PRK');
    const position = (korea as unknown as Element)[0]?._private?.position as { x: number; y: number };
    position.x += 200;
    expect(kept(korea)).toBeUndefined();
    for (const tie of korea.connectedEdges()) expect(kept(tie)).toBeUndefined();
    expect(kept(cy.getElementById('CHN'))).toBeDefined();
    position.x -= 200;
    expect(kept(korea)).toBe(korea.boundingBox());
    // Moved as the page moves it, or restyled: looked up again until measured.
    korea.position({ x: korea.position('x') + 40, y: korea.position('y') });
    expect(kept(korea)).toBeUndefined();
    cy.getElementById('RUS').style('width', 60);
    expect(kept(cy.getElementById('RUS'))).toBeUndefined();
    // The frame that draws those changes gets, for each element, the box Cytoscape's own lookup gives after.
    const prototype = collectionPrototype(cy) as { boundingBox(...args: unknown[]): unknown };
    const lookUp = prototype.boundingBox;
    const handed = new Map<unknown, unknown>();
    prototype.boundingBox = function (this: unknown, ...args: unknown[]) {
      const box = lookUp.apply(this, args);
      if (args.length === 0) handed.set(this, JSON.stringify(box));
      return box;
    };
    try {
      await frames(2);
    } finally {
      prototype.boundingBox = lookUp;
    }
    expect(handed.size).toBeGreaterThanOrEqual(cy.elements(':visible').length);
    for (const [element, box] of handed) expect(box).toBe(JSON.stringify((element as cytoscape.Collection).boundingBox()));
    for (const element of cy.elements()) expect(kept(element)).toBe(element.boundingBox());
  });

  it("has each frame take an unmoved element's whole box as kept, not work it out again", async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    await frames(2);
    // Cytoscape's own lookup writes the box's width and height each time; taking it as kept does not.
    let writes = 0;
    for (const element of cy.elements()) {
      const parts = (element as unknown as { _private: { bbCache: object | null } })._private;
      const box = parts.bbCache;
      if (box === null) continue;
      parts.bbCache = new Proxy(box, {
        set(target, key, value) {
          if (key === 'w' || key === 'h') writes++;
          return Reflect.set(target, key, value);
        },
      });
    }
    cy.forceRender();
    await frames(2);
    expect(paintedPixels(graph)).toBeGreaterThan(1000);
    expect(writes).toBe(0);
  });

  it('works out the key Cytoscape stores with a box from the same positions', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        { data: { id: 'a' }, position: { x: 10.4, y: -20.6 } },
        { data: { id: 'b' }, position: { x: 123456.7, y: 0.5 } },
        { data: { id: 'ab', source: 'a', target: 'b' } },
      ],
      style: [{ selector: 'node', style: { width: 10, height: 10 } }],
    });
    try {
      cy.elements().forEach((element) => {
        element.boundingBox();
        const parts = (element as unknown as ElementInternals)._private;
        expect(positionKeyOf(parts)).toBe(parts.bbCachePosKey);
      });
    } finally {
      cy.destroy();
    }
  });

  it('draws a graph of a few hundred actors straight onto its canvas too', async () => {
    const { graph, created } = await offscreenCanvasesDuring(() => mountSynthetic(300, 5));
    expect(paintedPixels(graph)).toBeGreaterThan(1000);
    expect(created).toBe(0);
  }, 90_000);

  it('draws the ties and labels of a graph shown at once, with no draft, in its first frame', async () => {
    // A graph shown from a draft draws its ties from its second frame on and its labels from the
    // third: see refined-layout.test.ts, which can hold the worker's answers back in either order.
    const [once] = await framesWhile(async () => {
      await mountGraph();
      // `ag-ready` comes as the graph is placed, before the frame that draws it.
      await frames(2);
    });
    expect(once?.texts).toBeGreaterThan(10);
    // The seed's 19 actors' outlines and its ties' lines.
    expect(once?.strokes).toBeGreaterThan(40);
  }, 90_000);

  it('leaves out labels smaller on screen than their min-zoomed-font-size (6 px), and draws the rest', async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    const renderer = (cy as unknown as { renderer(): { getPixelRatio(): number } }).renderer();
    /** How many texts the next frame draws, at a zoom where the 15-unit labels are `px` on screen. */
    const textsDrawnAt = async (px: number) => {
      cy.zoom(px / 15 / renderer.getPixelRatio());
      let texts = 0;
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      vi.spyOn(CanvasRenderingContext2D.prototype, 'fillText').mockImplementation(function (
        this: CanvasRenderingContext2D,
        ...args
      ) {
        texts++;
        return fillText.apply(this, args);
      });
      try {
        await new Promise(requestAnimationFrame);
        await new Promise(requestAnimationFrame);
      } finally {
        vi.restoreAllMocks();
      }
      return texts;
    };
    // Cytoscape rounds the zoom up to a power of two here, and drew them at 5.5 px.
    let frames = 0;
    cy.on('render', () => frames++);
    expect(await textsDrawnAt(5.5)).toBe(0);
    expect(frames).toBeGreaterThan(0);
    expect(await textsDrawnAt(6.5)).toBeGreaterThan(10);
  });

  it('leaves out target arrowheads far out (below a zoom of 0.35) as it draws, without restyling the ties', async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    const renderer = (cy as unknown as { renderer(): { drawArrowShape(...args: unknown[]): void } }).renderer();
    const drawArrowShape = renderer.drawArrowShape;
    /** The shapes drawn since the last frame began, by where they sit on the tie. */
    let drawn: string[] = [];
    renderer.drawArrowShape = function (this: unknown, ...args: unknown[]) {
      drawn.push(String(args[9]));
      return drawArrowShape.apply(this, args);
    };
    let frames = 0;
    cy.on('render', () => frames++);
    /** The arrowheads the frame after a zoom to `zoom` draws. */
    const arrowsAt = async (zoom: number) => {
      cy.zoom({ level: zoom, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      await new Promise(requestAnimationFrame);
      drawn = [];
      frames = 0;
      cy.zoom({ level: zoom * 1.01, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      expect(frames).toBeGreaterThan(0);
      return drawn;
    };
    expect(await arrowsAt(0.3)).toEqual([]);
    expect(cy.edges('.lod-far')).toHaveLength(0);
    expect((await arrowsAt(0.5)).filter((at) => at === 'target').length).toBeGreaterThan(5);
    // The hollow circle in the middle of an absent tie stays, far out too.
    graph.showAbsent = true;
    await graph.updateComplete;
    const far = await arrowsAt(0.3);
    expect(far.length).toBeGreaterThan(0);
    expect(far.every((at) => at === 'mid-target')).toBe(true);
  });

  it('keeps the texture caches above 4,000 actors, where they make each redraw cheaper', async ({ skip }) => {
    // With a real GPU such a graph is drawn with WebGL, whose atlases are offscreen canvases too.
    skip(webglSupport() === 'hardware', 'this browser draws large graphs with WebGL');
    // The class that takes the arrowheads off is on from the start when the fit is sure to be far
    // out: put on after the graph was measured, it had every tie measured again in the first frame.
    const headless = cytoscape({ headless: true });
    const collection = collectionPrototype<'toggleClass'>(headless);
    const toggleClass = collection.toggleClass;
    const toggled: unknown[] = [];
    collection.toggleClass = function (...args: unknown[]) {
      if (args[0] === 'lod-far') toggled.push(args[1]);
      return toggleClass.apply(this, args as never);
    };
    let mounted: Awaited<ReturnType<typeof offscreenCanvasesDuring>>;
    try {
      mounted = await offscreenCanvasesDuring(() => mountSynthetic(4001, 5, 70));
    } finally {
      collection.toggleClass = toggleClass;
      headless.destroy();
    }
    const { graph, created } = mounted;
    const cy = graph.cy;
    expect(cy?.nodes().length).toBeGreaterThan(4000);
    expect(created).toBeGreaterThan(0);
    expect(cy?.zoom()).toBeLessThan(0.35);
    expect(toggled).toEqual([]);
    expect(cy?.edges('.directed.lod-far').length).toBe(cy?.edges('.directed').length);
    // Textures keep what they were drawn with, so there a class takes the arrowheads off far out.
    cy?.zoom(0.3);
    expect(cy?.edges('.directed.lod-far').length).toBe(cy?.edges('.directed').length);
    cy?.zoom(0.5);
    expect(cy?.edges('.lod-far')).toHaveLength(0);
  }, 90_000);
});

describe('pressing an actor', () => {
  /** What Cytoscape calls on the element under the pointer: not in its public types. */
  interface Pressable {
    activate(): void;
    unactivate(): void;
    active(): boolean;
  }
  /** How often the renderer of `cy` is asked to draw again while `act` runs. */
  function redrawsDuring(cy: cytoscape.Core, act: () => void): number {
    const renderer = (cy as unknown as { renderer(): { redraw(...args: unknown[]): unknown } }).renderer();
    const redraw = renderer.redraw.bind(renderer);
    let count = 0;
    renderer.redraw = (...args: unknown[]) => {
      count++;
      return redraw(...args);
    };
    try {
      act();
    } finally {
      renderer.redraw = redraw;
    }
    return count;
  }

  it('activates it, with its events, without restyling or redrawing the graph', async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    const node = cy.getElementById('PRK');
    const pressed = node as unknown as Pressable;
    const events: string[] = [];
    node.on('activate unactivate', (event) => events.push(event.type));
    expect(redrawsDuring(cy, () => pressed.activate())).toBe(0);
    expect(pressed.active()).toBe(true);
    expect(redrawsDuring(cy, () => pressed.unactivate())).toBe(0);
    expect(pressed.active()).toBe(false);
    expect(events).toEqual(['activate', 'unactivate']);
  });

  it('leaves the cores of others (here, a bare one) as Cytoscape made them', async () => {
    await mountGraph();
    const box = mount('<div style="width:200px;height:200px"></div>');
    const other = cytoscape({ container: box.firstElementChild as HTMLElement, elements: [{ data: { id: 'a' } }] });
    try {
      const pressed = other.getElementById('a') as unknown as Pressable;
      pressed.activate();
      expect(redrawsDuring(other, () => pressed.unactivate())).toBeGreaterThan(0);
    } finally {
      other.destroy();
    }
  });
});

describe('frames that show nothing new', () => {
  /** Waits until `cy` has drawn nothing for three frames in a row (at most two seconds). */
  async function settled(cy: cytoscape.Core): Promise<void> {
    let drawn = 0;
    const count = () => drawn++;
    cy.on('render', count);
    try {
      for (let quiet = 0, frames = 0; quiet < 3 && frames < 120; frames++) {
        const before = drawn;
        await nextFrame();
        quiet = drawn === before ? quiet + 1 : 0;
      }
    } finally {
      cy.off('render', count);
    }
  }

  /** How many frames `cy` draws in the eight animation frames after `change` runs. */
  async function framesAfter(cy: cytoscape.Core, change: () => void): Promise<number> {
    await settled(cy);
    let drawn = 0;
    const count = () => drawn++;
    cy.on('render', count);
    try {
      change();
      for (let i = 0; i < 8; i++) await nextFrame();
    } finally {
      cy.off('render', count);
    }
    return drawn;
  }

  it('draws a change to the graph in one frame, not two', async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    // A restyle that changes the actor's box: Cytoscape's own measuring asked for a second frame.
    expect(await framesAfter(cy, () => cy.getElementById('PRK').style('width', 60))).toBe(1);
    expect(await framesAfter(cy, () => cy.getElementById('PRK').shift({ x: 40, y: 0 }))).toBe(1);
  });

  it('still draws the ties of an actor where it went, also when it moves during frames', async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    await settled(cy);
    const node = cy.getElementById('PRK');
    /** Whether every visible tie of the actor ends on its border, not where the actor was. */
    const tiesFollow = () => {
      const at = node.position();
      const ties = node.connectedEdges(':visible').toArray() as EdgeSingular[];
      expect(ties.length).toBeGreaterThan(0);
      return ties.every((tie) => {
        const end = tie.source().same(node) ? tie.sourceEndpoint() : tie.targetEndpoint();
        return Math.hypot(end.x - at.x, end.y - at.y) < node.outerWidth();
      });
    };
    node.position({ x: node.position('x') + 300, y: node.position('y') - 200 });
    await nextFrame();
    await nextFrame();
    expect(tiesFollow()).toBe(true);
    // Measured, but with no box worked out (as by a frame that draws the bitmap of a dragged
    // view), the actor moves again within a frame, as an animation moves it: that move must
    // still be measured before the frame draws.
    const renderer = (
      cy as unknown as {
        renderer(): {
          flushRenderedStyleQueue(): void;
          beforeRender(work: (willDraw: boolean) => void, priority: number): void;
          redraw(): void;
        };
      }
    ).renderer();
    node.position({ x: node.position('x') - 100, y: node.position('y') + 50 });
    renderer.flushRenderedStyleQueue();
    let moved = false;
    renderer.beforeRender((willDraw) => {
      if (!willDraw || moved) return;
      moved = true;
      node.position({ x: node.position('x') - 250, y: node.position('y') + 150 });
    }, 350);
    renderer.redraw();
    await nextFrame();
    await nextFrame();
    expect(moved).toBe(true);
    expect(tiesFollow()).toBe(true);
  });

  it('does not redraw a resize that left the graph its size, and redraws one that did not', async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    expect(await framesAfter(cy, () => cy.resize())).toBe(0);
    const box = graph.parentElement;
    if (box === null) throw new Error('no box');
    expect(
      await framesAfter(cy, () => {
        box.style.width = '900px';
        cy.resize();
      }),
    ).toBeGreaterThan(0);
  });

  it('draws no frame for a core that has no elements yet, and draws the graph once it is added', async () => {
    /** How many frames a core on a new container draws before and after its elements are added. */
    async function framesOfCore(skip: boolean): Promise<{ empty: number; added: number }> {
      const box = mount('<div style="width:300px;height:200px"></div>');
      const cy = cytoscape({
        container: box.firstElementChild as HTMLElement,
        style: [{ selector: 'node', style: { label: 'data(id)' } }],
      });
      if (skip) skipNeedlessFrames(cy);
      let drawn = 0;
      cy.on('render', () => drawn++);
      try {
        for (let i = 0; i < 4; i++) await nextFrame();
        const empty = drawn;
        cy.add([
          { data: { id: 'a' }, position: { x: 0, y: 0 } },
          { data: { id: 'b' }, position: { x: 80, y: 0 } },
        ]);
        for (let i = 0; i < 4; i++) await nextFrame();
        return { empty, added: drawn - empty };
      } finally {
        cy.destroy();
      }
    }
    // Left as it is, Cytoscape draws its empty canvas as it starts.
    expect((await framesOfCore(false)).empty).toBeGreaterThan(0);
    const skipped = await framesOfCore(true);
    expect(skipped.empty).toBe(0);
    expect(skipped.added).toBeGreaterThan(0);
  });

  it('leaves the cores of others (here, a bare one) as Cytoscape made them', async () => {
    await mountGraph();
    const box = mount('<div style="width:200px;height:200px"></div>');
    const other = cytoscape({
      container: box.firstElementChild as HTMLElement,
      elements: [{ data: { id: 'a' } }, { data: { id: 'b' } }, { data: { id: 'ab', source: 'a', target: 'b' } }],
    });
    try {
      expect(await framesAfter(other, () => other.getElementById('a').style('width', 60))).toBeGreaterThan(1);
    } finally {
      other.destroy();
    }
  });
});

describe('canvas layers with nothing on them', () => {
  const shown = (canvas: HTMLCanvasElement) => getComputedStyle(canvas).visibility !== 'hidden';
  /** A mouse event of `type` with the left button, at (`x`, `y`) in the page, sent to `target`. */
  function press(target: Element, type: string, x: number, y: number): void {
    const buttons = type === 'mouseup' ? 0 : 1;
    target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, button: 0, buttons, clientX: x, clientY: y }));
  }

  /**
   * Presses North Korea and drags it 30 px to the right, without letting go; returns where it was
   * drawn before, and the mouse that moved it (`dx` from there), to let go with.
   */
  async function dragNorthKorea(
    graph: ActorGraph,
    graphLayer: HTMLCanvasElement,
  ): Promise<{ at: { x: number; y: number }; mouse(type: string, dx: number): void }> {
    const box = graphLayer.getBoundingClientRect();
    const at = renderedAt(graph, 'PRK');
    const mouse = (type: string, dx: number) => press(graphLayer, type, box.left + at.x + dx, box.top + at.y);
    mouse('mousedown', 0);
    for (const dx of [10, 20, 30]) mouse('mousemove', dx);
    await frames(2);
    return { at, mouse };
  }

  it('are hidden and left uncleared, and a dragged actor shows on its layer until it is let go', async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    const [graphLayer, dragLayer, boxLayer] = [layer(graph, 'node'), layer(graph, 'drag'), layer(graph, 'selectbox')];
    await frames(2);
    expect([shown(graphLayer), shown(dragLayer), shown(boxLayer)]).toEqual([true, false, false]);
    expect(paintedPixelsOf(graphLayer)).toBeGreaterThan(0);
    // A resize redraws every layer: only the graph's own is cleared.
    const cleared = vi.spyOn(CanvasRenderingContext2D.prototype, 'clearRect');
    graph.style.width = '900px';
    await frames(4);
    const clearedLayers = new Set(cleared.mock.contexts.map((context) => (context as CanvasRenderingContext2D).canvas));
    cleared.mockRestore();
    expect([clearedLayers.has(graphLayer), clearedLayers.has(dragLayer), clearedLayers.has(boxLayer)]).toEqual([
      true,
      false,
      false,
    ]);
    expect([shown(graphLayer), shown(dragLayer), shown(boxLayer)]).toEqual([true, false, false]);

    const { at, mouse } = await dragNorthKorea(graph, graphLayer);
    expect(shown(dragLayer)).toBe(true);
    expect(paintedPixelsOf(dragLayer)).toBeGreaterThan(0);
    mouse('mouseup', 30);
    const prk = cy.getElementById('PRK');
    expect(prk.renderedPosition('x')).toBeCloseTo(at.x + 30, 0);
    // Cytoscape takes the released actor off the drag layer at its next frame, whatever asks for it.
    graph.select('PRK');
    await frames(3);
    expect(shown(dragLayer)).toBe(false);
    expect(paintedPixelsOf(dragLayer)).toBe(0);
    expect(shown(boxLayer)).toBe(false);
  });

  it('get no bitmap: no transform, save or clear reaches them until something is drawn on them', async () => {
    const recorded = recordBitmapCalls();
    try {
      const graph = await mountGraph();
      await frames(2);
      // A resize and a forced frame redraw the layers: the drag layer is transformed, in script only.
      const dragContext = layer(graph, 'drag').getContext('2d');
      if (dragContext === null) throw new Error('no drag context');
      const transformed = vi.spyOn(dragContext, 'setTransform');
      graph.style.width = '900px';
      await frames(4);
      graph.cy?.forceRender();
      await frames(2);
      expect(transformed).toHaveBeenCalled();
      const touched = new Set(recorded.calls.map(({ canvas }) => canvas));
      expect([
        touched.has(layer(graph, 'node')),
        touched.has(layer(graph, 'drag')),
        touched.has(layer(graph, 'selectbox')),
      ]).toEqual([true, false, false]);
    } finally {
      recorded.stop();
    }
  });

  it("get the view's transform when first drawn on: a dragged actor is drawn where it is", async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    const [graphLayer, dragLayer] = [layer(graph, 'node'), layer(graph, 'drag')];
    // A view far from the untransformed one, so that a layer drawn without it would show the actor elsewhere.
    cy.zoom(1.6);
    cy.center(cy.getElementById('PRK'));
    cy.panBy({ x: -150, y: 40 });
    await frames(2);
    const { at, mouse } = await dragNorthKorea(graph, graphLayer);
    expect(shown(dragLayer)).toBe(true);
    // The actor's disc, moved 30 px: an 8 px square at its centre is painted on the drag layer.
    const scale = dragLayer.width / dragLayer.clientWidth;
    const square = { x: Math.round((at.x + 30 - 4) * scale), y: Math.round((at.y - 4) * scale), width: 8, height: 8 };
    expect(paintedPixelsOf(dragLayer, square)).toBe(64);
    mouse('mouseup', 30);
  });

  it("show the selection layer while the background is pressed, with Cytoscape's mark, and hide it after", async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    const [graphLayer, boxLayer] = [layer(graph, 'node'), layer(graph, 'selectbox')];
    await frames(2);
    expect(shown(boxLayer)).toBe(false);
    const box = graphLayer.getBoundingClientRect();
    // A corner of the view, away from every actor and tie.
    expect(
      cy.elements().every((element) => element.renderedBoundingBox({}).x1 > 12 || element.renderedBoundingBox({}).y1 > 12),
    ).toBe(true);
    press(graphLayer, 'mousedown', box.left + 6, box.top + 6);
    await frames(2);
    expect(shown(boxLayer)).toBe(true);
    // The mark is a disc around the pointer, drawn in the view's transform.
    const scale = boxLayer.width / boxLayer.clientWidth;
    expect(paintedPixelsOf(boxLayer, { x: Math.round(4 * scale), y: Math.round(4 * scale), width: 4, height: 4 })).toBe(16);
    press(graphLayer, 'mouseup', box.left + 6, box.top + 6);
    graph.select('PRK');
    await frames(3);
    expect(shown(boxLayer)).toBe(false);
    expect(paintedPixelsOf(boxLayer)).toBe(0);
  });
});

describe('parallel ties', () => {
  const idsOf = (elements: { map<T>(fn: (element: { id(): string }) => T): T[] }) =>
    elements.map((element) => element.id()).sort();

  it("are kept for each of the widget's ties, and follow ties added, removed and moved", async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    const fromScratch = (edge: cytoscape.EdgeSingular) =>
      idsOf(
        edge
          .source()
          .connectedEdges()
          .filter((other) => other.connectedNodes().same(edge.connectedNodes())),
      );
    /** Every tie's parallel ties, as kept, are those worked out from scratch. */
    const expectAllRight = () => {
      for (const edge of cy.edges()) expect(idsOf(edge.parallelEdges()), edge.id()).toEqual(fromScratch(edge));
    };
    const tie = cy.edges()[0] as cytoscape.EdgeSingular;
    // Kept: the same answer twice.
    expect(tie.parallelEdges()).toBe(tie.parallelEdges());
    expectAllRight();
    // A tie added between the same two actors, then removed.
    const before = idsOf(tie.parallelEdges());
    const added = cy.add({ group: 'edges', data: { id: 'extra-tie', source: tie.target().id(), target: tie.source().id() } });
    expect(idsOf(tie.parallelEdges())).toEqual([...before, 'extra-tie'].sort());
    expectAllRight();
    added.remove();
    expect(idsOf(tie.parallelEdges())).toEqual(before);
    expectAllRight();
    // A tie moved from one pair of actors to another, and back.
    const moved = cy.getElementById(before.find((id) => id !== tie.id()) ?? tie.id()) as cytoscape.EdgeSingular;
    const { source, target } = { source: moved.source().id(), target: moved.target().id() };
    const elsewhere =
      cy
        .nodes()
        .filter((node) => node.id() !== source && node.id() !== target)[0]
        ?.id() ?? '';
    const afterMove = moved.move({ target: elsewhere }) as cytoscape.EdgeSingular;
    expect(idsOf(afterMove.parallelEdges())).toEqual(fromScratch(afterMove));
    expectAllRight();
    afterMove.move({ target });
    expectAllRight();
    // Asked with a selector, worked out as Cytoscape works it out.
    expect(tie.parallelEdges('[id = "extra-tie"]').length).toBe(0);
  });

  it('are left to Cytoscape on other cores (here, a bare one)', () => {
    const other = cytoscape({
      headless: true,
      elements: [{ data: { id: 'a' } }, { data: { id: 'b' } }, { data: { id: 'ab', source: 'a', target: 'b' } }],
    });
    try {
      const tie = other.getElementById('ab');
      expect(tie.parallelEdges()).not.toBe(tie.parallelEdges());
      expect(idsOf(tie.parallelEdges())).toEqual(['ab']);
    } finally {
      other.destroy();
    }
  });
});

describe('the transform an empty layer keeps', () => {
  /** The six numbers of a 2D matrix. */
  const numbersOf = ({ a, b, c, d, e, f }: DOMMatrix) => [a, b, c, d, e, f];
  type Step = [call: Parameters<typeof transformAfter>[1], ...args: unknown[]];

  it("is the canvas's own after any series of transform calls, including those a canvas ignores", () => {
    const series: Step[][] = [
      [
        ['setTransform', 1, 0, 0, 1, 0, 0],
        ['translate', 40, -12],
        ['scale', 1.7, 1.7],
      ],
      [
        ['translate', 3, 4],
        ['rotate', 0.3],
        ['scale', 2, 0.5],
        ['transform', 1, 0.2, -0.1, 1, 6, 7],
      ],
      [['scale', 3, 3], ['resetTransform'], ['translate', 5, 5]],
      [
        ['setTransform', new DOMMatrix([2, 0, 0, 2, 10, 20])],
        ['translate', 1, 1],
      ],
      [
        ['setTransform', { a: 2, d: 3, e: 5 }],
        ['scale', 0.5, 0.5],
      ],
      [
        ['translate', 10, 10],
        ['translate', Number.NaN, 1],
        ['scale', Number.POSITIVE_INFINITY, 1],
        ['rotate', Number.NaN],
      ],
      [
        ['translate', 10, 10],
        ['setTransform', 1, 0, 0, Number.NaN, 0, 0],
      ],
    ];
    for (const steps of series) {
      const context = document.createElement('canvas').getContext('2d');
      if (context === null) throw new Error('no 2D context');
      let kept: DOMMatrix | undefined = new DOMMatrix();
      for (const [call, ...args] of steps) {
        (context[call] as (...args: unknown[]) => void)(...args);
        kept = kept === undefined ? undefined : transformAfter(kept, call, args);
      }
      if (kept === undefined) throw new Error(`not followed: ${JSON.stringify(steps)}`);
      const expected = numbersOf(context.getTransform());
      for (const [index, value] of numbersOf(kept).entries()) expect(value).toBeCloseTo(expected[index] as number, 6);
    }
  });

  it('is left to the canvas for a call with missing, extra or non-numeric arguments', () => {
    const identity = new DOMMatrix();
    expect(transformAfter(identity, 'scale', [2])).toBeUndefined();
    expect(transformAfter(identity, 'translate', [1, 2, 3])).toBeUndefined();
    expect(transformAfter(identity, 'translate', ['1', 2])).toBeUndefined();
    expect(transformAfter(identity, 'setTransform', [null])).toBeUndefined();
  });
});

describe("the graph layer's bitmap", () => {
  it("is made at the canvas's final size before the first frame draws on it", async () => {
    const recorded = recordBitmapCalls();
    try {
      const graph = await mountGraph();
      await frames(2);
      const graphLayer = layer(graph, 'node');
      const onGraphLayer = recorded.calls.filter(({ canvas }) => canvas === graphLayer);
      // Made by the widget, then set again by Cytoscape's first frame, which clears the layer.
      expect(onGraphLayer.slice(0, 3).map(({ call }) => call)).toEqual(['setTransform', 'setTransform', 'clearRect']);
      expect(onGraphLayer.every(({ width }) => width === graphLayer.width)).toBe(true);
    } finally {
      recorded.stop();
    }
  });

  it('is made for a bare core in a sized container, at its size, and not for one without a size', () => {
    for (const [width, height] of [
      [320, 200],
      [0, 200],
    ] as const) {
      const box = mount(`<div style="width:${width}px;height:${height}px"></div>`);
      const container = box.firstElementChild as HTMLElement;
      const cy = cytoscape({ container, elements: [{ data: { id: 'a' } }] });
      // Resized after the core was made: the bitmap is made at the size the container has now.
      if (width !== 0) container.style.width = `${width + 80}px`;
      const recorded = recordBitmapCalls();
      try {
        makeGraphLayerBitmap(cy);
        const graphLayer = container.querySelector<HTMLCanvasElement>('canvas[data-id$="-node"]');
        const calls = recorded.calls.filter(({ canvas }) => canvas === graphLayer);
        if (width === 0) expect(calls).toEqual([]);
        else {
          expect(calls.map(({ call, width }) => [call, width])).toEqual([['setTransform', Math.trunc(400 * devicePixelRatio)]]);
        }
      } finally {
        recorded.stop();
        cy.destroy();
      }
    }
  });
});

describe('measuring before the first frame', () => {
  /**
   * A canvas core of 30 synthetic actors and their ties on a grid, styled as the widget styles
   * them, not measured yet; and a count of the ties the renderer has worked out curves for since
   * the last call of `projected(0)`. Given `hiddenTies`, the core is drawn directly, as the
   * widget's are, and that many ties go in hidden, as the filter hides ties (absent ones, by
   * default) before the graph is measured.
   */
  function gridCore(hiddenTies = 0): { cy: cytoscape.Core; projected(reset?: 0): number } {
    const dataset = syntheticDataset({ actors: 30, seed: 7 }).dataset as Dataset;
    let hidden = 0;
    const elements = buildElements(dataset).map((element, i) =>
      element.group === 'nodes'
        ? { ...element, position: { x: (i % 6) * 90, y: Math.floor(i / 6) * 90 } }
        : hidden++ < hiddenTies
          ? { ...element, classes: `${element.classes ?? ''} filtered` }
          : element,
    );
    const box = mount('<div style="width:600px;height:400px"></div>');
    const cy = cytoscape({
      container: box.firstElementChild as HTMLElement,
      style: buildStylesheet(DEFAULT_THEME) as unknown as cytoscape.StylesheetJson,
    });
    if (hiddenTies > 0) expect(drawDirectly(cy)).toBe(true);
    // Added after, as the widget adds them: elements given to the constructor are measured by its fit.
    cy.add(elements as cytoscape.ElementDefinition[]);
    let count = 0;
    countTieProjections(cy, (ties) => (count += ties));
    return {
      cy,
      projected(reset?: 0) {
        const now = count;
        if (reset === 0) count = 0;
        return now;
      },
    };
  }

  /**
   * Measures and fits the graph as the widget does: in a batch, which holds Cytoscape's frames
   * until the view is set. `measured` runs between the two.
   */
  async function measureAndFit(cy: cytoscape.Core, measured?: () => void, stillWanted = () => true): Promise<void> {
    cy.startBatch();
    await measureInSlices(cy, stillWanted);
    measured?.();
    cy.fit(undefined, 24);
    cy.endBatch();
  }

  /** Whether the actor's label box is centred on it (within a pixel), and its shown ties end at its border. */
  function drawnWhereItStands(node: cytoscape.NodeSingular): boolean {
    const at = node.position();
    const label = node.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false });
    const ties = node.connectedEdges(':visible').toArray() as EdgeSingular[];
    const tiesFollow = ties.every((tie) => {
      const end = tie.source().same(node) ? tie.sourceEndpoint() : tie.targetEndpoint();
      return Math.hypot(end.x - at.x, end.y - at.y) < node.outerWidth();
    });
    return tiesFollow && Math.abs((label.x1 + label.x2) / 2 - at.x) < 1;
  }

  it.each([
    ['', 0],
    [', with some hidden (they are not measured at all)', 5],
  ])('measures each shown tie once: neither the fit nor the first frames measure it again%s', async (_, hidden) => {
    const { cy, projected } = gridCore(hidden);
    try {
      const shown = cy.edges(':visible').length;
      expect(shown).toBe(cy.edges().length - hidden);
      await measureAndFit(cy, () => expect(projected(0)).toBe(shown));
      await nextFrame();
      await nextFrame();
      expect(projected()).toBe(0);
      expect(cy.nodes().every((node) => drawnWhereItStands(node as cytoscape.NodeSingular))).toBe(true);
    } finally {
      cy.destroy();
    }
  });

  it('measures an actor moved afterwards again, with its ties', async () => {
    const { cy, projected } = gridCore();
    try {
      await measureAndFit(cy);
      await nextFrame();
      projected(0);
      const node = cy.nodes().max((actor) => actor.degree(false)).ele;
      node.position({ x: node.position('x') + 45, y: node.position('y') + 30 });
      await nextFrame();
      await nextFrame();
      expect(projected()).toBeGreaterThanOrEqual(node.connectedEdges().length);
      expect(drawnWhereItStands(node)).toBe(true);
    } finally {
      cy.destroy();
    }
  });

  it('leaves the measuring to Cytoscape when an actor moves while it measures', async () => {
    const { cy } = gridCore();
    // Among the actors of the first slice, so that it moves after it was measured.
    const node = cy
      .nodes()
      .slice(0, 4)
      .max((actor) => actor.degree(false)).ele;
    let moved = false;
    try {
      await measureAndFit(cy, undefined, () => {
        if (!moved) node.position({ x: node.position('x') + 45, y: node.position('y') + 30 });
        moved = true;
        return true;
      });
      await nextFrame();
      await nextFrame();
      expect(drawnWhereItStands(node)).toBe(true);
    } finally {
      cy.destroy();
    }
  });
  describe('ties left out of frames', () => {
    /** A core of 30 actors drawn directly, measured and fitted, and its best-connected actor. */
    async function measuredCore(): Promise<{
      cy: cytoscape.Core;
      hub: cytoscape.NodeSingular;
      projected(reset?: 0): number;
      steps?: undefined;
    }> {
      const { cy, projected } = gridCore(1);
      await measureAndFit(cy);
      await nextFrame();
      await nextFrame();
      projected(0);
      return { cy, hub: cy.nodes().max((actor) => actor.degree(false)).ele, projected };
    }

    it('are neither measured nor found while actors move, and are measured once drawn again', async () => {
      const { cy, hub, projected } = await measuredCore();
      try {
        const renderer = (
          cy as unknown as {
            renderer(): {
              findNearestElements(
                x: number,
                y: number,
                interactiveOnly: boolean,
                isTouch: boolean,
              ): cytoscape.SingularElementArgument[];
            };
          }
        ).renderer();
        const ties = hub.connectedEdges(':visible');
        const before = (ties[0] as EdgeSingular).midpoint();
        const tiesAt = (point: { x: number; y: number }) =>
          renderer.findNearestElements(point.x, point.y, true, false).filter((element) => element.isEdge()).length;
        expect(tiesAt(before)).toBe(1);
        const drawTies = leaveTiesOut(cy);
        for (let step = 0; step < 3; step++) {
          hub.position({ x: hub.position('x') + 15, y: hub.position('y') + 10 });
          await nextFrame();
          await nextFrame();
        }
        expect(projected()).toBe(0);
        expect(tiesAt(before)).toBe(0);
        drawTies();
        await nextFrame();
        await nextFrame();
        expect(projected()).toBeGreaterThanOrEqual(ties.length);
        // Where the renderer drew each tie: from the hub as it stands now.
        const at = hub.position();
        const ends = ties.map((tie) => {
          const drawn = (
            tie as unknown as { _private: { rscratch: { startX: number; startY: number; endX: number; endY: number } } }
          )._private.rscratch;
          return tie.source().same(hub) ? { x: drawn.startX, y: drawn.startY } : { x: drawn.endX, y: drawn.endY };
        });
        expect(ends.every((end) => Math.hypot(end.x - at.x, end.y - at.y) < hub.outerWidth())).toBe(true);
        expect(tiesAt((ties[0] as EdgeSingular).midpoint())).toBe(1);
      } finally {
        cy.destroy();
      }
    });

    it('stay out while a glide holds them, though the first frames drawn in steps end meanwhile', async () => {
      const { cy, projected } = gridCore(1);
      try {
        let drawTies: () => void = () => undefined;
        await measureAndFit(cy, () => {
          drawFirstFrameInSteps(cy);
          drawTies = leaveTiesOut(cy);
        });
        projected(0);
        const hub = cy.nodes().max((actor) => actor.degree(false)).ele;
        for (let step = 0; step < 3; step++) {
          hub.position({ x: hub.position('x') + 15, y: hub.position('y') + 10 });
          await nextFrame();
          await nextFrame();
        }
        expect(projected()).toBe(0);
        drawTies();
        await nextFrame();
        await nextFrame();
        expect(projected()).toBeGreaterThanOrEqual(hub.connectedEdges(':visible').length);
      } finally {
        cy.destroy();
      }
    });

    it('are not measured again by a first frame drawn in steps', async () => {
      const { cy, projected } = gridCore(1);
      try {
        await measureAndFit(cy, () => drawFirstFrameInSteps(cy));
        expect(projected(0)).toBe(cy.edges(':visible').length);
        for (let frame = 0; frame < 4; frame++) await nextFrame();
        expect(projected()).toBe(0);
      } finally {
        cy.destroy();
      }
    });
  });
});

describe('finding the element under the pointer', () => {
  interface HitTesting {
    findNearestElements(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): cytoscape.SingularElementArgument[];
    getCachedZSortedEles(): unknown[];
  }

  it('finds what Cytoscape finds, testing only the elements near the pointer', async () => {
    const graph = await mountSynthetic(300, 7);
    // Past the first frames, drawn in steps whose ties are not found under the pointer (a refined
    // layout back before the first frame is ready with them still to come, on a busy machine).
    await frames(4);
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    const renderer = (cy as unknown as { renderer(): HitTesting }).renderer();
    const cytoscapes = Object.getPrototypeOf(renderer) as HitTesting;
    // Points on actors, on ties, on labels' edges, and scattered over the whole graph.
    const box = cy.elements().boundingBox();
    const points = [
      ...cy.nodes().map((node) => node.position()),
      ...cy.edges(':visible').map((edge) => edge.midpoint()),
      ...cy.nodes().map((node) => ({ x: node.position('x') + node.outerWidth() / 2 + 3, y: node.position('y') + 14 })),
      ...Array.from({ length: 400 }, (_, i) => ({
        x: box.x1 + ((i * 37) % 100) * (box.w / 100),
        y: box.y1 + ((i * 61) % 100) * (box.h / 100),
      })),
    ];
    let hits = 0;
    let tested = 0;
    const zSorted = renderer.getCachedZSortedEles();
    for (const { x, y } of points.filter((point) => point !== undefined)) {
      for (const isTouch of [false, true]) {
        const expected = cytoscapes.findNearestElements.call(renderer, x, y, true, isTouch).map((element) => element.id());
        expect(renderer.findNearestElements(x, y, true, isTouch).map((element) => element.id())).toEqual(expected);
        if (expected.length > 0) hits++;
      }
      tested++;
    }
    expect(tested).toBeGreaterThan(1000);
    expect(hits).toBeGreaterThan(600);

    // The drawing order the renderer keeps is left as it was (compared as one object: a failed
    // comparison would print thousands of elements).
    expect(renderer.getCachedZSortedEles() === zSorted).toBe(true);
    // A tie restyled wider just now, before a frame has measured it again, is still tested. (A
    // selected tie would be drawn above the actors once its style is applied, which the first of
    // the two hit tests compared does: the second would see another drawing order.)
    const tie = cy.edges(':visible')[0] as EdgeSingular;
    tie.addClass('in-selection');
    expect((tie as unknown as { _private: { styleDirty: boolean } })._private.styleDirty).toBe(true);
    const middle = tie.midpoint();
    for (const offset of [0, 2, 4, 6, 8, 12]) {
      const [x, y] = [middle.x + offset / cy.zoom(), middle.y];
      for (const isTouch of [false, true]) {
        const expected = cytoscapes.findNearestElements.call(renderer, x, y, true, isTouch).map((element) => element.id());
        expect(renderer.findNearestElements(x, y, true, isTouch).map((element) => element.id())).toEqual(expected);
      }
    }
  }, 90_000);

  it('tests only the elements near the pointer', async () => {
    const graph = await mountSynthetic(300, 7);
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    const renderer = (cy as unknown as { renderer(): HitTesting }).renderer();
    // As a reader's click comes, after the frames that apply the last styles.
    for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
    // Cytoscape's test reads the elements to test from the renderer's drawing order.
    const drawingOrder = renderer.getCachedZSortedEles;
    const tested: number[] = [];
    renderer.getCachedZSortedEles = function (this: HitTesting) {
      const elements = drawingOrder.call(this);
      tested.push(elements.length);
      return elements;
    };
    const node = cy.nodes().max((candidate) => candidate.degree(false)).ele;
    let found: string[];
    try {
      found = renderer.findNearestElements(node.position('x'), node.position('y'), true, false).map((element) => element.id());
    } finally {
      renderer.getCachedZSortedEles = drawingOrder;
    }
    const cytoscapes = Object.getPrototypeOf(renderer) as HitTesting;
    const expected = cytoscapes.findNearestElements.call(renderer, node.position('x'), node.position('y'), true, false);
    expect(found).toEqual(expected.map((element) => element.id()));
    expect(found.length).toBeGreaterThan(0);
    expect(tested).toHaveLength(1);
    expect(tested[0]).toBeGreaterThan(0);
    expect(tested[0]).toBeLessThan(cy.elements().length / 10);
  }, 90_000);
});

describe('wrapped labels', () => {
  /** The renderer's internals the test looks into (Cytoscape 3.35). */
  interface LabelRenderer {
    calculateLabelDimensions(...args: unknown[]): unknown;
    getLabelText(...args: unknown[]): unknown;
  }

  it('are broken into lines once, not again at every frame, and again when they change', async () => {
    const graph = await mountGraph();
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    const renderer = (cy as unknown as { renderer(): LabelRenderer }).renderer();
    const original = renderer.calculateLabelDimensions;
    const getLabelText = renderer.getLabelText;
    let measured = 0;
    let labelled = 0;
    renderer.calculateLabelDimensions = function (this: LabelRenderer, ...args: unknown[]) {
      measured++;
      return original.apply(this, args);
    };
    renderer.getLabelText = function (this: LabelRenderer, ...args: unknown[]) {
      labelled++;
      return getLabelText.apply(this, args);
    };
    const redrawThreeFrames = async () => {
      for (let frame = 0; frame < 3; frame++) {
        cy.forceRender();
        await new Promise(requestAnimationFrame);
      }
    };
    try {
      await redrawThreeFrames();
      // Drawn three times, and not measured once: the lines were kept.
      expect(labelled).toBeGreaterThan(3 * 10);
      expect(measured).toBe(0);
      const node = cy.nodes().first();
      const lines = () =>
        (node as unknown as { _private: { rscratch: { labelWrapCachedLines?: string[] } } })._private.rscratch
          .labelWrapCachedLines;
      node.data('label', 'A much longer name that takes several lines to fit');
      await redrawThreeFrames();
      expect(measured).toBeGreaterThan(0);
      expect(lines()?.join(' ').replace(/\s+/g, ' ').trim()).toBe('A much longer name that takes several lines to fit');
      expect(lines()?.length).toBeGreaterThan(1);
      // A font that finishes loading has every label broken into lines again.
      await redrawThreeFrames();
      measured = 0;
      document.fonts.dispatchEvent(new Event('loadingdone'));
      await redrawThreeFrames();
      expect(measured).toBeGreaterThan(10);
    } finally {
      renderer.calculateLabelDimensions = original;
      renderer.getLabelText = getLabelText;
    }
  });
});

describe('a graph of 500 to 2,000 actors', () => {
  it('glides once to an actor the search found, where the graph marks the selection a frame after the panel', async () => {
    const graph = await mountSynthetic(600, 6, 30);
    const cy = graph.cy as NonNullable<ActorGraph['cy']>;
    // Zoomed in on the first actor, the found one lies out of view.
    cy.zoom(2);
    cy.center(cy.getElementById('A0'));
    const target = cy.getElementById('A500');
    const glides: unknown[] = [];
    const animate = cy.animate.bind(cy);
    cy.animate = ((...args: Parameters<typeof cy.animate>) => {
      glides.push(args[0]);
      return animate(...args);
    }) as typeof cy.animate;
    const root = graph.shadowRoot?.querySelector('.root');
    for (const type of ['ag-request-select', 'ag-request-centre']) {
      root?.dispatchEvent(new CustomEvent(type, { detail: { kind: 'actor', id: 'A500' }, bubbles: true, composed: true }));
    }
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(target.hasClass('selected')).toBe(true);
    expect(cy.animated()).toBe(false);
    expect(glides).toHaveLength(1);
    const at = target.renderedPosition();
    expect(Math.hypot(at.x - cy.width() / 2, at.y - cy.height() / 2)).toBeLessThan(3);
  }, 90_000);
});

describe('a graph of more than 2,000 actors', () => {
  it('is centred on a found actor at once, where a glide would show a few frames at most', async () => {
    const graph = await mountSynthetic(2100, 6, 50);
    const cy = graph.cy as NonNullable<ActorGraph['cy']>;
    const target = cy.getElementById('A1000');
    const root = graph.shadowRoot?.querySelector('.root');
    root?.dispatchEvent(
      new CustomEvent('ag-request-centre', { detail: { kind: 'actor', id: 'A1000' }, bubbles: true, composed: true }),
    );
    await graph.updateComplete;
    await Promise.resolve();
    expect(cy.animated()).toBe(false);
    const at = target.renderedPosition();
    expect(Math.hypot(at.x - cy.width() / 2, at.y - cy.height() / 2)).toBeLessThan(3);
  }, 90_000);

  it('lights nothing up on hover, where each redraw takes hundreds of milliseconds, but still points', async () => {
    const graph = await mountSynthetic(2100, 7, 50);
    const cy = graph.cy as NonNullable<ActorGraph['cy']>;
    const frame = graph.shadowRoot?.querySelector<HTMLElement>('.graph')?.parentElement;
    cy.getElementById('A1000').emit('mouseover');
    expect(cy.elements('.hover').length).toBe(0);
    expect(frame?.style.cursor).toBe('pointer');
    cy.getElementById('A1000').emit('mouseout');
    expect(frame?.style.cursor).toBe('');
  }, 90_000);
});

describe('fades and name cards', () => {
  it('run over 150 ms in a small graph, and are immediate in a larger one, where each frame redraws it all; names sit on cards in the small one only', async () => {
    const small = await mountGraph();
    expect(Number.parseFloat(String(small.cy?.nodes()[0]?.style('transition-duration')))).toBeGreaterThan(0.1);
    expect(Number(small.cy?.nodes()[0]?.style('text-background-opacity'))).toBeGreaterThan(0);
    small.cy?.getElementById('PRK').emit('mouseover');
    expect(small.cy?.elements('.hover').length).toBeGreaterThan(1);
    unmountAll();
    const larger = await mountSynthetic(200, 4);
    for (const element of [larger.cy?.nodes()[0], larger.cy?.edges()[0]]) {
      expect(Number.parseFloat(String(element?.style('transition-duration')))).toBe(0);
    }
    expect(Number(larger.cy?.nodes()[0]?.style('text-background-opacity'))).toBe(0);
  }, 60_000);
});

/** Runs `run` while the page says it is hidden (`document.visibilityState`). */
async function whilePageHidden(run: () => Promise<void>): Promise<void> {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  try {
    await run();
  } finally {
    delete (document as { visibilityState?: unknown }).visibilityState;
  }
}

/**
 * Selects `id` and checks that the evidence panel shows it (`text`) in the frame in which the
 * graph does not mark it yet, and that the graph marks it in the frames after.
 */
async function expectPanelBeforeMarking(graph: ActorGraph, id: string, text: string): Promise<void> {
  const node = graph.cy?.getElementById(id);
  const panel = inside(graph, 'ag-evidence-panel');
  let inPanelFrame: { marked?: boolean | undefined; panel?: string | undefined } = {};
  void nextFrame().then(() => {
    inPanelFrame = { marked: node?.hasClass('selected'), panel: panel.shadowRoot?.textContent?.replace(/\s+/g, ' ') };
  });
  graph.select(id);
  // The element's update settles once the graph shows the selection.
  await graph.updateComplete;
  await nextFrame();
  expect(node?.hasClass('selected')).toBe(true);
  expect(inPanelFrame.panel).toContain(text);
  expect(inPanelFrame.marked).toBe(false);
}

describe('a selection made just before the graph is drawn again', () => {
  it('is marked on the new graph, when the old one was destroyed before it could mark it', async () => {
    const graph = await mountGraph();
    const old = graph.cy as NonNullable<ActorGraph['cy']>;
    // The frame the marking waits for is held until the old graph is destroyed.
    const realFrame = window.requestAnimationFrame;
    const held: FrameRequestCallback[] = [];
    const release = () => {
      window.requestAnimationFrame = realFrame;
      for (const callback of held.splice(0)) realFrame(callback);
    };
    window.requestAnimationFrame = (callback) => {
      held.push(callback);
      return 0;
    };
    let destroyedFirst = false;
    old.one('destroy', () => {
      destroyedFirst = held.length > 0;
      release();
    });
    try {
      const redrawn = nextEvent(graph, 'ag-ready');
      graph.select('PRK');
      // The element's update (microtasks) has asked the old graph to mark it after the next frame.
      for (let i = 0; i < 3; i++) await Promise.resolve();
      expect(old.getElementById('PRK').hasClass('selected')).toBe(false);
      // A new seed: the graph is destroyed and drawn again.
      graph.setAttribute('layout-seed', '7');
      await redrawn;
    } finally {
      release();
    }
    await graph.updateComplete;
    expect(destroyedFirst).toBe(true);
    expect(graph.cy).not.toBe(old);
    expect(graph.cy?.getElementById('PRK').hasClass('selected')).toBe(true);
  });
});

describe('a large graph', () => {
  it('draws 1,000 actors through the worker, with finite positions, and stays clickable, the panel painted before the graph marks the selection, as in the seed', async () => {
    const graph = await mountSynthetic(1000, 1);
    const cy = graph.cy;
    expect(cy?.nodes().length).toBe(1003);
    const positions = cy?.nodes().map((node) => node.position()) ?? [];
    expect(positions.every(({ x, y }) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    expect(new Set(positions.map(({ x }) => Math.round(x / 10))).size).toBeGreaterThan(100);
    await expectPanelBeforeMarking(graph, 'A10', 'Actor 10 ');
    // So does the seed, where the marking then fades in over 150 ms.
    unmountAll();
    const seed = await mountGraph();
    await expectPanelBeforeMarking(seed, 'PRK', 'North Korea');
    // A hidden page paints no frame to wait for: the graph marks the selection at once.
    let framed = false;
    void nextFrame().then(() => (framed = true));
    await whilePageHidden(async () => {
      seed.select('RUS');
      await seed.updateComplete;
      expect(seed.cy?.getElementById('RUS').hasClass('selected')).toBe(true);
      expect(framed).toBe(false);
    });
    // So is one whose page is hidden after the selection, before the graph could mark it.
    framed = false;
    void nextFrame().then(() => (framed = true));
    seed.select('PRK');
    // The element's update (microtasks) has asked for the marking; no frame has come yet.
    for (let i = 0; i < 3; i++) await Promise.resolve();
    expect(seed.cy?.getElementById('PRK').hasClass('selected')).toBe(false);
    await whilePageHidden(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
      await seed.updateComplete;
      expect(seed.cy?.getElementById('PRK').hasClass('selected')).toBe(true);
      expect(framed).toBe(false);
    });
  }, 90_000);
});

describe('a graph added in chunks and refined', () => {
  it.each([
    [200, 'glides'],
    [500, 'jumps'],
  ])(
    'lets no actor be grabbed while %i actors move to the refined layout (it %s), and lets taps go only while they jump',
    async (actors) => {
      const release = holdRefinedLayouts();
      const { dataset, text } = await withSha256(syntheticDataset({ actors, seed: 3 }));
      const mounted = mountData(dataset, { [dataset.sources[0]?.text ?? '']: text }, '', 60_000);
      const element = document.querySelector('actor-graph') as ActorGraph;
      const selected: unknown[] = [];
      element.addEventListener('ag-select', (event) => selected.push((event as CustomEvent).detail));
      let whileMoving: { grabbable: boolean } | undefined;
      onFirstFrame(element, (cy) => {
        // The first move after the draft is drawn is the refined layout's.
        cy.one('position', (event) => {
          const node = event.target as cytoscape.NodeSingular;
          whileMoving = { grabbable: node.grabbable() };
          node.emit('tap');
        });
        release();
      });
      const { graph, error } = await mounted;
      expect(error).toBeUndefined();
      expect(whileMoving).toEqual({ grabbable: false });
      // Only the glide drops no tap (at most 400 actors): there the frames show where each actor is.
      expect(selected).toHaveLength(actors > 400 ? 0 : 1);
      expect(graph.cy?.nodes()[0]?.grabbable()).toBe(true);
    },
    60_000,
  );

  it('adds each chunk, and measures the graph and its refined layout, in tasks of their own and never in a frame, and draws the refined layout in one frame', async () => {
    const { inFrame, restore } = tellFramesApart();
    const headless = cytoscape({ headless: true });
    const core = Object.getPrototypeOf(headless) as { add(...args: unknown[]): unknown };
    const collection = collectionPrototype<'positions' | 'boundingBox'>(headless);
    const [add, positions, boundingBox] = [core.add, collection.positions, collection.boundingBox];
    const chunks: boolean[] = [];
    let released = false;
    let moved = false;
    const measuredAfterMove: boolean[] = [];
    // Ties measured in a frame, which should find them all measured already (the absent ones hidden).
    let projectedInFrames = 0;
    core.add = function (...args: unknown[]) {
      if (Array.isArray(args[0])) chunks.push(inFrame());
      return add.apply(this, args);
    };
    collection.positions = function (...args: unknown[]) {
      // Once the draft is drawn, the next move of every actor is the refined layout's.
      if (released && typeof args[0] === 'function' && this.length > 500) moved = true;
      return positions.apply(this, args);
    };
    collection.boundingBox = function (...args: unknown[]) {
      if (moved && this.length > 1) measuredAfterMove.push(inFrame());
      return boundingBox.apply(this, args as never);
    };
    // Where the actors stand in each frame drawn after the draft.
    const drawn: Map<string, string>[] = [];
    let graph: ActorGraph;
    try {
      // 500 actors: added in chunks, placed from a draft, then refined. The refined layout is
      // held until the draft is drawn, as it would otherwise be drawn at once.
      const release = holdRefinedLayouts();
      const { dataset, text } = await withSha256(syntheticDataset({ actors: 500, seed: 3 }));
      const mounted = mountData(dataset, { [dataset.sources[0]?.text ?? '']: text }, '', 60_000);
      const element = document.querySelector('actor-graph') as ActorGraph;
      onCoreMade(element, (cy) =>
        countTieProjections(cy, (ties) => {
          if (inFrame()) projectedInFrames += ties;
        }),
      );
      onFirstFrame(element, (cy) => {
        released = true;
        release();
        cy.on('render', () => drawn.push(new Map(cy.nodes().map((node) => [node.id(), JSON.stringify(node.position())]))));
      });
      const result = await mounted;
      expect(result.error).toBeUndefined();
      graph = result.graph;
    } finally {
      restore();
      core.add = add;
      collection.positions = positions;
      collection.boundingBox = boundingBox;
    }
    // Ready comes as the refined layout is placed, before the frame that draws it.
    await frames(2);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.filter((during) => during)).toEqual([]);
    // The refined layout is measured a slice per task, none in a frame.
    expect(measuredAfterMove.length).toBeGreaterThan(3);
    expect(measuredAfterMove.filter((during) => during)).toEqual([]);
    expect(graph.cy?.edges('.filtered').length).toBeGreaterThan(10);
    expect(projectedInFrames).toBe(0);
    // Each frame shows the draft or the refined layout, never part of one and part of the other.
    const final = new Map(graph.cy?.nodes().map((node) => [node.id(), JSON.stringify(node.position())]));
    const refinedCounts = drawn.map((frame) => [...frame].filter(([id, at]) => final.get(id) === at).length);
    expect(refinedCounts.at(-1)).toBe(final.size);
    expect(refinedCounts.filter((count) => count > final.size * 0.05 && count < final.size)).toEqual([]);
  }, 90_000);
});

describe('a graph added in chunks, measured and marked measured', () => {
  /** The actors whose label is not centred on them, or whose visible ties do not end at their border. */
  function misdrawn(cy: cytoscape.Core): string[] {
    return cy
      .nodes()
      .filter((node) => {
        const at = node.position();
        const label = node.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false });
        const ties = node.connectedEdges(':visible').toArray() as EdgeSingular[];
        const tiesFollow = ties.every((tie) => {
          const end = tie.source().same(node) ? tie.sourceEndpoint() : tie.targetEndpoint();
          return Math.hypot(end.x - at.x, end.y - at.y) < node.outerWidth();
        });
        return !tiesFollow || Math.abs((label.x1 + label.x2) / 2 - at.x) >= 1;
      })
      .map((node) => node.id());
  }

  it('draws every tie and label where its actors stand, then filtered, selected and moved', async () => {
    // 300 actors and their ties, in chunks, at stored positions: the path where measuring is marked.
    const graph = await mountSynthetic(300, 9, 20);
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
    expect(misdrawn(cy)).toEqual([]);
    graph.filter = 'alliance transaction';
    await graph.updateComplete;
    expect(cy.edges('.filtered').length).toBeGreaterThan(0);
    const hub = cy.nodes().max((node) => node.degree(false)).ele;
    graph.select(hub.id());
    await graph.updateComplete;
    hub.position({ x: hub.position('x') + 35, y: hub.position('y') - 20 });
    for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
    expect(misdrawn(cy)).toEqual([]);
  }, 90_000);
});

describe('the lazy start', () => {
  it('fetches and lays out nothing until the widget nears the viewport', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    mount('<div style="height: 4000px"></div>');
    const box = mount('');
    box.innerHTML = `<actor-graph src="${SEED_URL}"></actor-graph>`;
    await new Promise((resolve) => setTimeout(resolve, 400));
    const graph = box.querySelector('actor-graph') as ActorGraph;
    expect(fetchSpy.mock.calls.filter(([url]) => String(url).includes('easley'))).toHaveLength(0);
    expect(graph.cy).toBeUndefined();
    const ready = nextEvent(graph, 'ag-ready');
    box.scrollIntoView();
    await ready;
    expect(fetchSpy.mock.calls.filter(([url]) => String(url).includes('easley')).length).toBeGreaterThan(0);
    fetchSpy.mockRestore();
    window.scrollTo(0, 0);
  });
});

describe('the early start', () => {
  it('starts fetching at once when connected in view, without waiting a frame for an observer', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      const box = mount('');
      box.innerHTML = `<actor-graph src="${SEED_URL}"></actor-graph>`;
      const graph = box.querySelector('actor-graph') as ActorGraph;
      // Lit's first update runs in a microtask, before any frame is drawn.
      await graph.updateComplete;
      expect(fetchSpy.mock.calls.filter(([url]) => String(url).includes('easley')).length).toBeGreaterThan(0);
      await nextEvent(graph, 'ag-ready');
    } finally {
      fetchSpy.mockRestore();
    }
  });
});

/**
 * Holds back the fetch of the source text at `path` (answered with `text`) until `release()` is
 * called, or for 5 s at most: the data cannot be validated, nor the graph drawn, before then.
 */
function holdTexts(path: string, text: string): { readonly held: boolean; release(): void } {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
    setTimeout(resolve, 5000);
  });
  const state = { held: true, release: () => release() };
  const realFetch = window.fetch.bind(window);
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.endsWith(path)) return realFetch(input, init);
    await gate;
    state.held = false;
    return new Response(text, { headers: { 'content-type': 'text/plain' } });
  });
  return state;
}

describe('the layout started with the parsed data', () => {
  it('is asked of the worker while the source texts still load, and the drawing uses its answer', async () => {
    const { dataset, text } = await withSha256(syntheticDataset({ actors: 25, seed: 8 }));
    const textPath = dataset.sources[0]?.text ?? '';
    const texts = holdTexts(textPath, text);
    const asked: string[] = [];
    let askedWhileHeld = false;
    const stop = watchLayoutRequests((quality) => {
      asked.push(quality);
      if (texts.held) askedWhileHeld = true;
      texts.release();
    });
    try {
      const { graph, error } = await mountData(dataset, {});
      expect(error).toBeUndefined();
      expect(askedWhileHeld).toBe(true);
      // One layout: the drawing took the early answer instead of asking again.
      expect(asked).toEqual(['proof']);
      const request = layoutRequestOf(buildElements(dataset as Dataset), parseSeed(undefined), DEFAULT_THEME.fontSize);
      const expected = new Map((await computeLayout(request)).map(([id, x, y]) => [id, { x, y }]));
      for (const node of graph.cy?.nodes() ?? []) expect(node.position()).toEqual(expected.get(node.id()));
    } finally {
      stop();
      vi.unstubAllGlobals();
    }
  });

  it('is asked once when the same data loads again while it is computed', async () => {
    const { dataset, text } = await withSha256(syntheticDataset({ actors: 25, seed: 10 }));
    const asked: string[] = [];
    const stop = watchLayoutRequests((quality) => asked.push(quality));
    const box = mount('<actor-graph></actor-graph>');
    const graph = box.querySelector('actor-graph') as ActorGraph;
    try {
      const ready = nextEvent(graph, 'ag-ready', 10_000);
      graph.sourceTexts = { [dataset.sources[0]?.text ?? '']: text };
      graph.data = dataset;
      await graph.updateComplete;
      // The same data again, as a new object: a new load, and the same layout.
      graph.data = structuredClone(dataset);
      await ready;
      expect(asked).toEqual(['proof']);
    } finally {
      stop();
    }
  });

  /**
   * Draws 400 actors given as data, calling `onAsked` before each layout is asked of the worker,
   * and returns the qualities asked for and how many jobs were cancelled by the time it is ready.
   */
  async function layoutsAskedWhileDrawn(
    seed: number,
    onAsked: (graph: ActorGraph, askedBefore: number) => void,
  ): Promise<{ asked: string[]; cancelled: number }> {
    const { dataset, text } = await withSha256(syntheticDataset({ actors: 400, seed }));
    const asked: string[] = [];
    let cancelled = 0;
    const box = mount('<actor-graph></actor-graph>');
    const graph = box.querySelector('actor-graph') as ActorGraph;
    const stop = watchLayoutRequests(
      (quality) => {
        onAsked(graph, asked.length);
        asked.push(quality);
      },
      () => cancelled++,
    );
    try {
      const ready = nextEvent(graph, 'ag-ready', 60_000);
      graph.sourceTexts = { [dataset.sources[0]?.text ?? '']: text };
      graph.data = dataset;
      await ready;
      return { asked, cancelled };
    } finally {
      stop();
    }
  }

  it('is kept, and refined, for an element moved in the page while it is computed', async () => {
    const elsewhere = mount('');
    // Moved, as a framework or a CMS moves an element: out of the page and back in one task.
    const { asked, cancelled } = await layoutsAskedWhileDrawn(11, (graph) => elsewhere.append(graph));
    expect(asked).toEqual(['default']);
    expect(cancelled).toBe(0);
  }, 60_000);

  it('is let go, so that its refinement may be dropped, when the drawing needs another layout', async () => {
    const { asked, cancelled } = await layoutsAskedWhileDrawn(12, (graph, askedBefore) => {
      // Larger labels once the early layout is asked for: the drawing needs another layout.
      if (askedBefore === 0) graph.style.setProperty('--ag-graph-font-size', '21px');
    });
    expect(asked).toEqual(['default', 'default']);
    // The early job, whose refinement nobody will use, and nothing else.
    expect(cancelled).toBe(1);
  }, 60_000);

  it('is not used when the drawing needs another layout (here, with larger labels)', async () => {
    const { dataset, text } = await withSha256(syntheticDataset({ actors: 25, seed: 9 }));
    const textPath = dataset.sources[0]?.text ?? '';
    const texts = holdTexts(textPath, text);
    const box = mount('<actor-graph></actor-graph>');
    const graph = box.querySelector('actor-graph') as ActorGraph;
    const asked: string[] = [];
    const stop = watchLayoutRequests((quality) => {
      // The labels grow once the early layout is asked for, before the data is checked: the
      // drawing needs room for them, and so another layout.
      if (asked.length === 0) graph.style.setProperty('--ag-graph-font-size', '21px');
      asked.push(quality);
      texts.release();
    });
    try {
      const ready = nextEvent(graph, 'ag-ready', 10_000);
      graph.data = dataset;
      await ready;
      expect(asked).toEqual(['proof', 'proof']);
      const request = layoutRequestOf(buildElements(dataset as Dataset), parseSeed(undefined), 21);
      const expected = new Map((await computeLayout(request)).map(([id, x, y]) => [id, { x, y }]));
      for (const node of graph.cy?.nodes() ?? []) expect(node.position()).toEqual(expected.get(node.id()));
    } finally {
      stop();
      vi.unstubAllGlobals();
    }
  });
});

describe('yieldToMain', () => {
  it('lets a worker start while a long chain of work yields, rather than only after it', async () => {
    const worker = new Worker(URL.createObjectURL(new Blob(['onmessage = (e) => postMessage(e.data);'])));
    let answered = false;
    worker.addEventListener('message', () => (answered = true), { once: true });
    worker.postMessage('ready?');
    let chunksBeforeAnswer = -1;
    for (let chunk = 0; chunk < 200; chunk++) {
      const until = performance.now() + 10;
      while (performance.now() < until) {
        // Busy, as validating or measuring is.
      }
      if (answered && chunksBeforeAnswer < 0) chunksBeforeAnswer = chunk;
      await yieldToMain();
    }
    worker.terminate();
    // With scheduler.yield() the worker answered only once all 200 chunks were done.
    expect(chunksBeforeAnswer).toBeGreaterThanOrEqual(0);
    expect(chunksBeforeAnswer).toBeLessThan(200);
  });
});

/**
 * Draws a synthetic graph of `actors` actors whose layout `letThrough` (given the core as soon as
 * it is made) lets the worker's answer through at a chosen step, and checks that the graph,
 * moved once it was measured and before any frame, was measured again once, outside its frames.
 */
async function expectMeasuredOnceAfterMove(actors: number, letThrough: (cy: cytoscape.Core) => void): Promise<void> {
  const { inFrame, restore } = tellFramesApart();
  let projectedInFrames = 0;
  let projectedAfterMove = 0;
  let movedBeforeAFrame: boolean | undefined;
  try {
    const { dataset, text } = await withSha256(syntheticDataset({ actors, seed: 5 }));
    const mounted = mountData(dataset, { [dataset.sources[0]?.text ?? '']: text }, '', 60_000);
    const element = document.querySelector('actor-graph') as ActorGraph;
    let framed = false;
    onFirstFrame(element, () => (framed = true));
    onCoreMade(element, (cy) => {
      countTieProjections(cy, (ties) => {
        if (inFrame()) projectedInFrames += ties;
        if (movedBeforeAFrame !== undefined) projectedAfterMove += ties;
      });
      cy.one('position', () => (movedBeforeAFrame = !framed));
      letThrough(cy);
    });
    const { graph, error } = await mounted;
    expect(error).toBeUndefined();
    await frames(3);
    expect(movedBeforeAFrame).toBe(true);
    expect(projectedAfterMove).toBe(graph.cy?.edges(':visible').length);
    expect(projectedInFrames).toBe(0);
  } finally {
    restore();
    openWorkerGate();
  }
}

describe('a graph placed after it was measured', () => {
  it('is measured again before its fit, and its first frames measure no tie', async () => {
    // The layout comes back after the graph, added where it has no place yet, has been measured.
    const release = holdRefinedLayouts();
    await expectMeasuredOnceAfterMove(25, () => setTimeout(release, 1000));
  });

  it('is measured again in steps when its refined layout comes back as the first frame is readied', async () => {
    // The refined layout comes as the draft is fitted, before the graph's bitmap is made: the
    // graph is moved to it then, and never shown as a draft.
    const release = holdDraftsThenRefined();
    await expectMeasuredOnceAfterMove(200, (cy) => cy.one('viewport', release));
  });
});

describe('a graph shown from a draft', () => {
  it('is laid out in one job of the worker: its draft first, then the refined layout, without the draft computed twice', async () => {
    const asked: LayoutMessage[] = [];
    const answers: LayoutAnswer[] = [];
    const stop = watchLayoutRequests((_, worker, message) => {
      if (asked.length === 0) worker.addEventListener('message', (event: MessageEvent<LayoutAnswer>) => answers.push(event.data));
      asked.push(message);
    });
    try {
      // The refined layout is held until the draft is drawn, as it would otherwise be drawn at once.
      const release = holdRefinedLayouts();
      const { dataset, text } = await withSha256(syntheticDataset({ actors: 400, seed: 5 }));
      const mounted = mountData(dataset, { [dataset.sources[0]?.text ?? '']: text }, '', 60_000);
      onFirstFrame(document.querySelector('actor-graph') as ActorGraph, release);
      const { graph, error } = await mounted;
      expect(error).toBeUndefined();
      expect(asked.map((message) => ('request' in message ? [message.request.quality, message.withDraft] : message))).toEqual([
        ['default', true],
      ]);
      expect(answers.map((answer) => Object.keys(answer).sort().join())).toEqual(['draft,id', 'id,positions']);
      // The draft is what a draft-quality layout gives, and the graph ends where the refined layout puts it.
      const request = layoutRequestOf(buildElements(dataset as Dataset), parseSeed(undefined), 15);
      const [draft, refined] = answers;
      expect(draft !== undefined && 'draft' in draft ? draft.draft : undefined).toEqual(
        await computeLayout({ ...request, quality: 'draft' }),
      );
      const expected = await computeLayout(request);
      expect(refined !== undefined && 'positions' in refined ? refined.positions : undefined).toEqual(expected);
      const at = new Map(expected.map(([id, x, y]) => [id, { x, y }]));
      for (const node of graph.cy?.nodes() ?? []) expect(node.position()).toEqual(at.get(node.id()));
    } finally {
      stop();
    }
  }, 90_000);
});

describe('a graph removed while its draft is laid out', () => {
  it('has the worker drop its job after the draft, and not refine the layout', async () => {
    const { dataset, text } = await withSha256(syntheticDataset({ actors: 1000, seed: 6 }));
    const asked: string[] = [];
    const cancelled: number[] = [];
    const answers: LayoutAnswer[] = [];
    let lastAnswer: Promise<void> | undefined;
    const box = mount('');
    const stop = watchLayoutRequests(
      (quality, worker, message) => {
        asked.push(quality);
        const id = 'id' in message ? message.id : undefined;
        lastAnswer = new Promise((resolve) =>
          worker.addEventListener('message', (event: MessageEvent<LayoutAnswer>) => {
            if (event.data.id !== id) return;
            answers.push(event.data);
            if (!('draft' in event.data)) resolve();
          }),
        );
        // The reader leaves before the draft is back.
        box.remove();
      },
      (id) => cancelled.push(id),
      // The request reaches the worker with its cancel right behind it: the draft of 1,000 actors
      // takes well under 100 ms, and in the full suite the cancel once came after it.
      true,
    );
    try {
      box.innerHTML = '<actor-graph></actor-graph>';
      const graph = box.querySelector('actor-graph') as ActorGraph;
      graph.sourceTexts = { [dataset.sources[0]?.text ?? '']: text };
      graph.data = dataset;
      while (lastAnswer === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      await lastAnswer;
      expect(asked).toEqual(['default']);
      expect(cancelled).toHaveLength(1);
      expect(answers.map((answer) => ('error' in answer ? answer.error : Object.keys(answer).sort().join()))).toEqual([
        'draft,id',
        'cancelled',
      ]);
    } finally {
      stop();
    }
  }, 60_000);
});

describe('a precomputed layout', () => {
  it('is drawn as stored, with no layout work, and matches what the widget computes', async () => {
    const stored = await (await fetch(SEED_URL)).json();
    expect(stored.layout.seed).toBe(1);
    const graph = await mountGraph();
    for (const node of graph.cy?.nodes() ?? []) {
      const [x, y] = stored.layout.positions[node.id()];
      expect(node.position()).toEqual({ x, y });
    }
    // Without the stored layout, the widget computes the same positions, to the stored precision.
    const { layout: _layout, ...bare } = stored;
    const box = mount('');
    box.innerHTML = '<actor-graph></actor-graph>';
    const computed = box.querySelector('actor-graph') as ActorGraph;
    const ready = nextEvent(computed, 'ag-ready');
    computed.sourceTexts = {
      [stored.sources[0].text]: await (await fetch('/graph-data/sources/easley-2024-axis-of-transactionalism.txt')).text(),
    };
    computed.data = bare;
    box.scrollIntoView();
    await ready;
    for (const node of computed.cy?.nodes() ?? []) {
      const [x, y] = stored.layout.positions[node.id()];
      expect(Math.abs(node.position().x - x)).toBeLessThan(0.06);
      expect(Math.abs(node.position().y - y)).toBeLessThan(0.06);
    }
  });
});

describe('drawing while the reader acts', () => {
  it('zooms far out and back without restyling a tie or adding style rules (the drawing skips the arrowheads)', async () => {
    const graph = await mountGraph(`src="${SEED_URL}" show-absent`);
    const cy = graph.cy;
    if (cy === undefined) throw new Error('no graph');
    const present = cy.getElementById('prk-rus-arms-for-food');
    const absent = cy.getElementById('prk-chn-alignment');
    const rules = (cy.style() as unknown as { length: number }).length;
    let restyled = 0;
    cy.on('style', 'edge', () => restyled++);
    for (let i = 0; i < 2; i++) {
      cy.zoom(0.2);
      expect(present.style('target-arrow-shape')).toBe('triangle');
      cy.zoom(1);
      expect(present.style('target-arrow-shape')).toBe('triangle');
      expect(absent.style('target-arrow-shape')).toBe('none');
      expect(absent.style('mid-target-arrow-shape')).toBe('circle');
    }
    expect(restyled).toBe(0);
    expect((cy.style() as unknown as { length: number }).length).toBe(rules);
  });

  it('renders only the evidence panel again when the selection changes, not the legend or the search', async () => {
    const graph = await mountGraph();
    // The seed has dates: the timeline, loaded on demand, is defined once it is there.
    await customElements.whenDefined('ag-tie-timeline');
    await graph.updateComplete;
    const root = graph.shadowRoot as ShadowRoot;
    const renders: string[] = [];
    for (const tag of ['ag-tie-legend', 'ag-graph-search', 'ag-tie-timeline', 'ag-evidence-panel']) {
      const element = root.querySelector(tag) as (HTMLElement & { render(): unknown; updateComplete: Promise<unknown> }) | null;
      if (element === null) throw new Error(`no ${tag}`);
      const render = element.render.bind(element);
      element.render = () => {
        renders.push(tag);
        return render();
      };
    }
    graph.select('PRK');
    await graph.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    // The panel renders twice: North Korea's first ties, then the rest after that frame.
    expect(renders).toEqual(['ag-evidence-panel', 'ag-evidence-panel']);
    // A change of filter still reaches the legend.
    graph.showAbsent = true;
    await graph.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(renders).toContain('ag-tie-legend');
  });

  it('keeps one layout going when the filter changes while a large graph is laid out', async () => {
    const { dataset, text } = await withSha256(syntheticDataset({ actors: 400, seed: 3 }));
    const box = mount('');
    box.innerHTML = '<actor-graph filter="alliance"></actor-graph>';
    const graph = box.querySelector('actor-graph') as ActorGraph;
    let readies = 0;
    graph.addEventListener('ag-ready', () => readies++);
    const ready = nextEvent(graph, 'ag-ready', 60_000);
    graph.sourceTexts = { [dataset.sources[0]?.text ?? '']: text };
    graph.data = dataset;
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      graph.filter = i % 2 === 0 ? 'alliance transaction' : 'alliance';
    }
    await ready;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readies).toBe(1);
    await graph.updateComplete;
    // The filter in force when the drawing finished holds on every edge, from every chunk.
    expect(graph.cy?.edges('.cat-hostility').filter(':visible').length).toBe(0);
    expect(graph.cy?.edges('.cat-alliance.present').filter(':hidden').length).toBe(0);
  }, 90_000);
});
