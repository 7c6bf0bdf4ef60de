/** What a reader has selected: an actor (a node) or a tie (an edge), by id. */
export interface Selection {
  readonly kind: 'actor' | 'tie';
  readonly id: string;
}

/** Whether two selections (or their absence) name the same actor or tie. */
export function sameSelection(a: Selection | null | undefined, b: Selection | null | undefined): boolean {
  return a?.kind === b?.kind && a?.id === b?.id;
}
