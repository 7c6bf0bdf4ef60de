/**
 * The seeded fcose layout. fcose draws on `Math.random`; running it with a seeded generator in
 * its place makes the same data and seed give the same picture every time, so layouts are
 * reproducible and several panes can share positions.
 */
import type { Core, LayoutOptions } from 'cytoscape';
import cytoscape from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';

let registered = false;
/** Registers fcose with Cytoscape once per page or process. */
export function registerFcose(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

/** A small, fast, seeded generator of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Turns a `layout-seed` attribute (a number or any text) into a 32-bit seed. */
export function parseSeed(value: string | number | null | undefined): number {
  if (value === null || value === undefined || value === '') return 1;
  const text = String(value).trim();
  if (/^-?\d+$/.test(text)) return Number(text) >>> 0;
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
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
