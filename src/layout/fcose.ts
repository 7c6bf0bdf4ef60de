/**
 * The seeded fcose layout. fcose draws on `Math.random`; running it with a seeded generator in
 * its place makes the same data and seed give the same picture every time, so layouts are
 * reproducible and several panes can share positions.
 */
import type { Core, LayoutOptions } from 'cytoscape';
import cytoscape from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';
import { seededRandom } from './seed.ts';

let registered = false;
/** Registers fcose with Cytoscape once per page or process. */
export function registerFcose(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

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

/**
 * Runs fcose on `cy` with a seeded random generator and waits for it to finish. With `animate`
 * off the computation is synchronous, so `Math.random` is replaced only while it runs.
 */
export function runSeededLayout(cy: Core, seed: number, overrides: Partial<FcoseLayoutOptions> = {}): Promise<void> {
  registerFcose();
  const options = { ...FCOSE_OPTIONS, ...overrides } as FcoseLayoutOptions;
  const random = seededRandom(seed);
  const original = Math.random;
  return new Promise<void>((resolve) => {
    const layout = cy.layout(options as unknown as LayoutOptions);
    layout.one('layoutstop', () => resolve());
    Math.random = random;
    try {
      layout.run();
    } finally {
      Math.random = original;
    }
  });
}
