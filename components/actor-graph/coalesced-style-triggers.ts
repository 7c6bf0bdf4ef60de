/**
 * Applies each element's style with one round of consequences, not one per property.
 *
 * When Cytoscape (3.35) sets a style property on an element, it drops what depends on it at once:
 * the element's derived style values (and its ties'), its box (announced to the renderer as a
 * `bounds` event), the boxes of its ties or of the ties beside it, its place in the drawing order.
 * An element styled for the first time gets some twenty properties, and each did all of that
 * again: a node's ties were gathered into a new collection for every property, and each drop was
 * announced anew. About half of the time of styling an element went there, and styling was most
 * of the main thread's work while a graph loads (here 0.5 to 0.7 ms per element, over 500 ms at
 * 300 actors). On the widget's cores, the properties of one element applied together now note
 * what they change, and the drops follow once, when the element is done: the same drops, in the
 * same task, before anything reads what they drop.
 */
import type { Core } from 'cytoscape';
import type { ElementInternals } from './element-internals.ts';

/** What a style property change can set off (see Cytoscape's property definitions). */
type Trigger = (from: unknown, to: unknown, element: unknown) => boolean;

interface PropertyDefinition {
  triggersZOrder?: Trigger;
  triggersBounds?: Trigger;
  triggersBoundsOfConnectedEdges?: Trigger;
  triggersBoundsOfParallelEdges?: Trigger;
}

/** An element as the drops address it (internal to Cytoscape). */
interface StyledElement extends ElementInternals {
  removed(): boolean;
  dirtyStyleCache(): void;
  dirtyCompoundBoundsCache(): void;
  dirtyBoundingBoxCache(): void;
  connectedEdges(): { dirtyBoundingBoxCache(): void };
  parallelEdges(): { dirtyBoundingBoxCache(): void };
}

/** A core's style, as far as this module uses it (internal to Cytoscape). */
interface StyleInternals {
  properties: Record<string, PropertyDefinition | undefined>;
  checkTriggers(element: StyledElement, name: string, from: unknown, to: unknown): void;
  applyContextStyle(meta: unknown, style: unknown, element: StyledElement): unknown;
}

/** What the properties applied so far to one element have set off. */
interface Pending {
  readonly element: StyledElement;
  style: boolean;
  order: boolean;
  bounds: boolean;
  connected: boolean;
  parallel: boolean;
}

/**
 * Has the style of `cy` apply each element's properties with one round of drops. Call it right
 * after creating the core; it does nothing where the style's internals are missing (another
 * version of Cytoscape, a core without style).
 */
export function coalesceStyleTriggers(cy: Core): void {
  const style = (cy as unknown as { style(): Partial<StyleInternals> | undefined }).style();
  const { checkTriggers, applyContextStyle } = style ?? {};
  if (style === undefined || checkTriggers === undefined || applyContextStyle === undefined || style.properties === undefined) {
    return;
  }
  const properties = style.properties;
  let pending: Pending | undefined;
  style.checkTriggers = function (element, name, from, to) {
    const definition = properties[name];
    if (pending === undefined || pending.element !== element || definition === undefined) {
      checkTriggers.call(this, element, name, from, to);
      return;
    }
    pending.style = true;
    // Cytoscape checks each trigger only while the element is in the graph.
    if (element.removed()) return;
    pending.order ||= definition.triggersZOrder?.(from, to, element) === true;
    pending.bounds ||= definition.triggersBounds?.(from, to, element) === true;
    pending.connected ||= definition.triggersBoundsOfConnectedEdges?.(from, to, element) === true;
    pending.parallel ||= definition.triggersBoundsOfParallelEdges?.(from, to, element) === true;
  };
  style.applyContextStyle = function (meta, contextStyle, element) {
    const outer = pending;
    const mine: Pending = { element, style: false, order: false, bounds: false, connected: false, parallel: false };
    pending = mine;
    try {
      return applyContextStyle.call(this, meta, contextStyle, element);
    } finally {
      pending = outer;
      settle(cy, mine);
    }
  };
}

/** Drops, once, what the properties applied to an element have made stale. */
function settle(cy: Core, { element, style, order, bounds, connected, parallel }: Pending): void {
  if (!style) return;
  element.dirtyStyleCache();
  if (element.removed()) return;
  if (order) (cy as unknown as { notify(event: 'zorder', element: unknown): void }).notify('zorder', element);
  if (bounds) {
    element.dirtyCompoundBoundsCache();
    element.dirtyBoundingBoxCache();
  }
  if (connected) element.connectedEdges().dirtyBoundingBoxCache();
  if (parallel) element.parallelEdges().dirtyBoundingBoxCache();
}
