/**
 * Shows where the graph goes on past the sides of its frame. A phone opens a graph zoomed to a
 * readable level around its best-connected actor rather than fitted (fitted, its labels would be
 * too small to draw), and a reader who zooms in sees part of the graph too: a shade along each side
 * past which actors lie tells them there is more to pan to.
 */
import type { Core, EventObject } from 'cytoscape';

/** The sides of the frame, each with its class on the frame while actors lie beyond it. */
export const OFFSCREEN_SIDES = ['left', 'right', 'top', 'bottom'] as const;
export type OffscreenSide = (typeof OFFSCREEN_SIDES)[number];

/** How far past a side, in screen pixels, an actor's centre must lie before that side is shaded. */
const PAST_SIDE_PX = 8;

/** How long after the last actor moved the box of all of them is worked out afresh, in ms. */
const SETTLED_MS = 200;

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The box of the actors' centres, in the graph's coordinates; `undefined` for a graph without actors. */
function centresBox(cy: Core): Box | undefined {
  let box: Box | undefined;
  for (const node of cy.nodes()) box = widened(box, node.position());
  return box;
}

function widened(box: Box | undefined, { x, y }: { x: number; y: number }): Box {
  if (box === undefined) return { x1: x, y1: y, x2: x, y2: y };
  return { x1: Math.min(box.x1, x), y1: Math.min(box.y1, y), x2: Math.max(box.x2, x), y2: Math.max(box.y2, y) };
}

/**
 * Keeps the classes `more-left`, `more-right`, `more-top` and `more-bottom` of `frame` in step
 * with what `cy` shows: each is on while the centre of some actor lies beyond that side. Checked
 * once per frame after the view or an actor changed. An actor that moves or comes in only widens
 * the actors' box; the box is worked out afresh once they have stopped moving, so that a drag or
 * a large graph going in does not go over every actor in every frame. Returns a function that
 * stops and takes the classes off.
 */
export function cueOffscreenGraph(cy: Core, frame: HTMLElement): () => void {
  /** `null` while it is to be worked out afresh. */
  let box: Box | undefined | null = null;
  const shown = new Set<OffscreenSide>();
  let frameRequest = 0;
  let lastMove = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;

  const update = () => {
    frameRequest = 0;
    if (cy.destroyed()) return;
    if (box === null) box = centresBox(cy);
    const zoom = cy.zoom();
    const pan = cy.pan();
    const [width, height] = [cy.width(), cy.height()];
    const seen = box !== undefined && width > 0 && height > 0 ? box : undefined;
    const past: Record<OffscreenSide, boolean> = {
      left: seen !== undefined && seen.x1 * zoom + pan.x < -PAST_SIDE_PX,
      right: seen !== undefined && seen.x2 * zoom + pan.x > width + PAST_SIDE_PX,
      top: seen !== undefined && seen.y1 * zoom + pan.y < -PAST_SIDE_PX,
      bottom: seen !== undefined && seen.y2 * zoom + pan.y > height + PAST_SIDE_PX,
    };
    for (const side of OFFSCREEN_SIDES) {
      if (past[side] === shown.has(side)) continue;
      if (past[side]) shown.add(side);
      else shown.delete(side);
      frame.classList.toggle(`more-${side}`, past[side]);
    }
  };
  const schedule = () => {
    if (frameRequest === 0) frameRequest = requestAnimationFrame(update);
  };
  const settle = () => {
    const waited = performance.now() - lastMove;
    if (waited < SETTLED_MS) {
      settleTimer = setTimeout(settle, SETTLED_MS - waited);
      return;
    }
    settleTimer = undefined;
    box = null;
    schedule();
  };
  const moved = (event: EventObject) => {
    const target = event.target as { isNode?(): boolean; position(): { x: number; y: number } };
    if (target.isNode?.() !== true) return;
    if (box !== null) box = widened(box, target.position());
    lastMove = performance.now();
    settleTimer ??= setTimeout(settle, SETTLED_MS);
    schedule();
  };
  const removed = () => {
    box = null;
    schedule();
  };
  cy.on('viewport resize', schedule);
  cy.on('position add', moved);
  cy.on('remove', removed);
  schedule();
  return () => {
    cancelAnimationFrame(frameRequest);
    clearTimeout(settleTimer);
    cy.off('viewport resize', schedule);
    cy.off('position add', moved);
    cy.off('remove', removed);
    for (const side of OFFSCREEN_SIDES) frame.classList.remove(`more-${side}`);
  };
}
