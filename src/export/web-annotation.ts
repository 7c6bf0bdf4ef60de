/**
 * The evidence as W3C Web Annotations (https://www.w3.org/TR/annotation-model/): one annotation
 * per quote, whose target is the quoted passage of the source and whose body is the tie the quote
 * supports. The whole set is one `AnnotationCollection` with its single `AnnotationPage`
 * embedded, the model's own form for a set of annotations published together.
 */
import type { Dataset, Evidence, Tie, TieType } from '../model/schema.ts';
import { actorLabel, joinTieTitle, tieTypeLabel } from '../render/elements.ts';

/** The JSON-LD context of the Web Annotation model, which every annotation document must name. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The namespace of the dataset-specific terms of a tie body. */
export const TIE_VOCABULARY = 'urn:actor-graph:vocabulary#';

/** How many characters of context a computed `prefix` or `suffix` holds. */
const CONTEXT_CHARS = 32;

export interface WebAnnotationOptions {
  /** The source texts by source id. Without a source's text, its quotes get no TextPositionSelector. */
  readonly texts?: ReadonlyMap<string, string> | undefined;
  /** Sources whose text differs from the one quoted (SHA-256 mismatch): their texts are not used. */
  readonly unverified?: ReadonlySet<string> | undefined;
  /**
   * The dataset's own URL when it has one: the annotations' ids are minted under it, as
   * `<base>#<local id>`, and the source texts' paths are resolved against it. Default:
   * `urn:actor-graph:<dataset id>`, and each source text is `urn:actor-graph:<dataset id>#source:<id>`.
   */
  readonly base?: string | undefined;
}

export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** Positions count Unicode code points, as the model requires, not UTF-16 code units. */
export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

export interface TextualBody {
  readonly type: 'TextualBody';
  readonly value: string;
  readonly format: 'text/plain';
  readonly language: 'en';
  readonly purpose: 'describing' | 'tagging';
}

/** The tie a quote supports, as a dataset resource with the tie's fields. */
export interface TieBody {
  readonly id: string;
  readonly type: 'Dataset';
  readonly label: string;
  readonly sourceActor: string;
  readonly targetActor: string;
  readonly tieType: string;
  readonly category: TieType['category'];
  readonly hedge: Tie['hedge'];
  readonly status: Tie['status'];
  readonly directed: boolean;
  readonly periodFrom?: string;
  readonly periodTo?: string;
}

export interface Annotation {
  readonly id: string;
  readonly type: 'Annotation';
  readonly motivation: 'linking';
  readonly body: readonly [TieBody, TextualBody, TextualBody];
  readonly target: {
    readonly type: 'SpecificResource';
    /** The source's text file, which the selectors' positions and words are taken from. */
    readonly source: string;
    /** The web page the text was taken from (the source's `url`), where it has one. */
    readonly scope?: string;
    readonly selector: readonly [TextQuoteSelector] | readonly [TextQuoteSelector, TextPositionSelector];
  };
}

export interface AnnotationPage {
  readonly id: string;
  readonly type: 'AnnotationPage';
  readonly startIndex: 0;
  readonly items: readonly Annotation[];
}

export interface AnnotationCollection {
  readonly '@context': readonly [typeof ANNO_CONTEXT, Readonly<Record<string, unknown>>];
  readonly id: string;
  readonly type: 'AnnotationCollection';
  readonly label: string;
  readonly total: number;
  readonly first?: AnnotationPage;
}

/** The terms of {@link TieBody} that the Web Annotation context does not define. */
const TIE_CONTEXT = {
  ag: TIE_VOCABULARY,
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  sourceActor: 'ag:sourceActor',
  targetActor: 'ag:targetActor',
  tieType: 'ag:tieType',
  category: 'ag:category',
  hedge: 'ag:hedge',
  status: 'ag:status',
  directed: { '@id': 'ag:directed', '@type': 'xsd:boolean' },
  periodFrom: 'ag:periodFrom',
  periodTo: 'ag:periodTo',
} as const;

/**
 * A counter of code points for one text: it finds the text's surrogate pairs once, and then says
 * how many code points come before any UTF-16 offset by a binary search among them, so that the
 * thousands of quotes of a long text cost one pass over it, not one each.
 */
export function codePointCounter(text: string): (offset: number) => number {
  // The offsets of the low halves of the text's surrogate pairs, in order.
  const lows: number[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) continue;
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) lows.push(++i);
  }
  return (offset) => {
    // Each pair whose low half lies before the offset is two units but one code point; a pair the
    // offset cuts in two counts its high half as one.
    let below = 0;
    let above = lows.length;
    while (below < above) {
      const middle = (below + above) >>> 1;
      if ((lows[middle] as number) < offset) below = middle + 1;
      else above = middle;
    }
    return offset - below;
  };
}

/** Counts the code points in `text` before the UTF-16 offset `offset`. */
export function codePointOffset(text: string, offset: number): number {
  return codePointCounter(text.slice(0, offset))(offset);
}

/** Moves a UTF-16 offset off the middle of a surrogate pair, so that a cut never splits a character. */
function clampToCharacter(text: string, offset: number, direction: -1 | 1): number {
  const code = text.charCodeAt(offset);
  const before = text.charCodeAt(offset - 1);
  const splitsPair = code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
  return splitsPair ? offset + direction : offset;
}

function quoteSelector(quote: Evidence, text: string | undefined): TextQuoteSelector {
  let prefix = quote.prefix;
  let suffix = quote.suffix;
  // A quote without its own context (none, or an empty one) gets some from the text, so that the
  // selector finds it alone.
  if (text !== undefined) {
    prefix ||= text.slice(clampToCharacter(text, Math.max(0, quote.start - CONTEXT_CHARS), 1), quote.start);
    suffix ||= text.slice(quote.end, clampToCharacter(text, Math.min(text.length, quote.end + CONTEXT_CHARS), -1));
  }
  return {
    type: 'TextQuoteSelector',
    exact: quote.exact,
    ...(prefix === undefined || prefix === '' ? {} : { prefix }),
    ...(suffix === undefined || suffix === '' ? {} : { suffix }),
  };
}

/** One sentence that says what the quote supports, for annotation tools that show text bodies. */
function describeTie(tie: Tie, type: TieType, name: (id: string) => string): string {
  const source = name(tie.source);
  const target = name(tie.target);
  const between = type.directed ? `from ${source} to ${target}` : `between ${source} and ${target}`;
  if (tie.status === 'absent') return `The text says there is no ${type.label} tie ${between} (${type.category}).`;
  return `${type.label} ${between} (${type.category}, ${tie.hedge}).`;
}

/** Builds the annotation collection of a dataset's evidence. */
export function webAnnotationsOf(dataset: Dataset, options: WebAnnotationOptions = {}): AnnotationCollection {
  const base = options.base ?? `urn:actor-graph:${dataset.id}`;
  const mint = (local: string) => `${base}#${local}`;
  const types = new Map(dataset.tieTypes.map((type) => [type.id, type]));
  // Names by id, looked up once: every tie names its two ends twice.
  const names = new Map(dataset.actors.map((actor) => [actor.id, actorLabel(actor)]));
  const name = (id: string) => names.get(id) ?? id;
  const sources = new Map(dataset.sources.map((source) => [source.id, source]));
  const textIri = (id: string) => {
    const path = sources.get(id)?.text;
    if (options.base !== undefined && path !== undefined) {
      try {
        return new URL(path, options.base).href;
      } catch {
        // A base that takes no relative paths (a URN) leaves the text with a minted IRI instead.
      }
    }
    return mint(`source:${id}`);
  };
  const items: Annotation[] = [];
  // One code point counter per source text, made when its first quote needs it.
  const counters = new Map<string, (offset: number) => number>();
  const counterOf = (source: string, text: string) => {
    const known = counters.get(source);
    if (known !== undefined) return known;
    const counter = codePointCounter(text);
    counters.set(source, counter);
    return counter;
  };
  for (const tie of dataset.ties) {
    const type = types.get(tie.type);
    if (type === undefined) continue;
    const tieBody: TieBody = {
      id: mint(`tie:${tie.id}`),
      type: 'Dataset',
      label: joinTieTitle(name(tie.source), name(tie.target), type.directed, tieTypeLabel(type)),
      sourceActor: tie.source,
      targetActor: tie.target,
      tieType: type.id,
      category: type.category,
      hedge: tie.hedge,
      status: tie.status,
      directed: type.directed,
      ...(tie.period?.from === undefined ? {} : { periodFrom: tie.period.from }),
      ...(tie.period?.to === undefined ? {} : { periodTo: tie.period.to }),
    };
    const describing: TextualBody = {
      type: 'TextualBody',
      value: describeTie(tie, type, name),
      format: 'text/plain',
      language: 'en',
      purpose: 'describing',
    };
    const tag: TextualBody = {
      type: 'TextualBody',
      value: type.category,
      format: 'text/plain',
      language: 'en',
      purpose: 'tagging',
    };
    for (const [index, quote] of tie.evidence.entries()) {
      const source = sources.get(quote.source);
      const verified = !(options.unverified?.has(quote.source) ?? false);
      const candidate = verified ? options.texts?.get(quote.source) : undefined;
      // Positions are given only where the quote stands at its offsets in the text at hand.
      const text = candidate !== undefined && candidate.slice(quote.start, quote.end) === quote.exact ? candidate : undefined;
      const byQuote = quoteSelector(quote, text);
      const selector: Annotation['target']['selector'] =
        text === undefined
          ? [byQuote]
          : [
              byQuote,
              {
                type: 'TextPositionSelector',
                start: counterOf(quote.source, text)(quote.start),
                end: counterOf(quote.source, text)(quote.end),
              },
            ];
      items.push({
        id: mint(`evidence:${tie.id}:${index}`),
        type: 'Annotation',
        // "linking": the passage is linked to a resource related to it, the tie it supports. Not
        // "describing" (the tie does not describe the passage) nor "tagging" (the tie is a resource
        // with its own id, not a tag); the text bodies carry their own purposes.
        motivation: 'linking',
        body: [tieBody, describing, tag],
        // The selectors apply to the text file, so it is the target; the web page it came from is
        // the context the passage is read in, its scope.
        target: {
          type: 'SpecificResource',
          source: textIri(quote.source),
          ...(source?.url === undefined ? {} : { scope: source.url }),
          selector,
        },
      });
    }
  }
  return {
    '@context': [ANNO_CONTEXT, TIE_CONTEXT],
    id: mint('annotations'),
    type: 'AnnotationCollection',
    label: dataset.title,
    total: items.length,
    ...(items.length === 0 ? {} : { first: { id: mint('annotations-page-1'), type: 'AnnotationPage', startIndex: 0, items } }),
  };
}

/** Writes the annotation collection of a dataset's evidence as indented JSON-LD. */
export function toWebAnnotationJsonLd(dataset: Dataset, options: WebAnnotationOptions = {}): string {
  return `${JSON.stringify(webAnnotationsOf(dataset, options), null, 2)}\n`;
}
