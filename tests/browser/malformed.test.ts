/**
 * Malformed and extreme graphs: each gets a clear message in the widget or a working render,
 * never a blank box or an exception.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import type { DatasetInput } from '../../src/model/schema.ts';
import { sha256Hex } from '../../src/validation/validate.ts';
import { collectPageErrors, inside, mountData, unmountAll } from './helpers.ts';

const pageErrors = collectPageErrors();
afterEach(unmountAll);

const TEXT = 'A text. Alpha meets Beta. The end.';
const QUOTE = 'Alpha meets Beta.';

/** A small valid dataset to break: `actors` actors, and ties given as [source, target] pairs. */
async function dataset(actors: number, ties: [number, number][], text = TEXT): Promise<DatasetInput> {
  const start = text.indexOf(QUOTE);
  return {
    id: 'malformed',
    title: 'A dataset to break',
    sources: [{ id: 's', title: 'T', author: 'A', publisher: 'P', date: '2026', text: 't.txt', sha256: await sha256Hex(text) }],
    actors: Array.from({ length: actors }, (_, i) => ({ id: `a${i}`, kind: 'organization', name: `Actor ${i}`, aliases: [] })),
    tieTypes: [{ id: 'meets', label: 'Meets', category: 'diplomacy', directed: false }],
    ties: ties.map(([source, target], i) => ({
      id: `t${i}`,
      source: `a${source}`,
      target: `a${target}`,
      type: 'meets',
      status: 'present',
      hedge: 'asserted',
      evidence: [{ source: 's', exact: QUOTE, start, end: start + QUOTE.length }],
    })),
  } as DatasetInput;
}

/** Mounts the data and waits for `ag-ready` or `ag-error`. */
const show = (data: DatasetInput, text = TEXT) => mountData(data, { 't.txt': text }, '', 60_000);

function expectFinitePositions(graph: ActorGraph, count: number): void {
  const nodes = graph.cy?.nodes();
  expect(nodes?.length).toBe(count);
  for (const node of nodes ?? []) {
    expect(Number.isFinite(node.position('x')) && Number.isFinite(node.position('y'))).toBe(true);
  }
}

describe('graphs at the edges', () => {
  it('says so when there are no actors, instead of a blank box', async () => {
    const { graph, error } = await show(await dataset(0, []));
    expect(error).toBeUndefined();
    expect(inside(graph, '.frame').textContent).toContain('This dataset has no actors to draw.');
    expect(pageErrors).toEqual([]);
  });

  it('draws a single actor', async () => {
    const { graph, error } = await show(await dataset(1, []));
    expect(error).toBeUndefined();
    expectFinitePositions(graph, 1);
  });

  it('draws a graph of self-ties only', async () => {
    const { graph, error } = await show(
      await dataset(3, [
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
    );
    expect(error).toBeUndefined();
    expectFinitePositions(graph, 3);
    expect(graph.cy?.edges()).toHaveLength(3);
  });

  it('draws 2,000 isolated actors, laid out in the worker', async () => {
    const { graph, error } = await show(await dataset(2000, []));
    expect(error).toBeUndefined();
    expectFinitePositions(graph, 2000);
  });

  it('draws very long names and quotes', async () => {
    const long = `${'A very long quote of many words. '.repeat(300)}${QUOTE}`;
    const text = `A text. ${long} The end.`;
    const data = await dataset(2, [[0, 1]], text);
    (data.actors[0] as { name: string }).name = 'An actor with a name that goes on and on '.repeat(40);
    const start = text.indexOf(long);
    (data.ties[0] as { evidence: unknown[] }).evidence = [{ source: 's', exact: long, start, end: start + long.length }];
    const { graph, error } = await show(data, text);
    expect(error).toBeUndefined();
    expectFinitePositions(graph, 2);
    graph.select('t0');
    await graph.updateComplete;
    const panel = inside(graph, 'ag-evidence-panel');
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(panel.shadowRoot?.textContent).toContain(QUOTE);
    // The long name stays inside the widget's box.
    expect(graph.scrollWidth).toBeLessThanOrEqual(graph.clientWidth + 1);
  });
});

describe('broken graphs', () => {
  it('refuses duplicate ids, naming where', async () => {
    const data = await dataset(3, [[0, 1]]);
    (data.actors[2] as { id: string }).id = 'a0';
    const { graph, error } = await show(data);
    expect(error?.message).toMatch(/actors\[2\]\.id/);
    expect(inside(graph, '[part="error"]').textContent).toContain('already used');
  });

  it('refuses a tie to a missing actor, naming it', async () => {
    const data = await dataset(2, [[0, 1]]);
    (data.ties[0] as { target: string }).target = 'nobody';
    const { graph, error } = await show(data);
    expect(error?.message).toMatch(/ties\[0\]\.target/);
    expect(inside(graph, '[part="error"]').textContent).toContain('nobody');
  });

  it('refuses stored positions that are not finite numbers', async () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const data = await dataset(2, [[0, 1]]);
      (data as { layout?: unknown }).layout = { seed: 1, positions: { a0: [bad, 0], a1: [10, 10] } };
      const { graph, error } = await show(data);
      expect(error?.message).toMatch(/layout\.positions\.a0\[0\]/);
      expect(inside(graph, '[part="error"]').textContent).toMatch(/number/);
      unmountAll();
    }
    expect(pageErrors).toEqual([]);
  });

  it('loads a 20 MB dataset and draws it', async () => {
    const data = await dataset(
      1500,
      Array.from({ length: 1500 }, (_, i): [number, number] => [i, (i * 7 + 1) % 1500]),
    );
    // Long notes bring the file to about 20 MB.
    const note = 'A long note about this tie, repeated to make the file large. '.repeat(220);
    for (const tie of data.ties) (tie as { note?: string }).note = note;
    const size = JSON.stringify(data).length;
    expect(size).toBeGreaterThan(19_000_000);
    const { graph, error } = await show(data);
    expect(error).toBeUndefined();
    expectFinitePositions(graph, 1500);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
