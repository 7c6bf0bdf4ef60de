/**
 * The layout worker: runs the layout ({@link startLayout}) off the main thread, so that laying out
 * a large graph never freezes the page. It is built as its own file (`actor-graph.layout-worker.js`)
 * and loaded from the same origin as the widget, never from a blob, so strict CSPs allow it.
 *
 * A job that asks for a draft gets two answers: the draft placement (fcose's first stage), then
 * the refined layout. Between the two the worker reads its messages, so a job cancelled meanwhile
 * is not refined (the first stage of another job may run there too).
 */
import { type LayoutInStages, startLayout } from '../../src/layout/compute.ts';
import type { LayoutRequest } from '../../src/layout/request.ts';
import type { LayoutAnswer, LayoutMessage } from './layout-messages.ts';

/** The jobs between their two stages, by id: a cancel finds them here. */
const between = new Map<number, LayoutInStages>();

function answer(message: LayoutAnswer): void {
  self.postMessage(message);
}

function failure(id: number, error: unknown): LayoutAnswer {
  return { id, error: error instanceof Error ? error.message : String(error) };
}

function layOut(id: number, request: LayoutRequest, withDraft: boolean): void {
  let stages: LayoutInStages;
  try {
    stages = startLayout(request, withDraft);
  } catch (error) {
    answer(failure(id, error));
    return;
  }
  const finish = () => {
    try {
      answer({ id, positions: stages.finish() });
    } catch (error) {
      answer(failure(id, error));
    }
  };
  if (!withDraft || stages.draft === undefined) {
    finish();
    return;
  }
  try {
    answer({ id, draft: stages.draft });
  } catch (error) {
    answer(failure(id, error));
    return;
  }
  between.set(id, stages);
  // A task of its own: messages sent while the first stage ran (a cancel) are read first.
  setTimeout(() => {
    if (between.delete(id)) finish();
  });
}

/** Drops a job between its stages; a job already refined or not yet begun is left alone. */
function cancel(id: number): void {
  if (!between.delete(id)) return;
  answer({ id, error: 'cancelled' });
}

self.addEventListener('message', (event: MessageEvent<LayoutMessage>) => {
  const message = event.data;
  if ('cancel' in message) cancel(message.cancel);
  else layOut(message.id, message.request, message.withDraft === true);
});
