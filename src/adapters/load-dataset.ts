/**
 * Loads and validates a dataset for the widget, from a URL or from a value already in hand, and
 * words every failure for a reader: which URL, and what went wrong.
 */
import type { Dataset } from '../model/schema.ts';
import { countIssues, type ValidationIssue } from '../validation/issue.ts';
import { formatJsonPath } from '../validation/json-path.ts';
import { type Pause, type TextLoader, validateDataset } from '../validation/validate.ts';

/** A dataset ready to draw: validated, with the source texts that could be read. */
export interface LoadedDataset {
  readonly dataset: Dataset;
  readonly texts: ReadonlyMap<string, string>;
  /**
   * The sources whose text does not match its SHA-256 in the dataset: their quotes cannot be
   * checked, so they are shown as unverified, never as evidence.
   */
  readonly unverified: ReadonlySet<string>;
  /** Problems that do not stop drawing: warnings, and source texts that could not be read. */
  readonly notices: readonly ValidationIssue[];
}

/** Why a dataset could not be drawn. */
export interface LoadFailure {
  readonly message: string;
  readonly issues: readonly ValidationIssue[];
}

export type LoadResult =
  | { readonly ok: true; readonly value: LoadedDataset }
  | { readonly ok: false; readonly error: LoadFailure };

/** How long a request may take when nobody says, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Options for loading over the network. */
export interface FetchOptions {
  readonly signal?: AbortSignal | undefined;
  /** Gives up on a request after this many milliseconds (default 20 s). */
  readonly timeoutMs?: number | undefined;
  readonly fetch?: typeof fetch | undefined;
}

/** An error whose message is already a sentence for the reader. */
class LoadError extends Error {}

/**
 * Errors that still leave a drawable graph: a missing text only costs the quotes their context, and
 * a text that changed only costs its quotes their standing as evidence (they are marked unverified).
 */
const NON_FATAL = new Set<ValidationIssue['code']>(['source-text-missing', 'sha256-mismatch']);

/** The ids of the sources whose text has another SHA-256 than the dataset says. */
function unverifiedSources(dataset: Dataset, issues: readonly ValidationIssue[]): Set<string> {
  const ids = new Set<string>();
  for (const issue of issues) {
    const index = issue.path[1];
    if (issue.code === 'sha256-mismatch' && typeof index === 'number') {
      const source = dataset.sources[index];
      if (source !== undefined) ids.add(source.id);
    }
  }
  return ids;
}

/** Whether an issue is about a quote of an unverified source: it is shown as unverified instead. */
function isAboutUnverifiedQuote(dataset: Dataset, unverified: ReadonlySet<string>, issue: ValidationIssue): boolean {
  const [ties, tieIndex, evidence, quoteIndex] = issue.path;
  if (ties !== 'ties' || evidence !== 'evidence' || typeof tieIndex !== 'number' || typeof quoteIndex !== 'number') return false;
  const source = dataset.ties[tieIndex]?.evidence[quoteIndex]?.source;
  return source !== undefined && unverified.has(source);
}

/** Fetches `url` as text, turning every kind of failure into one readable sentence. */
export async function fetchText(url: string, options: FetchOptions = {}): Promise<string> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]);
  let response: Response;
  try {
    response = await doFetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (timeout.aborted)
      throw new LoadError(`${url} did not answer within ${(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s.`);
    throw new LoadError(
      `${url} could not be fetched: the network failed, or the server does not allow this page to read it (CORS).`,
    );
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    throw new LoadError(`${url} could not be loaded: the server answered HTTP ${status}.`);
  }
  try {
    return await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new LoadError(`${url} could not be read to the end: the connection broke off or timed out.`);
  }
}

/** A loader for source texts at paths relative to `baseUrl`, with texts given inline taking precedence. */
export function urlTextLoader(
  baseUrl: string,
  options: FetchOptions = {},
  inline: ReadonlyMap<string, string> = new Map(),
): TextLoader {
  return async (path) => {
    const given = inline.get(path);
    if (given !== undefined) return { ok: true, text: given, where: `the inline text "${path}"` };
    let url: string;
    try {
      url = new URL(path, baseUrl).href;
    } catch {
      return { ok: false, reason: 'it is not a valid address', where: path };
    }
    try {
      return { ok: true, text: await fetchText(url, options), where: url };
    } catch (error) {
      if (!(error instanceof LoadError)) throw error;
      return { ok: false, reason: error.message.replace(`${url} `, '').replace(/\.$/, ''), where: url };
    }
  };
}

/** The one-line summary of a failed validation, naming the first error by its path. */
function describeIssues(where: string, issues: readonly ValidationIssue[]): string {
  const { errors } = countIssues(issues);
  const first = issues.find((issue) => issue.severity === 'error' && !NON_FATAL.has(issue.code));
  const at = first === undefined ? '' : ` First: ${formatJsonPath(first.path)}: ${first.message}`;
  return `${where} is not a valid actor-graph dataset (${errors} error${errors === 1 ? '' : 's'}).${at}`;
}

/**
 * Validates a dataset value and splits its issues into fatal errors and notices. `pause` is awaited
 * between the steps of validation.
 */
export async function prepareDataset(
  input: unknown,
  loadText: TextLoader,
  where = 'The dataset',
  pause?: Pause,
): Promise<LoadResult> {
  const report = await validateDataset(input, loadText, pause);
  const { dataset } = report;
  const unverified = dataset === undefined ? new Set<string>() : unverifiedSources(dataset, report.issues);
  const fatal = report.issues.filter(
    (issue) =>
      issue.severity === 'error' &&
      !NON_FATAL.has(issue.code) &&
      !(dataset !== undefined && isAboutUnverifiedQuote(dataset, unverified, issue)),
  );
  if (dataset === undefined || fatal.length > 0) {
    return {
      ok: false,
      error: { message: describeIssues(where, fatal.length > 0 ? fatal : report.issues), issues: report.issues },
    };
  }
  const notices = report.issues.filter((issue) => !fatal.includes(issue));
  return { ok: true, value: { dataset, texts: report.texts, unverified, notices } };
}

/**
 * Parses JSON text, or fails with the line and column of the fault. Good JSON goes through
 * `JSON.parse` alone; the scanner that places a fault is loaded only when there is one.
 */
export async function parseDatasetJson(
  text: string,
  where: string,
): Promise<{ ok: true; value: unknown } | { ok: false; error: LoadFailure }> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Placed below.
  }
  const { parseJsonText } = await import('../validation/json-text.ts');
  const parsed = parseJsonText(text);
  if (parsed.ok) return { ok: true, value: parsed.json.value };
  const { message, line, column } = parsed.error;
  const issue: ValidationIssue = {
    path: [],
    code: 'invalid-json',
    severity: 'error',
    message: `${message}, at line ${line}, column ${column}.`,
  };
  return { ok: false, error: { message: `${where} is not JSON: ${issue.message}`, issues: [issue] } };
}

/**
 * Fetches a dataset and its source texts from `url`, and validates them. `onParsed` sees the
 * parsed JSON before the texts are fetched and it is validated, so work that depends on it can
 * start early. `pause` is awaited between the steps of validation.
 */
export async function loadDatasetFromUrl(
  url: string,
  options: FetchOptions = {},
  onParsed: (value: unknown) => void = () => undefined,
  pause?: Pause,
): Promise<LoadResult> {
  let text: string;
  try {
    text = await fetchText(url, options);
  } catch (error) {
    if (error instanceof LoadError) return { ok: false, error: { message: error.message, issues: [] } };
    throw error;
  }
  const parsed = await parseDatasetJson(text, url);
  if (!parsed.ok) return parsed;
  onParsed(parsed.value);
  return prepareDataset(parsed.value, urlTextLoader(url, options), url, pause);
}
