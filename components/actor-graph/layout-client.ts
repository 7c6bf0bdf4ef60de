/**
 * Chooses where a layout runs: in the layout worker, started while the data is still loading so
 * that its start-up costs nothing. Even a 25-actor layout blocks the main thread for 150 to 250 ms
 * the first time (the code is still cold), more than a page can spare. If the worker cannot start
 * (a CSP without `worker-src 'self'`, say), the main thread does the work, and the graph still
 * appears.
 */
import type { LayoutRequest, PositionList } from '../../src/layout/request.ts';
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
const pending = new Map<number, { resolve(positions: PositionList): void; reject(error: Error): void }>();

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
    started.addEventListener('message', (event: MessageEvent<{ id: number; positions?: PositionList; error?: string }>) => {
      const job = pending.get(event.data.id);
      pending.delete(event.data.id);
      if (job === undefined) return;
      if (event.data.positions !== undefined) job.resolve(event.data.positions);
      else job.reject(new Error(event.data.error ?? 'the layout worker failed'));
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
    started.postMessage({ id, request });
  });
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
