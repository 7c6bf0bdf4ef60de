import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupsOf } from '../../src/analysis/groups.ts';
import { categoryCentrality, formatBetweenness, formatShare, groupCategoryMetrics, pairKey } from '../../src/analysis/metrics.ts';
import { en } from '../../src/i18n/en.ts';
import { ko } from '../../src/i18n/ko.ts';
import type { Dataset } from '../../src/model/schema.ts';

type TieSpec = [source: string, target: string, type: string, status?: 'present' | 'absent', hedge?: 'asserted' | 'likely'];

/** A small dataset whose right answers are obvious: actors, a bloc of some of them, and ties. */
function graph(actors: string[], bloc: string[], ties: TieSpec[]): Dataset {
  return {
    id: 'test',
    title: 'test',
    sources: [{ id: 's', title: 't', author: 'a', publisher: 'p', date: '2024', text: 't.txt', sha256: '0'.repeat(64) }],
    actors: [
      ...actors.map((id) => ({ id, kind: 'state' as const, name: id, aliases: [] })),
      { id: 'group', kind: 'bloc' as const, name: 'The group', aliases: [], members: bloc },
    ],
    tieTypes: [
      { id: 'pact', label: 'Pact', category: 'alliance', directed: false },
      { id: 'aid', label: 'Aid', category: 'alliance', directed: true },
      { id: 'deal', label: 'Deal', category: 'transaction', directed: true },
    ],
    ties: ties.map(([source, target, type, status = 'present', hedge = 'asserted'], i) => ({
      id: `t${i}`,
      source,
      target,
      type,
      status,
      hedge,
      evidence: [{ source: 's', exact: 'x', start: 0, end: 1 }],
    })),
  };
}

const group = (dataset: Dataset) => {
  const found = groupsOf(dataset)[0];
  if (found === undefined) throw new Error('no group');
  return found;
};

describe('groupCategoryMetrics', () => {
  it('finds a closed triangle: density 1, every pair linked', () => {
    const d = graph(
      ['A', 'B', 'C'],
      ['A', 'B', 'C'],
      [
        ['A', 'B', 'pact'],
        ['B', 'C', 'pact'],
        ['A', 'C', 'pact'],
      ],
    );
    const m = groupCategoryMetrics(d, group(d), 'alliance');
    expect(m.ties).toEqual(['t0', 't1', 't2']);
    expect(m.density).toEqual({ value: 1, linkedPairs: ['A|B', 'A|C', 'B|C'], possiblePairs: 3 });
    expect(m.closure.closed).toBe(true);
    expect(m.closure.unlinked).toEqual([]);
  });

  it('finds an open triangle, and names the missing pair', () => {
    const d = graph(
      ['A', 'B', 'C'],
      ['A', 'B', 'C'],
      [
        ['A', 'B', 'pact'],
        ['B', 'C', 'pact'],
        ['A', 'B', 'pact'],
      ],
    );
    const m = groupCategoryMetrics(d, group(d), 'alliance');
    expect(m.density.value).toBeCloseTo(2 / 3);
    expect(m.closure).toEqual({ linked: ['A|B', 'B|C'], unlinked: ['A|C'], closed: false });
    expect(m.ties).toHaveLength(3);
  });

  it('counts reciprocated directed ties', () => {
    const d = graph(
      ['A', 'B', 'C'],
      ['A', 'B', 'C'],
      [
        ['A', 'B', 'aid'],
        ['B', 'A', 'aid'],
        ['A', 'C', 'aid'],
        ['B', 'C', 'pact'],
      ],
    );
    const m = groupCategoryMetrics(d, group(d), 'alliance');
    expect(m.reciprocity).toEqual({ value: 2 / 3, reciprocated: ['t0', 't1'], directed: ['t0', 't1', 't2'] });
    expect(groupCategoryMetrics(d, group(d), 'transaction').reciprocity.value).toBeNull();
  });

  it('keeps absent ties apart: counted, but never linking a pair', () => {
    const d = graph(
      ['A', 'B', 'C'],
      ['A', 'B', 'C'],
      [
        ['A', 'B', 'pact', 'absent'],
        ['A', 'C', 'pact', 'absent'],
        ['B', 'C', 'deal'],
      ],
    );
    const alliance = groupCategoryMetrics(d, group(d), 'alliance');
    expect(alliance.absent).toEqual(['t0', 't1']);
    expect(alliance.ties).toEqual([]);
    expect(alliance.density.value).toBe(0);
    expect(groupCategoryMetrics(d, group(d), 'transaction').ties).toEqual(['t2']);
  });

  it('counts quotes and hedges of present ties, and ignores ties that leave the group', () => {
    const d = graph(
      ['A', 'B', 'C', 'X'],
      ['A', 'B', 'C'],
      [
        ['A', 'B', 'pact', 'present', 'likely'],
        ['B', 'C', 'pact'],
        ['A', 'X', 'pact'],
      ],
    );
    const m = groupCategoryMetrics(d, group(d), 'alliance');
    expect(m.quotes).toBe(2);
    expect(m.hedges).toEqual({ asserted: 1, likely: 1, possible: 0, expected: 0 });
    expect(m.ties).toEqual(['t0', 't1']);
  });
});

describe('formatShare, as the table shows density and reciprocity', () => {
  it('rounds to whole percentages, and shows a dash when there is nothing to measure', () => {
    expect(formatShare(2 / 3)).toBe('67%');
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(null)).toBe('—');
  });

  it('never rounds some to none, nor most to all', () => {
    // A bloc of 21 members has 210 pairs: one of them linked is not a density of 0%, and 209 not 100%.
    expect(formatShare(1 / 210)).toBe('<1%');
    expect(formatShare(209 / 210)).toBe('>99%');
    expect(formatShare(0.005)).toBe('1%');
  });
});

describe('formatBetweenness, as the table shows it', () => {
  it('writes three decimals', () => {
    expect(formatBetweenness(2 / 153)).toBe('0.013');
    expect(formatBetweenness(0)).toBe('0.000');
    expect(formatBetweenness(1)).toBe('1.000');
  });

  it('never rounds some to none, nor most to all', () => {
    // 50 actors have 1,176 pairs of others: half of one pair's shortest paths through an actor is 0.0004.
    expect(formatBetweenness(0.5 / 1176)).toBe('<0.001');
    expect(formatBetweenness(1 - 0.5 / 1176)).toBe('>0.999');
  });
});

describe('categoryCentrality', () => {
  it('puts the middle of a path between its ends', () => {
    const d = graph(
      ['A', 'B', 'C'],
      ['A', 'B'],
      [
        ['A', 'B', 'pact'],
        ['B', 'C', 'pact'],
      ],
    );
    const { degree, betweenness } = categoryCentrality(d, 'alliance');
    expect(degree.get('B')).toBe(2);
    expect(degree.get('A')).toBe(1);
    // Four actors (the bloc is one, unlinked): B lies on the A–C path, one of three pairs of others.
    expect(betweenness.get('B')).toBeCloseTo(1 / 3);
    expect(betweenness.get('A')).toBe(0);
  });

  it('gives the hub of a star all the betweenness', () => {
    const d = graph(
      ['H', 'A', 'B', 'C'],
      ['A', 'B'],
      [
        ['H', 'A', 'pact'],
        ['H', 'B', 'pact'],
        ['H', 'C', 'deal'],
        ['C', 'H', 'aid'],
      ],
    );
    const { degree, betweenness } = categoryCentrality(d, 'alliance');
    expect(degree.get('H')).toBe(3);
    // Five actors: the 3 pairs of leaves pass through H, out of 6 pairs of others.
    expect(betweenness.get('H')).toBeCloseTo(3 / 6);
    expect(betweenness.get('C')).toBe(0);
  });

  it('splits betweenness between equal shortest paths', () => {
    // A square A-B-C-D-A: A and C are joined through B or through D.
    const d = graph(
      ['A', 'B', 'C', 'D'],
      ['A', 'B'],
      [
        ['A', 'B', 'pact'],
        ['B', 'C', 'pact'],
        ['C', 'D', 'pact'],
        ['D', 'A', 'pact'],
      ],
    );
    const { betweenness } = categoryCentrality(d, 'alliance');
    const pairs = ((5 - 1) * (5 - 2)) / 2;
    expect(betweenness.get('B')).toBeCloseTo(0.5 / pairs);
  });

  it('has no pairs of others to divide by in a dataset of fewer than three actors', () => {
    const d = graph(['A'], ['A'], [['A', 'group', 'pact']]);
    const { betweenness, pairsOfOthers } = categoryCentrality(d, 'alliance');
    expect(pairsOfOthers).toBe(0);
    expect([...betweenness.values()]).toEqual([0, 0]);
  });
});

describe('the thesis of the Easley 2024 dataset, in figures', () => {
  const dataset = JSON.parse(readFileSync('graph-data/easley-2024-axis-of-transactionalism.json', 'utf8')) as Dataset;
  const groups = new Map(groupsOf(dataset).map((g) => [g.id, g]));
  const trilateral = groups.get('us-rok-japan');
  const axis = groups.get('dprk-russia-china');
  if (trilateral === undefined || axis === undefined) throw new Error('the dataset lacks its two groups');

  it('closes the US-ROK-Japan triangle with alliance ties, and no transactions', () => {
    const alliance = groupCategoryMetrics(dataset, trilateral, 'alliance');
    expect(alliance.closure.closed).toBe(true);
    expect(alliance.density.value).toBe(1);
    expect(alliance.ties.length).toBeGreaterThanOrEqual(4);
    expect(alliance.absent).toEqual([]);
    expect(groupCategoryMetrics(dataset, trilateral, 'transaction').ties).toEqual([]);
  });

  it('gives the DPRK-Russia-China triangle transaction ties, and absent alliance and trilateral ties', () => {
    const transaction = groupCategoryMetrics(dataset, axis, 'transaction');
    expect(transaction.closure.closed).toBe(true);
    expect(transaction.ties.length).toBeGreaterThanOrEqual(3);
    const alliance = groupCategoryMetrics(dataset, axis, 'alliance');
    expect(alliance.ties).toEqual([]);
    expect(alliance.density.value).toBe(0);
    expect(alliance.closure.unlinked).toEqual([pairKey('CHN', 'PRK'), pairKey('CHN', 'RUS'), pairKey('PRK', 'RUS')].sort());
    const absentTypes = new Set(alliance.absent.map((id) => dataset.ties.find((t) => t.id === id)?.type));
    expect(absentTypes.has('alliance')).toBe(true);
    expect(absentTypes.has('trilateral-cooperation')).toBe(true);
    expect(alliance.absent.length).toBeGreaterThanOrEqual(6);
  });

  it('makes North Korea the hub of the transactions', () => {
    const { degree, betweenness } = categoryCentrality(dataset, 'transaction');
    const top = [...degree].sort((a, b) => b[1] - a[1])[0];
    expect(top?.[0]).toBe('PRK');
    expect(betweenness.get('PRK')).toBeGreaterThan(0);
  });

  it("says what North Korea's betweenness of transactions is a share of: all 153 pairs of others, not the paths that exist", () => {
    // Four actors have transaction ties; North Korea lies on 2 of the 3 shortest paths between the
    // other three, yet the figure is 2 of the (19 - 1)(19 - 2) / 2 = 153 pairs of other actors.
    const { betweenness, pairsOfOthers } = categoryCentrality(dataset, 'transaction');
    expect(pairsOfOthers).toBe(153);
    expect((betweenness.get('PRK') ?? 0) * pairsOfOthers).toBeCloseTo(2);
    // The explanation under the table must not call 0.013 a share of shortest paths.
    const explained = en.metrics.betweenness('transaction', pairsOfOthers, 'North Korea 0.013');
    expect(explained).toMatch(/^Of all 153 pairs of other actors in the dataset, joined or not, the share whose shortest paths/);
    expect(ko.metrics.betweenness('거래', pairsOfOthers, '북한 0.013')).toMatch(/^데이터 전체의 다른 행위자 쌍 153개/);
  });
});
