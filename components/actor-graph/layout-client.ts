/**
 * Chooses where a layout runs: in the layout worker, started while the data is still loading so
 * that its start-up costs nothing. Even a 25-actor layout blocks the main thread for 150 to 250 ms
 * the first time (the code is still cold), more than a page can spare. If the worker cannot start
 * (a CSP without `worker-src 'self'`, say), the main thread does the work, and the graph still
 * appears.
 */
import { type LayoutRequest, layoutStepsOf, type PositionList } from '../../src/layout/request.ts';
import type { LayoutAnswer, LayoutMessage } from './layout-messages.ts';
import { workerScriptUrl } from './trusted-script-url.ts';

/** The worker is let go after this long without work. */
const IDLE_MS = 20_000;

/** Where the built worker sits: beside the bundle. In development, the TypeScript source. */
const WORKER_FILE = import.meta.env.DEV ? './layout-worker.ts' : './actor-graph.layout-worker.js';

/** The worker, once asked for: `null` when it cannot run on this page. */
let worker: Promise<Worker | null> | undefined;
let running: Worker | undefined;
let nextId = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** The jobs the worker has not finished, by id. */
const pending = new Map<
  number,
  { resolve(positions: PositionList): void; reject(error: Error): void; draft?(positions: PositionList): void }
>();

function failAll(reason: string): void {
  for (const { reject } of pending.values()) reject(new Error(reason));
  pending.clear();
  running?.terminate();
  running = undefined;
  // A worker that failed once is not tried again on this page.
  worker = Promise.resolve(null);
}

async function createWorker(): Promise<Worker | null> {
  try {
    const url = await workerScriptUrl(new URL(WORKER_FILE, import.meta.url));
    if (url === null) return null;
    const started = new Worker(url, { type: 'module', name: 'actor-graph-layout' });
    started.addEventListener('message', (event: MessageEvent<LayoutAnswer>) => {
      const answer = event.data;
      const job = pending.get(answer.id);
      if (job === undefined) return;
      if ('draft' in answer) {
        job.draft?.(answer.draft);
        return;
      }
      pending.delete(answer.id);
      if ('positions' in answer) {
        // A job's draft comes first; were it ever missing, its layout would serve as one.
        job.draft?.(answer.positions);
        job.resolve(answer.positions);
      } else job.reject(new Error(answer.error));
      scheduleIdle();
    });
    started.addEventListener('error', (event) => {
      event.preventDefault();
      failAll('the layout worker could not run');
    });
    running = started;
    return started;
  } catch {
    return null;
  }
}

function startWorker(): Promise<Worker | null> {
  worker ??= createWorker();
  return worker;
}

function scheduleIdle(): void {
  clearTimeout(idleTimer);
  if (pending.size > 0) return;
  idleTimer = setTimeout(() => {
    if (pending.size > 0 || running === undefined) return;
    running.terminate();
    running = undefined;
    worker = undefined;
  }, IDLE_MS);
}

/** Lays a graph out in the worker; rejects if the worker cannot run. */
export async function layOutInWorker(request: LayoutRequest): Promise<PositionList> {
  const started = await startWorker();
  if (started === null) throw new Error('no layout worker');
  clearTimeout(idleTimer);
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    started.postMessage({ id, request } satisfies LayoutMessage);
  });
}

/** A layout asked of the worker, in one or two steps (see `layoutStepsOf`). */
export interface LayoutJob {
  /** What was asked for. */
  readonly request: LayoutRequest;
  /** The first placement: the draft of a graph refined after, or else its layout. */
  readonly first: Promise<PositionList>;
  /** The refined layout of a graph placed first from a draft; `undefined` for the others. */
  readonly refined: Promise<PositionList> | undefined;
  /** Whether everyone let go of the job: its refinement is then dropped, or left unused. */
  readonly dropped: boolean;
  /**
   * Holds the job for its refined layout, until the returned function lets go. Once all who held
   * it have let go (and nobody holds it again in the same task), the worker is asked not to refine
   * the layout if it has not begun to; `refined` then rejects.
   */
  hold(): () => void;
}

/**
 * Asks the worker for the layout of `request`. A graph that is placed first from a draft is laid
 * out in one job, whose draft (fcose's first stage) comes back as soon as it is computed, and its
 * refined layout after, without that stage computed twice. Both reject if the worker cannot run.
 */
export function layOutInWorkerInSteps(request: LayoutRequest): LayoutJob {
  if (layoutStepsOf(request).length === 1) {
    const first = layOutInWorker(request);
    return { request, first, refined: undefined, dropped: false, hold: () => () => undefined };
  }
  let cancelJob: () => void = () => undefined;
  let dropped = false;
  let holders = 0;
  let onDraft: (positions: PositionList) => void = () => undefined;
  const first = new Promise<PositionList>((resolve) => {
    onDraft = resolve;
  });
  const refined = startWorker().then((started) => {
    if (started === null) throw new Error('no layout worker');
    if (dropped) throw new Error('cancelled');
    clearTimeout(idleTimer);
    const id = ++nextId;
    cancelJob = () => {
      if (pending.has(id)) started.postMessage({ cancel: id } satisfies LayoutMessage);
    };
    return new Promise<PositionList>((resolve, reject) => {
      pending.set(id, { resolve, reject, draft: onDraft });
      started.postMessage({ id, request, withDraft: true } satisfies LayoutMessage);
    });
  });
  // A job that fails before its draft fails both.
  const firstOrFailure = Promise.race([first, refined.then(() => first)]);
  // Whoever asked may wait for the draft only, or for neither (an early layout never claimed).
  for (const answer of [firstOrFailure, refined]) answer.catch(() => undefined);
  return {
    request,
    first: firstOrFailure,
    refined,
    get dropped() {
      return dropped;
    },
    hold: () => {
      holders++;
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        holders--;
        // A widget moved in the page lets go and holds again at once: that drops nothing.
        setTimeout(() => {
          if (holders > 0 || dropped) return;
          dropped = true;
          cancelJob();
        });
      };
    },
  };
}

/**
 * Starts the worker ahead of its first job, while the data is fetched and validated. An unused
 * worker is let go after a while.
 */
export function prewarmLayoutWorker(): void {
  void startWorker().then((started) => {
    if (started !== null) scheduleIdle();
  });
}

/** Lays a graph out in the worker, or on the main thread when the worker cannot run. */
export async function layOut(request: LayoutRequest): Promise<PositionList> {
  try {
    return await layOutInWorker(request);
  } catch {
    // Only then is the layout code loaded into the page; the worker has its own copy.
    const { computeLayout } = await import('../../src/layout/compute.ts');
    return computeLayout(request);
  }
}
