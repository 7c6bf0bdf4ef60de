/**
 * Has Cytoscape's canvas renderer draw a graph straight onto its canvas, without its texture
 * caches.
 *
 * The renderer normally draws each element (and each label) once into a cached texture, then
 * draws the textures into layers and the layers onto the screen. The first frame therefore
 * rasterises every texture and layer at once, with the code still cold, and makes the longest
 * task of the widget's start: here about 1 s at 1,000 actors and 2.3 s at 3,000, against 0.5 and
 * 0.8 s drawn directly. The caches pay off only where a graph is redrawn often and is very large.
 * They are internal to Cytoscape and have no option, so their lookups are replaced where they
 * exist; a Cytoscape without them is left as it is.
 *
 * Labels drawn directly are left out below their `min-zoomed-font-size` on screen (in device
 * pixels, as Cytoscape counts them), as the stylesheet asks. Cytoscape rounds the zoom up to the
 * next power of two for this test (the level of its textures), so labels as small as 4 px were
 * drawn: unreadable, and at 1,000 actors, where the first placement is shown at a zoom of about
 * 0.35, 1,000 of them in each of its first frames.
 */
import type { Core, EdgeSingular } from 'cytoscape';
import {
  type CanvasRenderer,
  canvasRendererOf,
  type ElementTextureCache,
  type RendererBox,
} from './canvas-renderer-internals.ts';
import { type CollectionInternals, type ElementInternals, type ElementPrivate, patchForCores } from './element-internals.ts';

/**
 * Turns off the texture caches of the canvas renderer of `cy`, and has it leave out the labels
 * too small to read. Call it right after creating the core, before its first frame. Returns
 * whether it did: it does nothing where the renderer or its caches are missing (a headless core,
 * another version of Cytoscape).
 */
export function drawDirectly(cy: Core): boolean {
  const renderer = canvasRendererOf(cy);
  const data = renderer?.data;
  const { eleTxrCache, lblTxrCache, slbTxrCache, tlbTxrCache } = data ?? {};
  if (renderer === undefined || data === undefined) return false;
  if (eleTxrCache === undefined || lblTxrCache === undefined || slbTxrCache === undefined || tlbTxrCache === undefined) {
    return false;
  }
  // With no texture ever made, there is none to drop when an element changes: before each frame,
  // the renderer worked out each changed element's texture keys for nothing (20 ms of the first
  // frame at 1,000 actors).
  const noTextures = () => undefined;
  if (data.lyrTxrCache !== undefined) data.lyrTxrCache.getLayers = () => null;
  for (const cache of [eleTxrCache, lblTxrCache, slbTxrCache, tlbTxrCache]) {
    cache.getElement = () => null;
    cache.invalidateElements = noTextures;
  }
  stopDequeuing(renderer);
  readWholeBoxDirectly(cy);
  readBoxPartsDirectly(eleTxrCache, (parts) => parts.bodyBounds, false);
  readBoxPartsDirectly(lblTxrCache, (parts) => parts.labelBounds?.main, true);
  readBoxPartsDirectly(slbTxrCache, (parts) => parts.labelBounds?.source, true);
  readBoxPartsDirectly(tlbTxrCache, (parts) => parts.labelBounds?.target, true);
  const labelBigEnough = renderer.eleTextBiggerThanMin;
  if (labelBigEnough !== undefined) {
    renderer.eleTextBiggerThanMin = function (this: typeof renderer, element, scale) {
      if (labelsHeld.has(this)) return false;
      // The texture caches pass their level's scale; a label drawn directly is drawn at the zoom.
      return labelBigEnough.call(this, element, scale || cy.zoom() * (this.getPixelRatio?.() ?? 1));
    };
    directRenderers.add(renderer);
  }
  measureTiesOnlyWhenDrawn(renderer);
  findOnlyTiesDrawn(renderer);
  return true;
}

/**
 * Has the hit test of a renderer whose ties are held find actors only: its ties are not drawn,
 * and while it does not work them out, they would be found where they stood before.
 */
function findOnlyTiesDrawn(renderer: CanvasRenderer<unknown>): void {
  const findNearest = renderer.findNearestElements;
  if (findNearest === undefined) return;
  renderer.findNearestElements = function (this: typeof renderer, x, y, interactiveOnly, isTouch) {
    const found = findNearest.call(this, x, y, interactiveOnly, isTouch);
    if (!tiesAreHeld(this) || !Array.isArray(found)) return found;
    return found.filter((element) => (element as Partial<ElementInternals>)._private?.group !== 'edges');
  };
}

/** The renderer working out, before a frame, where the elements changed since the last one go. */
let measuringForFrame: unknown;
/** For each renderer, the ties its frames left unmeasured while its ties were held. */
const unmeasuredTies = new WeakMap<object, Set<unknown>>();

/**
 * Has the frames of a renderer whose ties are held (see {@link leaveTiesOut}) work out where its
 * moved actors go, but not its ties: the frames do not draw them. Before each frame of the glide
 * to the refined layout, Cytoscape worked out the ends and curve of every tie of every moving
 * actor, which was half the script of each of its frames at 300 actors. The ties left out are
 * worked out once, when they are drawn again. Work out of frames (a box asked for) is left as it
 * was.
 */
function measureTiesOnlyWhenDrawn(renderer: CanvasRenderer<unknown>): void {
  const recalculate = renderer.recalculateRenderedStyle;
  const priority = renderer.beforeRenderPriorities?.eleCalcs;
  const work = renderer.beforeRenderCallbacks?.find((callback) => callback.priority === priority);
  if (recalculate === undefined || work === undefined) return;
  const measure = work.fn;
  work.fn = (willDraw, now) => {
    measuringForFrame = renderer;
    try {
      measure(willDraw, now);
    } finally {
      measuringForFrame = undefined;
    }
  };
  renderer.recalculateRenderedStyle = function (this: typeof renderer, elements, useCache) {
    if (measuringForFrame !== this || !tiesAreHeld(this)) return recalculate.call(this, elements, useCache);
    const actors: unknown[] = [];
    const ties = unmeasuredTies.get(this) ?? new Set();
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i];
      const parts = (element as Partial<ElementInternals>)._private;
      if (parts?.group !== 'edges') actors.push(element);
      // A tie measured already and not moved since (as after `measureInSlices`) is not redone.
      else if (parts.rstyle?.clean !== true) ties.add(element);
    }
    if (ties.size > 0) unmeasuredTies.set(this, ties);
    return recalculate.call(this, actors, useCache);
  };
}

/**
 * Lets go of one hold on the ties of `cy`; once none is left, its frames draw them again, and the
 * ties its frames left unmeasured meanwhile are worked out before the next one (or before a box
 * asks for them).
 */
function drawTiesAgain(cy: Core, renderer: CanvasRenderer<unknown>): void {
  const holds = (tiesHeld.get(renderer) ?? 1) - 1;
  if (holds > 0) {
    tiesHeld.set(renderer, holds);
    return;
  }
  tiesHeld.delete(renderer);
  const ties = unmeasuredTies.get(renderer);
  unmeasuredTies.delete(renderer);
  if (cy.destroyed()) return;
  // A tie's 'bounds' event has the renderer queue it for working out before its next frame.
  for (const tie of ties ?? []) {
    const edge = tie as EdgeSingular;
    if (edge.inside()) edge.emit('bounds');
  }
  cy.forceRender();
}

/**
 * Drops the caches' work before each frame: making the textures of queued elements, a few per
 * frame. Before a frame that draws nothing, that work also measured every element changed since
 * the last frame, and with the caches off it did nothing else: while a large graph went in, a
 * chunk per frame, each chunk was styled and measured in the next animation frame, in tasks of
 * 46 to 100 ms at 1,000 actors, rather than a slice per task before the first frame.
 */
function stopDequeuing(renderer: CanvasRenderer<unknown>): void {
  const callbacks = renderer.beforeRenderCallbacks;
  const priorities = renderer.beforeRenderPriorities;
  if (callbacks === undefined || priorities === undefined) return;
  const dequeuing = new Set([priorities.eleTxrDeq, priorities.lyrTxrDeq]);
  for (let i = callbacks.length - 1; i >= 0; i--) {
    if (dequeuing.has(callbacks[i]?.priority)) callbacks.splice(i, 1);
  }
}

/** The renderers whose next frame leaves every label out (see {@link drawFirstFrameInSteps}). */
const labelsHeld = new WeakSet<object>();
/**
 * The renderers whose frames leave every tie out, with how many holds are on them: the first
 * frames drawn in steps and a glide that begins before them end apart (see
 * {@link drawFirstFrameInSteps} and {@link leaveTiesOut}).
 */
const tiesHeld = new WeakMap<object, number>();

/** Puts one more hold on the ties of `renderer`. */
function holdTies(renderer: object): void {
  tiesHeld.set(renderer, (tiesHeld.get(renderer) ?? 0) + 1);
}

/** Whether the frames of `renderer` leave its ties out. */
function tiesAreHeld(renderer: object): boolean {
  return tiesHeld.has(renderer);
}
/** The renderers that {@link drawDirectly} has made draw directly, and may leave labels out. */
const directRenderers = new WeakSet<object>();

/**
 * Has the next frame of `cy`, a core drawn directly, draw only its actors, the frame after it add
 * the ties, and the third the labels. The first frame of a graph runs Cytoscape's drawing code
 * cold, for actors, ties and labels (shaped text, line by line) alike. At 300 actors the draft's
 * first frame took 130 to 230 ms here, and 76 to 123 ms without its labels; at 1,000 actors,
 * with the labels left out too, the longest task of the start (that frame) was 112 ms against 84
 * with the ties left out as well (medians of 10 pages each). Meant for a graph laid out from a
 * draft (its first frame shows the draft, or the refined layout if it is back already), whose
 * first placement the reader sees only briefly anyway; call it just before the batch that holds
 * the first frame ends. A drag begun in those frames shows the same in them. An export as PNG
 * meanwhile is whole: Cytoscape draws it element by element, each with its label, by another
 * path. Does nothing for a core not drawn directly.
 */
export function drawFirstFrameInSteps(cy: Core): void {
  const renderer = canvasRendererOf(cy);
  if (renderer === undefined || !directRenderers.has(renderer)) return;
  labelsHeld.add(renderer);
  holdTies(renderer);
  cy.one('render', () => {
    drawTiesAgain(cy, renderer);
    cy.one('render', () => {
      labelsHeld.delete(renderer);
      cy.forceRender();
    });
  });
}

/**
 * Has the frames of `cy`, a core drawn directly, leave every tie out until the function returned
 * is called, which draws them again. Meant for the glide to the refined layout, whose frames move
 * every actor: at 300 actors each of them took 50 to 80 ms here with the ties, which made them
 * the longest tasks of the graph's start, and 25 to 55 without (12 frames in the glide's 300 ms
 * instead of 8; 8 pages each). Nor are the ties worked out as the actors move (see
 * `measureTiesOnlyWhenDrawn`), nor found under the pointer. Does nothing for a core not drawn
 * directly.
 */
export function leaveTiesOut(cy: Core): () => void {
  const renderer = canvasRendererOf(cy);
  if (renderer === undefined || !directRenderers.has(renderer)) return () => undefined;
  holdTies(renderer);
  let held = true;
  return () => {
    if (held) drawTiesAgain(cy, renderer);
    held = false;
  };
}

/** The box of a part that is not there: drawn, it is skipped, as Cytoscape skips it. */
const NO_BOX: RendererBox = Object.freeze({ x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity, w: 0, h: 0 });

/**
 * Has `cache` read its part of an element's box as Cytoscape keeps it, rather than through
 * `boundingBox()`. A frame asks each cache in turn right after it has looked up the element's
 * whole box itself, which measures the element again if it moved or changed; each cache's lookup
 * then checked again whether the element had moved, hashing its position (or its ends'): two more
 * lookups per actor and four per tie in every frame, for nothing. The parts are read as they are
 * only where that whole box is kept and the element has no restyle pending, which is so after the
 * frame's own lookup; otherwise the cache looks the box up as before. `optional` parts (labels)
 * may be missing: then there is nothing to draw.
 */
function readBoxPartsDirectly<Element>(
  cache: ElementTextureCache<Element>,
  partOf: (parts: ElementPrivate) => RendererBox | null | undefined,
  optional: boolean,
): void {
  const lookUp = cache.getBoundingBox.bind(cache);
  cache.getBoundingBox = (element) => {
    const parts = (element as unknown as Partial<ElementInternals>[])[0]?._private;
    if (parts === undefined || !boxIsKept(parts)) return lookUp(element);
    return partOf(parts) ?? (optional ? NO_BOX : lookUp(element));
  };
}

/** Whether Cytoscape keeps the element's box, with no restyle pending that would change it. */
function boxIsKept(parts: ElementPrivate): boolean {
  return parts.bbCache != null && parts.styleDirty !== true;
}

/** The element a core drawn directly is drawing right now, if any. */
let elementDrawn: unknown;

/** The whole box of the element being drawn, asked for with no options, is taken as kept where it is good. */
const readKeptWholeBoxes = patchForCores<'boundingBox'>((prototype) => {
  const boundingBox = prototype.boundingBox;
  prototype.boundingBox = function (this: CollectionInternals, ...args: unknown[]) {
    if (this === elementDrawn && args.length === 0) {
      const kept = keptWholeBox(this as unknown as Partial<ElementInternals>[]);
      if (kept !== undefined) return kept;
    }
    return boundingBox.apply(this, args);
  };
});

/**
 * Has a frame read the whole box of each element it draws as Cytoscape keeps it, where that box
 * is still good. Cytoscape's `boundingBox()` allocates a function, works out a key of its options
 * and hashes the element's position (or its ends') on every call: at 1,000 actors, 16 of the
 * 62 ms of the frame that answers a click. While a core drawn directly draws an element, its
 * lookup of that element's whole box returns the kept box when no restyle is pending and the
 * position key that Cytoscape stored with it equals the one worked out here from the same
 * positions; anything else (a moved element, a key this does not reproduce) is looked up as
 * before. The prototype is shared by every core, so other cores, and other calls, are left as
 * they were.
 */
function readWholeBoxDirectly(cy: Core): void {
  const renderer = canvasRendererOf<unknown>(cy);
  const draw = renderer?.drawCachedElement;
  if (renderer === undefined || draw === undefined) return;
  renderer.drawCachedElement = function (this: typeof renderer, context, element, ...rest) {
    if (tiesAreHeld(this) && (element as Partial<ElementInternals>)._private?.group === 'edges') return;
    const outer = elementDrawn;
    elementDrawn = element;
    try {
      draw.call(this, context, element, ...rest);
    } finally {
      elementDrawn = outer;
    }
  };
  readKeptWholeBoxes(cy);
}

/** The whole box Cytoscape keeps for `element`, if it would return it as it is. */
export function keptWholeBox(element: Partial<ElementInternals>[]): RendererBox | undefined {
  const parts = element[0]?._private;
  if (parts === undefined || !boxIsKept(parts)) return undefined;
  const key = positionKeyOf(parts);
  return key !== undefined && key === parts.bbCachePosKey ? (parts.bbCache ?? undefined) : undefined;
}

/**
 * The key Cytoscape (3.35) stores with an element's box: the rounded coordinates of the node, or
 * of the tie's two ends, hashed as its `hashIntsArray` hashes them. `undefined` where a position
 * is missing.
 */
export function positionKeyOf(parts: ElementPrivate): number | undefined {
  const points = parts.group === 'edges' ? [parts.source?._private.position, parts.target?._private.position] : [parts.position];
  let hash = 9261;
  for (const point of points) {
    if (point === undefined) return undefined;
    hash = (hash * 65599 + Math.round(point.x)) | 0;
    hash = (hash * 65599 + Math.round(point.y)) | 0;
  }
  return hash;
}
