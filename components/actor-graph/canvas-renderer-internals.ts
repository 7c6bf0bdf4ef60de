/**
 * The parts of Cytoscape's canvas renderer that the widget reaches into, declared once. They are
 * internal to Cytoscape (3.35) and untyped there; each is optional, and whoever uses one does
 * nothing where it is missing (a headless core, another version of Cytoscape).
 */
import type { Core } from 'cytoscape';

/** An element's box as the renderer keeps it. */
export interface RendererBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}

/**
 * One of the renderer's texture caches: of elements, of their labels, of ties' source and target
 * labels. `getElement` makes (or finds) the element's texture; `null` means "draw it directly".
 */
export interface ElementTextureCache<Element = never> {
  getBoundingBox(element: Element): RendererBox;
  getElement(element: Element, box: RendererBox, pixelRatio: number, level: undefined, reason: null): unknown;
  /** Drops the textures of changed elements; called before every frame with the elements queued. */
  invalidateElements(elements: Element[]): void;
}

/** The renderer's cache of whole layers: `null` from `getLayers` means "draw each element". */
export interface LayeredTextureCache {
  getLayers(...args: unknown[]): unknown;
}

/** The canvas renderer of a core, as far as the widget uses it. */
export interface CanvasRenderer<Element = never> {
  data?: {
    eleTxrCache?: ElementTextureCache<Element>;
    lblTxrCache?: ElementTextureCache<Element>;
    slbTxrCache?: ElementTextureCache<Element>;
    tlbTxrCache?: ElementTextureCache<Element>;
    lyrTxrCache?: LayeredTextureCache;
    /** The 2D contexts of the stacked canvas layers, indexed as `NODE` and its siblings say. */
    contexts?: unknown[];
    /** The stacked canvas layers, and the renderer's own buffers (textures, motion blur). */
    canvases?: HTMLCanvasElement[];
    /** Whether each layer is to be drawn again at the next frame. */
    canvasNeedsRedraw?: boolean[];
    bufferCanvases?: HTMLCanvasElement[];
  };
  /** The index of the graph's own layer (the others: dragged elements, the selection box). */
  NODE?: number;
  drawCachedElements?(context: unknown, elements: Element[], pixelRatio: number, extent?: RendererBox): void;
  /** Draws one element (body, labels, underlay and overlay), unless it lies outside `extent`. */
  drawCachedElement?(context: unknown, element: Element, ...rest: unknown[]): void;
  getPixelRatio?(): number;
  getLabelText?(element: Element, prefix?: string): string;
  /**
   * Whether an element's label is at least its `min-zoomed-font-size` on screen, at `scale`
   * (device pixels per model unit); without it, at the zoom rounded up to a power of two.
   */
  eleTextBiggerThanMin?(element: Element, scale?: number): boolean;
  /** Draws one arrowhead of a tie (`prefix`: `source`, `mid-source`, `mid-target` or `target`). */
  drawArrowhead?(context: unknown, edge: unknown, prefix: string, ...rest: unknown[]): void;
  /**
   * Works out where the changed `elements` are drawn (an actor's label, a tie's ends and curve),
   * for those not already worked out when `useCache` is on (the default). Before each frame it is
   * called with the elements changed since the last one, and the ties of the actors among them.
   */
  recalculateRenderedStyle?(elements: ArrayLike<Element>, useCache?: boolean): void;
  /** Draws one frame. */
  render?(...args: unknown[]): unknown;
  /** Hears of a change to the graph (`bounds`, `zorder`, `style`, …) and asks for a frame. */
  notify?(eventName: string, elements?: unknown): unknown;
  /** Whether a frame is to be drawn at the next animation frame. */
  requestedFrame?: boolean;
  /**
   * The touch going on: `capture` while the renderer follows it (a tap or a drag to come), the
   * element it started on, `cxt` while two fingers are taken for a context tap, and
   * `singleTouchMoved` once one finger has moved (its end is then no tap).
   */
  touchData?: { capture?: boolean; start?: { unactivate(): void } | null; cxt?: boolean; singleTouchMoved?: boolean };
  /** Forgets the container's box as last read, so that the next sizing reads it again. */
  invalidateContainerClientCoordsCache?(): void;
  /**
   * The container's box, `[left, top, width, height, scale]`, as last read (read again once
   * forgotten); the renderer keeps this very array and compares the pointer's place with it.
   */
  findContainerClientCoords?(): number[];
  /** The pixel ratio the canvases are drawn at instead of the screen's, or `null` for the screen's. */
  forcedPixelRatio?: number | null;
  /** Watches the container's attributes and redraws everything 100 ms after any change. */
  styleObserver?: MutationObserver;
  /** Sizes the canvases to `container` (the core's), unless they have its size already. */
  matchCanvasSize?(container: HTMLElement): void;
  /** The element the canvases are in: the core's container. */
  container?: HTMLElement;
  /** The size of the canvases in device pixels, as last matched to the container. */
  canvasWidth?: number;
  canvasHeight?: number;
  /** Adds work to do before each frame; higher priorities run first. */
  beforeRender?(work: (willDraw: boolean, now: number) => void, priority: number): void;
  /** The work done before each frame (whether or not it draws), as `beforeRender` added it. */
  beforeRenderCallbacks?: { fn: (willDraw: boolean, now: number) => void; priority: number }[];
  /** The priorities of the renderer's own work before each frame, by name (`eleTxrDeq`, …). */
  beforeRenderPriorities?: Record<string, number>;
  /** The elements under the point (`x`, `y`) in model coordinates: at most a node and a tie. */
  findNearestElements?(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): unknown;
  /** The elements in drawing order, with the interactive ones under `interactive`. */
  getCachedZSortedEles?(...args: unknown[]): Element[] & { interactive: Element[] };
}

/** The renderer of `cy`, typed as the widget uses it; `undefined` for a headless core. */
export function canvasRendererOf<Element = never>(cy: Core): CanvasRenderer<Element> | undefined {
  return (cy as unknown as { renderer(): CanvasRenderer<Element> | undefined }).renderer();
}
