/**
 * Has Cytoscape's canvas renderer leave out the arrowheads at the target end of ties while the
 * view is zoomed far out, where they are specks that cost time to draw. The marks in the middle
 * of a tie (the hollow circle of an absent tie) stay.
 *
 * A class on the ties would do the same through the stylesheet, but toggling it restyles every
 * directed tie and measures it again: at 1,000 actors the view's first fit to the refined layout
 * crossed the threshold and took a task of about 200 ms for that alone. Here the renderer skips
 * them as it draws, and the next frame (which a zoom draws anyway) shows the change. Only for a
 * graph drawn directly: a texture keeps what it was drawn with, at whatever zoom it is shown.
 */
import type { Core } from 'cytoscape';
import { canvasRendererOf } from './canvas-renderer-internals.ts';

/**
 * Makes the canvas renderer of `cy` draw no target arrowheads below the zoom `minZoom`. Call it
 * right after creating the core, for a graph drawn without textures; it returns `false`, and does
 * nothing, where the renderer or its drawing of arrowheads is missing (a headless core, another
 * version of Cytoscape).
 */
export function hideArrowsWhenFar(cy: Core, minZoom: number): boolean {
  const renderer = canvasRendererOf(cy);
  const drawArrowhead = renderer?.drawArrowhead;
  if (renderer === undefined || drawArrowhead === undefined) return false;
  renderer.drawArrowhead = function (this: typeof renderer, context, edge, prefix, ...rest) {
    if (prefix === 'target' && cy.zoom() < minZoom) return;
    drawArrowhead.call(this, context, edge, prefix, ...rest);
  };
  return true;
}
