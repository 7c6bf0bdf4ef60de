/** The groups of actors a dataset defines: its blocs with two or more known members. */
import type { Dataset } from '../model/schema.ts';

export interface ActorGroup {
  readonly id: string;
  readonly name: string;
  readonly members: readonly string[];
}

export function groupsOf(dataset: Dataset): ActorGroup[] {
  const known = new Set(dataset.actors.map((actor) => actor.id));
  return dataset.actors
    .filter((actor) => actor.kind === 'bloc')
    .map((bloc) => ({
      id: bloc.id,
      name: bloc.name,
      members: [...new Set(bloc.members ?? [])].filter((m) => known.has(m) && m !== bloc.id),
    }))
    .filter((group) => group.members.length >= 2);
}
