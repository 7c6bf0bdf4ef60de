/**
 * Has Cytoscape's canvas renderer make every element texture of its first frame before it draws
 * any of them.
 *
 * The renderer keeps element and label textures side by side in shared canvases (atlases). Left
 * to itself, it makes one texture, draws it on screen, makes the next in the same atlas, draws
 * it, and so on. Each drawing from an atlas takes a snapshot of it, and the next write to the
 * atlas then copies the whole atlas: with thousands of new textures in one frame, as in the first
 * frame of a large graph, the copies are most of the frame (here 5,000 textures took 3.1 to 3.6 s
 * made and drawn in turn, against 0.25 to 0.3 s made first and drawn after). Making them all
 * first, then drawing, leaves one snapshot per atlas. Better still, the widget makes them ahead,
 * a slice per task, before the first frame, which then only draws them.
 *
 * Only frames drawn element by element are changed. A graph small enough on screen for Cytoscape
 * to draw it in layers (up to 4,000 × 4,000 pixels at its level of detail) has its layers drawn
 * from the textures made ahead.
 */
import type { Core } from 'cytoscape';
import { yieldToMain } from '../shared/yield-to-main.ts';
import { canvasRendererOf, type ElementTextureCache, type RendererBox } from './canvas-renderer-internals.ts';
import type { ElementInternals } from './element-internals.ts';

/** What the renderer reads of an element (internal to Cytoscape). */
interface RenderedElement {
  boundingBox(): RendererBox;
  visible(): boolean;
  isEdge(): boolean;
  element(): ElementInternals;
}

function overlaps(a: RendererBox, b: RendererBox): boolean {
  return a.x1 <= b.x2 && b.x1 <= a.x2 && a.y1 <= b.y2 && b.y1 <= a.y2;
}

/** What {@link makeTexturesFirst} hands back. */
export interface TexturesAhead {
  /**
   * Makes the textures of every element in view now, a slice per task, so that the first frame
   * only draws them. Call it once the view is set, before the first frame; it stops early once
   * `stillWanted` says no.
   */
  makeAhead(stillWanted: () => boolean): Promise<void>;
}

/** How long one slice of texture making may take, in milliseconds. */
const SLICE_MS = 40;

/**
 * Makes the canvas renderer of `cy` make its first frame's textures before it draws them. Call
 * it right after creating the core; it does nothing where the renderer or its caches are missing
 * (a headless core, the WebGL renderer, another version of Cytoscape).
 */
export function makeTexturesFirst(cy: Core): TexturesAhead {
  const renderer = canvasRendererOf<RenderedElement>(cy);
  const data = renderer?.data;
  const drawOriginal = renderer?.drawCachedElements;
  const none: TexturesAhead = { makeAhead: async () => undefined };
  if (renderer === undefined || data === undefined || drawOriginal === undefined) return none;
  const { eleTxrCache, lblTxrCache, slbTxrCache, tlbTxrCache } = data;
  if (eleTxrCache === undefined || lblTxrCache === undefined) return none;
  const make = (cache: ElementTextureCache<RenderedElement> | undefined, element: RenderedElement, pixelRatio: number) => {
    if (cache === undefined) return;
    const box = cache.getBoundingBox(element);
    // The same arguments as the drawing below, so that it finds what was made here.
    if (box.w !== 0 && box.h !== 0) cache.getElement(element, box, pixelRatio, undefined, null);
  };
  /** Makes the textures of `element`, where it is drawn at all. */
  const makeAll = (element: RenderedElement, pixelRatio: number, extent: RendererBox | undefined): void => {
    const box = element.boundingBox();
    if (box.w === 0 || box.h === 0 || !element.visible() || (extent !== undefined && !overlaps(box, extent))) return;
    const edge = element.isEdge();
    const badLine = element.element()._private.rscratch.badLine === true;
    make(eleTxrCache, element, pixelRatio);
    if (!edge || !badLine) make(lblTxrCache, element, pixelRatio);
    if (edge && !badLine) {
      make(slbTxrCache, element, pixelRatio);
      make(tlbTxrCache, element, pixelRatio);
    }
  };
  let firstFrame = true;
  renderer.drawCachedElements = function drawCachedElements(context, elements, pixelRatio, extent) {
    // Later frames make few textures (those of restyled elements; a new zoom level is first drawn
    // from the textures there are, scaled): looking every element up twice would cost more than
    // the copies it saves. A frame with nothing in it (before the graph is in, or while the
    // widget has no size) does not count as the first.
    if (firstFrame && elements.length > 0 && (extent === undefined || (extent.w > 0 && extent.h > 0))) {
      firstFrame = false;
      for (const element of elements) makeAll(element, pixelRatio, extent);
    }
    drawOriginal.call(this, context, elements, pixelRatio, extent);
  };
  return {
    async makeAhead(stillWanted) {
      // Nothing is in view yet: the first frame with a size makes the textures instead.
      if (cy.width() === 0 || cy.height() === 0) return;
      const pixelRatio = renderer.getPixelRatio?.() ?? 1;
      const extent = cy.extent() as RendererBox;
      const elements = cy.elements().toArray() as unknown as RenderedElement[];
      let sliceStart = performance.now();
      for (const element of elements) {
        makeAll(element, pixelRatio, extent);
        if (performance.now() - sliceStart < SLICE_MS) continue;
        await yieldToMain();
        if (!stillWanted()) return;
        sliceStart = performance.now();
      }
      // All made: the first frame need not look them all up again.
      firstFrame = false;
    },
  };
}
