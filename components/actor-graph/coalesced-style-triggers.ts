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
 * same task. Between two properties, only a function mapper could read what a drop is waiting
 * for (an element's `visible()`, say), so an element whose matched rules include one is styled
 * as Cytoscape styles it; the widget's stylesheet has none. The patch lives on the core's style, and
 * a stylesheet set anew (`cy.style(…)`) goes without it.
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
  /** The kinds of property value; a `mapped` one of kind `fn` is a function mapper. */
  types: { fn: unknown };
  checkTriggers(element: StyledElement, name: string, from: unknown, to: unknown): void;
  applyContextStyle(meta: unknown, style: unknown, element: StyledElement): unknown;
}

/** What the properties applied so far to one element have set off. */
interface Pending {
  readonly element: StyledElement;
  /** A property was applied: the element's derived states (and its ties') are stale. */
  restyled: boolean;
  /** Its place in the drawing order may have changed. */
  reorders: boolean;
  /** Its box is stale. */
  dropsBox: boolean;
  /** Its ties' boxes are stale. */
  dropsTiesBoxes: boolean;
  /** The boxes of the ties beside it (between the same two actors) are stale. */
  dropsParallelBoxes: boolean;
}

/**
 * Has the style of `cy` apply each element's properties with one round of drops. Call it right
 * after creating the core; it does nothing where the style's internals are missing (another
 * version of Cytoscape, a core without style).
 */
export function coalesceStyleTriggers(cy: Core): void {
  const style = (cy as unknown as { style(): Partial<StyleInternals> | undefined }).style();
  const { checkTriggers, applyContextStyle, properties, types } = style ?? {};
  if (style === undefined || checkTriggers === undefined || applyContextStyle === undefined) return;
  if (properties === undefined || types === undefined) return;
  // Whether a set of matched rules (one object per combination, kept by Cytoscape) has a function
  // mapper among its properties.
  const mapsWithFunction = new WeakMap<object, boolean>();
  const hasFunctionMapper = (contextStyle: unknown) => {
    const values = contextStyle as Record<string, { mapped?: unknown } | undefined>;
    let found = mapsWithFunction.get(values);
    if (found === undefined) {
      found = Object.values(values).some((value) => value?.mapped === types.fn);
      mapsWithFunction.set(values, found);
    }
    return found;
  };
  let pending: Pending | undefined;
  style.checkTriggers = function (element, name, from, to) {
    const definition = properties[name];
    if (pending === undefined || pending.element !== element || definition === undefined) {
      checkTriggers.call(this, element, name, from, to);
      return;
    }
    pending.restyled = true;
    // Cytoscape checks each trigger only while the element is in the graph.
    if (element.removed()) return;
    pending.reorders ||= definition.triggersZOrder?.(from, to, element) === true;
    pending.dropsBox ||= definition.triggersBounds?.(from, to, element) === true;
    pending.dropsTiesBoxes ||= definition.triggersBoundsOfConnectedEdges?.(from, to, element) === true;
    pending.dropsParallelBoxes ||= definition.triggersBoundsOfParallelEdges?.(from, to, element) === true;
  };
  style.applyContextStyle = function (meta, contextStyle, element) {
    if (hasFunctionMapper(contextStyle)) return applyContextStyle.call(this, meta, contextStyle, element);
    const enclosing = pending;
    const forElement: Pending = {
      element,
      restyled: false,
      reorders: false,
      dropsBox: false,
      dropsTiesBoxes: false,
      dropsParallelBoxes: false,
    };
    pending = forElement;
    try {
      return applyContextStyle.call(this, meta, contextStyle, element);
    } finally {
      pending = enclosing;
      settle(cy, forElement);
    }
  };
}

/** Drops, once, what the properties applied to an element have made stale. */
function settle(cy: Core, pending: Pending): void {
  const { element } = pending;
  if (!pending.restyled) return;
  element.dirtyStyleCache();
  if (element.removed()) return;
  if (pending.reorders) (cy as unknown as { notify(event: 'zorder', element: unknown): void }).notify('zorder', element);
  if (pending.dropsBox) {
    element.dirtyCompoundBoundsCache();
    element.dirtyBoundingBoxCache();
  }
  if (pending.dropsTiesBoxes) element.connectedEdges().dirtyBoundingBoxCache();
  if (pending.dropsParallelBoxes) element.parallelEdges().dirtyBoundingBoxCache();
}
