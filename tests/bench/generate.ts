/**
 * Synthetic datasets for the benchmark: seeded, clustered graphs of any size, with several tie
 * categories and a source text that every quote really anchors in, so the full validator runs on
 * them as on real data.
 */
import { seededRandom } from '../../src/layout/seed.ts';
import type { DatasetInput } from '../../src/model/schema.ts';
import { HEDGES, TIE_CATEGORIES } from '../../src/model/vocabulary.ts';
import { sha256Hex } from '../../src/validation/validate.ts';

export interface SyntheticOptions {
  /** How many actors. */
  readonly actors: number;
  /** Ties per actor, on average (default 1.75). */
  readonly tiesPerActor?: number;
  /** Actors per cluster, on average (default 25). */
  readonly clusterSize?: number;
  /** Share of ties that leave their cluster (default 0.1). */
  readonly bridgeShare?: number;
  readonly seed?: number;
}

/** A dataset and the text its quotes come from. */
export interface SyntheticDataset {
  readonly dataset: DatasetInput;
  readonly text: string;
}

const VERBS = ['supplies', 'backs', 'threatens', 'rivals', 'meets', 'trades with', 'shields', 'sanctions', 'courts', 'defies'];

/** Builds a seeded, clustered dataset of `actors` actors, about `tiesPerActor` ties each. */
export function syntheticDataset(options: SyntheticOptions): SyntheticDataset {
  const { actors: count, tiesPerActor = 1.75, clusterSize = 25, bridgeShare = 0.1, seed = 1 } = options;
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const clusters = Math.max(1, Math.round(count / clusterSize));
  const actorIds = Array.from({ length: count }, (_, i) => `A${i}`);
  const clusterOf = (i: number) => i % clusters;
  const members = Array.from({ length: clusters }, (_, c) => actorIds.filter((_, i) => clusterOf(i) === c));

  const tieTypes = TIE_CATEGORIES.flatMap((category) => [
    { id: `${category}-a`, label: `${category} (directed)`, category, directed: true },
    { id: `${category}-b`, label: `${category} (mutual)`, category, directed: false },
  ]).map((type, i) => ({ ...type, cameo: String(10 + i).padStart(3, '0') }));

  let text = 'A synthetic source text for the actor-graph benchmark.\n';
  const ties: DatasetInput['ties'] = [];
  const tieCount = Math.round(count * tiesPerActor);
  const seen = new Set<string>();
  for (let t = 0; t < tieCount && count > 1; t++) {
    const sourceIndex = Math.floor(random() * count);
    const source = actorIds[sourceIndex] as string;
    const pool = random() < bridgeShare ? actorIds : (members[clusterOf(sourceIndex)] as string[]);
    let target = pick(pool);
    if (target === source) target = actorIds[(sourceIndex + 1) % count] as string;
    const type = pick(tieTypes);
    // An undirected tie may not be given twice, once in each direction.
    const pairKey = type.directed ? `${type.id}|${source}>${target}` : `${type.id}|${[source, target].sort().join('|')}`;
    if (seen.has(pairKey)) continue;
    seen.add(pairKey);
    const sentence = `Actor ${source} ${pick(VERBS)} actor ${target} in case ${t}.`;
    const start = text.length;
    text += `${sentence} `;
    ties.push({
      id: `T${t}`,
      source,
      target,
      type: type.id,
      status: random() < 0.08 ? 'absent' : 'present',
      hedge: pick(HEDGES),
      ...(random() < 0.3 ? { period: { from: `20${10 + Math.floor(random() * 15)}` } } : {}),
      evidence: [{ source: 'synthetic', exact: sentence, start, end: start + sentence.length }],
    });
    if (t % 8 === 7) text += '\n';
  }
  const blocs = members.slice(0, Math.min(3, clusters)).map((group, c) => ({
    id: `bloc-${c}`,
    kind: 'bloc' as const,
    name: `Bloc ${c}`,
    aliases: [],
    members: group.slice(0, 3),
  }));
  const dataset: DatasetInput = {
    id: `synthetic-${count}`,
    title: `Synthetic graph of ${count} actors`,
    sources: [
      {
        id: 'synthetic',
        title: 'Synthetic text',
        author: 'actor-graph benchmark',
        publisher: 'actor-graph',
        date: '2026',
        text: `synthetic-${count}.txt`,
        // Filled in by withSha256, which Web Crypto makes asynchronous.
        sha256: '0'.repeat(64),
      },
    ],
    actors: [
      ...actorIds.map((id, i) => ({
        id,
        kind: (i % 7 === 0 ? 'organization' : 'non-state') as 'organization' | 'non-state',
        name: `Actor ${i}`,
        aliases: [],
      })),
      ...blocs,
    ],
    tieTypes,
    ties,
  };
  return { dataset, text };
}

/** The dataset with its source's real SHA-256, computed with Web Crypto (in Node and browsers alike). */
export async function withSha256({ dataset, text }: SyntheticDataset): Promise<SyntheticDataset> {
  const digest = await sha256Hex(text);
  const sources = dataset.sources.map((source) => ({ ...source, sha256: digest ?? source.sha256 }));
  return { dataset: { ...dataset, sources }, text };
}
