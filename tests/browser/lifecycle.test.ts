/**
 * Lifecycle and memory: an embedded widget is created, moved and removed by the pages around it.
 * Nothing of it may stay behind: no Cytoscape instance, no canvas, no window listener, no loop.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import { mount, mountGraph, nextEvent, panelText, SEED_URL, unmountAll } from './helpers.ts';

afterEach(unmountAll);

/** Chromium started with `--js-flags=--expose-gc` (see vite.config.ts) has `gc()`. */
const ROUNDS = Number(import.meta.env.VITE_ROUNDS ?? 200);
const collect = async () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('gc() is not exposed: start Chromium with --js-flags=--expose-gc');
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
const heapUsed = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;

describe('creating and removing the widget', () => {
  it('leaves nothing behind after 200 rounds', async () => {
    const dataset = await (await fetch(SEED_URL)).json();
    const text = await (await fetch('/graph-data/sources/easley-2024-axis-of-transactionalism.txt')).text();
    const texts = { 'sources/easley-2024-axis-of-transactionalism.txt': text };
    // Window listeners, counted from here on.
    const listeners = new Map<string, number>();
    const add = window.addEventListener.bind(window);
    const remove = window.removeEventListener.bind(window);
    window.addEventListener = ((type: string, ...rest: [EventListenerOrEventListenerObject, unknown?]) => {
      // A null listener registers nothing (feature tests for passive listeners pass one).
      if (rest[0] !== null) listeners.set(type, (listeners.get(type) ?? 0) + 1);
      add(type, ...(rest as [EventListenerOrEventListenerObject]));
    }) as typeof window.addEventListener;
    window.removeEventListener = ((type: string, ...rest: [EventListenerOrEventListenerObject, unknown?]) => {
      if (rest[0] !== null) listeners.set(type, (listeners.get(type) ?? 0) - 1);
      remove(type, ...(rest as [EventListenerOrEventListenerObject]));
    }) as typeof window.removeEventListener;
    const cores: WeakRef<object>[] = [];
    const canvases: WeakRef<object>[] = [];
    const round = async () => {
      // Not through mount(), which keeps its boxes until the test ends.
      const box = document.createElement('div');
      box.style.width = '1100px';
      box.innerHTML = '<actor-graph></actor-graph>';
      document.body.append(box);
      const graph = box.querySelector('actor-graph') as ActorGraph;
      const ready = nextEvent(graph, 'ag-ready');
      graph.sourceTexts = texts;
      graph.data = dataset;
      await ready;
      cores.push(new WeakRef(graph.cy as object));
      for (const canvas of graph.shadowRoot?.querySelectorAll('canvas') ?? []) canvases.push(new WeakRef(canvas));
      box.remove();
    };
    try {
      // A first round warms everything up that stays by design (modules, the worker, caches).
      await round();
      await collect();
      const before = heapUsed();
      for (let i = 0; i < ROUNDS; i++) await round();
      await collect();
      await new Promise((resolve) => setTimeout(resolve, 200));
      await collect();
      const growth = heapUsed() - before;
      const alive = {
        cores: cores.filter((ref) => ref.deref() !== undefined).length,
        canvases: canvases.filter((ref) => ref.deref() !== undefined).length,
      };
      console.log(
        `heap growth after 200 rounds: ${(growth / 1024).toFixed(0)} KB; alive: ${JSON.stringify(alive)}; listeners: ${JSON.stringify([...listeners])}`,
      );
      expect(growth).toBeLessThan(2 * 1024 * 1024);
      expect(alive).toEqual({ cores: 0, canvases: 0 });
      for (const [type, count] of listeners) expect(count, `window "${type}" listeners`).toBe(0);
      // Idle afterwards: no animation frame is asked for.
      let frames = 0;
      const request = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) => {
        frames++;
        return request(callback);
      };
      await new Promise((resolve) => setTimeout(resolve, 500));
      window.requestAnimationFrame = request;
      expect(frames).toBe(0);
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
  }, 120_000);
});

describe('selecting from script', () => {
  it('makes a selection asked for while the data loads once it is in, and fires ag-select then', async () => {
    const box = mount('');
    const graph = document.createElement('actor-graph') as ActorGraph;
    graph.setAttribute('src', SEED_URL);
    const ready = nextEvent(box, 'ag-ready');
    const selected = nextEvent<{ id: string | null }>(box, 'ag-select');
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      box.append(graph);
      graph.select('PRK');
      expect((await selected).detail.id).toBe('PRK');
      await ready;
      // During a reload, an id of the new data waits for it too; one it lacks is warned about then.
      graph.src = `${SEED_URL}?again`;
      await graph.updateComplete;
      graph.select('nowhere');
      await nextEvent(box, 'ag-ready');
    } finally {
      console.warn = warn;
    }
    expect(warnings.map((args) => String((args as unknown[])[0]))).toEqual([
      '<actor-graph>: select("nowhere") names no actor or tie of this dataset.',
    ]);
    expect(graph.selected).toBe('PRK');
    expect(await panelText(graph)).toContain('North Korea');
    await vi.waitFor(() => expect(graph.cy?.getElementById('PRK').hasClass('selected')).toBe(true));
  });
});

describe('a removed widget that its page keeps', () => {
  it('keeps no graph, no canvas, while the element itself lives on', async () => {
    const dataset = await (await fetch(SEED_URL)).json();
    const kept: ActorGraph[] = [];
    const cores: WeakRef<object>[] = [];
    for (let i = 0; i < 20; i++) {
      const box = mount('<actor-graph></actor-graph>');
      const graph = box.querySelector('actor-graph') as ActorGraph;
      const ready = nextEvent(graph, 'ag-ready');
      graph.data = dataset;
      await ready;
      cores.push(new WeakRef(graph.cy as object));
      // As frameworks and CMSs do: taken out of the page, held on to for later.
      graph.remove();
      kept.push(graph);
    }
    await collect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await collect();
    expect(kept.every((graph) => graph.cy === undefined)).toBe(true);
    expect(cores.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
  }, 60_000);
});

describe('removing the widget', () => {
  it('gives back the bitmaps of its canvases at once, before they are collected', async () => {
    const graph = await mountGraph();
    const canvases = [...(graph.shadowRoot?.querySelectorAll('canvas') ?? [])];
    expect(canvases.length).toBeGreaterThanOrEqual(3);
    expect(canvases.some((canvas) => canvas.width > 0)).toBe(true);
    graph.remove();
    expect(canvases.map((canvas) => [canvas.width, canvas.height])).toEqual(canvases.map(() => [0, 0]));
  });
});

describe('moving the widget', () => {
  it('draws again, with the selection kept, when it is moved in the page', async () => {
    const graph = await mountGraph();
    graph.select('PRK');
    await graph.updateComplete;
    const elsewhere = mount('');
    const ready = nextEvent(graph, 'ag-ready');
    elsewhere.append(graph);
    await ready;
    await graph.updateComplete;
    expect(graph.selected).toBe('PRK');
    expect(graph.cy?.getElementById('PRK').hasClass('selected')).toBe(true);
  });

  /** Whether the graph is drawn at its size with every actor inside the view. */
  const fitted = (graph: ActorGraph): boolean => {
    const cy = graph.cy;
    if (cy === undefined || cy.width() < 400) return false;
    const view = cy.extent();
    const bb = cy.nodes().boundingBox({});
    return bb.w > 0 && bb.x1 >= view.x1 && bb.x2 <= view.x2 && bb.y1 >= view.y1 && bb.y2 <= view.y2;
  };

  /** Shows a hidden widget and resolves with the milliseconds until its graph is fitted into view. */
  async function timeToFit(graph: ActorGraph, show: () => void): Promise<number> {
    const shown = performance.now();
    show();
    await expect.poll(() => fitted(graph), { timeout: 5_000, interval: 10 }).toBe(true);
    return performance.now() - shown;
  }

  it('fits the graph within 500 ms of a closed <details> being opened', async () => {
    const box = mount(`<details><summary>Graph</summary><actor-graph src="${SEED_URL}"></actor-graph></details>`, 'width: 900px');
    const details = box.querySelector('details') as HTMLDetailsElement;
    const graph = box.querySelector('actor-graph') as ActorGraph;
    // The closed <details> is in view, so the graph is loaded and laid out while folded.
    await expect.poll(() => graph.cy !== undefined, { timeout: 5_000 }).toBe(true);
    expect(details.open).toBe(false);
    expect(await timeToFit(graph, () => (details.open = true))).toBeLessThan(500);
  });

  it('fits the graph within 500 ms of being shown, when it started hidden', async () => {
    const box = mount('', 'width: 900px; display: none');
    box.innerHTML = `<actor-graph src="${SEED_URL}"></actor-graph>`;
    const graph = box.querySelector('actor-graph') as ActorGraph;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fitted(graph)).toBe(false);
    expect(await timeToFit(graph, () => (box.style.display = 'block'))).toBeLessThan(500);
  });

  it('does no work for a hidden widget far below the viewport', async () => {
    const box = mount(
      `<div style="height: 5000px"></div><div style="display: none"><actor-graph src="${SEED_URL}"></actor-graph></div>`,
    );
    const graph = box.querySelector('actor-graph') as ActorGraph;
    const loads: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name.includes('easley-2024')) loads.push(entry.name);
    });
    observer.observe({ type: 'resource', buffered: false });
    await new Promise((resolve) => setTimeout(resolve, 500));
    observer.disconnect();
    expect(loads).toEqual([]);
    expect(graph.cy).toBeUndefined();
  });
});
