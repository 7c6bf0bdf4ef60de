/**
 * Loads the data of an `<actor-graph>` from whichever source it is given (the `data` property,
 * inline JSON, or `src`), validates it, and keeps the outcome. Only the latest load may change
 * what is shown, so quick changes of `src` never end on a stale response.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  DEFAULT_TIMEOUT_MS,
  type LoadedDataset,
  type LoadFailure,
  type LoadResult,
  loadDatasetFromUrl,
  parseDatasetJson,
  prepareDataset,
  urlTextLoader,
} from '../../src/adapters/load-dataset.ts';
import type { DatasetInput } from '../../src/model/schema.ts';
import { yieldToMain } from '../shared/yield-to-main.ts';

export type LoadState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly loaded?: LoadedDataset | undefined }
  | { readonly status: 'ready'; readonly loaded: LoadedDataset }
  | { readonly status: 'error'; readonly error: LoadFailure; readonly loaded?: LoadedDataset | undefined };

/** What the controller reads from its element. */
export interface DataSourceHost extends ReactiveControllerHost, HTMLElement {
  readonly src: string | undefined;
  readonly data: DatasetInput | undefined;
  readonly sourceTexts: Readonly<Record<string, string>> | undefined;
  /** Seconds to wait for each request. */
  readonly timeout: number | undefined;
}

/** Above this many actors and ties, a dataset is validated in steps, a task each. */
const STEPPED_VALIDATION_MIN_ITEMS = 500;

/** How many actors and ties parsed JSON lists, as far as it has lists of them. */
function itemCount(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const { actors, ties } = value as { actors?: unknown; ties?: unknown };
  return (Array.isArray(actors) ? actors.length : 0) + (Array.isArray(ties) ? ties.length : 0);
}

/** Whether a mutation changed a `<script>` child: the only light DOM the element reads. */
function touchesScript(record: MutationRecord): boolean {
  const isScript = (node: Node | null) => node?.nodeName === 'SCRIPT';
  if (record.type === 'characterData') return isScript(record.target.parentNode);
  return [...record.addedNodes, ...record.removedNodes].some(isScript) || isScript(record.target);
}

/** `promise`'s outcome, or undefined once `ms` milliseconds have passed without one. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: number | undefined;
  const late = new Promise<undefined>((resolve) => {
    // Longer than a timer can hold (about 24.8 days) would fire at once.
    timer = window.setTimeout(resolve, Math.min(ms, 2 ** 31 - 1));
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export class DataController implements ReactiveController {
  /** The outcome of the latest load. */
  state: LoadState = { status: 'idle' };
  private token = 0;
  private abort: AbortController | undefined;
  private observer: MutationObserver | undefined;
  private connectedOnce = false;

  constructor(
    private readonly host: DataSourceHost,
    private readonly onFailure: (error: LoadFailure) => void,
    private readonly onSuccess: () => void,
    /** Whether loading may start now (the element defers it until it nears the viewport). */
    private readonly mayLoad: () => boolean = () => true,
    /** Sees the data as soon as it is parsed, before it is validated. */
    private readonly onParsed: (value: unknown) => void = () => undefined,
    /** What the data waits for besides its checks before it is shown (the interface's words). */
    private readonly alsoWaitFor: () => Promise<unknown> = () => Promise.resolve(),
  ) {
    host.addController(this);
  }

  /** The dataset drawn now: the latest good one, kept through a failed reload. */
  get loaded(): LoadedDataset | undefined {
    return this.state.status === 'idle' ? undefined : this.state.loaded;
  }

  hostConnected(): void {
    // Inline data may be parsed after the element itself, and a CMS may edit it later.
    this.observer = new MutationObserver((records) => {
      if (this.host.data === undefined && records.some(touchesScript) && this.mayLoad()) void this.load();
    });
    this.observer.observe(this.host, { childList: true, subtree: true, characterData: true });
    // A load cut short because the element was moved starts over.
    if (this.connectedOnce && this.state.status === 'loading' && this.mayLoad()) void this.load();
    this.connectedOnce = true;
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.abort?.abort();
  }

  private inlineTexts(): Map<string, string> {
    const texts = new Map<string, string>(Object.entries(this.host.sourceTexts ?? {}));
    for (const script of this.host.querySelectorAll<HTMLScriptElement>(':scope > script[type="text/plain"][data-path]')) {
      texts.set(script.dataset.path ?? '', script.textContent ?? '');
    }
    return texts;
  }

  /** How long each request may take, in milliseconds: the element's `timeout`, else the default. */
  private timeoutMs(): number | undefined {
    const seconds = this.host.timeout;
    return seconds !== undefined && seconds > 0 && Number.isFinite(seconds) ? seconds * 1000 : undefined;
  }

  /** Starts loading from the first source given (`data`, inline JSON, `src`); `undefined` when none is. */
  private loadFromSource(signal: AbortSignal): Promise<LoadResult> | undefined {
    const options = { signal, timeoutMs: this.timeoutMs() };
    const textLoader = () => urlTextLoader(document.baseURI, options, this.inlineTexts());
    // Parsing with the early layout's start, and each step of validation, are tasks of their own
    // for a large dataset: together, at 1,000 actors, they made one task of 120 to 145 ms here. A
    // small one, checked in a few milliseconds, is checked in one go.
    let large = false;
    const pause = () => (large ? yieldToMain() : Promise.resolve());
    // A load that a newer one replaced while it fetched or parsed has nothing to start early.
    const onParsed = (value: unknown) => {
      large = itemCount(value) > STEPPED_VALIDATION_MIN_ITEMS;
      if (!signal.aborted) this.onParsed(value);
    };
    const { data, src } = this.host;
    if (data !== undefined) {
      onParsed(data);
      return prepareDataset(data, textLoader(), 'The data property', pause);
    }
    const inline = this.host.querySelector<HTMLScriptElement>(':scope > script[type="application/json"]');
    if (inline !== null) {
      return parseDatasetJson(inline.textContent ?? '', 'The inline JSON').then((parsed) => {
        if (!parsed.ok) return parsed;
        onParsed(parsed.value);
        return prepareDataset(parsed.value, textLoader(), 'The inline JSON', pause);
      });
    }
    if (!src) return undefined;
    let url: string;
    try {
      url = new URL(src, document.baseURI).href;
    } catch {
      return Promise.resolve({ ok: false, error: { message: `The src "${src}" is not a valid URL.`, issues: [] } });
    }
    return loadDatasetFromUrl(url, options, onParsed, pause);
  }

  private setState(state: LoadState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  /** Loads the data again from the current source. */
  async load(): Promise<void> {
    const token = ++this.token;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const previous = this.loaded;
    const pending = this.loadFromSource(abort.signal);
    if (pending === undefined) {
      this.setState({ status: 'idle' });
      return;
    }
    this.setState({ status: 'loading', loaded: previous });
    // What does not come in the time a request may take is not waited for: words that come later
    // change the language then.
    const alsoWaited = within(this.alsoWaitFor(), this.timeoutMs() ?? DEFAULT_TIMEOUT_MS);
    let result: LoadResult;
    try {
      [result] = await Promise.all([pending, alsoWaited]);
    } catch (error) {
      if (abort.signal.aborted) return;
      const reason = error instanceof Error ? error.message : String(error);
      result = { ok: false, error: { message: `The data could not be loaded: ${reason}`, issues: [] } };
    }
    if (token !== this.token) return;
    // Validation and the first render with the data are separate tasks: each is short.
    await yieldToMain();
    if (token !== this.token) return;
    if (result.ok) {
      this.setState({ status: 'ready', loaded: result.value });
      this.onSuccess();
    } else {
      // A failed reload keeps the last good graph on screen, under the error.
      this.setState({ status: 'error', error: result.error, loaded: previous });
      this.onFailure(result.error);
    }
  }
}
