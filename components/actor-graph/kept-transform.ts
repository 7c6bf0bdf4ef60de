/**
 * The transform of a 2D canvas context, worked out as the canvas would work it out, for a
 * layer that keeps its transform in script until it needs a bitmap (see `blank-layers.ts`).
 */

/** The calls that change the transform and nothing else: those a layer without a bitmap keeps in script. */
export const TRANSFORM_CALLS = ['setTransform', 'resetTransform', 'translate', 'scale', 'rotate', 'transform'] as const;
export type TransformCall = (typeof TRANSFORM_CALLS)[number];

/**
 * The transform `matrix` after `call` with `args`, as a 2D context would make it (up to
 * rounding: `rotate` goes through degrees); `undefined` where the call is not one this follows (a
 * missing, extra or non-numeric argument), which the canvas then makes itself. A call with an
 * argument that is not finite changes nothing, as on a canvas.
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
