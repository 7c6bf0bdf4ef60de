/**
 * On a touch screen one finger scrolls the page over the graph, as it does over the article
 * around it, and two fingers pan and zoom the graph (as on embedded maps). A graph that takes most
 * of a phone's screen would otherwise take every swipe, and the reader could not scroll past it.
 * A tap still selects, and a pinch zooms whether or not the graph has been used yet.
 */
import type { Core } from 'cytoscape';
import { canvasRendererOf } from './canvas-renderer-internals.ts';

/** How far (CSS px) one finger moves before the touch is a swipe, not a tap. */
const SWIPE_SLOP = 10;

/** Stands in for the `preventDefault` of a touch's end that can no longer be cancelled. */
const cancelNothing = () => undefined;

/**
 * Hands one-finger swipes that start in `container` to the page, and calls `onPageSwipe` when one
 * does. Returns a function that stops this.
 */
export function shareTouchWithPage(cy: Core, container: HTMLElement, onPageSwipe: () => void): () => void {
  const root = container.getRootNode();
  /** What the touch going on is: none, one finger not yet moved, the page's, or the graph's. */
  let gesture: 'none' | 'one' | 'page' | 'graph' = 'none';
  let startX = 0;
  let startY = 0;
  let zoomingBefore = true;
  const inside = (event: Event) => container.contains(event.target as Node);
  // Fingers on this graph only: a thumb resting elsewhere on the screen (or on the other pane of
  // the compare view) does not make one finger two.
  const fingersOf = (event: TouchEvent) => event.targetTouches.length;

  const onStart = (event: Event) => {
    if (!(event instanceof TouchEvent) || !inside(event)) return;
    if (gesture === 'page') {
      // The page scrolls already, and can no longer be stopped: a finger that joins stays the page's.
      event.stopPropagation();
      return;
    }
    if (fingersOf(event) >= 2) {
      // Two fingers are the graph's, from the first moment: Cytoscape pinches only while the
      // reader may both pan and zoom, and zooming waits for the graph to be used (the wheel's rule).
      if (gesture !== 'graph') zoomingBefore = cy.userZoomingEnabled();
      gesture = 'graph';
      cy.userZoomingEnabled(true);
      return;
    }
    const touch = event.targetTouches[0];
    if (gesture !== 'none' || touch === undefined) return;
    gesture = 'one';
    startX = touch.clientX;
    startY = touch.clientY;
  };

  // Cytoscape takes two fingers less than 200 px apart for a context tap, and moves the view only
  // once they spread: told after its own handler that they are not, moving them together pans.
  const afterStart = (event: Event) => {
    if (!(event instanceof TouchEvent) || gesture !== 'graph' || !inside(event)) return;
    const touchData = canvasRendererOf(cy)?.touchData;
    if (touchData?.cxt !== true) return;
    touchData.cxt = false;
    touchData.start?.unactivate();
    touchData.start = null;
  };

  const onMove = (event: Event) => {
    if (!(event instanceof TouchEvent) || (gesture !== 'one' && gesture !== 'page')) return;
    // Cytoscape never hears of it, so it neither pans nor drags, and does not cancel the scroll.
    event.stopPropagation();
    const touch = event.targetTouches[0];
    if (gesture === 'page' || touch === undefined) return;
    if (Math.hypot(touch.clientX - startX, touch.clientY - startY) < SWIPE_SLOP) return;
    gesture = 'page';
    // To Cytoscape the finger has moved, so its end is no tap; Cytoscape still hears of the end,
    // which lets go of the actor the finger came down on.
    const touchData = canvasRendererOf(cy)?.touchData;
    if (touchData !== undefined) touchData.singleTouchMoved = true;
    onPageSwipe();
  };

  const onEnd = (event: Event) => {
    if (!(event instanceof TouchEvent) || gesture === 'none' || !inside(event)) return;
    if (gesture === 'page' && !event.cancelable && event.preventDefault !== cancelNothing) {
      // Cytoscape cancels the end of each touch it follows. Once the page scrolls the browser
      // cannot, and says so as an error in the page's console: this end's cancelling is a no-op
      // (set once, whichever pane of the compare view hears of it first, and left replaceable).
      Object.defineProperty(event, 'preventDefault', { value: cancelNothing, writable: true, configurable: true });
    }
    if (fingersOf(event) > 0) return;
    if (gesture === 'graph') cy.userZoomingEnabled(zoomingBefore);
    gesture = 'none';
  };

  const options = { capture: true, passive: true };
  root.addEventListener('touchstart', onStart, options);
  root.addEventListener('touchstart', afterStart, { passive: true });
  root.addEventListener('touchmove', onMove, options);
  root.addEventListener('touchend', onEnd, options);
  root.addEventListener('touchcancel', onEnd, options);
  return () => {
    root.removeEventListener('touchstart', onStart, options);
    root.removeEventListener('touchstart', afterStart);
    root.removeEventListener('touchmove', onMove, options);
    root.removeEventListener('touchend', onEnd, options);
    root.removeEventListener('touchcancel', onEnd, options);
  };
}
