/**
 * Turns a dataset into Cytoscape element definitions. Look and state live in classes drawn from
 * our own vocabularies, never in selectors built from data, so no string from a dataset can
 * reach a Cytoscape selector or stylesheet.
 */

import { messagesFor } from '../i18n/index.ts';
import type { Actor, Dataset, Period, Tie, TieType } from '../model/schema.ts';
import type { ActorKind, Hedge, TieCategory, TieStatus } from '../model/vocabulary.ts';

/** The data carried by an actor's node. */
export interface ActorNodeData {
  readonly id: string;
  readonly label: string;
  readonly kind: ActorKind;
}

/** The data carried by a tie's edge. */
export interface TieEdgeData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label: string;
  readonly type: string;
  readonly category: TieCategory;
  readonly hedge: Hedge;
  readonly status: TieStatus;
  readonly directed: boolean;
  readonly period?: Period | undefined;
}

export interface NodeDefinition {
  readonly group: 'nodes';
  readonly data: ActorNodeData;
  readonly classes: string;
}
export interface EdgeDefinition {
  readonly group: 'edges';
  readonly data: TieEdgeData;
  readonly classes: string;
}
/** The data of a line from a bloc to one of its members; it is drawn faintly and is not a tie. */
export interface MembershipEdgeData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}
export interface MembershipDefinition {
  readonly group: 'edges';
  readonly data: MembershipEdgeData;
  readonly classes: 'membership';
}
export type ElementDefinition = NodeDefinition | EdgeDefinition | MembershipDefinition;

/**
 * The id of a membership line. `>` cannot occur in dataset ids, so these never clash with ties.
 */
export function membershipId(bloc: string, member: string): string {
  return `${bloc}>${member}`;
}

/**
 * The text for `lang` in a map of localized texts: the tag itself (`zh-Hant`), else the tag cut
 * short a subtag at a time (`zh-Hant-TW` → `zh-Hant` → `zh`, `ko-KR` → `ko`), in any case, as
 * language tags are. Undefined when the map has none of them, or when no language is given.
 */
export function localizedText(texts: Readonly<Record<string, string>> | undefined, lang?: string): string | undefined {
  if (lang === undefined || texts === undefined) return undefined;
  // Own keys only: a tag such as `constructor` must not find Object.prototype's.
  const keys = Object.keys(texts);
  for (let tag = lang.toLowerCase(); tag !== ''; tag = tag.slice(0, Math.max(0, tag.lastIndexOf('-')))) {
    const key = keys.find((candidate) => candidate.toLowerCase() === tag);
    if (key !== undefined) return texts[key];
  }
  return undefined;
}

/** The name to show for an actor: its name in `lang` where the data has one. */
export function actorLabel(actor: Actor, lang?: string): string {
  return localizedText(actor.names, lang) ?? actor.name;
}

/** The label to show for a tie type: its label in `lang` where the data has one. */
export function tieTypeLabel(type: TieType, lang?: string): string {
  return localizedText(type.labels, lang) ?? type.label;
}

/** The name to show for the actor with this id, or the id itself when no actor has it. */
export function actorNameOf(dataset: Dataset, id: string, lang?: string): string {
  const actor = dataset.actors.find((candidate) => candidate.id === id);
  return actor === undefined ? id : actorLabel(actor, lang);
}

/** The mark between a tie's two ends: an arrow when the tie has a direction, a dash when not. */
export function tieArrow(directed: boolean): string {
  return directed ? '→' : '—';
}

/**
 * A tie written from names already chosen: "North Korea → Russia", and with a label,
 * "North Korea → Russia: Arms transfer". Every title of a tie is written by this one function.
 */
export function joinTieTitle(source: string, target: string, directed: boolean, label?: string): string {
  const ends = `${source} ${tieArrow(directed)} ${target}`;
  return label === undefined ? ends : `${ends}: ${label}`;
}

/** Whether a tie's type has a direction; a tie of a type the dataset lacks is taken as directed. */
function isDirected(dataset: Dataset, tie: Pick<Tie, 'type'>): boolean {
  return dataset.tieTypes.find((type) => type.id === tie.type)?.directed ?? true;
}

/** The ends of a tie with the names shown in `lang`: "North Korea → Russia". */
export function tieEnds(dataset: Dataset, tie: Pick<Tie, 'source' | 'target' | 'type'>, lang?: string): string {
  return joinTieTitle(actorNameOf(dataset, tie.source, lang), actorNameOf(dataset, tie.target, lang), isDirected(dataset, tie));
}

/**
 * A tie's title in `lang`: its ends and its type's label, "North Korea → Russia: Arms transfer".
 * A tie of a type the dataset lacks is labelled with the type's id.
 */
export function tieTitle(dataset: Dataset, tie: Pick<Tie, 'source' | 'target' | 'type'>, lang?: string): string {
  const type = dataset.tieTypes.find((candidate) => candidate.id === tie.type);
  return joinTieTitle(
    actorNameOf(dataset, tie.source, lang),
    actorNameOf(dataset, tie.target, lang),
    type?.directed ?? true,
    type === undefined ? tie.type : tieTypeLabel(type, lang),
  );
}

function nodeFor(actor: Actor, lang: string | undefined): NodeDefinition {
  return {
    group: 'nodes',
    data: { id: actor.id, label: actorLabel(actor, lang), kind: actor.kind },
    classes: `kind-${actor.kind}`,
  };
}

/** A tie's label: its type's; on the card of an absent one, it says so, as the hollow circle that marks it lies under the card. */
function labelOf(tie: Tie, type: TieType, lang: string | undefined): string {
  const label = tieTypeLabel(type, lang);
  return tie.status === 'absent' ? messagesFor(lang).graph.absentTie(label) : label;
}

function edgeFor(tie: Tie, type: TieType, lang: string | undefined): EdgeDefinition {
  const classes = [`cat-${type.category}`, `hedge-${tie.hedge}`, tie.status, type.directed ? 'directed' : 'undirected'];
  return {
    group: 'edges',
    data: {
      id: tie.id,
      source: tie.source,
      target: tie.target,
      label: labelOf(tie, type, lang),
      type: type.id,
      category: type.category,
      hedge: tie.hedge,
      status: tie.status,
      directed: type.directed,
      period: tie.period,
    },
    classes: classes.join(' '),
  };
}

/**
 * The elements of a dataset: one node per actor, one edge per tie, and a faint line from each bloc
 * to each of its members (which also keeps blocs near their members in the layout). Ties whose
 * endpoints or type are missing are left out (a validated dataset has none). Actor names and tie
 * labels are in `lang` where the data has them.
 */
export function buildElements(dataset: Dataset, lang?: string): ElementDefinition[] {
  const actorIds = new Set(dataset.actors.map((actor) => actor.id));
  const types = new Map(dataset.tieTypes.map((type) => [type.id, type]));
  const elements: ElementDefinition[] = dataset.actors.map((actor) => nodeFor(actor, lang));
  for (const tie of dataset.ties) {
    const type = types.get(tie.type);
    if (type === undefined || !actorIds.has(tie.source) || !actorIds.has(tie.target)) continue;
    elements.push(edgeFor(tie, type, lang));
  }
  for (const actor of dataset.actors) {
    for (const member of actor.kind === 'bloc' ? (actor.members ?? []) : []) {
      if (member === actor.id || !actorIds.has(member)) continue;
      elements.push({
        group: 'edges',
        data: { id: membershipId(actor.id, member), source: actor.id, target: member },
        classes: 'membership',
      });
    }
  }
  return elements;
}
