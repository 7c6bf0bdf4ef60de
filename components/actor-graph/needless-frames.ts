/**
 * Keeps Cytoscape's canvas renderer from drawing frames that show nothing new.
 *
 * Cytoscape measures lazily. When an element changes (it is added, moved or restyled), the frame
 * that follows applies its style, works out its box and draws it. Each of these steps drops the
 * element's cached box and announces that with a "bounds" event (a restyle can also announce a new
 * stacking order), and each announcement asks for one more frame. That frame then measured and
 * drew the unchanged graph a second time: after a click on the seed dataset, 10 of about 75 ms.
 *
 * On the widget's cores, while a frame is being prepared and drawn:
 * - a box or stacking order announced does not ask for another frame: the frame under way applies
 *   and measures everything queued before it draws, and draws after that;
 * - a box that Cytoscape drops again, already dropped, while `boundingBox()` works it out anew
 *   (and applies the element's style on the way) is not announced at all: its change was
 *   announced when it was first dropped, and the element has been measured since. Announced, it
 *   would be queued to be measured once more before the next frame. A box dropped anywhere else
 *   (a move, a restyle applied before the frame measures, an animation's step during the frame)
 *   is announced as before.
 * Everything else (animations, moves, restyles made between frames) asks for frames as before.
 *
 * A resize that leaves the canvas its size (the first report of every size observer, the page
 * moving the graph without resizing it) no longer redraws the whole graph: at 1,000 actors, a
 * frame of about 170 ms right after the first.
 *
 * A core created with no elements does not draw the frame Cytoscape asks for as it starts: the
 * widget adds its graph afterwards, so that frame only cleared empty canvases, with the code still
 * cold (13 ms for the seed and 38 ms at 300 actors here). The first frame drawn is the one that
 * draws the graph.
 */
import type { Core } from 'cytoscape';
import { canvasRendererOf } from './canvas-renderer-internals.ts';
import { type CollectionInternals, patchForCores } from './element-internals.ts';

/** Above Cytoscape's own work before a frame (animations: 400), so that it runs first. */
const FRAME_START_PRIORITY = 1000;

/** The widget's core whose frame is being prepared or drawn right now, if any. */
let framing: Core | undefined;
/** How deep the calls of `boundingBox()` in progress go. */
let measuring = 0;
/** Set while an already dropped box is dropped again: its "bounds" event is not sent. */
let silent = false;

function boxesAlreadyDropped(elements: CollectionInternals): boolean {
  for (const element of elements) {
    if (element._private.bbCache !== null || element._private.bbCachePosKey !== null) return false;
  }
  return true;
}

/**
 * Has `boundingBox()` drop an already dropped box, on the widget's cores during a frame, without
 * announcing it.
 */
const patchCollections = patchForCores<'boundingBox' | 'dirtyBoundingBoxCache' | 'emitAndNotify'>((prototype) => {
  // Outside the frames of the widget's cores (`framing`), these methods do what they did.
  const boundingBox = prototype.boundingBox;
  const dropBoxes = prototype.dirtyBoundingBoxCache;
  const emitAndNotify = prototype.emitAndNotify;
  prototype.boundingBox = function (this: CollectionInternals, ...args: unknown[]) {
    measuring++;
    try {
      return boundingBox.apply(this, args);
    } finally {
      measuring--;
    }
  };
  prototype.dirtyBoundingBoxCache = function (this: CollectionInternals, ...args: unknown[]) {
    const redundant = measuring > 0 && framing !== undefined && !silent && this.cy() === framing;
    if (!redundant || !boxesAlreadyDropped(this)) return dropBoxes.apply(this, args);
    silent = true;
    try {
      return dropBoxes.apply(this, args);
    } finally {
      silent = false;
    }
  };
  prototype.emitAndNotify = function (this: CollectionInternals, ...args: unknown[]) {
    if (silent && args[0] === 'bounds') return this;
    return emitAndNotify.apply(this, args);
  };
});

/**
 * Makes the canvas renderer of `cy` draw a change in one frame instead of two, and skip the
 * redraw of a resize that changed nothing. Call it right after creating the core; it does nothing
 * where the renderer is missing (a headless core, another version of Cytoscape).
 */
export function skipNeedlessFrames(cy: Core): void {
  const renderer = canvasRendererOf(cy);
  const { render, notify, beforeRender } = renderer ?? {};
  if (renderer === undefined || render === undefined || notify === undefined || beforeRender === undefined) return;
  const frameEnded = () => {
    if (framing === cy) framing = undefined;
  };
  beforeRender.call(
    renderer,
    (willDraw) => {
      if (!willDraw) return;
      framing = cy;
      // Should the frame not be drawn (a callback before it threw), it still ends.
      queueMicrotask(frameEnded);
    },
    FRAME_START_PRIORITY,
  );
  // The frame's own handlers come first: what the page's handlers change after it is drawn asks
  // for frames as usual.
  cy.on('render', frameEnded);
  renderer.render = function (...args: unknown[]) {
    try {
      return render.apply(this, args);
    } finally {
      frameEnded();
    }
  };
  renderer.notify = function (eventName, elements) {
    const requested = renderer.requestedFrame;
    const [width, height] = [renderer.canvasWidth, renderer.canvasHeight];
    const result = notify.call(this, eventName, elements);
    const drawnByThisFrame = framing === cy && (eventName === 'bounds' || eventName === 'zorder');
    const sameSize = eventName === 'resize' && renderer.canvasWidth === width && renderer.canvasHeight === height;
    if (drawnByThisFrame || sameSize) renderer.requestedFrame = requested === true;
    return result;
  };
  patchCollections(cy);
  if (cy.elements().empty()) renderer.requestedFrame = false;
}
