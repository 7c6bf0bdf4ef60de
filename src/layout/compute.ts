/**
 * The layout as a pure computation: node boxes and edges in, positions out. It runs seeded fcose
 * on a headless Cytoscape core, so it gives the same positions in the page, in a Web Worker and
 * in Node (for `npm run layout`), for the same input and seed.
 */
import cytoscape from 'cytoscape';
import { registerFcose, runSeededLayout } from './fcose.ts';

/** A node to place: its id and the box it needs, its label included. */
export interface LayoutNode {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

export interface LayoutEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

export type LayoutQuality = 'draft' | 'default' | 'proof';

export interface LayoutRequest {
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly LayoutEdge[];
  readonly seed: number;
  readonly quality: LayoutQuality;
}

/** Positions by node id, as `[x, y]` pairs: a shape that crosses to and from a worker as it is. */
export type PositionList = [id: string, x: number, y: number][];

/**
 * The quality to lay out a graph of `nodes` nodes at, so that no graph waits more than a few
 * seconds: proof for small graphs, default up to about a thousand, draft beyond (where default
 * quality runs into its iteration cap and takes minutes).
 */
export function qualityFor(nodes: number): LayoutQuality {
  if (nodes <= 200) return 'proof';
  if (nodes <= 1200) return 'default';
  return 'draft';
}

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

/**
 * The box a node needs with its label below it, estimated from the label's length rather than
 * measured, so that every environment (a worker, Node) computes the same box.
 */
export function estimateNodeBox(
  label: string,
  nodeSize: number,
  fontSize: number,
  maxLabelWidth = 130,
): { width: number; height: number } {
  const textWidth = label.length * fontSize * 0.58;
  const lines = Math.max(1, Math.ceil(textWidth / maxLabelWidth));
  const labelWidth = Math.min(textWidth, maxLabelWidth);
  return { width: Math.max(nodeSize, labelWidth) + 8, height: nodeSize + 4 + lines * fontSize * 1.25 };
}
