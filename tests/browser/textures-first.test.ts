/** Cytoscape's canvas renderer made to make a frame's textures before drawing any of them. */
import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTexturesFirst, type TexturesAhead } from '../../components/actor-graph/textures-first.ts';
import { mount, unmountAll } from './helpers.ts';

/** The parts of Cytoscape's canvas renderer the tests look into (internal to Cytoscape 3.35). */
interface TexturedRenderer {
  data: { eleTxrCache: { getElement: (...args: unknown[]) => unknown } };
  drawCachedElements: (context: unknown, elements: unknown[], ...rest: unknown[]) => void;
}

/** The cores made by a test: destroyed after it, so that no other draws while the next one counts. */
const cores: Core[] = [];
afterEach(() => {
  for (const cy of cores.splice(0)) cy.destroy();
  unmountAll();
});

/**
 * A 200-actor grid in view, a label under each actor, drawn with the texture caches on. One more
 * actor far away makes the graph wider than Cytoscape makes layers for (16 million pixels), so it
 * is drawn element by element, as a graph of thousands of actors is at a readable zoom.
 */
function gridCore(patched: boolean): { cy: Core; ahead: TexturesAhead | undefined } {
  const box = mount('', 'width: 900px; height: 600px');
  const nodes = Array.from({ length: 200 }, (_, i) => ({
    group: 'nodes' as const,
    data: { id: `n${i}`, label: `Actor ${i}` },
    position: { x: (i % 20) * 60, y: Math.floor(i / 20) * 60 },
  }));
  const edges = nodes
    .slice(1)
    .map((node, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: `n${i}`, target: node.data.id } }));
  const cy = cytoscape({
    container: box,
    elements: [...nodes, ...edges, { group: 'nodes', data: { id: 'far', label: 'Far away' }, position: { x: 9000, y: 9000 } }],
    style: [{ selector: 'node', style: { label: 'data(label)', width: 24, height: 24 } }],
    layout: { name: 'preset', fit: false },
    zoom: 0.7,
    pan: { x: 20, y: 20 },
  });
  cores.push(cy);
  return { cy, ahead: patched ? makeTexturesFirst(cy) : undefined };
}

/**
 * Counts, over `frames` frames, how often a texture atlas (an offscreen canvas) was written to
 * after it had been drawn from: each such write copies the whole atlas.
 */
async function atlasCopiesOver(frames: number): Promise<{ copies: number; reads: number }> {
  const drawnFrom = new Set<OffscreenCanvas>();
  let copies = 0;
  let reads = 0;
  // Read from an atlas: drawn onto the screen, or onto a layer (itself an offscreen canvas).
  const readers = [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype];
  const drawImages = readers.map((reader) => reader.drawImage);
  const fillText = OffscreenCanvasRenderingContext2D.prototype.fillText;
  for (const [i, reader] of readers.entries()) {
    const drawImage = drawImages[i] as (...a: unknown[]) => void;
    reader.drawImage = function (this: unknown, ...args: unknown[]) {
      if (args[0] instanceof OffscreenCanvas) {
        drawnFrom.add(args[0]);
        reads++;
      }
      return drawImage.apply(this, args);
    };
  }
  OffscreenCanvasRenderingContext2D.prototype.fillText = function (this: OffscreenCanvasRenderingContext2D, ...args) {
    if (drawnFrom.delete(this.canvas)) copies++;
    return fillText.apply(this, args);
  };
  try {
    for (let frame = 0; frame < frames; frame++) await new Promise(requestAnimationFrame);
  } finally {
    for (const [i, reader] of readers.entries()) reader.drawImage = drawImages[i] as typeof reader.drawImage;
    OffscreenCanvasRenderingContext2D.prototype.fillText = fillText;
  }
  return { copies, reads };
}

describe('textures made first', () => {
  it('leaves the first frame no atlas written to after it was drawn from', async () => {
    const { cy: plain } = gridCore(false);
    const before = await atlasCopiesOver(3);
    plain.destroy();
    unmountAll();
    gridCore(true);
    const after = await atlasCopiesOver(3);
    // Without: a copy for nearly every label. With: the labels are drawn from their textures all the same.
    expect(before.copies).toBeGreaterThan(100);
    expect(after.reads).toBeGreaterThanOrEqual(before.reads);
    expect(after.copies).toBe(0);
  });

  it('looks each element up once in the frames after the first', async () => {
    const { cy } = gridCore(true);
    await atlasCopiesOver(3);
    const renderer = (cy as unknown as { renderer(): TexturedRenderer }).renderer();
    const { eleTxrCache } = renderer.data;
    const getElement = eleTxrCache.getElement;
    const drawCachedElements = renderer.drawCachedElements;
    let lookups = 0;
    const frames: { lookups: number; elements: number }[] = [];
    eleTxrCache.getElement = function (this: unknown, ...args: unknown[]) {
      lookups++;
      return getElement.apply(this, args);
    };
    renderer.drawCachedElements = function (this: unknown, context: unknown, elements: unknown[], ...rest: unknown[]) {
      lookups = 0;
      drawCachedElements.call(this, context, elements, ...rest);
      frames.push({ lookups, elements: elements.length });
    };
    try {
      // A restyle remakes few textures: they are made as they are drawn.
      cy.nodes().first().style('background-color', 'red');
      await atlasCopiesOver(2);
    } finally {
      eleTxrCache.getElement = getElement;
      renderer.drawCachedElements = drawCachedElements;
    }
    expect(frames.length).toBeGreaterThan(0);
    // Once per element drawn, not twice.
    for (const frame of frames) expect(frame.lookups).toBeLessThanOrEqual(frame.elements);
  });

  it('makes them ahead, a slice at a time, so that the first frame only draws them', async () => {
    const { cy, ahead } = gridCore(true);
    // Held in a batch, as the widget holds a graph until it is placed: no frame draws it meanwhile.
    cy.startBatch();
    await ahead?.makeAhead(() => true);
    let written = 0;
    const fillText = OffscreenCanvasRenderingContext2D.prototype.fillText;
    OffscreenCanvasRenderingContext2D.prototype.fillText = function (this: OffscreenCanvasRenderingContext2D, ...args) {
      written++;
      return fillText.apply(this, args);
    };
    try {
      cy.endBatch();
      const first = await atlasCopiesOver(2);
      expect(first.reads).toBeGreaterThan(100);
      expect(written).toBe(0);
    } finally {
      OffscreenCanvasRenderingContext2D.prototype.fillText = fillText;
    }
  });
});
