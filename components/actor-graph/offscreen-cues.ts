/**
 * Shows where the graph goes on past the sides of its frame. A phone opens a graph zoomed to a
 * readable level around its best-connected actor rather than fitted (fitted, its labels would be
 * too small to draw), and a reader who zooms in sees part of the graph too: a shade along each side
 * past which actors lie tells them there is more to pan to.
 */
import type { Core } from 'cytoscape';

/** The sides of the frame, each with its class on the frame while actors lie beyond it. */
export const OFFSCREEN_SIDES = ['left', 'right', 'top', 'bottom'] as const;
export type OffscreenSide = (typeof OFFSCREEN_SIDES)[number];

/** How far past a side, in screen pixels, an actor's centre must lie before that side is shaded. */
const PAST_SIDE_PX = 8;

/** The box of the actors' centres, in the graph's coordinates; `undefined` for a graph without actors. */
function centresBox(cy: Core): { x1: number; y1: number; x2: number; y2: number } | undefined {
  const nodes = cy.nodes();
  if (nodes.empty()) return undefined;
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of nodes) {
    const { x, y } = node.position();
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
  }
  return { x1, y1, x2, y2 };
}

/**
 * Keeps the classes `more-left`, `more-right`, `more-top` and `more-bottom` of `frame` in step
 * with what `cy` shows: each is on while the centre of some actor lies beyond that side. Checked
 * after each frame Cytoscape draws; the actors' box is worked out again only after they moved.
 * Returns a function that stops and takes the classes off.
 */
export function cueOffscreenGraph(cy: Core, frame: HTMLElement): () => void {
  let box: ReturnType<typeof centresBox> | null = null;
  const shown = new Set<OffscreenSide>();
  const forget = () => {
    box = null;
  };
  const update = () => {
    if (box === null) box = centresBox(cy);
    const zoom = cy.zoom();
    const pan = cy.pan();
    const [width, height] = [cy.width(), cy.height()];
    const past: Record<OffscreenSide, boolean> =
      box === undefined || width === 0 || height === 0
        ? { left: false, right: false, top: false, bottom: false }
        : {
            left: box.x1 * zoom + pan.x < -PAST_SIDE_PX,
            right: box.x2 * zoom + pan.x > width + PAST_SIDE_PX,
            top: box.y1 * zoom + pan.y < -PAST_SIDE_PX,
            bottom: box.y2 * zoom + pan.y > height + PAST_SIDE_PX,
          };
    for (const side of OFFSCREEN_SIDES) {
      if (past[side] === shown.has(side)) continue;
      if (past[side]) shown.add(side);
      else shown.delete(side);
      frame.classList.toggle(`more-${side}`, past[side]);
    }
  };
  cy.on('position add remove', forget);
  cy.on('render', update);
  return () => {
    cy.off('position add remove', forget);
    cy.off('render', update);
    for (const side of OFFSCREEN_SIDES) frame.classList.remove(`more-${side}`);
  };
}
