/**
 * The fcose options of every layout the widget computes, in its own module so that what runs
 * fcose stage by stage (`fcose-stages.ts`) does not load fcose's bundled build as well.
 */
import type { FcoseLayoutOptions } from 'cytoscape-fcose';

/** The fcose options the widget uses, tuned so that the seed graph's labels stand apart. */
export const FCOSE_OPTIONS: Readonly<FcoseLayoutOptions> = Object.freeze({
  name: 'fcose',
  quality: 'proof',
  randomize: true,
  animate: false,
  fit: true,
  padding: 24,
  nodeDimensionsIncludeLabels: true,
  uniformNodeDimensions: false,
  packComponents: false,
  nodeRepulsion: () => 30000,
  idealEdgeLength: () => 150,
  edgeElasticity: () => 0.25,
  nestingFactor: 0.1,
  nodeSeparation: 90,
  gravity: 0.2,
  gravityRange: 3.8,
  numIter: 2500,
  tile: true,
  tilingPaddingVertical: 20,
  tilingPaddingHorizontal: 20,
});
