/**
 * Has Cytoscape's canvas renderer look for the element under the pointer among the elements
 * whose box is near it, not among all of them.
 *
 * On every press, release and pointer move, Cytoscape tests each element of the graph against
 * the pointer, and a tie's test works out its curve and its four arrows: at 1,000 actors about
 * 9 ms per press and as much per release here. Elements whose cached box (their label and arrows
 * included) lies farther from the pointer than Cytoscape's own tolerance cannot be hit, so they
 * are left out before its test runs. An element whose box is not worked out yet, or whose new
 * style is not applied yet (a class just added, before the next frame), is tested as before.
 * What the test finds, and in which order, is unchanged. (A compound node's box can outlast a
 * move of its children; the widget draws no compound nodes.)
 */
import type { Core } from 'cytoscape';
import { canvasRendererOf } from './canvas-renderer-internals.ts';
import type { ElementInternals } from './element-internals.ts';

/** The renderer's elements in drawing order, with the interactive ones beside them. */
type ZSortedElements = ElementInternals[] & { interactive: ElementInternals[] };

/**
 * How far from an element's box, in screen pixels, the pointer may still hit it: Cytoscape's
 * largest tolerance is 24 (a tie, by touch), and the rest is margin.
 */
const TOLERANCE_PX = 32;

/**
 * Makes the canvas renderer of `cy` test only the elements near the pointer. Call it right after
 * creating the core; it does nothing where the renderer or its hit test is missing (a headless
 * core, another version of Cytoscape).
 */
export function hitTestNearbyOnly(cy: Core): void {
  const renderer = canvasRendererOf<ElementInternals>(cy);
  const findNearest = renderer?.findNearestElements;
  const zSorted = renderer?.getCachedZSortedEles;
  if (renderer === undefined || findNearest === undefined || zSorted === undefined) return;
  /** The elements to test, while a hit test runs. */
  let testing: ZSortedElements | undefined;
  renderer.getCachedZSortedEles = function (...args: unknown[]) {
    return testing ?? zSorted.apply(this, args);
  };
  renderer.findNearestElements = function (x, y, interactiveOnly, isTouch) {
    const all = zSorted.call(this);
    const slack = TOLERANCE_PX / cy.zoom();
    const near = (element: ElementInternals) => {
      const { bbCache: box, styleDirty } = element._private;
      return (
        box == null ||
        styleDirty === true ||
        (box.x1 - slack <= x && x <= box.x2 + slack && box.y1 - slack <= y && y <= box.y2 + slack)
      );
    };
    const candidates = (interactiveOnly ? all.interactive : all).filter(near) as ZSortedElements;
    candidates.interactive = candidates;
    testing = candidates;
    try {
      return findNearest.call(this, x, y, interactiveOnly, isTouch);
    } finally {
      testing = undefined;
    }
  };
}
