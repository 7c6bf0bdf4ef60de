/**
 * The seeded fcose layout, as fcose runs it. fcose draws on `Math.random`; running it with a
 * seeded generator in its place makes the same data and seed give the same picture every time, so
 * layouts are reproducible and several panes can share positions. The widget's own layouts run
 * fcose stage by stage (`fcose-stages.ts`), which gives exactly the positions of this run; the
 * tests compare the two.
 */
import type { Core, LayoutOptions } from 'cytoscape';
import cytoscape from 'cytoscape';
import fcose, { type FcoseLayoutOptions } from 'cytoscape-fcose';
import { FCOSE_OPTIONS } from './fcose-options.ts';
import type { LayoutRequest } from './request.ts';
import { seededRandom } from './seed.ts';

let registered = false;
/** Registers fcose with Cytoscape once per page or process. */
export function registerFcose(): void {
  if (registered) return;
  cytoscape.use(fcose);
  registered = true;
}

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

/**
 * A headless core of the request's nodes (sized as asked) and edges, styled so that fcose sees the
 * sizes: what fcose itself lays out, against which the widget's own layouts are checked.
 */
export function layoutCoreOf(request: Pick<LayoutRequest, 'nodes' | 'edges'>): Core {
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
