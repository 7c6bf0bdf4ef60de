/** What a reader has selected: an actor (a node) or a tie (an edge), by id. */
export interface Selection {
  readonly kind: 'actor' | 'tie';
  readonly id: string;
}
