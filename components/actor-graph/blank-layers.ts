/**
 * Hides the canvas layers that have nothing on them. Cytoscape's canvas renderer stacks three
 * canvases: the graph, the elements being dragged, and the selection box. The last two are empty
 * nearly all the time, yet the first frame clears them, which gives each a bitmap, and every
 * frame that clears them again hands those bitmaps to the compositor: for the seed dataset, two
 * of the three bitmaps of the first frame's commit, 5 to 23 ms each here.
 *
 * An empty layer is therefore hidden, and clearing it, which would change no pixel, is skipped.
 * It is shown again by the first drawing call that can leave pixels on it, before that frame is
 * painted, and hidden again by the clear that empties it.
 */
import type { Core } from 'cytoscape';
import { canvasRendererOf } from './canvas-renderer-internals.ts';

/** The drawing calls that can leave pixels on a canvas. */
const DRAWING_CALLS = [
  'fill',
  'stroke',
  'fillRect',
  'strokeRect',
  'fillText',
  'strokeText',
  'drawImage',
  'putImageData',
] as const;

/**
 * Hides `cy`'s empty layers (all but the graph's own, which is drawn in every frame) while they
 * are empty, and skips clearing them then. Does nothing for a headless core.
 */
export function hideBlankLayers(cy: Core): void {
  const renderer = canvasRendererOf(cy);
  const contexts = renderer?.data?.contexts ?? [];
  contexts.forEach((context, layer) => {
    if (layer !== renderer?.NODE && context instanceof CanvasRenderingContext2D) hideWhileBlank(context);
  });
}

function hideWhileBlank(context: CanvasRenderingContext2D): void {
  const { canvas } = context;
  let blank = true;
  canvas.style.visibility = 'hidden';
  const prototype = CanvasRenderingContext2D.prototype;
  // The prototype's methods are looked up at each call, not kept, so that spies and other
  // wrappers the page puts there later still see the calls.
  for (const call of DRAWING_CALLS) {
    Object.defineProperty(context, call, {
      configurable: true,
      writable: true,
      value(this: CanvasRenderingContext2D, ...args: unknown[]) {
        if (blank) {
          blank = false;
          canvas.style.visibility = '';
        }
        return (prototype[call] as (...args: unknown[]) => unknown).apply(this, args);
      },
    });
  }
  Object.defineProperty(context, 'clearRect', {
    configurable: true,
    writable: true,
    value(this: CanvasRenderingContext2D, x: number, y: number, width: number, height: number) {
      if (blank) return;
      prototype.clearRect.call(this, x, y, width, height);
      // A clear of the whole canvas, untransformed, leaves it blank (Cytoscape leaves no clip set
      // when it clears a layer).
      if (x <= 0 && y <= 0 && x + width >= canvas.width && y + height >= canvas.height && this.getTransform().isIdentity) {
        blank = true;
        canvas.style.visibility = 'hidden';
      }
    },
  });
}
