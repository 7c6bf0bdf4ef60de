/**
 * Hides the canvas layers that have nothing on them, and gives them no bitmap until a call needs
 * one (in practice, the first drawing on them). Cytoscape's canvas renderer stacks three
 * canvases: the graph, the elements being dragged, and the selection box. The last two are empty
 * nearly all the time, yet the first frame cleared them, which gave each a bitmap, and every frame
 * that cleared them again handed those bitmaps to the compositor: for the seed dataset, two of the
 * three bitmaps of the first frame's commit, 5 to 23 ms each here.
 *
 * An empty layer is therefore hidden, and clearing it, which would change no pixel, is skipped.
 * It is shown again by the first drawing call that can leave pixels on it, before that frame is
 * painted, and hidden again by the clear that empties it.
 *
 * Every frame also sets each layer's transform, and the first transform (or save, or clear) on a
 * canvas gives it its bitmap: 10 to 40 ms here for a canvas the size of the graph, in the first
 * frame. Until then a layer's transform is therefore kept in script, and handed to the canvas by
 * the first call that depends on it (a save, a clip, a path, a drawing, a read).
 */
import type { Core } from 'cytoscape';
import { canvasRendererOf } from './canvas-renderer-internals.ts';
import { TRANSFORM_CALLS, transformAfter } from './kept-transform.ts';

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
 * The other calls that depend on the transform (a path's points are transformed as they are
 * added), save or restore it, or read the canvas: the transform kept here goes to the canvas first.
 */
const TRANSFORM_USERS = [
  'save',
  'restore',
  'reset',
  'clip',
  'getTransform',
  'isPointInPath',
  'isPointInStroke',
  'getImageData',
  'moveTo',
  'lineTo',
  'arc',
  'arcTo',
  'bezierCurveTo',
  'quadraticCurveTo',
  'rect',
  'roundRect',
  'ellipse',
] as const;

type ContextMethod = (this: CanvasRenderingContext2D, ...args: unknown[]) => unknown;

/**
 * Hides `cy`'s empty layers (all but the graph's own, which is drawn in every frame) while they
 * are empty, skips clearing them then, and keeps their transform in script until a call depends
 * on it. Does nothing for a headless core.
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
  const prototype = CanvasRenderingContext2D.prototype as unknown as Record<string, ContextMethod>;
  let blank = true;
  canvas.style.visibility = 'hidden';
  // The transform the canvas would have, while it has no bitmap; `undefined` once it has one. A
  // new canvas has none, and Cytoscape transforms its layers only when it draws a frame.
  let kept: DOMMatrix | undefined = new DOMMatrix();
  // A new size resets a canvas's transform; Cytoscape sizes its layers only between frames, and
  // begins each layer's drawing by setting the whole transform.
  let keptAtSize = [canvas.width, canvas.height];
  // The transform kept, or none where the canvas has been given a new size since, which resets
  // it (its own size again resets it too, unseen here).
  const keptNow = (matrix: DOMMatrix) =>
    keptAtSize[0] === canvas.width && keptAtSize[1] === canvas.height ? matrix : new DOMMatrix();
  const handOver = (target: CanvasRenderingContext2D) => {
    if (kept === undefined) return;
    const matrix = keptNow(kept);
    kept = undefined;
    prototype.setTransform?.call(target, matrix);
  };
  // Own properties of this context, not the prototype's: the other canvases are left alone. The
  // prototype's methods are looked up at each call, not kept, so that spies and other wrappers the
  // page puts there later still see the calls.
  const define = (name: string, value: ContextMethod) => {
    if (name in prototype) Object.defineProperty(context, name, { configurable: true, writable: true, value });
  };
  for (const call of TRANSFORM_CALLS) {
    define(call, function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      const after = kept === undefined ? undefined : transformAfter(keptNow(kept), call, args);
      if (after === undefined) {
        handOver(this);
        return prototype[call]?.apply(this, args);
      }
      kept = after;
      keptAtSize = [canvas.width, canvas.height];
      return undefined;
    });
  }
  for (const call of TRANSFORM_USERS) {
    define(call, function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      handOver(this);
      return prototype[call]?.apply(this, args);
    });
  }
  for (const call of DRAWING_CALLS) {
    define(call, function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      handOver(this);
      if (blank) {
        blank = false;
        canvas.style.visibility = '';
      }
      return prototype[call]?.apply(this, args);
    });
  }
  define('clearRect', function (this: CanvasRenderingContext2D, ...args: unknown[]) {
    if (blank) return;
    // The canvas throws where an argument is missing, so past it there are four.
    prototype.clearRect?.apply(this, args);
    const [x, y, width, height] = args as [number, number, number, number];
    // A clear of the whole canvas, untransformed, leaves it blank (Cytoscape leaves no clip set
    // when it clears a layer).
    if (x <= 0 && y <= 0 && x + width >= canvas.width && y + height >= canvas.height && this.getTransform().isIdentity) {
      blank = true;
      canvas.style.visibility = 'hidden';
    }
  });
}
