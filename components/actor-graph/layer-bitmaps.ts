/**
 * The bitmaps of a core's canvas layers: the graph layer's made ahead of the first frame, and all
 * of them given back when the core goes.
 *
 * A canvas gets its bitmap from the first call that needs one (a transform, a save, a clear):
 * 10 to 40 ms here for a canvas the size of the graph. Made in the first frame, that lengthened
 * the task that is already the longest of a small graph's start; made in a task of its own before
 * it, it costs that frame nothing. (The empty layers get none until drawn on: `blank-layers.ts`.)
 */
import type { Core } from 'cytoscape';
import { canvasRendererOf } from './canvas-renderer-internals.ts';

/**
 * Sizes `cy`'s canvases to its container and gives its graph layer a bitmap, as its first frame
 * would. Does nothing for a headless core, or one whose container has no size yet.
 */
export function makeGraphLayerBitmap(cy: Core): void {
  const renderer = canvasRendererOf(cy);
  if (renderer === undefined) return;
  const context = renderer.data?.contexts?.[renderer.NODE ?? -1];
  const container = renderer.container;
  if (!(context instanceof CanvasRenderingContext2D) || container === undefined) return;
  if (container.clientWidth === 0 || container.clientHeight === 0) return;
  // Sized first, to the container's size now (the renderer keeps its box until told it changed):
  // a canvas given a new size gets a new bitmap.
  renderer.invalidateContainerClientCoordsCache?.();
  renderer.matchCanvasSize?.(container);
  // The transform each frame begins with.
  context.setTransform(1, 0, 0, 1, 0, 0);
}

/**
 * Gives back the bitmaps of `cy`'s canvases (its layers and the renderer's buffers) at once, by
 * sizing them to nothing. Call it just before destroying the core: a removed widget's canvases
 * otherwise kept their bitmaps, a few megabytes each at the graph's size, until they were
 * collected.
 */
export function releaseLayerBitmaps(cy: Core): void {
  const data = canvasRendererOf(cy)?.data;
  for (const canvas of [...(data?.canvases ?? []), ...(data?.bufferCanvases ?? [])]) {
    canvas.width = 0;
    canvas.height = 0;
  }
}
