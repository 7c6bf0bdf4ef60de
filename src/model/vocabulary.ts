/**
 * The closed vocabularies of the graph model. Each list is declared once, `as const`, so that
 * the schema, the validator, the renderer and the docs all read the same words.
 */

/** The kinds of political actor a dataset can hold. */
export const ACTOR_KINDS = ['state', 'organization', 'non-state', 'bloc'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * The categories every tie type belongs to. The widget colours ties by category, and the analysis
 * compares categories against each other (alliance against transaction, above all).
 */
export const TIE_CATEGORIES = ['alliance', 'transaction', 'hostility', 'competition', 'diplomacy'] as const;
export type TieCategory = (typeof TIE_CATEGORIES)[number];

/** Whether the text says a tie exists, or says that it does not. */
export const TIE_STATUSES = ['present', 'absent'] as const;
export type TieStatus = (typeof TIE_STATUSES)[number];

/** How firmly the text words a tie, from a plain statement to a forecast. */
export const HEDGES = ['asserted', 'likely', 'possible', 'expected'] as const;
export type Hedge = (typeof HEDGES)[number];

/**
 * Names that are properties of every JavaScript object. Ids with these names break code that keys
 * plain objects by id (fcose among it), so the validator rejects them.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype).concat(['prototype']));
