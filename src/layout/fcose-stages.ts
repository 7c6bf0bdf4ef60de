/**
 * fcose in its two stages, with the first one's placement handed out before the second runs.
 *
 * fcose at `default` or `proof` quality first places the graph by its spectral layout (which is
 * all that `draft` quality does), then refines that placement with CoSE. A graph shown early from
 * a draft and then refined used to run fcose twice, and the refined run computed the draft again
 * on a new core. Here fcose's own stages run once, in its order and on one seeded generator, so
 * the draft is exactly what a `draft` run gives and the refined placement exactly what a
 * `default` or `proof` run gives (a test compares both with fcose's own runs).
 *
 * This replays `Layout.prototype.run` of cytoscape-fcose 2.2 for what the widget uses: one
 * component at a time (no packing), no constraints, no compound nodes, no hidden elements, and
 * node boxes without labels.
 */
import type { FcoseLayoutOptions } from 'cytoscape-fcose';
import auxiliary from 'cytoscape-fcose/src/fcose/auxiliary.js';
import cose from 'cytoscape-fcose/src/fcose/cose.js';
import FcoseLayout from 'cytoscape-fcose/src/fcose/index.js';
import spectral from 'cytoscape-fcose/src/fcose/spectral.js';
import type { FlatCollection, FlatCore, FlatNode } from './flat-graph.ts';
import type { PositionList } from './request.ts';
import { seededRandom } from './seed.ts';

/**
 * Options a staged run does not replay, each of which would take fcose down a path not copied
 * here: they must be off (or absent) once merged with fcose's defaults. Packing also needs the
 * layout-utilities extension, which the widget does not load.
 */
const UNSUPPORTED = [
  'nodeDimensionsIncludeLabels',
  'fixedNodeConstraint',
  'alignmentConstraint',
  'relativePlacementConstraint',
] as const;

/** fcose's run on a core, split between its two stages. */
export interface FcoseStages {
  /** The positions a `draft` run gives, when asked for; for a `draft` run, its result. */
  readonly draft: PositionList | undefined;
  /** Runs the rest of the layout (nothing at `draft` quality) and returns the positions. */
  refine(): PositionList;
}

/**
 * Runs fcose's first stage on every node of `cy` with `options` and a generator seeded with
 * `seed`, and returns it with the second stage still to run. With `withDraft`, the positions of
 * the first stage come with it. Nothing is moved on `cy`.
 */
export function startFcose(cy: FlatCore, seed: number, options: FcoseLayoutOptions, withDraft: boolean): FcoseStages {
  const eles = cy.elements();
  const nodes = eles.nodes();
  if (nodes.filter(':parent').nonempty() || nodes.filter((node) => node.css('display') === 'none').nonempty()) {
    throw new Error('startFcose: compound or hidden nodes are not supported');
  }
  const merged = new FcoseLayout({ ...options, cy, eles }).options;
  for (const name of UNSUPPORTED) {
    if (merged[name] !== undefined && merged[name] !== false) throw new Error(`startFcose: ${name} is not supported`);
  }
  if (merged.step !== 'all') throw new Error('startFcose: only layouts of every step are supported');
  const refined = merged.quality === 'default' || merged.quality === 'proof';
  const random = seededRandom(seed);
  // fcose draws on Math.random; the seeded generator stands in only while a stage runs, and the
  // second stage goes on with the generator where the first left it.
  const seeded = <T>(stage: () => T): T => withReplaced(Math, 'random', random, stage);
  const positionsOf = (at: (id: string) => { x: number; y: number } | undefined): PositionList =>
    nodes.map((node) => {
      const { x, y } = at(node.id()) ?? node.position();
      return [node.id(), x, y];
    });
  if (nodes.empty()) return { draft: withDraft || !refined ? [] : undefined, refine: () => [] };
  const box = eles.boundingBox();
  const center = { x: box.x1 + box.w / 2, y: box.y1 + box.h / 2 };
  const placed = seeded(() =>
    merged.randomize ? withComponentsLinkedQuickly(() => spectral.spectralLayout(merged)) : undefined,
  );
  let draft: PositionList | undefined;
  if (withDraft || !refined) {
    // Relocating gives the copy new coordinate arrays: CoSE's input stays as it was.
    const moved = placed === undefined ? undefined : { ...placed };
    if (moved !== undefined) seeded(() => auxiliary.relocateComponent(center, moved, { ...merged, quality: 'draft' }));
    draft = positionsOf((id) => {
      const index = moved?.nodeIndexes.get(id);
      return moved === undefined || index === undefined
        ? undefined
        : { x: moved.xCoords[index] ?? Number.NaN, y: moved.yCoords[index] ?? Number.NaN };
    });
  }
  let result: PositionList | undefined = refined ? undefined : draft;
  return {
    draft,
    refine: () => {
      result ??= seeded(() => {
        const placedByCose = cose.coseLayout(merged, placed);
        auxiliary.relocateComponent(center, placedByCose, merged);
        return positionsOf((id) => {
          const rect = placedByCose[id]?.getRect();
          return rect === undefined ? undefined : { x: rect.getCenterX(), y: rect.getCenterY() };
        });
      });
      return result;
    },
  };
}

/** Runs `run` with `target[key]` set to `value`, and puts the original back after. */
function withReplaced<T extends object, K extends keyof T, R>(target: T, key: K, value: T[K], run: () => R): R {
  const original = target[key];
  target[key] = value;
  try {
    return run();
  } finally {
    target[key] = original;
  }
}

/**
 * Runs `stage` with fcose's search for the graph's components replaced by `linkComponents`. The
 * spectral stage asks that search only which node of each component to link to a dummy node,
 * and fcose's own answers it through Cytoscape collections at every step of its walk: about half
 * of the spectral stage at 300 actors (a CPU profile in Node). Nothing else runs meanwhile, and
 * the replacement is put back when the stage ends.
 */
function withComponentsLinkedQuickly<T>(stage: () => T): T {
  return withReplaced(auxiliary, 'connectComponents', linkComponents, stage);
}

/**
 * What fcose's `connectComponents` gives its spectral stage, for a graph without compound nodes:
 * the components in the order fcose walks them (breadth first from the first node not yet
 * reached, neighbours in the order of each node's edges), and, when there are several, the first
 * node of least degree in each, noted in `dummyNodes` under one new dummy node. The components
 * themselves, which the spectral stage does not use, are not returned.
 */
function linkComponents(
  _cy: FlatCore,
  eles: FlatCollection,
  topMostNodes: FlatCollection<FlatNode>,
  dummyNodes?: Map<string, string[]>,
): [] {
  const nodes = topMostNodes.toArray();
  const indexOf = new Map(nodes.map((node, index) => [node.id(), index]));
  const degree = nodes.map((node) => node.connectedEdges().length);
  const neighbours = nodes.map((node) => {
    // In the order of the node's edges, each neighbour once, kept if a tie in `eles` joins them.
    const found = new Set<number>();
    const joined = new Set<number>();
    for (const edge of node.connectedEdges().toArray()) {
      const other = edge.source().same(node) ? edge.target() : edge.source();
      const index = indexOf.get(other.id());
      if (index === undefined) continue;
      found.add(index);
      if (eles.has(edge)) joined.add(index);
    }
    return [...found].filter((index) => joined.has(index));
  });
  const linked: string[] = [];
  const reached = new Set<number>();
  // Each component starts from the first node not yet reached; every node before that one is, so
  // the search for the next start goes on from there (a pass over the rest per component was
  // quadratic in the number of components).
  let start = 0;
  for (let count = 1; reached.size < nodes.length; count++) {
    while (reached.has(start)) start++;
    const component = [start];
    reached.add(start);
    for (let next = 0; next < component.length; next++) {
      for (const neighbour of neighbours[component[next] as number] ?? []) {
        if (reached.has(neighbour)) continue;
        reached.add(neighbour);
        component.push(neighbour);
      }
    }
    if (count === 1 && component.length === nodes.length) break;
    let least = start;
    for (const index of component) if ((degree[index] ?? 0) < (degree[least] ?? 0)) least = index;
    linked.push((nodes[least] as FlatNode).id());
  }
  if (dummyNodes !== undefined && linked.length > 0) dummyNodes.set(`dummy${dummyNodes.size + 1}`, linked);
  return [];
}
