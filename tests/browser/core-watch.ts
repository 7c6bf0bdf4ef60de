/** Watches an `<actor-graph>` for its graph's core, from the moment the core is made. */
import type { Core } from 'cytoscape';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';

/**
 * Calls `made` with `element`'s graph core as soon as the core is made, before any frame. Call it
 * as soon as the element is in the page: the core adds its canvases to its container, where
 * Cytoscape also keeps a reference to it.
 */
export function onCoreMade(element: ActorGraph, made: (cy: Core) => void): void {
  const root = element.shadowRoot;
  if (root === null) throw new Error('the element has no shadow root yet');
  const watch = new MutationObserver(() => {
    const container = root.querySelector('.graph') as (HTMLElement & { _cyreg?: { cy?: Core } }) | null;
    const cy = container?._cyreg?.cy;
    if (cy === undefined) return;
    watch.disconnect();
    made(cy);
  });
  watch.observe(root, { childList: true, subtree: true });
}

/** Calls `drawn` in the first frame of `element`'s graph, as the frame is drawn (see `onCoreMade`). */
export function onFirstFrame(element: ActorGraph, drawn: (cy: Core) => void): void {
  onCoreMade(element, (cy) => cy.one('render', () => drawn(cy)));
}
