import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { computeLayout, startLayout } from '../../src/layout/compute.ts';
import { layoutCoreOf, runSeededLayout } from '../../src/layout/fcose.ts';
import { FlatCollection, FlatCore, type FlatEdge, type FlatNode } from '../../src/layout/flat-graph.ts';
import {
  estimateNodeBox,
  type LayoutRequest,
  layoutRequestOf,
  layoutStepsOf,
  qualityFor,
  sameLayoutRequest,
} from '../../src/layout/request.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { buildElements } from '../../src/render/elements.ts';
import { drawsWithWebGL, isSoftwareRenderer, parseRendererChoice, webglSupportOf } from '../../src/render/gpu.ts';
import { syntheticDataset } from '../bench/generate.ts';

describe('computeLayout', () => {
  it('gives the same finite positions for the same seed, spread out, in Node', async () => {
    const dataset = syntheticDataset({ actors: 120, seed: 3 }).dataset as Dataset;
    const request = layoutRequestOf(buildElements(dataset), 9, 15);
    const a = await computeLayout(request);
    const b = await computeLayout(request);
    expect(a).toEqual(b);
    expect(a).toHaveLength(dataset.actors.length);
    for (const [, x, y] of a) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(new Set(a.map(([, x]) => Math.round(x))).size).toBeGreaterThan(50);
    expect(await computeLayout({ ...request, seed: 10 })).not.toEqual(a);
  });

  /** fcose's own run of `request`, on the core `startLayout` makes. */
  async function fcoseItself(request: LayoutRequest): Promise<[string, number, number][]> {
    const cy = layoutCoreOf(request);
    await runSeededLayout(cy, request.seed, {
      quality: request.quality,
      nodeDimensionsIncludeLabels: false,
      fit: false,
      animate: false,
    });
    return cy.nodes().map((node) => [node.id(), node.position().x, node.position().y]);
  }

  it.each([
    ['the seed dataset', 'proof', 0],
    ['25 actors', 'proof', 25],
    ['25 actors', 'default', 25],
    ['300 actors', 'default', 300],
    ['300 actors', 'draft', 300],
  ] as const)('gives in two stages exactly what fcose gives in one run: %s at %s quality', async (_, quality, actors) => {
    const dataset = (
      actors === 0
        ? JSON.parse(readFileSync('graph-data/easley-2024-axis-of-transactionalism.json', 'utf8'))
        : syntheticDataset({ actors, seed: 5 }).dataset
    ) as Dataset;
    const request: LayoutRequest = { ...layoutRequestOf(buildElements(dataset), 4, 15), quality };
    // An actor with no tie and a pair on their own: fcose tiles the one and lays the other out apart.
    const nodes = [
      ...request.nodes,
      { id: 'alone', width: 40, height: 30 },
      { id: 'p1', width: 40, height: 30 },
      { id: 'p2', width: 40, height: 30 },
    ];
    // A tie from the pair to itself and two between its actors: fcose counts them in their degree.
    const pairTies = [
      { id: 'pair', source: 'p1', target: 'p2' },
      { id: 'pair-again', source: 'p2', target: 'p1' },
      { id: 'loop', source: 'p2', target: 'p2' },
    ];
    const whole: LayoutRequest = { ...request, nodes, edges: [...request.edges, ...pairTies] };
    const stages = startLayout(whole, true);
    const refined = stages.finish();
    expect(stages.draft).toEqual(await fcoseItself({ ...whole, quality: 'draft' }));
    expect(refined).toEqual(await fcoseItself(whole));
    expect(await computeLayout(whole)).toEqual(refined);
    const unasked = startLayout(whole, false);
    expect(unasked.draft).toEqual(quality === 'draft' ? refined : undefined);
  });

  it.each([0, 1, 2, 3])('gives in two stages what fcose gives for the smallest graphs: %i actors', async (count) => {
    const nodes = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, width: 40, height: 30 }));
    const edges = count < 2 ? [] : [{ id: 'e', source: 'n0', target: 'n1' }];
    for (const quality of ['draft', 'proof'] as const) {
      const request: LayoutRequest = { nodes, edges, seed: 3, quality };
      const stages = startLayout(request, true);
      expect(stages.draft).toEqual(await fcoseItself({ ...request, quality: 'draft' }));
      expect(stages.finish()).toEqual(await fcoseItself(request));
    }
  });

  it('picks the quality by size, so that no graph waits long', () => {
    expect(qualityFor(25)).toBe('proof');
    expect(qualityFor(1000)).toBe('default');
    expect(qualityFor(3000)).toBe('draft');
  });

  it('makes room for a label below its node', () => {
    const short = estimateNodeBox('Cuba', 28, 15);
    const long = estimateNodeBox('UN panel of experts on DPRK sanctions enforcement', 28, 15);
    expect(short.width).toBeGreaterThanOrEqual(28);
    expect(long.width).toBeLessThanOrEqual(130 + 8);
    expect(long.height).toBeGreaterThan(short.height);
  });
});

describe('the flat graph', () => {
  it("answers has() and intersection() as Cytoscape's collections do, in the smaller one's order", () => {
    const dataset = syntheticDataset({ actors: 60, seed: 2 }).dataset as Dataset;
    const request = layoutRequestOf(buildElements(dataset), 1, 15);
    const flat = new FlatCore(request);
    const cy = layoutCoreOf(request);
    const ids = (collection: { map<R>(each: (item: { id(): string }) => R): R[] }) => collection.map((item) => item.id());
    /** A Cytoscape collection of these elements, in this order. */
    const cyOf = (list: string[]) => list.reduce((collection, id) => collection.union(cy.getElementById(id)), cy.collection());
    const all = flat.elements();
    const busiest = [...request.nodes].sort(
      (a, b) =>
        (flat.getElementById(b.id) as FlatNode).connectedEdges().length -
        (flat.getElementById(a.id) as FlatNode).connectedEdges().length,
    )[0]?.id as string;
    const node = flat.getElementById(busiest) as FlatNode;
    const edges = node.connectedEdges();
    // Larger than the size below which a collection is searched in order, and smaller.
    const someEdges = new FlatCollection<FlatNode | FlatEdge>(
      [...new Set([...all.edges().toArray().slice(5, 40), ...edges.toArray()])].reverse(),
    );
    const sameEdgesForward = new FlatCollection<FlatNode | FlatEdge>(someEdges.toArray().reverse());
    const pairs: [FlatCollection, string[], FlatCollection, string[]][] = [
      [all, ids(cy.elements()), edges, ids(cy.getElementById(busiest).connectedEdges())],
      [edges, ids(cy.getElementById(busiest).connectedEdges()), all, ids(cy.elements())],
      // Of two as large, the other one's order.
      [sameEdgesForward, ids(sameEdgesForward), someEdges, ids(someEdges)],
      [someEdges, ids(someEdges), sameEdgesForward, ids(sameEdgesForward)],
      [someEdges, ids(someEdges), all, ids(cy.elements())],
      [all, ids(cy.elements()), someEdges, ids(someEdges)],
      [all.nodes(), ids(cy.nodes()), all, ids(cy.elements())],
    ];
    for (const [one, oneIds, other, otherIds] of pairs) {
      const theirs = cyOf(oneIds).intersection(cyOf(otherIds));
      expect(ids(one.intersection(other))).toEqual(ids(theirs));
      for (const item of other.toArray()) expect(one.has(item)).toBe(oneIds.includes(item.id()));
    }
    expect(ids(all.intersection(node))).toEqual([busiest]);
  });
});

describe('isSoftwareRenderer', () => {
  it('tells software rasterizers from GPUs', () => {
    for (const name of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
    ]) {
      expect(isSoftwareRenderer(name), name).toBe(true);
    }
    for (const name of ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)', 'Apple M2', 'Mali-G78']) {
      expect(isSoftwareRenderer(name), name).toBe(false);
    }
  });
});

describe('the renderer choice', () => {
  it('reads the renderer attribute, in any case, and names none for a value it does not know', () => {
    expect([undefined, null, '', ' auto ', 'Canvas', 'WEBGL'].map(parseRendererChoice)).toEqual([
      'auto',
      'auto',
      'auto',
      'auto',
      'canvas',
      'webgl',
    ]);
    expect(['gpu', 'svg', 'web gl', 'constructor'].map(parseRendererChoice)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('tells no WebGL, WebGL in software and WebGL on a GPU apart by the renderer string', () => {
    expect(webglSupportOf(undefined)).toBe('none');
    expect(webglSupportOf('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('software');
    expect(webglSupportOf('Apple M2')).toBe('hardware');
  });

  it('draws with WebGL automatically only a large graph on a GPU; on request wherever there is WebGL; never on a canvas', () => {
    const cases = [
      ['auto', true, 'hardware', true],
      ['auto', false, 'hardware', false],
      ['auto', true, 'software', false],
      ['auto', true, 'none', false],
      ['webgl', false, 'software', true],
      ['webgl', true, 'hardware', true],
      ['webgl', false, 'none', false],
      ['canvas', true, 'hardware', false],
    ] as const;
    for (const [choice, large, support, webgl] of cases)
      expect(
        drawsWithWebGL(choice, large, () => support),
        `${choice} ${large} ${support}`,
      ).toBe(webgl);
    // Finding out makes a WebGL context: a graph that draws on a canvas whatever the answer never asks.
    const asked = vi.fn(() => 'hardware' as const);
    expect([drawsWithWebGL('auto', false, asked), drawsWithWebGL('canvas', true, asked)]).toEqual([false, false]);
    expect(asked).not.toHaveBeenCalled();
  });
});

describe('layoutStepsOf', () => {
  const request = (nodes: number, quality: LayoutRequest['quality']): LayoutRequest => ({
    nodes: Array.from({ length: nodes }, (_, i) => ({ id: `n${i}`, width: 30, height: 40 })),
    edges: [],
    seed: 1,
    quality,
  });

  it('lays a small graph out once, and shows a larger one from a draft first', () => {
    const small = request(150, 'proof');
    expect(layoutStepsOf(small)).toEqual([small]);
    const large = request(151, 'proof');
    expect(layoutStepsOf(large)).toEqual([{ ...large, quality: 'draft' }, large]);
    const drafted = request(3000, 'draft');
    expect(layoutStepsOf(drafted)).toEqual([drafted]);
  });

  it('tells requests for the same layout from requests for another', () => {
    const a = request(20, 'proof');
    const copy = JSON.parse(JSON.stringify(a)) as LayoutRequest;
    expect(sameLayoutRequest(a, copy)).toBe(true);
    expect(sameLayoutRequest(a, { ...a, seed: 2 })).toBe(false);
    expect(sameLayoutRequest(a, { ...a, quality: 'draft' })).toBe(false);
    expect(sameLayoutRequest(a, { ...a, nodes: a.nodes.slice(1) })).toBe(false);
    expect(sameLayoutRequest(a, { ...a, nodes: a.nodes.map((node, i) => (i === 7 ? { ...node, width: 31 } : node)) })).toBe(
      false,
    );
    expect(sameLayoutRequest(a, { ...a, nodes: a.nodes.map((node, i) => (i === 3 ? { ...node, id: 'x' } : node)) })).toBe(false);
    const withEdge = { ...a, edges: [{ id: 'e', source: 'n0', target: 'n1' }] };
    expect(sameLayoutRequest(withEdge, { ...withEdge, edges: [{ id: 'e', source: 'n0', target: 'n2' }] })).toBe(false);
    expect(sameLayoutRequest(withEdge, JSON.parse(JSON.stringify(withEdge)) as LayoutRequest)).toBe(true);
  });
});
