import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/validation/validate.ts';
import { syntheticDataset, withSha256 } from '../bench/generate.ts';

describe('syntheticDataset', () => {
  it.each([1000, 3000])('makes a valid dataset of %i actors', async (actors) => {
    const { dataset, text } = await withSha256(syntheticDataset({ actors, seed: 1 }));
    const report = await validateDataset(dataset, async () => ({ ok: true, text, where: 'memory' }));
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('makes a valid, seeded dataset of the size asked for', async () => {
    const { dataset, text } = await withSha256(syntheticDataset({ actors: 300, seed: 5 }));
    expect(dataset.actors.filter((actor) => actor.kind !== 'bloc')).toHaveLength(300);
    expect(dataset.ties.length).toBeGreaterThanOrEqual(450);
    expect(new Set(dataset.tieTypes.map((type) => type.category)).size).toBe(5);
    const report = await validateDataset(dataset, async () => ({ ok: true, text, where: 'memory' }));
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect((await withSha256(syntheticDataset({ actors: 300, seed: 5 }))).dataset).toEqual(dataset);
    expect(syntheticDataset({ actors: 300, seed: 6 }).dataset).not.toEqual(dataset);
  });

  it('keeps most ties inside their cluster', () => {
    const { dataset } = syntheticDataset({ actors: 1000, seed: 1 });
    const clusters = 40;
    const inside = dataset.ties.filter(
      (tie) => Number(tie.source.slice(1)) % clusters === Number(tie.target.slice(1)) % clusters,
    );
    expect(inside.length / dataset.ties.length).toBeGreaterThan(0.8);
  });
});
