/**
 * The state a reader gives a widget (selection, filters, view, time range), written into the
 * URL's hash and read back, so that a reload or a shared link shows the same thing. Pure: no DOM.
 *
 * The format, chosen to be short and readable in an address bar:
 *
 * ```
 * #section-2&ag=view:compare;sel:PRK;cat:alliance,transaction;from:2022;to:2024&ag-map=sel:RUS
 * ```
 *
 * - The hash is a list of parts separated by `&`. A widget owns the part whose key is `ag` (a
 *   widget with no `id`) or `ag-<id>` (its element's `id`, percent-encoded), so several widgets
 *   share one hash. Every other part belongs to the host page and is kept, verbatim and in place.
 * - A part holds `field:value` pairs separated by `;`, written only where the state differs from
 *   the widget's own attributes (its baseline), so a widget left as the page set it adds nothing.
 *   Lists are separated by `,`; values are percent-encoded, except `:`, which ids may hold and
 *   which only the first `:` of a pair separates.
 * - Fields: `view` (graph, compare, table), `sel` (the selected id; empty for none), `cat` (the
 *   categories shown: `all`, `none` or a list), `hide` (tie types switched off), `absent` (`1` or
 *   `0`), `cmp` (the two compared categories), `from` and `to` (partial ISO dates; empty for an
 *   open end).
 *
 * The viewport (zoom and pan) is left out on purpose: it depends on the reader's screen, so a
 * shared pan would put the graph off-screen on another device, and it changes on every wheel
 * tick. The seeded layout puts every actor at the same place anyway.
 *
 * An anchor such as `#section-2` stays the first part. Browsers then no longer scroll to it by
 * themselves (they look for an element whose id is the whole hash), so the widget's controller
 * does that scroll itself; see {@link hashAnchor}.
 */
import { isRealDay, PARTIAL_DATE_PATTERN } from '../model/schema.ts';
import { TIE_CATEGORIES, type TieCategory } from '../model/vocabulary.ts';
import { type DateRange, spanEnd, spanStart } from '../render/time.ts';
import { comparePairOf, DEFAULT_COMPARE, isCategory, parseComparePair, WIDGET_VIEWS, type WidgetView } from '../render/views.ts';

export { DEFAULT_COMPARE, parseComparePair, WIDGET_VIEWS, type WidgetView };

/** Everything about a widget that a link restores. */
export interface WidgetState {
  readonly view: WidgetView;
  /** The selected actor or tie; `null` when nothing is selected. */
  readonly selected: string | null;
  /** The tie categories shown. */
  readonly categories: ReadonlySet<TieCategory>;
  /** The tie types switched off one by one (never empty strings). */
  readonly hiddenTypes: ReadonlySet<string>;
  readonly showAbsent: boolean;
  /** The two categories of the compare view, left then right. */
  readonly compare: readonly [TieCategory, TieCategory];
  /** The timeline's range, by partial ISO dates; an end left out is open. */
  readonly dates: DateRange;
}

/** The state of a widget whose attributes set nothing. */
export const DEFAULT_STATE: WidgetState = {
  view: 'graph',
  selected: null,
  categories: new Set(TIE_CATEGORIES),
  hiddenTypes: new Set(),
  showAbsent: false,
  compare: DEFAULT_COMPARE,
  dates: {},
};

/** A widget's state read from a hash, with a sentence for each part that was not understood. */
export interface ReadState {
  readonly state: WidgetState;
  /** Whether the hash holds a part for this widget at all. */
  readonly present: boolean;
  /** Each names the bad text and says why it was ignored. */
  readonly problems: readonly string[];
}

const PREFIX = 'ag';

/** The text with each lone surrogate (which `encodeURIComponent` throws on) made U+FFFD. */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Percent-encodes a value, leaving `:` readable (ids such as `un:sc` hold it). */
function encodeValue(value: string): string {
  return encodeURIComponent(wellFormed(value)).replace(/%3A/gi, ':');
}

/** Decodes percent-encoding; `undefined` for malformed input, which must never throw. */
function decodeValue(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * The key of a widget's part of the hash: `ag`, or `ag-<id>` for an element with an `id`. This is
 * the key as text; the hash holds it percent-encoded.
 */
export function stateKey(elementId: string | null | undefined): string {
  return elementId ? `${PREFIX}-${wellFormed(elementId)}` : PREFIX;
}

/** Whether a decoded key belongs to some widget (`ag` or `ag-…`). */
function isWidgetKey(key: string): boolean {
  return key === PREFIX || key.startsWith(`${PREFIX}-`);
}

/** The parts of a hash, without the `#`; empty parts are dropped. */
function splitHash(hash: string): string[] {
  return (hash.startsWith('#') ? hash.slice(1) : hash).split('&').filter((part) => part !== '');
}

/** The decoded key of a part (`ag-map` of `ag-map=sel:PRK`), or `undefined` for a part with no `=`. */
function partKey(part: string): string | undefined {
  const equals = part.indexOf('=');
  return equals < 0 ? undefined : decodeValue(part.slice(0, equals));
}

/** Whether two lists of ids hold the same ids, in any order. */
export function sameItems(a: Iterable<string>, b: Iterable<string>): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((item, index) => item === right[index]);
}

/** Whether two states are the same, field by field. */
export function sameState(a: WidgetState, b: WidgetState): boolean {
  return (
    a.view === b.view &&
    a.selected === b.selected &&
    sameItems(a.categories, b.categories) &&
    sameItems(a.hiddenTypes, b.hiddenTypes) &&
    a.showAbsent === b.showAbsent &&
    a.compare[0] === b.compare[0] &&
    a.compare[1] === b.compare[1] &&
    a.dates.from === b.dates.from &&
    a.dates.to === b.dates.to
  );
}

function formatCategories(categories: ReadonlySet<TieCategory>): string {
  if (categories.size === TIE_CATEGORIES.length) return 'all';
  if (categories.size === 0) return 'none';
  return TIE_CATEGORIES.filter((category) => categories.has(category)).join(',');
}

/**
 * Writes the fields of a part: only those where `state` differs from `baseline`, in a fixed order.
 * Empty when the two are the same.
 */
export function encodeState(state: WidgetState, baseline: WidgetState): string {
  const fields: string[] = [];
  const add = (name: string, value: string) => fields.push(`${name}:${value}`);
  if (state.view !== baseline.view) add('view', state.view);
  if (state.selected !== baseline.selected) add('sel', state.selected === null ? '' : encodeValue(state.selected));
  if (!sameItems(state.categories, baseline.categories)) add('cat', formatCategories(state.categories));
  if (!sameItems(state.hiddenTypes, baseline.hiddenTypes)) add('hide', [...state.hiddenTypes].sort().map(encodeValue).join(','));
  if (state.showAbsent !== baseline.showAbsent) add('absent', state.showAbsent ? '1' : '0');
  if (state.compare[0] !== baseline.compare[0] || state.compare[1] !== baseline.compare[1]) add('cmp', state.compare.join(','));
  if (state.dates.from !== baseline.dates.from) add('from', state.dates.from ?? '');
  if (state.dates.to !== baseline.dates.to) add('to', state.dates.to ?? '');
  return fields.join(';');
}

/** A mutable copy of a state, for decoding into. */
type Draft = { -readonly [K in keyof WidgetState]: WidgetState[K] };

/** Reads one `field:value` pair into `draft`; returns why it was ignored, or `undefined`. */
function readField(name: string, raw: string, draft: Draft): string | undefined {
  const list = () => raw.split(',').filter((item) => item !== '');
  switch (name) {
    case 'view':
      if (!(WIDGET_VIEWS as readonly string[]).includes(raw)) return `the view must be ${WIDGET_VIEWS.join(', ')}`;
      draft.view = raw as WidgetView;
      return undefined;
    case 'sel': {
      const id = decodeValue(raw);
      if (id === undefined) return 'the id is not properly percent-encoded';
      draft.selected = id === '' ? null : id;
      return undefined;
    }
    case 'cat': {
      if (raw === 'all' || raw === 'none') {
        draft.categories = new Set(raw === 'all' ? TIE_CATEGORIES : []);
        return undefined;
      }
      const words = list();
      const unknown = words.filter((word) => !isCategory(word));
      if (unknown.length > 0 || words.length === 0)
        return `the categories must be all, none or a list of ${TIE_CATEGORIES.join(', ')}`;
      draft.categories = new Set(words.filter(isCategory));
      return undefined;
    }
    case 'hide': {
      const ids = list().map(decodeValue);
      if (ids.some((id) => id === undefined)) return 'an id is not properly percent-encoded';
      draft.hiddenTypes = new Set(ids.filter((id): id is string => id !== undefined && id !== ''));
      return undefined;
    }
    case 'absent':
      if (raw !== '1' && raw !== '0') return 'it must be 1 or 0';
      draft.showAbsent = raw === '1';
      return undefined;
    case 'cmp': {
      const pair = comparePairOf(list());
      if (pair === undefined) return `it must name two different categories of ${TIE_CATEGORIES.join(', ')}`;
      draft.compare = pair;
      return undefined;
    }
    case 'from':
    case 'to': {
      if (raw !== '' && !(PARTIAL_DATE_PATTERN.test(raw) && isRealDay(raw))) {
        return 'the date must be YYYY, YYYY-MM or YYYY-MM-DD, on a day its month has';
      }
      const value = raw === '' ? undefined : raw;
      const from = name === 'from' ? value : draft.dates.from;
      const to = name === 'to' ? value : draft.dates.to;
      draft.dates = { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
      return undefined;
    }
    default:
      return 'it is not a field the widget knows';
  }
}

/**
 * Reads the fields of a part over `baseline`: a field that is missing, or that cannot be read,
 * keeps the baseline's value. Never throws, whatever the text.
 */
export function decodeState(fields: string, baseline: WidgetState): { state: WidgetState; problems: string[] } {
  const draft: Draft = { ...baseline };
  const problems: string[] = [];
  for (const pair of fields.split(';')) {
    if (pair === '') continue;
    const colon = pair.indexOf(':');
    const name = colon < 0 ? pair : pair.slice(0, colon);
    const why = colon < 0 ? 'it has no value' : readField(name, pair.slice(colon + 1), draft);
    if (why !== undefined) problems.push(`"${pair}": ${why}`);
  }
  const { from, to } = draft.dates;
  if (from !== undefined && to !== undefined && spanStart(from) > spanEnd(to)) {
    problems.push(`"from:${from};to:${to}": the range ends before it starts`);
    draft.dates = baseline.dates;
  }
  return { state: draft, problems };
}

/** Reads the state of the widget keyed `key` from a hash (`#…` or without the `#`). */
export function readHashState(hash: string, key: string, baseline: WidgetState): ReadState {
  const part = splitHash(hash).find((candidate) => partKey(candidate) === key);
  if (part === undefined) return { state: baseline, present: false, problems: [] };
  const { state, problems } = decodeState(part.slice(part.indexOf('=') + 1), baseline);
  return { state, present: true, problems };
}

/**
 * Writes the state of the widget keyed `key` into a hash, keeping every other part where it was:
 * its part is replaced in place, or added at the end, or removed when the state is the baseline.
 * Returns the new hash with its `#`, or `''` when nothing is left.
 */
export function writeHashState(hash: string, key: string, state: WidgetState, baseline: WidgetState): string {
  const fields = encodeState(state, baseline);
  const own = `${encodeValue(key)}=${fields}`;
  const parts: string[] = [];
  let written = false;
  for (const part of splitHash(hash)) {
    if (partKey(part) !== key) parts.push(part);
    else if (!written && fields !== '') parts.push(own);
    if (partKey(part) === key) written = true;
  }
  if (!written && fields !== '') parts.push(own);
  return parts.length === 0 ? '' : `#${parts.join('&')}`;
}

/**
 * The host page's anchor in a hash that also holds widget parts (`section-2` of
 * `#section-2&ag=sel:PRK`), decoded: the first part that is not `key=value`. `undefined` when there
 * is none, or when the hash holds no widget part (the browser then finds the anchor by itself).
 */
export function hashAnchor(hash: string): string | undefined {
  const parts = splitHash(hash);
  if (!parts.some((part) => isWidgetKey(partKey(part) ?? ''))) return undefined;
  const anchor = parts.find((part) => !part.includes('='));
  return anchor === undefined ? undefined : decodeValue(anchor);
}

/** The keys of the widget parts of a hash, in order (`['ag-map', 'ag']`). */
export function hashWidgetKeys(hash: string): string[] {
  return splitHash(hash)
    .map(partKey)
    .filter((key): key is string => key !== undefined && isWidgetKey(key));
}

/** The element id a widget key stands for (`map` for `ag-map`), or `null` for `ag`. */
export function keyElementId(key: string): string | null {
  return key.startsWith(`${PREFIX}-`) ? key.slice(PREFIX.length + 1) : null;
}
