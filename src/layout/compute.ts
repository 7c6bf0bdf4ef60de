/**
 * The layout as a pure computation: node boxes and edges in, positions out. It runs seeded fcose
 * stage by stage on a flat graph of the request (`flat-graph.ts`), without Cytoscape, so it gives
 * the same positions in the page, in a Web Worker and in Node (for `npm run layout`), for the
 * same input and seed: those of fcose run on a Cytoscape core.
 */
import { FCOSE_OPTIONS } from './fcose-options.ts';
import { startFcose } from './fcose-stages.ts';
import { FlatCore } from './flat-graph.ts';
import type { LayoutRequest, PositionList } from './request.ts';

/** A layout begun: its draft placement, when asked for, and the rest still to compute. */
export interface LayoutInStages {
  /** The positions of a `draft` layout of the same request: fcose's first stage. */
  readonly draft: PositionList | undefined;
  /** Computes the rest of the layout and returns its positions. */
  finish(): PositionList;
}

/**
 * Begins to lay the graph out: runs fcose's first stage and, with `withDraft`, returns its
 * positions, which are those of the same request at `draft` quality. The refined positions
 * follow from `finish()` without computing that stage again.
 */
export function startLayout(request: LayoutRequest, withDraft: boolean): LayoutInStages {
  const stages = startFcose(
    new FlatCore(request),
    request.seed,
    { ...FCOSE_OPTIONS, quality: request.quality, nodeDimensionsIncludeLabels: false, fit: false, animate: false },
    withDraft,
  );
  return { draft: stages.draft, finish: () => stages.refine() };
}

/** Lays the graph out and returns each node's position. */
export async function computeLayout(request: LayoutRequest): Promise<PositionList> {
  return startLayout(request, false).finish();
}
