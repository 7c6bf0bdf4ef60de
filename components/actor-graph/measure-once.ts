/**
 * Measures a graph before its first frame, once.
 *
 * Fitting the view needs every label's size and every tie's curve. Measured all at once, the
 * first time (with Cytoscape's code still cold), that takes over 100 ms even for a small graph, so
 * the elements are measured a slice at a time, between which the page can answer.
 *
 * Cytoscape then forgot that it had measured them. Measuring an element announces its new box,
 * and the announcement marks the element to be measured again; a node whose ties were not yet
 * queued for measuring marks them all too. So the fit measured every tie a second time and the
 * first frame a third time: at 1,000 actors, about 100 ms of the fit's task and 130 ms of the
 * first frame's. Once every element is measured where it stands, in its current style, the
 * renderer is told so: its next frame and the fit take the measurements as they are. Anything
 * that changes afterwards (a move, a restyle) is announced and measured again as usual.
 */
import type { Core } from 'cytoscape';
import { yieldToMain } from '../shared/yield-to-main.ts';
import type { ElementInternals } from './element-internals.ts';

/** What the measuring reads and marks of an element. */
interface MeasuredElement extends ElementInternals {
  /** The element's style as applied (internal to Cytoscape). */
  pstyle(name: 'display'): { value: string };
}

/** How many elements are measured (label sizes, edge curves) in the first step. */
const FIRST_MEASURE_STEP = 4;
/** The most elements measured in one step; the time is looked at between steps. */
const MEASURE_STEP = 64;
/** How long one task of measuring goes on before the page may answer, in milliseconds. */
const MEASURE_TASK_MS = 30;

/**
 * Measures the elements of `cy` in steps, nodes first, and lets the page answer once a task has
 * measured for `MEASURE_TASK_MS`: the steps start small and double, as the first elements of each
 * kind cost the most while the code for them is cold. Slices of a fixed size (up to 300
 * elements) made tasks of up to 150 to 220 ms at 300 actors on a slow moment of this machine, and
 * eight tasks for the seed's 96 elements, where three or four now do. Once all are measured,
 * where they stand and as they are styled, the renderer takes these measurements for its next
 * frame (see the module's comment). Stops early once `stillWanted` says no.
 */
export async function measureInSlices(cy: Core, stillWanted: () => boolean): Promise<void> {
  let taskStart = performance.now();
  for (const group of [cy.nodes(), cy.edges()]) {
    let step = FIRST_MEASURE_STEP;
    for (let i = 0; i < group.length; i += step, step = Math.min(step * 2, MEASURE_STEP)) {
      group.slice(i, i + step).boundingBox({});
      if (performance.now() - taskStart < MEASURE_TASK_MS) continue;
      await yieldToMain();
      if (!stillWanted()) return;
      taskStart = performance.now();
    }
  }
  // What follows (the fit, the first frame) starts a task of its own.
  await yieldToMain();
  if (!stillWanted()) return;
  markMeasured(cy.elements() as unknown as readonly MeasuredElement[]);
}

/**
 * Marks the renderer's measurements of `elements` as up to date, provided every one of them has
 * been measured since it last moved (a move drops the element's box and those of its ties) and
 * has its style applied. Otherwise nothing is marked, and Cytoscape measures again as it would
 * have. Elements not displayed are not measured by the renderer, and are left as they are.
 *
 * A node restyled to another size and measured again before the mark would pass this check with
 * its ties measured against its old size. The widget measures inside a batch, which holds every
 * restyle back until the batch ends, so that cannot happen there.
 */
function markMeasured(elements: readonly MeasuredElement[]): void {
  const shown: { rendered: NonNullable<ElementInternals['_private']['rstyle']>; isNode: boolean }[] = [];
  for (const element of elements) {
    const internals = element._private;
    if (internals.styleDirty === true) return;
    // A hidden element is not measured: it has no box, and no rendered style until it is shown.
    if (element.pstyle('display').value === 'none') continue;
    if (internals.bbCache == null || internals.rstyle === undefined) return;
    shown.push({ rendered: internals.rstyle, isNode: internals.group === 'nodes' });
  }
  for (const { rendered, isNode } of shown) {
    rendered.clean = true;
    // Its ties were measured after it, where it stands now.
    if (isNode) rendered.cleanConnected = true;
  }
}
