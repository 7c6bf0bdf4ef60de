/**
 * The layout as a pure computation: node boxes and edges in, positions out. It runs seeded fcose
 * on a headless Cytoscape core, so it gives the same positions in the page, in a Web Worker and
 * in Node (for `npm run layout`), for the same input and seed.
 */
import cytoscape from 'cytoscape';
import { registerFcose, runSeededLayout } from './fcose.ts';
import type { LayoutRequest, PositionList } from './request.ts';

/** Lays the graph out and returns each node's position. */
export async function computeLayout(request: LayoutRequest): Promise<PositionList> {
  registerFcose();
  const cy = cytoscape({
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
  try {
    await runSeededLayout(cy, request.seed, {
      quality: request.quality,
      nodeDimensionsIncludeLabels: false,
      fit: false,
      animate: false,
    });
    return cy.nodes().map((node) => [node.id(), node.position().x, node.position().y] as [string, number, number]);
  } finally {
    cy.destroy();
  }
}
