/**
 * Keeps each tie's parallel ties (those between the same two actors) on the widget's cores.
 * Cytoscape keeps the answers of its traversals asked with one element as the argument, but not
 * `parallelEdges()` asked with none, which it asks for every tie it measures and for every pair
 * of actors whose ties it curves: each answer built two collections. A frame that moves every
 * actor (as the glide of a refined layout does) took 0.75 to 0.80 of the time at 300 actors and
 * 0.59 to 0.82 at 1,000 with the answers kept (two runs each, medians of 20 to 30 frames here).
 *
 * The answer is kept where Cytoscape keeps its own traversals, in the tie's traversal cache,
 * which it empties whenever a tie is added between the same actors or removed from them; it
 * serves only while the tie still joins the same two actors and is still among its source's
 * ties (Cytoscape asks a tie being removed or moved for its parallel ties midway). Like Cytoscape's
 * own kept traversals, the collection returned is shared: callers must not change it.
 */
import type { Core } from 'cytoscape';
import { type CollectionInternals, type ElementPrivate, patchForCores } from './element-internals.ts';

/** Where a tie's parallel ties are kept in its traversal cache, with the ends they were worked out for. */
const KEPT = 'actorGraphParallelTies';
interface KeptTies {
  readonly ties: unknown;
  readonly source: unknown;
  readonly target: unknown;
}

/** On the enrolled cores, `parallelEdges()` asked of one tie answers from its traversal cache. */
const keepOnEnrolledCores = patchForCores<'parallelEdges'>((prototype, serves) => {
  const parallelEdges = prototype.parallelEdges;
  prototype.parallelEdges = function (this: CollectionInternals, ...args: unknown[]) {
    const tie = (this as unknown as { _private: ElementPrivate }[])[0];
    if (args.length !== 0 || this.length !== 1 || tie === undefined || !serves(this.cy())) {
      return parallelEdges.apply(this, args);
    }
    const parts = tie._private;
    const joined = parts.source?._private.edges?.includes(tie) === true;
    const kept = parts.traversalCache?.[KEPT] as KeptTies | undefined;
    if (joined && kept?.source === parts.source && kept.target === parts.target) return kept.ties;
    const ties = parallelEdges.apply(this, args);
    if (joined) {
      parts.traversalCache ??= {};
      parts.traversalCache[KEPT] = { ties, source: parts.source, target: parts.target } satisfies KeptTies;
    }
    return ties;
  };
});

/** Keeps the parallel ties of `cy`'s ties once worked out, as long as they hold. */
export function keepParallelTies(cy: Core): void {
  keepOnEnrolledCores(cy);
}
