/**
 * The parts of a Cytoscape element's internal state (`_private`) that the widget reads or writes,
 * declared once, and the prototype its collections share. They are internal to Cytoscape (3.35)
 * and untyped there; see `canvas-renderer-internals.ts` for the renderer's.
 */
import type { Core } from 'cytoscape';
import type { RendererBox } from './canvas-renderer-internals.ts';

/** An element's internal state, as far as the widget uses it. */
export interface ElementPrivate {
  readonly group: 'nodes' | 'edges';
  /** Whether the element is pressed (`:active`). */
  active: boolean;
  /** Whether a node may be grabbed, as `grabify()` and `ungrabify()` set it (they restyle it too). */
  grabbable?: boolean;
  /** The element's box as last worked out, labels and arrows included; `null` once dropped. */
  readonly bbCache: RendererBox | null | undefined;
  /** The positions the box was worked out at; `null` once dropped. */
  readonly bbCachePosKey: unknown;
  /** The parts of that box, kept beside it: the body's, and each label's; `null` once dropped. */
  readonly bodyBounds?: RendererBox | null;
  readonly labelBounds?: { main?: RendererBox | null; source?: RendererBox | null; target?: RendererBox | null };
  /** Whether a restyle is not applied yet. */
  readonly styleDirty?: boolean;
  /**
   * The renderer's measurements (label places, tie curves): `clean` when they are up to date,
   * `cleanConnected` when a node's ties have been queued to follow its last change.
   */
  readonly rstyle?: { clean?: boolean; cleanConnected?: boolean };
  /** A node's position (its centre), in model coordinates. */
  readonly position?: { x: number; y: number };
  /** A tie's ends. */
  readonly source?: ElementInternals;
  readonly target?: ElementInternals;
  /** A node's ties. */
  readonly edges?: readonly unknown[];
  /** Traversals worked out for the element, by name; emptied (`null`) when its ties change. */
  traversalCache?: Record<string, unknown> | null;
  /** The renderer's scratch: label lines and their keys, `badLine` for a tie it cannot draw. */
  readonly rscratch: Record<string, unknown> & { badLine?: boolean };
}

/** An element, as far as the widget reaches into it. */
export interface ElementInternals {
  readonly _private: ElementPrivate;
}

/** A collection of elements, as the methods of its prototype see it. */
export interface CollectionInternals extends Iterable<ElementInternals> {
  readonly length: number;
  cy(): Core;
}

/** A method of the collections' prototype. */
export type CollectionMethod = (this: CollectionInternals, ...args: unknown[]) => unknown;

/**
 * The prototype that the elements and collections of every core share, typed with the methods
 * `Name`. A patch of it reaches every core, so it must leave other cores as they were.
 */
export function collectionPrototype<Name extends string>(cy: Core): Record<Name, CollectionMethod> {
  return Object.getPrototypeOf(cy.collection()) as Record<Name, CollectionMethod>;
}

/**
 * Makes a patch of the collections' shared prototype for the widget's cores. The function it
 * returns enrols a core; the first enrolment applies `patch`, once per page, since every core
 * shares the prototype. The patch tells the enrolled cores by `serves`, and must leave the
 * others, and the calls it does not change, as Cytoscape made them.
 */
export function patchForCores<Name extends string>(
  patch: (prototype: Record<Name, CollectionMethod>, serves: (cy: Core) => boolean) => void,
): (cy: Core) => void {
  const enrolled = new WeakSet<Core>();
  const serves = (cy: Core) => enrolled.has(cy);
  let patched = false;
  return (cy) => {
    enrolled.add(cy);
    if (patched) return;
    patched = true;
    patch(collectionPrototype<Name>(cy), serves);
  };
}
