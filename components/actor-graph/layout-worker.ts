/**
 * The layout worker: runs {@link computeLayout} off the main thread, so that laying out a large
 * graph never freezes the page. It is built as its own file (`actor-graph.layout-worker.js`) and
 * loaded from the same origin as the widget, never from a blob, so strict CSPs allow it.
 */
import { computeLayout } from '../../src/layout/compute.ts';
import type { LayoutRequest } from '../../src/layout/request.ts';

interface LayoutMessage {
  readonly id: number;
  readonly request: LayoutRequest;
}

self.addEventListener('message', (event: MessageEvent<LayoutMessage>) => {
  const { id, request } = event.data;
  computeLayout(request).then(
    (positions) => self.postMessage({ id, positions }),
    (error: unknown) => self.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
