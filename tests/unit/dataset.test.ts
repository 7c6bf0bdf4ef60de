/** The built-in dataset: it validates cleanly, and it encodes what the source text argues. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileTextLoader } from '../../src/cli/node-text-loader.ts';
import type { Dataset } from '../../src/model/schema.ts';
import type { ValidationReport } from '../../src/validation/validate.ts';
import { validateDatasetText } from '../../src/validation/validate-text.ts';

const DATASET = 'graph-data/easley-2024-axis-of-transactionalism.json';
const TEXT = readFileSync('graph-data/sources/easley-2024-axis-of-transactionalism.txt', 'utf8');

let report: ValidationReport;
let dataset: Dataset;
beforeAll(async () => {
  report = await validateDatasetText(readFileSync(DATASET, 'utf8'), fileTextLoader(DATASET));
  if (report.dataset === undefined) throw new Error('the dataset does not validate');
  dataset = report.dataset;
});

/** The ties between two actors, in either direction, of a type and status. */
function ties(a: string, b: string, type: string, status = 'present') {
  return dataset.ties.filter(
    (tie) =>
      tie.type === type &&
      tie.status === status &&
      ((tie.source === a && tie.target === b) || (tie.source === b && tie.target === a)),
  );
}

describe('the Easley 2024 dataset', () => {
  it('validates with no errors and no warnings', () => {
    expect(report.issues).toEqual([]);
  });

  it('anchors every quote at its offsets, in the body of the text', () => {
    const references = TEXT.indexOf('\nReferences\n');
    expect(references).toBeGreaterThan(0);
    for (const tie of dataset.ties) {
      expect(tie.evidence.length, tie.id).toBeGreaterThanOrEqual(1);
      expect(tie.evidence.length, tie.id).toBeLessThanOrEqual(3);
      for (const quote of tie.evidence) {
        expect(TEXT.slice(quote.start, quote.end), tie.id).toBe(quote.exact);
        expect(quote.end, tie.id).toBeLessThan(references);
      }
    }
  });

  it('uses aliases the text really uses', () => {
    for (const actor of dataset.actors) for (const alias of actor.aliases) expect(TEXT, `${actor.id}: ${alias}`).toContain(alias);
  });

  it('has the tie types of the design', () => {
    const types = new Map(dataset.tieTypes.map((type) => [type.id, type]));
    expect(types.get('arms-for-food')).toMatchObject({ category: 'transaction', directed: true });
    expect(types.get('diplomatic-cover')).toMatchObject({ category: 'transaction', directed: true });
    expect(types.get('trilateral-cooperation')).toMatchObject({ category: 'alliance', directed: false });
  });

  it('is of the expected size', () => {
    expect(dataset.ties.length).toBeGreaterThanOrEqual(40);
    expect(dataset.ties.length).toBeLessThanOrEqual(80);
  });

  it('encodes the arms-for-resources exchange and Russia’s cover at the UN', () => {
    expect(dataset.ties.filter((t) => t.type === 'arms-for-food' && t.source === 'PRK' && t.target === 'RUS')).toHaveLength(1);
    expect(dataset.ties.filter((t) => t.type === 'diplomatic-cover' && t.source === 'RUS' && t.target === 'PRK')).toHaveLength(1);
    const veto = dataset.ties.find((t) => t.source === 'RUS' && t.target === 'un-panel-of-experts');
    expect(veto?.evidence.some((quote) => quote.exact.includes('vetoing the renewal of the mandate'))).toBe(true);
  });

  it('closes the US-ROK-Japan triangle with present trilateral cooperation', () => {
    for (const [a, b] of [
      ['USA', 'KOR'],
      ['USA', 'JPN'],
      ['KOR', 'JPN'],
    ] as const) {
      expect(ties(a, b, 'trilateral-cooperation'), `${a}-${b}`).toHaveLength(1);
    }
    expect(ties('USA', 'KOR', 'alliance')).toHaveLength(1);
  });

  it('codes the axis as transactional, with its trilateral and alliance ties absent', () => {
    for (const [a, b] of [
      ['PRK', 'RUS'],
      ['PRK', 'CHN'],
      ['RUS', 'CHN'],
    ] as const) {
      expect(ties(a, b, 'transactional-cooperation'), `${a}-${b}`).toHaveLength(1);
      expect(ties(a, b, 'trilateral-cooperation', 'absent'), `${a}-${b}`).toHaveLength(1);
      expect(ties(a, b, 'alliance', 'absent'), `${a}-${b}`).toHaveLength(1);
      expect(ties(a, b, 'trilateral-cooperation'), `${a}-${b}`).toHaveLength(0);
      expect(ties(a, b, 'alliance'), `${a}-${b}`).toHaveLength(0);
    }
    const absent = ties('PRK', 'RUS', 'alliance', 'absent')[0];
    expect(absent?.evidence[0]?.exact).toContain('rather than a trilateral alliance');
  });

  it('covers the other relationships the text asserts', () => {
    const has = (source: string, target: string, type: string, status = 'present') =>
      dataset.ties.some((t) => t.source === source && t.target === target && t.type === type && t.status === status);
    expect(has('PRK', 'CHN', 'economic-dependence')).toBe(true);
    expect(has('CHN', 'PRK', 'backing')).toBe(true);
    expect(has('PRK', 'KOR', 'hostility')).toBe(true);
    expect(has('PRK', 'KOR', 'reconciliation', 'absent')).toBe(true);
    expect(has('USA', 'CHN', 'strategic-competition')).toBe(true);
    expect(has('RUS', 'UKR', 'invasion')).toBe(true);
    expect(has('the-west', 'RUS', 'sanctions')).toBe(true);
    expect(has('the-west', 'UKR', 'military-aid')).toBe(true);
    expect(has('CUB', 'KOR', 'diplomatic-relations')).toBe(true);
    expect(has('us-rok-japan', 'PRK', 'pressure')).toBe(true);
    expect(has('PRK', 'USA', 'diplomatic-outreach')).toBe(true);
    expect(has('CHN', 'USA', 'coordinated-pressure', 'absent')).toBe(true);
  });

  it('dates ties as the text does, and hedges them as it words them', () => {
    const byId = new Map(dataset.ties.map((tie) => [tie.id, tie]));
    expect(byId.get('prk-kor-reconciliation')?.period).toEqual({ from: '2023-12' });
    expect(byId.get('prk-kor-hostility')?.period).toEqual({ from: '2024-01' });
    expect(byId.get('prk-smugglers-crackdown')?.period?.from).toBe('2020');
    expect(byId.get('prk-usa-diplomatic-outreach')).toMatchObject({ hedge: 'expected', period: { from: '2024-11' } });
    expect(byId.get('prk-kor-military-threat')?.hedge).toBe('possible');
    expect(byId.get('chn-usa-coordinated-pressure')?.hedge).toBe('likely');
  });

  it('gives blocs their members and states their Korean names', () => {
    const actors = new Map(dataset.actors.map((actor) => [actor.id, actor]));
    expect(actors.get('us-rok-japan')?.members).toEqual(['USA', 'KOR', 'JPN']);
    expect(actors.get('dprk-russia-china')?.members).toEqual(['PRK', 'RUS', 'CHN']);
    expect(actors.get('PRK')?.names?.ko).toBe('북한');
    for (const actor of dataset.actors) if (actor.kind === 'state') expect(actor.names?.ko, actor.id).toBeDefined();
  });

  it('gives every tie type a Korean label of its own', () => {
    const labels = dataset.tieTypes.map((type) => type.labels?.ko);
    expect(labels.filter((label) => label !== undefined)).toHaveLength(45);
    expect(new Set(labels).size).toBe(dataset.tieTypes.length);
    expect(dataset.tieTypes.find((type) => type.id === 'diplomatic-cover')?.labels).toEqual({ ko: '외교적 엄호' });
    for (const label of labels) expect(label).toMatch(/[\uAC00-\uD7A3]/);
  });
});
