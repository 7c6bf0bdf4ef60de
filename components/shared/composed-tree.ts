/**
 * Steps of the composed tree, the one the page is drawn from: a shadow root's host counts as the
 * parent of what the shadow root holds.
 */

/** The parent element of `node`, or its shadow root's host when it is at the top of a shadow root. */
export function composedParent(node: Element): Element | null {
  if (node.parentElement !== null) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
