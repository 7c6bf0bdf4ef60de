/**
 * The layout as a pure computation: node boxes and edges in, positions out. It runs seeded fcose
 * on a headless Cytoscape core, so it gives the same positions in the page, in a Web Worker and
 * in Node (for `npm run layout`), for the same input and seed.
 */
import cytoscape, { type Core } from 'cytoscape';
import { FCOSE_OPTIONS } from './fcose-options.ts';
import { startFcose } from './fcose-stages.ts';
import type { LayoutRequest, PositionList } from './request.ts';

/** A layout begun: its draft placement, when asked for, and the rest still to compute. */
export interface LayoutInStages {
  /** The positions of a `draft` layout of the same request: fcose's first stage. */
  readonly draft: PositionList | undefined;
  /** Computes the rest of the layout and returns its positions; the core is let go after. */
  finish(): PositionList;
  /** Lets the core go without computing the rest. */
  drop(): void;
}

/**
 * Begins to lay the graph out: runs fcose's first stage and, with `withDraft`, returns its
 * positions, which are those of the same request at `draft` quality. The refined positions
 * follow from `finish()` without computing that stage again.
 */
export function startLayout(request: LayoutRequest, withDraft: boolean): LayoutInStages {
  const cy = layoutCoreOf(request);
  try {
    const stages = startFcose(
      cy,
      request.seed,
      { ...FCOSE_OPTIONS, quality: request.quality, nodeDimensionsIncludeLabels: false, fit: false, animate: false },
      withDraft,
    );
    return {
      draft: stages.draft,
      finish: () => {
        try {
          return stages.refine();
        } finally {
          cy.destroy();
        }
      },
      drop: () => cy.destroy(),
    };
  } catch (error) {
    cy.destroy();
    throw error;
  }
}

/** A headless core of the request's nodes (sized as asked) and edges, styled so that fcose sees the sizes. */
export function layoutCoreOf(request: LayoutRequest): Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      ...request.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, w: node.width, h: node.height } })),
      ...request.edges.map((edge) => ({
        group: 'edges' as const,
        data: { id: edge.id, source: edge.source, target: edge.target },
      })),
    ],
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
  });
}

/** Lays the graph out and returns each node's position. */
export async function computeLayout(request: LayoutRequest): Promise<PositionList> {
  return startLayout(request, false).finish();
}
