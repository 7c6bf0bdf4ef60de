/**
 * The dataset schema, declared once with valibot. The TypeScript types below are inferred from it,
 * and `graph-data/actor-graph.schema.json` is generated from it, so the three never disagree.
 *
 * Structure only lives here. Checks that need the whole dataset (ids that must exist, quotes that
 * must match the source text) live in `src/validation/`.
 */
import * as v from 'valibot';
import { safeHttpUrl } from '../render/safe-url.ts';
import { ACTOR_KINDS, HEDGES, TIE_CATEGORIES, TIE_STATUSES } from './vocabulary.ts';

/** The form of an identifier: letters, digits, `.`, `_`, `:` and `-`, starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** An identifier, as {@link ID_PATTERN} allows, of at most 200 characters. */
export const IdSchema = v.pipe(
  v.string('must be a text id'),
  v.regex(ID_PATTERN, 'must start with a letter or digit and use only letters, digits, ".", "_", ":" and "-"'),
  v.maxLength(200, 'must be at most 200 characters long'),
);

const text = (what: string) => v.pipe(v.string(`must be ${what}`), v.nonEmpty(`must not be empty`));

/** The form of a calendar date, possibly partial: `2024`, `2024-06` or `2024-06-04`. */
export const PARTIAL_DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** Whether a date of that form names a day its month has (no 31 June, no 29 February 2023). */
export function isRealDay(date: string): boolean {
  const [year = 0, month = 1, day] = date.split('-').map(Number);
  if (day === undefined) return true;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
}

/** A calendar date, possibly partial: `2024`, `2024-06` or `2024-06-04`. */
export const PartialDateSchema = v.pipe(
  v.string('must be a date written as YYYY, YYYY-MM or YYYY-MM-DD'),
  v.regex(PARTIAL_DATE_PATTERN, 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD'),
  v.check(isRealDay, 'must be a day that its month has'),
);

const offset = (what: string) =>
  v.pipe(
    v.number(`must be a number (the ${what} offset)`),
    v.integer(`must be a whole number (the ${what} offset)`),
    v.minValue(0, `must be 0 or more (the ${what} offset)`),
  );

/**
 * A source's `text`: a relative path with forward slashes; not a URL with a scheme, nor a path from
 * the root (`/x`, `//host/x`), which the CLI and the browser would each read from elsewhere.
 */
export const SOURCE_TEXT_PATH_PATTERN = /^(?![A-Za-z][A-Za-z0-9+.-]*:|\/)[^\\?#]+$/;

/** A text file a dataset quotes from, with its citation. */
export const SourceSchema = v.strictObject({
  id: IdSchema,
  title: text('the title of the source'),
  author: text('the author of the source'),
  publisher: text('the publisher of the source'),
  date: PartialDateSchema,
  url: v.optional(
    v.pipe(
      v.string('must be a web address'),
      v.regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// address with no spaces'),
      // The widget links only to what a browser reads as an http(s) address.
      v.check((url) => safeHttpUrl(url) !== undefined, 'must be a valid web address'),
    ),
  ),
  text: v.pipe(
    text('the path of the UTF-8 text file, relative to the dataset file'),
    v.regex(
      SOURCE_TEXT_PATH_PATTERN,
      'must be a path relative to the dataset file, with forward slashes: not a URL, not starting with "/", with no "?" or "#"',
    ),
  ),
  sha256: v.pipe(
    v.string('must be the SHA-256 of the text file, as 64 hex digits'),
    v.regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the text file, as 64 lowercase hex digits'),
  ),
});

/** A BCP 47 language tag, the key of a localized name or label: `ko`, `zh-Hant`. */
export const LanguageTagSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "ko" or "zh-Hant"'),
);

/** A political actor: a state, an organization, a non-state group or a bloc of other actors. */
export const ActorSchema = v.strictObject({
  id: IdSchema,
  kind: v.picklist(ACTOR_KINDS, `must be one of: ${ACTOR_KINDS.join(', ')}`),
  name: text('the display name of the actor'),
  aliases: v.optional(v.array(text('a name the text uses for the actor'), 'must be a list of names'), []),
  members: v.optional(v.array(IdSchema, 'must be a list of actor ids')),
  names: v.optional(
    v.record(LanguageTagSchema, text('a localized name'), 'must map language tags to names, e.g. {"ko": "북한"}'),
  ),
});

/** A kind of tie, with the category it belongs to and its codes in event datasets. */
export const TieTypeSchema = v.strictObject({
  id: IdSchema,
  label: text('a short label for the tie type'),
  labels: v.optional(
    v.record(LanguageTagSchema, text('a localized label'), 'must map language tags to labels, e.g. {"ko": "외교적 엄호"}'),
  ),
  category: v.picklist(TIE_CATEGORIES, `must be one of: ${TIE_CATEGORIES.join(', ')}`),
  directed: v.boolean('must be true or false'),
  description: v.optional(text('a sentence describing the tie type')),
  cameo: v.optional(
    v.pipe(
      v.string('must be a CAMEO event code'),
      v.regex(/^\d{2,4}$/, 'must be a CAMEO event code of 2 to 4 digits, e.g. "072"'),
    ),
  ),
  plover: v.optional(
    v.pipe(v.string('must be a PLOVER event type'), v.regex(/^[A-Z_]+$/, 'must be a PLOVER event type in capitals, e.g. "AID"')),
  ),
});

/**
 * One verbatim quote that supports a tie. The field names are those of the W3C Web Annotation
 * TextQuoteSelector (`exact`, `prefix`, `suffix`) and TextPositionSelector (`start`, `end`).
 * `start` and `end` are JavaScript string offsets into the source text, end exclusive; the
 * validator refuses one between the two halves of a surrogate pair (see `checkEvidence`).
 */
export const EvidenceSchema = v.pipe(
  v.strictObject({
    source: IdSchema,
    exact: text('the quoted words, exactly as in the source text'),
    prefix: v.optional(v.string('must be the text just before the quote')),
    suffix: v.optional(v.string('must be the text just after the quote')),
    start: offset('start'),
    end: offset('end'),
  }),
  v.forward(
    v.check((quote) => quote.end > quote.start, 'must be greater than start'),
    ['end'],
  ),
);

/** When a tie held, as the text dates it. Either end may be left open. */
export const PeriodSchema = v.pipe(
  v.strictObject({
    from: v.optional(PartialDateSchema),
    to: v.optional(PartialDateSchema),
  }),
  v.forward(
    v.check(
      // Partial dates are compared to the coarser one's precision: 2024-06-15 to 2024-06 is June.
      ({ from, to }) => from === undefined || to === undefined || from.slice(0, to.length) <= to.slice(0, from.length),
      'must not be before "from"',
    ),
    ['to'],
  ),
);

/** A typed tie between two actors, present or absent, with the quotes that support it. */
export const TieSchema = v.strictObject({
  id: IdSchema,
  source: IdSchema,
  target: IdSchema,
  type: IdSchema,
  status: v.picklist(TIE_STATUSES, `must be one of: ${TIE_STATUSES.join(', ')}`),
  hedge: v.picklist(HEDGES, `must be one of: ${HEDGES.join(', ')}`),
  period: v.optional(PeriodSchema),
  note: v.optional(text('a note on the tie')),
  evidence: v.pipe(
    v.array(EvidenceSchema, 'must be a list of quotes'),
    v.minLength(1, 'must hold at least one quote: every tie needs evidence'),
  ),
});

/**
 * Positions frozen into a dataset by `npm run layout`, with the seed they were computed with. The
 * widget then draws the graph with no layout work at all.
 */
export const LayoutSchema = v.strictObject({
  seed: v.pipe(
    v.number('must be the seed of the layout'),
    v.integer('must be a whole number'),
    v.minValue(0, 'must be 0 or more'),
  ),
  positions: v.record(
    IdSchema,
    v.tuple(
      [
        v.pipe(v.number('must be a number (x)'), v.finite('must be a finite number (x)')),
        v.pipe(v.number('must be a number (y)'), v.finite('must be a finite number (y)')),
      ],
      'must be a pair of numbers [x, y]',
    ),
    'must map actor ids to [x, y] pairs',
  ),
});

/** A whole dataset: the sources it quotes, the actors, the tie types and the ties. */
export const DatasetSchema = v.strictObject({
  $schema: v.optional(v.string('must be the path or URL of the JSON Schema')),
  id: IdSchema,
  title: text('the title of the dataset'),
  description: v.optional(text('a description of the dataset')),
  sources: v.pipe(v.array(SourceSchema, 'must be a list of sources'), v.minLength(1, 'must hold at least one source')),
  actors: v.array(ActorSchema, 'must be a list of actors'),
  tieTypes: v.array(TieTypeSchema, 'must be a list of tie types'),
  ties: v.array(TieSchema, 'must be a list of ties'),
  layout: v.optional(LayoutSchema),
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Actor = v.InferOutput<typeof ActorSchema>;
export type TieType = v.InferOutput<typeof TieTypeSchema>;
export type Evidence = v.InferOutput<typeof EvidenceSchema>;
export type Period = v.InferOutput<typeof PeriodSchema>;
export type Tie = v.InferOutput<typeof TieSchema>;
export type Layout = v.InferOutput<typeof LayoutSchema>;
export type Dataset = v.InferOutput<typeof DatasetSchema>;
/** A dataset as written in a file, before defaults (such as empty `aliases`) are filled in. */
export type DatasetInput = v.InferInput<typeof DatasetSchema>;
