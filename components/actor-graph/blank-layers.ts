/**
 * Hides the canvas layers that have nothing on them, and gives them no bitmap until something is
 * drawn on them. Cytoscape's canvas renderer stacks three canvases: the graph, the elements being
 * dragged, and the selection box. The last two are empty nearly all the time, yet the first frame
 * cleared them, which gave each a bitmap, and every frame that cleared them again handed those
 * bitmaps to the compositor: for the seed dataset, two of the three bitmaps of the first frame's
 * commit, 5 to 23 ms each here.
 *
 * An empty layer is therefore hidden, and clearing it, which would change no pixel, is skipped.
 * It is shown again by the first drawing call that can leave pixels on it, before that frame is
 * painted, and hidden again by the clear that empties it.
 *
 * Every frame also sets each layer's transform, and the first transform (or save, or clear) on a
 * canvas gives it its bitmap: 10 to 40 ms here for a canvas the size of the graph, in the first
 * frame. Until a layer is first drawn on, its transform is therefore kept here, and handed to the
 * canvas by the first call that needs it.
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

/** The calls that change the transform and nothing else: kept here until the canvas needs it. */
const TRANSFORM_CALLS = ['setTransform', 'resetTransform', 'translate', 'scale', 'rotate', 'transform'] as const;
type TransformCall = (typeof TRANSFORM_CALLS)[number];

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
 * are empty, skips clearing them then, and keeps their transform until they are first drawn on.
 * Does nothing for a headless core.
 */
export function hideBlankLayers(cy: Core): void {
  const renderer = canvasRendererOf(cy);
  const contexts = renderer?.data?.contexts ?? [];
  contexts.forEach((context, layer) => {
    if (layer !== renderer?.NODE && context instanceof CanvasRenderingContext2D) hideWhileBlank(context);
  });
}

/**
 * The transform `matrix` after `call` with `args`, as a 2D context would make it; `undefined`
 * where the call is not one this follows (a missing or extra argument), which the canvas then
 * makes itself. A call with an argument that is not finite changes nothing, as on a canvas.
 */
export function transformAfter(matrix: DOMMatrix, call: TransformCall, args: readonly unknown[]): DOMMatrix | undefined {
  if (call === 'setTransform' && args.length === 1) {
    const init = args[0];
    if (init === null || typeof init !== 'object') return undefined;
    const { a, b, c, d, e, f } = DOMMatrix.fromMatrix(init as DOMMatrix2DInit);
    return [a, b, c, d, e, f].every(Number.isFinite) ? new DOMMatrix([a, b, c, d, e, f]) : matrix;
  }
  const arity = { setTransform: 6, resetTransform: 0, translate: 2, scale: 2, rotate: 1, transform: 6 }[call];
  if (args.length !== arity || !args.every((arg) => typeof arg === 'number')) return undefined;
  const numbers = args as number[];
  if (!numbers.every(Number.isFinite)) return matrix;
  const [x = 0, y = 0] = numbers;
  switch (call) {
    case 'setTransform':
      return new DOMMatrix(numbers);
    case 'resetTransform':
      return new DOMMatrix();
    case 'translate':
      return matrix.translate(x, y);
    case 'scale':
      return matrix.scale(x, y);
    case 'rotate':
      return matrix.rotate((x * 180) / Math.PI);
    case 'transform':
      return matrix.multiply(new DOMMatrix(numbers));
  }
}

function hideWhileBlank(context: CanvasRenderingContext2D): void {
  const { canvas } = context;
  const prototype = CanvasRenderingContext2D.prototype as unknown as Record<string, ContextMethod>;
  let blank = true;
  canvas.style.visibility = 'hidden';
  // The transform the canvas would have, while it has no bitmap; `undefined` once it has one. A
  // new canvas has none, and Cytoscape transforms its layers only when it draws a frame.
  let kept: DOMMatrix | undefined = new DOMMatrix();
  // A new size resets a canvas's transform; Cytoscape sizes its layers only between frames.
  let keptAtSize = [canvas.width, canvas.height];
  const handOver = (target: CanvasRenderingContext2D) => {
    if (kept === undefined) return;
    const matrix = kept;
    kept = undefined;
    if (keptAtSize[0] === canvas.width && keptAtSize[1] === canvas.height) prototype.setTransform?.call(target, matrix);
  };
  // Own properties of this context, not the prototype's: the other canvases are left alone. The
  // prototype's methods are looked up at each call, not kept, so that spies and other wrappers the
  // page puts there later still see the calls.
  const define = (name: string, value: ContextMethod) => {
    if (name in prototype) Object.defineProperty(context, name, { configurable: true, writable: true, value });
  };
  for (const call of TRANSFORM_CALLS) {
    define(call, function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      const after = kept === undefined ? undefined : transformAfter(kept, call, args);
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
    const [x, y, width, height] = args as number[];
    prototype.clearRect?.apply(this, args);
    // A clear of the whole canvas, untransformed, leaves it blank (Cytoscape leaves no clip set
    // when it clears a layer).
    if (
      x !== undefined &&
      y !== undefined &&
      width !== undefined &&
      height !== undefined &&
      x <= 0 &&
      y <= 0 &&
      x + width >= canvas.width &&
      y + height >= canvas.height &&
      this.getTransform().isIdentity
    ) {
      blank = true;
      canvas.style.visibility = 'hidden';
    }
  });
}
