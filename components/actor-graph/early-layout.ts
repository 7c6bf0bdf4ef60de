/**
 * The layout of a graph, started as soon as its data is parsed: the worker places the graph
 * while the page still checks the data and loads the source texts, which takes as long as the
 * layout itself for a small graph. The drawing takes the answer only if it asks for the very same
 * layout; data that turns out different (or invalid) is laid out again, or not at all.
 */
import { type LayoutRequest, layoutRequestOf, sameLayoutRequest } from '../../src/layout/request.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { buildElements } from '../../src/render/elements.ts';
import { type LayoutJob, layOutInWorkerInSteps } from './layout-client.ts';

/** A layout asked of the worker before the data was validated. */
export type EarlyLayout = LayoutJob;

/** The latest early layout asked for on this page, while the worker computes it. */
let latest: EarlyLayout | undefined;

/**
 * Asks the worker for the layout of parsed, not yet validated, data drawn with `seed`,
 * `fontSize` and `lang`; `undefined` when the data is not shaped like a dataset. Never runs on the
 * main thread: where no worker can run, the drawing lays the graph out itself. The worker
 * computes one job at a time, and can drop only a refinement it has not begun, so the same layout
 * asked again while it is computed (the data loaded again, an element moved) is not asked twice.
 */
export function startEarlyLayout(
  value: unknown,
  seed: number,
  fontSize: number,
  lang: string | undefined,
): EarlyLayout | undefined {
  let request: LayoutRequest;
  try {
    request = layoutRequestOf(buildElements(value as Dataset, lang), seed, fontSize);
  } catch {
    // Data of another shape fails its validation soon; there is nothing to lay out.
    return undefined;
  }
  const asked = claimEarlyLayout(latest, request);
  if (asked !== undefined) return asked;
  const early = layOutInWorkerInSteps(request);
  latest = early;
  // Unclaimed, or claimed later: a failure is handled where it is claimed. Once answered, the
  // layout is held by the elements that asked for it only.
  (early.refined ?? early.first)
    .catch(() => undefined)
    .finally(() => {
      if (latest === early) latest = undefined;
    });
  return early;
}

/** `early`, when it asked for exactly `request` and is still wanted. */
export function claimEarlyLayout(early: EarlyLayout | undefined, request: LayoutRequest): LayoutJob | undefined {
  return early !== undefined && !early.dropped && sameLayoutRequest(early.request, request) ? early : undefined;
}
