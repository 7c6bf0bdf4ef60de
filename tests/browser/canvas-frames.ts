/** Counts what each frame of a graph's drawing puts on its canvas. */

import { vi } from 'vitest';

/** What one frame drew on the graph's layer. */
export interface FrameDrawn {
  /** Lines stroked: the ties and node outlines. */
  strokes: number;
  /** Texts filled: the labels. */
  texts: number;
}

/**
 * Runs `draw`, and tells for each frame drawn meanwhile on a graph's layer (each frame starts by
 * resetting its transform) how many lines it stroked and how many texts it filled. Frames that
 * stroked nothing are left out.
 */
export async function framesWhile(draw: () => Promise<unknown>): Promise<FrameDrawn[]> {
  const drawn: FrameDrawn[] = [];
  const prototype = CanvasRenderingContext2D.prototype;
  const onGraphLayer = (context: CanvasRenderingContext2D) => context.canvas.dataset.id?.endsWith('-node') === true;
  const { setTransform, stroke, fillText } = prototype;
  const spies = [
    vi.spyOn(prototype, 'setTransform').mockImplementation(function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      if (onGraphLayer(this) && args.join() === '1,0,0,1,0,0') drawn.push({ strokes: 0, texts: 0 });
      return (setTransform as (...args: unknown[]) => void).apply(this, args);
    }),
    vi.spyOn(prototype, 'stroke').mockImplementation(function (this: CanvasRenderingContext2D, ...args: [Path2D]) {
      const frame = drawn.at(-1);
      if (onGraphLayer(this) && frame !== undefined) frame.strokes++;
      return stroke.apply(this, args);
    }),
    vi.spyOn(prototype, 'fillText').mockImplementation(function (this: CanvasRenderingContext2D, ...args) {
      const frame = drawn.at(-1);
      if (onGraphLayer(this) && frame !== undefined) frame.texts++;
      return fillText.apply(this, args);
    }),
  ];
  try {
    await draw();
  } finally {
    // Only these spies: a caller's own stay as they are.
    for (const spy of spies) spy.mockRestore();
  }
  return drawn.filter((frame) => frame.strokes > 0);
}

/** Runs `draw`, a synchronous drawing, and tells how many lines it stroked and texts it filled, on any canvas. */
export function drawnWhile(draw: () => unknown): FrameDrawn {
  const drawn: FrameDrawn = { strokes: 0, texts: 0 };
  const prototype = CanvasRenderingContext2D.prototype;
  const { stroke, fillText } = prototype;
  const spies = [
    vi.spyOn(prototype, 'stroke').mockImplementation(function (this: CanvasRenderingContext2D, ...args: [Path2D]) {
      drawn.strokes++;
      return stroke.apply(this, args);
    }),
    vi.spyOn(prototype, 'fillText').mockImplementation(function (this: CanvasRenderingContext2D, ...args) {
      drawn.texts++;
      return fillText.apply(this, args);
    }),
  ];
  try {
    draw();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return drawn;
}
