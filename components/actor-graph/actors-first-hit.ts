/**
 * Keeps an actor ahead of a tie under the pointer. A hovered or selected tie is drawn above the
 * actors, so that no actor's name covers its label; Cytoscape's hit test, which goes down the
 * drawing order, would then find that tie first wherever the pointer is near it, even on one of
 * its own ends' actors (within 24 px by touch). An actor under the pointer wins, as it did when
 * every tie was drawn below the actors.
 */
import type { Core, SingularElementArgument } from 'cytoscape';
import { canvasRendererOf } from './canvas-renderer-internals.ts';

/**
 * Has the renderer of `cy` list the actor before the tie when both are under the pointer. Call it
 * after anything else that wraps the hit test; it does nothing where the hit test is missing (a
 * headless core, another version of Cytoscape).
 */
export function hitActorsFirst(cy: Core): void {
  const renderer = canvasRendererOf<SingularElementArgument>(cy);
  const findNearest = renderer?.findNearestElements;
  if (renderer === undefined || findNearest === undefined) return;
  renderer.findNearestElements = function (x, y, interactiveOnly, isTouch) {
    const found = findNearest.call(this, x, y, interactiveOnly, isTouch) as SingularElementArgument[];
    // At most one actor and one tie: only a tie found first needs moving.
    return found.length === 2 && found[0]?.isEdge() === true ? [found[1], found[0]] : found;
  };
}
