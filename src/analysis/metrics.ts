/**
 * Network measures of a dataset, by tie category and by group of actors. They turn a claim such
 * as "an alliance on one side, transactions on the other" into figures that can be checked. Every
 * figure keeps the ids of the ties it counts, so a reader can see what lies behind it.
 *
 * Present ties make the network; absent ties are counted apart and never link two actors.
 */
import type { Dataset, Tie } from '../model/schema.ts';
import { HEDGES, type Hedge, type TieCategory } from '../model/vocabulary.ts';
import type { ActorGroup } from './groups.ts';

/** An unordered pair of actors, written `a|b` with the ids in sorted order. */
export type PairKey = string;

export function pairKey(a: string, b: string): PairKey {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The ties of one category, with the type facts the measures need. */
interface CategoryTie {
  readonly tie: Tie;
  readonly directed: boolean;
}

function tiesInCategory(dataset: Dataset, category: TieCategory): CategoryTie[] {
  const types = new Map(dataset.tieTypes.map((type) => [type.id, type]));
  const out: CategoryTie[] = [];
  for (const tie of dataset.ties) {
    const type = types.get(tie.type);
    if (type?.category === category) out.push({ tie, directed: type.directed });
  }
  return out;
}

/** How the measures of one category read for one group of actors. */
export interface GroupCategoryMetrics {
  readonly group: string;
  readonly category: TieCategory;
  /** Present ties of the category between two members of the group. */
  readonly ties: readonly string[];
  /** Linked pairs over possible pairs; `value` is null for a group of fewer than two. */
  readonly density: { readonly value: number | null; readonly linkedPairs: readonly PairKey[]; readonly possiblePairs: number };
  /** The share of directed ties answered by a directed tie of the category in the other direction. */
  readonly reciprocity: {
    readonly value: number | null;
    readonly reciprocated: readonly string[];
    readonly directed: readonly string[];
  };
  /** Of the group's pairs (three, for a triangle), the ones linked and the ones not. */
  readonly closure: { readonly linked: readonly PairKey[]; readonly unlinked: readonly PairKey[]; readonly closed: boolean };
  /** Evidence quotes behind the present ties. */
  readonly quotes: number;
  /** How the present ties are hedged. */
  readonly hedges: Readonly<Record<Hedge, number>>;
  /** Ties of the category between members that the text says do not exist. */
  readonly absent: readonly string[];
}

/** All pairs of distinct members, as pair keys, in sorted order. */
export function pairsOf(members: readonly string[]): PairKey[] {
  const pairs: PairKey[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) pairs.push(pairKey(members[i] as string, members[j] as string));
  }
  return pairs.sort();
}

/** The measures of one category for one group. */
export function groupCategoryMetrics(dataset: Dataset, group: ActorGroup, category: TieCategory): GroupCategoryMetrics {
  const members = new Set(group.members);
  const inside = tiesInCategory(dataset, category).filter(
    ({ tie }) => members.has(tie.source) && members.has(tie.target) && tie.source !== tie.target,
  );
  const present = inside.filter(({ tie }) => tie.status === 'present');
  const absent = inside.filter(({ tie }) => tie.status === 'absent').map(({ tie }) => tie.id);

  const pairs = pairsOf([...members]);
  const linkedSet = new Set(present.map(({ tie }) => pairKey(tie.source, tie.target)));
  const linked = pairs.filter((pair) => linkedSet.has(pair));
  const unlinked = pairs.filter((pair) => !linkedSet.has(pair));

  const directed = present.filter(({ directed }) => directed);
  const arcs = new Set(directed.map(({ tie }) => `${tie.source}>${tie.target}`));
  const reciprocated = directed.filter(({ tie }) => arcs.has(`${tie.target}>${tie.source}`)).map(({ tie }) => tie.id);

  const hedges = Object.fromEntries(HEDGES.map((hedge) => [hedge, 0])) as Record<Hedge, number>;
  let quotes = 0;
  for (const { tie } of present) {
    hedges[tie.hedge]++;
    quotes += tie.evidence.length;
  }
  return {
    group: group.id,
    category,
    ties: present.map(({ tie }) => tie.id),
    density: {
      value: pairs.length === 0 ? null : linked.length / pairs.length,
      linkedPairs: linked,
      possiblePairs: pairs.length,
    },
    reciprocity: {
      value: directed.length === 0 ? null : reciprocated.length / directed.length,
      reciprocated,
      directed: directed.map(({ tie }) => tie.id),
    },
    closure: { linked, unlinked, closed: pairs.length > 0 && unlinked.length === 0 },
    quotes,
    hedges,
    absent,
  };
}

/** Degree and betweenness of each actor in the network of one category's present ties. */
export interface Centrality {
  /** The actors each actor is linked to by a present tie of the category. */
  readonly neighbours: ReadonlyMap<string, ReadonlySet<string>>;
  /** Distinct neighbours linked by a present tie of the category. */
  readonly degree: ReadonlyMap<string, number>;
  /** Betweenness, normalised to [0, 1] by the number of pairs of other actors. */
  readonly betweenness: ReadonlyMap<string, number>;
  /**
   * How many pairs of other actors each betweenness is a share of: all the dataset's pairs, also
   * those no present tie of the category joins, so it is no share of the paths that exist.
   */
  readonly pairsOfOthers: number;
}

/** Degree and betweenness centrality (Brandes' algorithm) in one category, ties taken as undirected. */
export function categoryCentrality(dataset: Dataset, category: TieCategory): Centrality {
  const actors = dataset.actors.map((actor) => actor.id);
  const neighbours = new Map<string, Set<string>>(actors.map((id) => [id, new Set()]));
  for (const { tie } of tiesInCategory(dataset, category)) {
    if (tie.status !== 'present' || tie.source === tie.target) continue;
    neighbours.get(tie.source)?.add(tie.target);
    neighbours.get(tie.target)?.add(tie.source);
  }
  const degree = new Map(actors.map((id) => [id, neighbours.get(id)?.size ?? 0]));
  const between = new Map(actors.map((id) => [id, 0]));
  for (const source of actors) {
    const stack: string[] = [];
    const predecessors = new Map<string, string[]>(actors.map((id) => [id, []]));
    const paths = new Map(actors.map((id) => [id, 0]));
    const distance = new Map(actors.map((id) => [id, -1]));
    paths.set(source, 1);
    distance.set(source, 0);
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as string;
      stack.push(v);
      for (const w of neighbours.get(v) ?? []) {
        if ((distance.get(w) as number) < 0) {
          queue.push(w);
          distance.set(w, (distance.get(v) as number) + 1);
        }
        if (distance.get(w) === (distance.get(v) as number) + 1) {
          paths.set(w, (paths.get(w) as number) + (paths.get(v) as number));
          predecessors.get(w)?.push(v);
        }
      }
    }
    const dependency = new Map(actors.map((id) => [id, 0]));
    while (stack.length > 0) {
      const w = stack.pop() as string;
      for (const v of predecessors.get(w) ?? []) {
        const share = ((paths.get(v) as number) / (paths.get(w) as number)) * (1 + (dependency.get(w) as number));
        dependency.set(v, (dependency.get(v) as number) + share);
      }
      if (w !== source) between.set(w, (between.get(w) as number) + (dependency.get(w) as number));
    }
  }
  // Each undirected path was counted from both of its ends.
  const n = actors.length;
  const pairsOfOthers = n < 3 ? 0 : ((n - 1) * (n - 2)) / 2;
  const betweenness = new Map(actors.map((id) => [id, pairsOfOthers > 0 ? (between.get(id) as number) / 2 / pairsOfOthers : 0]));
  return { neighbours, degree, betweenness, pairsOfOthers };
}

/**
 * A share as a whole percentage, "—" when there is nothing to measure. A share that rounds to 0%
 * or 100% without being either reads "<1%" or ">99%": 1 pair linked of 210 is not "0%".
 */
export function formatShare(share: number | null): string {
  if (share === null) return '—';
  const percent = Math.round(share * 100);
  return percent === 0 && share > 0 ? '<1%' : percent === 100 && share < 1 ? '>99%' : `${percent}%`;
}

/** A betweenness to three decimals, where a share above 0 never reads "0.000" nor one below 1 "1.000". */
export function formatBetweenness(share: number): string {
  const text = share.toFixed(3);
  return text === '0.000' && share > 0 ? '<0.001' : text === '1.000' && share < 1 ? '>0.999' : text;
}
