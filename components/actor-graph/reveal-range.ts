/**
 * Scrolls a passage of the host page into view. A `Range` has no `scrollIntoView`, and scrolling
 * its paragraph instead would miss the passage when the paragraph is taller than the screen; so
 * each scrolling box around it, innermost first, then the page, moves by just what it takes.
 */
import { scrollBehavior } from '../shared/reduced-motion.ts';

/** Room left around a passage that is taller than the view it is scrolled into. */
const MARGIN = 16;

/** How far to scroll so that `top`–`bottom` is seen within `viewTop`–`viewBottom`: 0 when it already is. */
function distance(top: number, bottom: number, viewTop: number, viewBottom: number): number {
  if (top >= viewTop && bottom <= viewBottom) return 0;
  const height = bottom - top;
  const view = viewBottom - viewTop;
  // Centred when it fits, else its start near the top of the view.
  return height <= view - 2 * MARGIN ? top + height / 2 - (viewTop + viewBottom) / 2 : top - viewTop - MARGIN;
}

/** The elements between a node and the page that scroll vertically, innermost first. */
function scrollingAncestors(node: Node): Element[] {
  const found: Element[] = [];
  const root = document.scrollingElement ?? document.documentElement;
  for (let element = node instanceof Element ? node : node.parentElement; element !== null; element = element.parentElement) {
    if (element === root || element === document.body) break;
    const overflow = getComputedStyle(element).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') && element.scrollHeight > element.clientHeight)
      found.push(element);
  }
  return found;
}

/** Pixels of a `scroll-padding-top` (a sticky header the page declares), or 0. */
function scrollPaddingTop(): number {
  const value = Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop);
  return Number.isFinite(value) ? value : 0;
}

/**
 * Scrolls the passage `range` covers into view, smoothly unless the reader prefers reduced motion,
 * and not at all when it is already fully visible. Focus stays where it is. Returns whether it
 * scrolled.
 */
export function revealRange(range: Range): boolean {
  const rect = range.getBoundingClientRect();
  // A passage that is not rendered (inside a closed <details>, say) has no place to go to.
  if (rect.width === 0 && rect.height === 0) return false;
  const behavior = scrollBehavior();
  let { top, bottom } = rect;
  let scrolled = false;
  for (const box of scrollingAncestors(range.commonAncestorContainer)) {
    const frame = box.getBoundingClientRect();
    const viewTop = frame.top + box.clientTop;
    const wanted = distance(top, bottom, viewTop, viewTop + box.clientHeight);
    // Where the box can really go: a smooth scroll still under way must not be measured.
    const by = Math.max(-box.scrollTop, Math.min(wanted, box.scrollHeight - box.clientHeight - box.scrollTop));
    if (Math.abs(by) < 1) continue;
    box.scrollBy({ top: by, behavior });
    top -= by;
    bottom -= by;
    scrolled = true;
  }
  const page = document.scrollingElement ?? document.documentElement;
  const wanted = distance(top, bottom, scrollPaddingTop(), page.clientHeight);
  const by = Math.max(-page.scrollTop, Math.min(wanted, page.scrollHeight - page.clientHeight - page.scrollTop));
  if (Math.abs(by) >= 1) {
    window.scrollBy({ top: by, behavior });
    scrolled = true;
  }
  return scrolled;
}
