/** Builds the layout request for the elements the widget draws. */
import type { ElementDefinition } from '../render/elements.ts';
import { nodeSizeOf } from '../render/stylesheet.ts';
import { estimateNodeBox, type LayoutRequest, qualityFor } from './compute.ts';

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
