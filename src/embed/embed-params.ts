/**
 * The query string of `embed.html` (`?src=…&selected=PRK&view=table`), read into the attributes
 * of its `<actor-graph>`. Pure: no DOM. Each problem names the parameter and its value, so the page
 * can say what to fix.
 */
import { parseCategoryList } from '../render/filter.ts';
import { parseRendererChoice } from '../render/gpu.ts';
import { comparePairOf, WIDGET_VIEWS } from '../render/views.ts';

/** The parameters the page reads; each becomes the attribute of the same name. */
export const EMBED_PARAMETERS = [
  'src',
  'selected',
  'view',
  'filter',
  'compare',
  'lang',
  'layout-seed',
  'show-absent',
  'renderer',
] as const;
export type EmbedParameter = (typeof EMBED_PARAMETERS)[number];

/** What can be wrong with a parameter. */
export type EmbedProblemCode =
  | 'missing-src'
  | 'unsafe-src'
  | 'bad-view'
  | 'bad-filter'
  | 'bad-compare'
  | 'bad-lang'
  | 'bad-show-absent'
  | 'bad-renderer';

/** A parameter the page cannot use, and its value as given. */
export interface EmbedProblem {
  readonly code: EmbedProblemCode;
  readonly parameter: EmbedParameter;
  readonly value: string;
}

/** The page's settings, read from its query string. */
export interface EmbedSettings {
  /** The attributes to set on `<actor-graph>`, by name; empty when `fatal` is set. */
  readonly attributes: readonly (readonly [EmbedParameter, string])[];
  /** Parameters left out because they could not be used; the graph is shown without them. */
  readonly problems: readonly EmbedProblem[];
  /** Why no graph can be shown at all: the dataset's URL is missing or not safe to load. */
  readonly fatal?: EmbedProblem;
}

/** A BCP 47 language tag, loosely: `ko`, `en-GB`, `zh-Hant-TW`. */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
/** The values `show-absent` takes (a Map, so that `constructor` is not one of them). */
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['', true],
  ['true', true],
  ['1', true],
  ['false', false],
  ['0', false],
]);

/**
 * The dataset's URL, resolved against the page's: only http(s), so a relative URL counts only when
 * the page itself is served over http(s). `javascript:`, `data:` and `blob:` URLs are refused.
 */
export function resolveDatasetUrl(value: string, pageUrl: string): string | undefined {
  try {
    const url = new URL(value, pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the page's query string. The first of a repeated parameter counts; parameters the page
 * does not know (tracking parameters a CMS adds, say) are left alone.
 */
export function readEmbedParams(search: string, pageUrl: string): EmbedSettings {
  const query = new URLSearchParams(search);
  const attributes: [EmbedParameter, string][] = [];
  const problems: EmbedProblem[] = [];
  const problem = (code: EmbedProblemCode, parameter: EmbedParameter, value: string) => problems.push({ code, parameter, value });

  const src = query.get('src')?.trim() ?? '';
  if (src === '') return { attributes: [], problems: [], fatal: { code: 'missing-src', parameter: 'src', value: '' } };
  const href = resolveDatasetUrl(src, pageUrl);
  if (href === undefined) return { attributes: [], problems: [], fatal: { code: 'unsafe-src', parameter: 'src', value: src } };
  attributes.push(['src', href]);

  for (const parameter of EMBED_PARAMETERS) {
    const value = query.get(parameter);
    if (parameter === 'src' || value === null) continue;
    const words = value.trim().split(/\s+/).filter(Boolean);
    switch (parameter) {
      case 'view':
        if ((WIDGET_VIEWS as readonly string[]).includes(value)) attributes.push([parameter, value]);
        else problem('bad-view', parameter, value);
        break;
      case 'filter':
        if (parseCategoryList(value).unknown.length === 0) attributes.push([parameter, value]);
        else problem('bad-filter', parameter, value);
        break;
      case 'compare':
        if (comparePairOf(words) !== undefined) attributes.push([parameter, words.join(' ')]);
        else problem('bad-compare', parameter, value);
        break;
      case 'lang':
        if (LANGUAGE_TAG.test(value)) attributes.push([parameter, value]);
        else problem('bad-lang', parameter, value);
        break;
      case 'show-absent': {
        const on = BOOLEANS.get(value.trim().toLowerCase());
        if (on === undefined) problem('bad-show-absent', parameter, value);
        else if (on) attributes.push([parameter, '']);
        break;
      }
      case 'renderer':
        // Left empty, it is left out, as the other parameters that take a word are.
        if (parseRendererChoice(value) === undefined) problem('bad-renderer', parameter, value);
        else if (value.trim() !== '') attributes.push([parameter, value.trim().toLowerCase()]);
        break;
      default:
        // `selected` and `layout-seed` take any text: an id the data lacks selects nothing, and
        // any text is a seed.
        if (value !== '') attributes.push([parameter, value]);
    }
  }
  return { attributes, problems };
}
