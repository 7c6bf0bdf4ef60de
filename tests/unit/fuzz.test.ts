/**
 * Property-based tests (fast-check): thousands of random and mutated datasets go through the
 * validator and the code that builds the graph. Nothing throws, every rejection says where and
 * what, and everything accepted is laid out at finite positions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../src/layout/compute.ts';
import { layoutRequestOf } from '../../src/layout/request.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { buildElements } from '../../src/render/elements.ts';
import { validateDataset } from '../../src/validation/validate.ts';
import { validateDatasetText } from '../../src/validation/validate-text.ts';
import { fixture, memoryLoader } from './helpers.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a JSON value, as a path of keys and indexes. */
function placesIn(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const places = [path];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) places.push(...placesIn(item, [...path, index]));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) places.push(...placesIn(item, [...path, key]));
  }
  return places;
}

type Mutation = { kind: 'set'; value: Json } | { kind: 'delete' } | { kind: 'duplicate' } | { kind: 'swap-type' };

/** Applies one mutation at `path` of a deep copy of `value`. */
function mutate(value: Json, path: (string | number)[], mutation: Mutation): Json {
  const copy = structuredClone(value);
  if (path.length === 0) return mutation.kind === 'set' ? mutation.value : copy;
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  const current = parent[last] as Json;
  if (mutation.kind === 'set') parent[last] = mutation.value;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (mutation.kind === 'duplicate') {
    if (Array.isArray(parent)) parent.splice(last as number, 0, structuredClone(current));
    else parent[last] = [current, current];
  } else {
    parent[last] = typeof current === 'string' ? current.length : typeof current === 'number' ? String(current) : null;
  }
  return copy;
}

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'a,node', '', ' ', '<img src=x onerror=alert(1)>'),
  fc.constantFrom('javascript:alert(1)', 'https://example.org/x', '2024-13', '2024-02', 'PRK', 'state', 'alliance', 'present'),
);
const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  hostileString,
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 1e308, 0.5) as fc.Arbitrary<Json>,
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  anyJson.map((value) => ({ kind: 'set' as const, value })),
  fc.constant({ kind: 'delete' as const }),
  fc.constant({ kind: 'duplicate' as const }),
  fc.constant({ kind: 'swap-type' as const }),
);

const BASE = fixture() as unknown as Json;
const PLACES = placesIn(BASE);
/** The fixture with one to three random mutations. */
const mutatedDataset = fc.array(fc.tuple(fc.nat(PLACES.length - 1), mutation), { minLength: 1, maxLength: 3 }).map((steps) =>
  steps.reduce<Json>((value, [index, step]) => {
    const places = placesIn(value);
    return mutate(value, places[index % places.length] ?? [], step);
  }, BASE),
);

async function check(input: unknown): Promise<Dataset | undefined> {
  const report = await validateDataset(input, memoryLoader());
  for (const issue of report.issues) {
    expect(Array.isArray(issue.path)).toBe(true);
    expect(issue.message.trim().length).toBeGreaterThan(0);
    expect(issue.code.length).toBeGreaterThan(0);
  }
  const accepted = report.dataset !== undefined && !report.issues.some((issue) => issue.severity === 'error');
  if (report.dataset === undefined) expect(report.issues.length).toBeGreaterThan(0);
  return accepted ? report.dataset : undefined;
}

describe('the validator, on data nobody should write', () => {
  it('never throws on any JSON value, and says where and what for every problem', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, async (value) => {
        await check(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutated datasets, and builds the graph of every one it accepts', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(mutatedDataset, async (value) => {
        const dataset = await check(value);
        if (dataset === undefined) return;
        accepted++;
        const elements = buildElements(dataset);
        expect(elements.filter((element) => element.group === 'nodes')).toHaveLength(dataset.actors.length);
      }),
      { numRuns: 3000 },
    );
    // The mutations leave some datasets valid, or this test would check the building code on nothing.
    expect(accepted).toBeGreaterThan(100);
  });

  it('places every fault of damaged JSON text by line and column, and never throws', async () => {
    const text = JSON.stringify(BASE, null, 2);
    const damaged = fc.oneof(
      fc.nat(text.length).map((end) => text.slice(0, end)),
      fc
        .tuple(fc.nat(text.length), fc.string({ minLength: 1, maxLength: 3 }))
        .map(([at, junk]) => text.slice(0, at) + junk + text.slice(at)),
      fc.tuple(fc.nat(text.length), fc.nat(20)).map(([at, length]) => text.slice(0, at) + text.slice(at + length)),
    );
    await fc.assert(
      fc.asyncProperty(damaged, async (json) => {
        const report = await validateDatasetText(json, memoryLoader());
        for (const issue of report.issues) {
          expect(issue.message.trim().length).toBeGreaterThan(0);
          if (issue.code === 'invalid-json') expect(issue.message).toMatch(/at line \d+, column \d+\.$/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('lays out every accepted dataset at finite positions', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedDataset, fc.nat(1000), async (value, seed) => {
        const dataset = await check(value);
        if (dataset === undefined) return;
        const positions = await computeLayout(layoutRequestOf(buildElements(dataset), seed, 15));
        expect(positions).toHaveLength(dataset.actors.length);
        for (const [, x, y] of positions) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
