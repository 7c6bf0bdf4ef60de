/**
 * Has Cytoscape's canvas renderer leave out the arrowheads of ties while the view is zoomed far
 * out, where they are specks that cost time to draw.
 *
 * A class on the ties would do the same through the stylesheet, but toggling it restyles every
 * directed tie and measures it again: at 1,000 actors the view's first fit to the refined layout
 * crossed the threshold and took a task of about 200 ms for that alone. Here the renderer skips
 * them as it draws, and the next frame (which a zoom draws anyway) shows the change.
 */
import type { Core } from 'cytoscape';
import { canvasRendererOf } from './canvas-renderer-internals.ts';

/**
 * Makes the canvas renderer of `cy` draw no arrowheads below the zoom `minZoom`. Call it right
 * after creating the core; it returns `false`, and does nothing, where the renderer or its
 * drawing of arrowheads is missing (a headless core, the WebGL renderer, another version of
 * Cytoscape).
 */
export function hideArrowsWhenFar(cy: Core, minZoom: number): boolean {
  const renderer = canvasRendererOf(cy);
  const drawArrowheads = renderer?.drawArrowheads;
  if (renderer === undefined || drawArrowheads === undefined) return false;
  renderer.drawArrowheads = function (this: typeof renderer, ...args: unknown[]) {
    if (cy.zoom() < minZoom) return;
    drawArrowheads.apply(this, args);
  };
  return true;
}
