/**
 * What a layout is asked and what it answers: node boxes and edges in, positions out, and the
 * request built from the elements the widget draws. Plain data, so it crosses to a worker as is.
 */
import type { ElementDefinition } from '../render/elements.ts';
import { nodeSizeOf } from '../render/stylesheet.ts';

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

/** Up to this many nodes a graph is laid out once; a larger one is shown from a draft first. */
export const SINGLE_LAYOUT_MAX_NODES = 150;

/**
 * The layouts that place a graph, in order: the request itself, or, for a graph above
 * {@link SINGLE_LAYOUT_MAX_NODES} nodes whose quality is above draft, a draft first.
 */
export function layoutStepsOf(request: LayoutRequest): [first: LayoutRequest, refined?: LayoutRequest] {
  if (request.nodes.length <= SINGLE_LAYOUT_MAX_NODES || request.quality === 'draft') return [request];
  return [{ ...request, quality: 'draft' }, request];
}

/** Whether two requests ask for the same layout: the same nodes, boxes, edges, seed and quality. */
export function sameLayoutRequest(a: LayoutRequest, b: LayoutRequest): boolean {
  if (a === b) return true;
  if (a.seed !== b.seed || a.quality !== b.quality) return false;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const [m, n] = [a.nodes[i], b.nodes[i]];
    if (m?.id !== n?.id || m?.width !== n?.width || m?.height !== n?.height) return false;
  }
  for (let i = 0; i < a.edges.length; i++) {
    const [e, f] = [a.edges[i], b.edges[i]];
    if (e?.id !== f?.id || e?.source !== f?.source || e?.target !== f?.target) return false;
  }
  return true;
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

/**
 * The request for laying out `elements`: every node with a box that holds its label, and every
 * edge, shown or not, so that filtering never moves anything.
 */
export function layoutRequestOf(elements: readonly ElementDefinition[], seed: number, fontSize: number): LayoutRequest {
  const nodes = [];
  const edges = [];
  for (const element of elements) {
    if (element.group === 'nodes') {
      nodes.push({ id: element.data.id, ...estimateNodeBox(element.data.label, nodeSizeOf(element.data.kind), fontSize) });
    } else {
      edges.push({ id: element.data.id, source: element.data.source, target: element.data.target });
    }
  }
  return { nodes, edges, seed, quality: qualityFor(nodes.length) };
}
