/**
 * Owns the Cytoscape instance of one `<actor-graph>`: creates it in the element's shadow root,
 * lays it out, translates its events into selections, keeps its classes in step with the
 * widget's state, and destroys it (with its observers) when the element leaves the page.
 */
import type { Core, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import cytoscape from 'cytoscape';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LayoutRequest, PositionList } from '../../src/layout/request.ts';
import { layoutRequestOf, layoutStepsOf } from '../../src/layout/request.ts';
import type { Dataset } from '../../src/model/schema.ts';
import { buildElements, type ElementDefinition } from '../../src/render/elements.ts';
import { type FilterableTie, isTieShown, type TieFilter } from '../../src/render/filter.ts';
import { drawsWithWebGL, type RendererChoice } from '../../src/render/gpu.ts';
import { buildStylesheet, scaledLabels } from '../../src/render/stylesheet.ts';
import type { GraphTheme } from '../../src/render/theme.ts';
import { isDated } from '../../src/render/time.ts';
import { prefersReducedMotion } from '../shared/reduced-motion.ts';
import { afterNextFrame, yieldToMain } from '../shared/yield-to-main.ts';
import { hitActorsFirst } from './actors-first-hit.ts';
import { hideBlankLayers } from './blank-layers.ts';
import { canvasRendererOf } from './canvas-renderer-internals.ts';
import { coalesceStyleTriggers } from './coalesced-style-triggers.ts';
import { drawDirectly, drawFirstFrameInSteps, leaveTiesOut } from './direct-drawing.ts';
import { claimEarlyLayout, type EarlyLayout } from './early-layout.ts';
import type { ElementInternals } from './element-internals.ts';
import { hideArrowsWhenFar } from './far-arrows.ts';
import { makeGraphLayerBitmap, releaseLayerBitmaps } from './layer-bitmaps.ts';
import { layOut, layOutInWorkerInSteps } from './layout-client.ts';
import { measureInSlices } from './measure-once.ts';
import { hitTestNearbyOnly } from './nearby-hit-test.ts';
import { skipNeedlessFrames } from './needless-frames.ts';
import { cueOffscreenGraph } from './offscreen-cues.ts';
import { keepParallelTies } from './parallel-ties.ts';
import { activateQuietly } from './quiet-activation.ts';
import { type Selection, sameSelection } from './selection.ts';
import { makeTexturesFirst, type TexturesAhead } from './textures-first.ts';
import { shareTouchWithPage } from './touch-sharing.ts';
import { dropUnusedWebGLLayer, releaseWebGLContext, webglSupport, withoutWebGLNotice } from './webgl.ts';
import { cacheWrappedLabels } from './wrapped-label-cache.ts';

// Our copy of Cytoscape warns in the host page's console about states the widget passes through
// on purpose (nodes on top of each other in a draft layout); the host's console is not ours.
cytoscape.warnings(false);

/** Cytoscape adds a stylesheet to the page's head unless an element with this id exists. */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

/** What the controller tells its element. */
export interface GraphCallbacks {
  /** The reader clicked or tapped a node, an edge, or the background (`null`). */
  onTap(selection: Selection | null): void;
  /** Keyboard focus moved to another actor. */
  onFocusChange(actorId: string | null): void;
  /** The wheel turned over the graph while it was not active, so the page scrolled instead. */
  onPassiveWheel(): void;
  /** One finger swiped over the graph on a touch screen, so the page scrolled instead. */
  onPageSwipe(): void;
  /** The reader panned or zoomed. */
  onViewport(): void;
  /** The reader dragged an actor to `position`, in model coordinates. */
  onActorDragged(id: string, position: Position): void;
  /** The pointer came onto an actor or a tie, or left it (`null`). */
  onPointerOver(selection: Selection | null): void;
}

/** Where an actor stands, in model coordinates. */
export type Position = { readonly x: number; readonly y: number };

/** Where each actor stands, by id, in model coordinates. */
export type Positions = ReadonlyMap<string, Position>;

/** A view the reader moved to: its zoom, and the point of the graph (model coordinates) at its centre. */
export type ReaderView = { readonly zoom: number; readonly centre: Position };

/** The viewport of a core, as a value that compares equal for the same zoom and pan. */
const viewportKey = (cy: Core) => JSON.stringify([cy.zoom(), cy.pan()]);

/** The zoom of a core's view, and the point at its centre when the view is `width` by `height`. */
function viewOf(cy: Core, [width, height]: readonly [number, number]): ReaderView {
  const zoom = cy.zoom();
  const { x, y } = cy.pan();
  return { zoom, centre: { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom } };
}

/** Shows `view` in a core: its zoom, with its centre point at the middle of the core's size. */
function showView(cy: Core, { zoom, centre }: ReaderView): void {
  cy.viewport({ zoom, pan: { x: cy.width() / 2 - zoom * centre.x, y: cy.height() / 2 - zoom * centre.y } });
}

export interface GraphOptions {
  readonly dataset: Dataset;
  readonly seed: number;
  readonly theme: GraphTheme;
  readonly lang?: string | undefined;
  /** Positions from an earlier layout of the same data and seed; the layout is skipped when given. */
  readonly positions?: Positions | undefined;
  /** The filter to draw with from the start: set before anything is measured, it costs nothing. */
  readonly filter?: TieFilter | undefined;
  /** Called once the graph is first placed (before a large graph's layout is refined). */
  readonly onPlaced?: (() => void) | undefined;
  /** A first layout asked for before the data was validated: used when it is the one needed. */
  readonly early?: EarlyLayout | undefined;
  /** Which renderer draws the graph (see `drawsWithWebGL`); `auto` when left out. */
  readonly renderer?: RendererChoice | undefined;
  /**
   * The size on screen (px) that actors' names should have at least once a small graph is fitted:
   * where the fit draws them smaller, labels are drawn larger, by up to `MAX_LABEL_SCALE`.
   */
  readonly minLabelPx?: number | undefined;
  /** A view the reader moved to in a graph drawn before (see `readerView`): shown instead of the fitted one. */
  readonly view?: ReaderView | undefined;
}

/** How much larger than the stylesheet's `minLabelPx` may draw labels: more, and names crowd. */
const MAX_LABEL_SCALE = 1.4;

type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * Up to this many actors a graph is small: faded around the selection (the fades run over
 * 150 ms), and zoomed to a readable size rather than fitted on a narrow screen. Above it, while
 * the reader drags, pinches or wheels the view, a bitmap of the graph moves instead of the graph
 * being drawn again. (Whether a graph is shown from a draft first is `layoutStepsOf`'s call.)
 */
const SMALL_GRAPH_MAX_NODES = 150;
/** How far (px) inside the view's edges a revealed element must lie to count as in view. */
const REVEAL_MARGIN = 8;
/**
 * Up to this many actors the graph is drawn without Cytoscape's texture caches (see
 * `drawDirectly`). Measured here against the caches: drawn directly, the longest task of the
 * start was half or less of that with the caches at 1,000 to 5,000 actors, and clicks cost the
 * same at 3,000, but 15% more at 5,000 and 43% more at 10,000, where every redraw strokes each
 * tie again. Above it, the caches' textures are made ahead (see `makeTexturesFirst`); at 3,000
 * actors that still left the longest task at 1,057 ms against 764 drawn directly.
 */
const DIRECT_DRAWING_MAX_NODES = 4000;
/**
 * Above this many actors, edges hide while the view moves, the view jumps where it would glide,
 * hovering lights nothing up, and WebGL is used on a real GPU (unless the `renderer` attribute
 * says otherwise).
 */
const LARGE_GRAPH = 2000;
/** Below this zoom, arrows are not drawn (labels hide by themselves, see the stylesheet). */
const LOW_DETAIL_ZOOM = 0.35;
/** The room left around the graph when it is fitted to its view, in pixels. */
const FIT_PADDING = 24;
/** A graph of more than this many elements (actors and ties) is added to Cytoscape a chunk per frame. */
const CHUNKED_MIN_ELEMENTS = 500;
/**
 * How many elements go in the first chunk. The first frame after Cytoscape starts draws whatever
 * has gone in by then (it asked for that frame when it started), with its code still cold, so
 * the first chunk is small; the next ones are sized from how long the last one took.
 */
const FIRST_CHUNK = 60;
/** The fewest elements in a chunk after the first. */
const MIN_CHUNK = 30;
/** The most elements in one chunk. */
const MAX_CHUNK = 400;
/** The time a chunk should take, from adding it to the frame after, in milliseconds. */
const CHUNK_FRAME_MS = 50;
/** Up to this many nodes, a refined layout glides in; above, it jumps in (see `moveTo`). */
const GLIDE_MAX_NODES = 400;
/**
 * Resolves after the next animation frame, or as soon as the page is hidden or `cy` destroyed: a
 * hidden page paints no frame, and would otherwise hold a selection's marking until shown again.
 */
function afterNextFrameUnlessHidden(cy: Core): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      document.removeEventListener('visibilitychange', onVisibility);
      cy.removeListener('destroy', done);
      resolve();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') done();
    };
    document.addEventListener('visibilitychange', onVisibility);
    cy.one('destroy', done);
    void afterNextFrame().then(done);
  });
}

/** A string that changes whenever the filter does. */
function filterKey(filter: TieFilter): string {
  return JSON.stringify([
    [...filter.categories].sort(),
    [...filter.hiddenTypes].sort(),
    filter.showAbsent,
    filter.dates.from,
    filter.dates.to,
  ]);
}

/** The position of a node in a list of positions, or the origin. */
function positionIn(list: PositionList | undefined, id: string): { x: number; y: number } {
  const index = list === undefined ? -1 : (positionIndex(list).get(id) ?? -1);
  const entry = index === -1 ? undefined : list?.[index];
  return entry === undefined ? { x: 0, y: 0 } : { x: entry[1], y: entry[2] };
}

const indexes = new WeakMap<PositionList, Map<string, number>>();
function positionIndex(list: PositionList): Map<string, number> {
  let index = indexes.get(list);
  if (index === undefined) {
    index = new Map(list.map(([id], i) => [id, i]));
    indexes.set(list, index);
  }
  return index;
}

/** The classes a tie gets from the filter: hidden by it, or undated while a date range is set. */
function filterClassesOf(tie: FilterableTie, filter: TieFilter): { filtered: boolean; undated: boolean } {
  const rangeActive = filter.dates.from !== undefined || filter.dates.to !== undefined;
  return { filtered: !isTieShown(tie, filter), undated: rangeActive && !isDated(tie.period) };
}

/**
 * Adds the elements at their positions, the ties with the filter's classes already on (a class
 * changed after adding has a tie styled twice). A large graph goes in a chunk per frame, each
 * sized from how long the last one took, so that adding it never blocks the page for long.
 */
async function addInChunks(
  cy: Core,
  elements: readonly ElementDefinition[],
  at: (id: string) => { x: number; y: number },
  filter: TieFilter | undefined,
  stillWanted: () => boolean,
  arrowsOff: () => boolean = () => false,
): Promise<void> {
  const definitions = elements.map((element) => {
    if (element.group === 'nodes') {
      return { group: element.group, data: { ...element.data }, classes: element.classes, position: { ...at(element.data.id) } };
    }
    const marks = filter === undefined || !('category' in element.data) ? undefined : filterClassesOf(element.data, filter);
    const classes = `${element.classes}${marks?.filtered ? ' filtered' : ''}${marks?.undated ? ' undated-in-range' : ''}`;
    return { group: element.group, data: { ...element.data }, classes };
  });
  // Directed ties get the class that takes their arrowheads off as it stands when they go in.
  const withArrows = (chunk: typeof definitions) =>
    arrowsOff()
      ? chunk.map((definition) =>
          /(^| )directed( |$)/.test(definition.classes ?? '')
            ? { ...definition, classes: `${definition.classes} lod-far` }
            : definition,
        )
      : chunk;
  if (!isChunked(definitions)) {
    cy.add(withArrows(definitions));
    return;
  }
  let size = FIRST_CHUNK;
  for (let i = 0; i < definitions.length; ) {
    const started = performance.now();
    cy.add(withArrows(definitions.slice(i, i + size)));
    i += size;
    // The next chunk goes in after the frame, in a task of its own, so that the page can draw
    // and answer in between. Where the texture caches stay (above 4,000 actors), that frame also
    // styles and measures this chunk.
    await afterNextFrame();
    if (!stillWanted()) return;
    // The time since the add includes whatever the frame in between did with the chunk.
    const spent = Math.max(performance.now() - started, 1);
    size = Math.round(Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, (size * CHUNK_FRAME_MS) / spent)));
  }
}

/**
 * Whether fitting the actors, at `at`, into `container` is sure to zoom out below
 * `LOW_DETAIL_ZOOM`. Only their centres are counted: their bodies and labels widen the graph's
 * box, and so lower the zoom further.
 */
function surelyFarWhenFitted(
  elements: readonly ElementDefinition[],
  at: (id: string) => { x: number; y: number },
  container: HTMLElement,
): boolean {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const element of elements) {
    if (element.group !== 'nodes') continue;
    const { x, y } = at(element.data.id);
    [x1, y1, x2, y2] = [Math.min(x1, x), Math.min(y1, y), Math.max(x2, x), Math.max(y2, y)];
  }
  const width = container.clientWidth - 2 * FIT_PADDING;
  const height = container.clientHeight - 2 * FIT_PADDING;
  if (width <= 0 || height <= 0 || !(x2 > x1 || y2 > y1)) return false;
  return Math.min(width / (x2 - x1), height / (y2 - y1)) < LOW_DETAIL_ZOOM;
}

/**
 * The classes that mark the selection and the hover, and fade the rest. `pointed` marks the one
 * tie under the pointer, the only hovered tie that is labelled.
 */
const STATE_CLASSES = ['selected', 'in-selection', 'hover', 'pointed', 'faded'] as const;
type StateClass = (typeof STATE_CLASSES)[number];

/** Cytoscape's switch for telling its renderer about changes; not in its published types. */
interface RendererNotifications {
  notifications(on: boolean): void;
  notify(event: 'add'): void;
}

/**
 * Whether the view moves to a place at once rather than gliding there: the reader asked for less
 * motion, or the graph is so large that a glide would show a few frames at most (here 5 to 9
 * frames a second while zooming 3,000 actors).
 */
function movesAtOnce(cy: Core): boolean {
  return prefersReducedMotion() || cy.nodes().length > LARGE_GRAPH;
}

/** Whether a batch holds the frames of `cy` (`batching` is not in Cytoscape's published types). */
function isBatching(cy: Core): boolean {
  return (cy as unknown as { batching(): boolean }).batching();
}

/**
 * Lets none of `nodes` be grabbed until the function returned is called. Not by `ungrabify()`,
 * which restyles every node it changes (and so has the next frame measure them all again), nor by
 * the core's `autoungrabify`, which would also stop the drag of an actor the reader holds.
 */
function ungrabbableUntilDone(nodes: cytoscape.NodeCollection): () => void {
  const changed = (nodes.filter((node) => node.grabbable()).toArray() as unknown as ElementInternals[]).map(
    (node) => node._private,
  );
  for (const node of changed) node.grabbable = false;
  return () => {
    for (const node of changed) node.grabbable = true;
  };
}

/** Whether a graph is large enough to be added a chunk per frame. */
function isChunked(elements: readonly unknown[]): boolean {
  return elements.length > CHUNKED_MIN_ELEMENTS;
}

/**
 * Below this zoom the labels (15 model units) render smaller than about 7 px: hard to read (below
 * 6 px they are not drawn).
 */
const MIN_FIT_ZOOM = 0.45;
/** The zoom used instead of such a fit: labels at about 9 px. */
const READABLE_ZOOM = 0.6;
/** `centreOn` zooms in to at least this (labels at about 12 px), so a found actor's name reads. */
const CENTRE_MIN_ZOOM = 0.8;
/** Room left around a tie's two ends when `centreOn` zooms out to fit them, in pixels. */
const CENTRE_PADDING = 40;

export class CytoscapeController implements ReactiveController {
  private cy: Core | undefined;
  /** How the current core's renderer was chosen: with WebGL or not, for a large graph or not. */
  private drawnAs: { readonly webgl: boolean; readonly large: boolean } | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private hadSize = false;
  /**
   * The graph's size when last measured on screen. Cytoscape measures it again on its own (after
   * a resize, out of the page or hidden too), so its own figure may not be the view's any more.
   */
  private size: readonly [number, number] = [0, 0];
  private placed = false;
  /** The view the graph was first shown with, or last fitted to (`viewportKey`): not the reader's. */
  private shownView: string | undefined;
  /** Whether the view is being kept through a resize: no move of the reader's to share. */
  private resizing = false;
  /** The reader's view to show the graph with, once it is placed (`GraphOptions.view`). */
  private viewToShow: ReaderView | undefined;
  /** Whether the refined layout is going in while the screen still shows the draft. */
  private settling = false;
  /** The size on screen names should have at least (`minLabelPx`), and the theme they are sized by. */
  private labelFloor: { readonly px: number; readonly theme: GraphTheme } | undefined;
  /** Whether the current core hides arrows when far by a class on its ties (`watchLevelOfDetail`). */
  private arrowsByClass = false;
  /** Whether the directed ties have that class on now, or are to get it as they go in (never without `arrowsByClass`). */
  private arrowsFar = false;
  /** The actor or tie the view is gliding to, from `centreOn`. */
  private centring: string | undefined;
  /**
   * Where the reader first grabbed each actor of the current graph: for those dragged on the
   * draft, the refined layout keeps the reader's move (see `moveTo`).
   */
  private readonly grabbedAt = new Map<string, { x: number; y: number }>();
  /** The actors the reader has dragged on the current graph. */
  private readonly movedByReader = new Set<string>();
  private hovered: NodeSingular | EdgeSingular | undefined;
  /** The elements that `paintState` last gave each state class, which only it gives. */
  private stateMarks: Record<StateClass, cytoscape.Collection> | undefined;
  /** The selection asked for. */
  private selection: Selection | null = null;
  /** The selection the graph shows, which follows `selection` a frame after the evidence panel. */
  private markedSelection: Selection | null = null;
  /** Counts selections, so that a deferred marking knows when a newer one came. */
  private selectionToken = 0;
  /** Settles once the graph shows the selection asked for, or no longer waits to (see `selectionMarked`). */
  private marking: Promise<void> = Promise.resolve();
  private focusedId: string | null = null;
  private wheelActive = false;
  private createToken = 0;
  /** The filter last applied to the current core; forgotten with the core. */
  private appliedFilter = '';
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly callbacks: GraphCallbacks,
  ) {
    host.addController(this);
  }

  /** The Cytoscape core, once its graph is placed (filtered, fitted, its nodes where they belong). */
  get core(): Core | undefined {
    return this.placed ? this.cy : undefined;
  }

  hostDisconnected(): void {
    this.destroy();
  }

  /**
   * Whether the graph is drawn by the renderer that `choice` would pick for it, so that changing
   * to that choice needs no new drawing (`canvas` after `auto` for a small graph, say).
   */
  isDrawnAs(choice: RendererChoice): boolean {
    const drawn = this.drawnAs;
    return drawn !== undefined && drawsWithWebGL(choice, drawn.large, webglSupport) === drawn.webgl;
  }

  /**
   * Draws `options.dataset` in `container`, replacing any earlier graph. Positions are computed
   * even while the container has no size; the view is fitted when it first gets one. Resolves
   * `true` once the layout is done and drawn, `false` when a newer drawing or `destroy()` replaced it.
   */
  async create(container: HTMLElement, options: GraphOptions): Promise<boolean> {
    this.labelFloor = options.minLabelPx === undefined ? undefined : { px: options.minLabelPx, theme: options.theme };
    this.destroy();
    this.preventHeadStylesheet();
    const elements = buildElements(options.dataset, options.lang);
    const request = layoutRequestOf(elements, options.seed, options.theme.fontSize);
    const nodeCount = request.nodes.length;
    const known = options.positions;
    const complete = known !== undefined && request.nodes.every((node) => known.has(node.id));
    // Only on the positions it was kept on: not on a layout still to be computed.
    this.viewToShow = complete ? options.view : undefined;
    // A large graph is shown early from a draft layout, and refined after.
    const [firstLayout, refinedLayout] = layoutStepsOf(request);
    const refine = !complete && refinedLayout !== undefined;
    const token = ++this.createToken;
    // One job gives a large graph's draft, then its refined layout, which the worker computes
    // while the page draws the draft. The drawing holds it until it is replaced or removed: then,
    // unless another drawing holds it too, the worker is asked not to refine it.
    const job = complete ? undefined : (claimEarlyLayout(options.early, request) ?? layOutInWorkerInSteps(request));
    if (job !== undefined) this.cleanups.push(job.hold());
    // Where the worker cannot run, the page places the graph itself, and refines it once the
    // draft is drawn.
    const placing = job?.first.catch(() => layOut(firstLayout));
    // Handled below, unless a newer drawing replaces this one first.
    placing?.catch(() => undefined);
    const refining = refine ? job?.refined?.catch(() => undefined) : undefined;
    // A large graph goes in a chunk per frame, and each frame draws it, so it waits for its first
    // positions. A smaller one is set up while the layout runs, and placed when it is done.
    const first = isChunked(elements) ? await placing : undefined;
    if (token !== this.createToken) return false;
    await yieldToMain();
    if (token !== this.createToken) return false;

    const webgl = drawsWithWebGL(options.renderer ?? 'auto', nodeCount > LARGE_GRAPH, webglSupport);
    const cy = withoutWebGLNotice(() =>
      cytoscape({
        container,
        // Only a small graph fades around a selection; larger ones change opacity in one frame.
        style: buildStylesheet(options.theme, {
          fades: nodeCount <= SMALL_GRAPH_MAX_NODES,
          nameCards: nodeCount <= SMALL_GRAPH_MAX_NODES,
        }),
        layout: { name: 'preset' },
        minZoom: 0.05,
        maxZoom: 4,
        boxSelectionEnabled: false,
        autounselectify: true,
        userZoomingEnabled: false,
        // Large graphs trade a little polish while moving for a smooth pan.
        hideEdgesOnViewport: nodeCount > LARGE_GRAPH,
        // While the reader drags or zooms, a bitmap of the graph moves instead of a full redraw.
        textureOnViewport: nodeCount > SMALL_GRAPH_MAX_NODES,
        renderer: { name: 'canvas', webgl },
      } as cytoscape.CytoscapeOptions),
    );
    this.cy = cy;
    this.drawnAs = { webgl, large: nodeCount > LARGE_GRAPH };
    coalesceStyleTriggers(cy);
    cacheWrappedLabels(cy);
    keepParallelTies(cy);
    activateQuietly(cy);
    if (!webgl) {
      dropUnusedWebGLLayer(cy);
      skipNeedlessFrames(cy);
      hitTestNearbyOnly(cy);
      hideBlankLayers(cy);
    }
    hitActorsFirst(cy);
    // The canvas renderer draws a graph up to a few thousand actors directly, a larger one from
    // textures made ahead; the WebGL renderer is left as it is.
    let textures: TexturesAhead | undefined;
    const direct = !webgl && nodeCount <= DIRECT_DRAWING_MAX_NODES && drawDirectly(cy);
    if (!webgl && !direct) textures = makeTexturesFirst(cy);
    // Drawn directly, arrowheads are skipped as they are drawn; a texture (of either renderer)
    // keeps what it was drawn with, so there a class takes them off the ties.
    if (!(direct && hideArrowsWhenFar(cy, LOW_DETAIL_ZOOM))) this.watchLevelOfDetail(cy);
    // The frame around the container shades the sides past which the graph goes on.
    if (container.parentElement !== null) this.cleanups.push(cueOffscreenGraph(cy, container.parentElement));
    try {
      return await this.place(
        cy,
        container,
        options,
        elements,
        placing,
        first,
        refine ? { request, refining } : undefined,
        textures,
        direct && refine,
      );
    } catch (error) {
      // No half-built graph stays behind a failure: the element shows the error instead.
      if (this.cy === cy) this.destroy();
      throw error;
    }
  }

  /**
   * Adds the elements, places and fits them, makes their textures (given `textures`), then (given
   * `refine`) refines the draft layout. With `firstFrameInSteps`, the first frame draws only the actors (see `drawFirstFrameInSteps`).
   */
  private async place(
    cy: Core,
    container: HTMLElement,
    options: GraphOptions,
    elements: readonly ElementDefinition[],
    placing: Promise<PositionList> | undefined,
    placedFirst: PositionList | undefined,
    refine: { request: LayoutRequest; refining: Promise<PositionList | undefined> | undefined } | undefined,
    textures: TexturesAhead | undefined,
    firstFrameInSteps = false,
  ): Promise<boolean> {
    let first = placedFirst;
    // Stored positions serve only when they place every actor (no layout is then asked for).
    const stored = placing === undefined ? options.positions : undefined;
    const at = (id: string) => stored?.get(id) ?? positionIn(first, id);
    // Cytoscape redraws everything 100 ms after any attribute change on its container (such as
    // our aria-label); size changes are caught by ResizeObservers, so that watch is let go.
    canvasRendererOf(cy)?.styleObserver?.disconnect();
    await yieldToMain();
    if (this.cy !== cy) return false;
    // While a large graph goes in a chunk per frame, its renderer is not told: each frame would
    // otherwise draw everything added so far. It learns of it all at once, in the batch below.
    const renderer = cy as unknown as RendererNotifications;
    const quiet = isChunked(elements);
    if (quiet) renderer.notifications(false);
    // A refined layout back before the graph is shown is shown at once: no draft, no glide.
    let refinedBack: PositionList | undefined;
    void refine?.refining?.then((positions) => {
      refinedBack = positions;
    });
    let shownRefined = false;
    const showRefinedIfBack = (): boolean => {
      const refined = refinedBack;
      if (refined === undefined || shownRefined) return false;
      cy.nodes().positions((node) => positionIn(refined, node.id()));
      shownRefined = true;
      return true;
    };
    // Ties whose arrows a class hides when far go in with it on, when the fit is sure to be far:
    // put on after the graph is measured, the class had every tie styled and measured again in the
    // first frame (0.6 s of it at 10,000 actors).
    if (this.arrowsByClass) this.arrowsFar = surelyFarWhenFitted(elements, at, container);
    await addInChunks(
      cy,
      elements,
      at,
      options.filter,
      () => this.cy === cy,
      () => this.arrowsFar,
    );
    if (this.cy !== cy) return false;
    // Moved before it is measured, the graph is measured once.
    showRefinedIfBack();
    // Filtered from the start, as the ties went in: a class changed after measuring has every
    // tie around it measured again.
    if (options.filter !== undefined) this.appliedFilter = filterKey(options.filter);
    // Nothing is drawn until the graph is measured, fitted and filtered: a batch holds Cytoscape's
    // frames, which would otherwise draw it half-styled and off-centre in between.
    cy.startBatch();
    try {
      if (quiet) {
        renderer.notifications(true);
        renderer.notify('add');
      }
      await measureInSlices(cy, () => this.cy === cy);
      if (this.cy !== cy) return false;
      let moved = false;
      if (first === undefined && placing !== undefined) {
        first = await placing;
        if (this.cy !== cy) return false;
        const placed = first;
        if (refinedBack === undefined) {
          cy.nodes().positions((node) => positionIn(placed, node.id()));
          moved = true;
        }
      }
      moved = showRefinedIfBack() || moved;
      // Moved since it was measured, the graph is measured again a step at a time; otherwise the
      // fit measured every tie in one task, and the first frame measured them all once more.
      if (moved) {
        await measureInSlices(cy, () => this.cy === cy);
        if (this.cy !== cy) return false;
      }
      this.listen(cy, container);
      this.hadSize = false;
      this.fitIfSized(container);
      this.observeSize(container);
      this.placed = true;
      options.onPlaced?.();
      this.paintState();
      // The graph's canvas gets its bitmap in a task of its own, not in the first frame.
      await yieldToMain();
      if (this.cy !== cy) return false;
      makeGraphLayerBitmap(cy);
      if (textures !== undefined) {
        await yieldToMain();
        if (this.cy !== cy) return false;
      }
      // A large graph's textures are made now, a slice per task, not all in its first frame.
      await textures?.makeAhead(() => this.cy === cy);
      if (this.cy !== cy) return false;
      // Back while the graph's bitmap or textures were made, and still before its first frame:
      // measured again in steps before the refit, as above.
      if (showRefinedIfBack()) {
        await measureInSlices(cy, () => this.cy === cy);
        if (this.cy !== cy) return false;
        this.hadSize = false;
        this.fitIfSized(container);
      }
      // The first frame of a graph refined after a draft draws its actors, the next two add its
      // ties and then its labels.
      if (firstFrameInSteps) drawFirstFrameInSteps(cy);
    } finally {
      if (!cy.destroyed()) cy.endBatch();
    }
    if (refine === undefined || shownRefined) return true;
    let refined: PositionList;
    try {
      refined = (await refine.refining) ?? (await layOut(refine.request));
    } catch {
      // The draft placement stays: a graph that is shown beats a refined one that is not.
      return this.cy === cy;
    }
    if (this.cy !== cy) return false;
    await this.moveTo(cy, refined);
    if (this.cy !== cy) return false;
    // The refit measures every tie anew: a task of its own, not the end of the glide's last frame.
    await yieldToMain();
    if (this.cy !== cy) return false;
    // Refit to the refined layout (about three times the draft's size), unless the reader has
    // moved the view meanwhile (a resize keeps the view the one shown); while the reader holds an
    // actor, once it is let go, so that the view does not move it from under the pointer.
    const refit = () => {
      if (this.cy !== cy || viewportKey(cy) !== this.shownView) return;
      this.hadSize = false;
      this.fitIfSized(container);
    };
    if (cy.nodes(':grabbed').empty()) refit();
    else cy.one('free', 'node', refit);
    return true;
  }

  /**
   * Moves the nodes to their refined positions. A few hundred nodes glide there, unless the
   * reader prefers reduced motion, with their ties left out of the glide's frames. Above that,
   * where one frame that moves and measures every node takes well over 100 ms here, the nodes move
   * while a batch holds the frames and are measured a slice per task (`measureInSlices`); the
   * frame after the batch then only draws the graph.
   * Moved a slice a frame instead, each frame drew the whole graph again: at 1,000 actors, five
   * frames of 56 to 118 ms over 400 to 600 ms. No moving actor can be grabbed meanwhile: a drag
   * would fight the glide, or go unseen under the batch and leave the actor where the frames
   * resume. The reader's hand wins over the layout: an actor the reader holds stays under the
   * pointer and goes on following it, and one the reader dragged on the draft and let go goes
   * where the refined layout puts it, moved as the reader moved it (see `keepingReaderMoves`): the
   * two layouts differ in scale, so the place it was let go at may lie far from its ties.
   */
  private async moveTo(cy: Core, positions: PositionList): Promise<void> {
    const held = cy.nodes(':grabbed');
    const moving = cy.nodes(':free');
    const target = this.keepingReaderMoves(cy, positions);
    // An actor only pressed, not dragged, goes to its place once it is let go.
    held.forEach((node) => {
      node.one('free', () => {
        if (!this.movedByReader.has(node.id())) node.position(target(node));
      });
    });
    const letGo = ungrabbableUntilDone(moving);
    try {
      await this.moveNodesTo(cy, moving, target, cy.nodes().length <= GLIDE_MAX_NODES);
    } finally {
      letGo();
    }
  }

  /**
   * Where each actor goes: its refined position, moved as the reader moved it on the draft, scaled
   * as the refined layout is scaled against the draft (so that, once the view is fitted to it, the
   * move looks as long as it did).
   */
  private keepingReaderMoves(cy: Core, positions: PositionList): (node: NodeSingular) => { x: number; y: number } {
    const span = (points: readonly { x: number; y: number }[]) => {
      const xs = points.map((point) => point.x);
      const ys = points.map((point) => point.y);
      return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    };
    // Worked out now, while every actor still stands on the draft.
    const draft = this.movedByReader.size === 0 ? 0 : span(cy.nodes().map((node) => node.position()));
    const refinedSpan = draft === 0 ? 0 : span(positions.map(([, x, y]) => ({ x, y })));
    const scale = draft > 0 && refinedSpan > 0 ? refinedSpan / draft : 1;
    return (node) => {
      const refined = positionIn(positions, node.id());
      const from = this.grabbedAt.get(node.id());
      if (from === undefined || !this.movedByReader.has(node.id())) return refined;
      const now = node.position();
      return { x: refined.x + (now.x - from.x) * scale, y: refined.y + (now.y - from.y) * scale };
    };
  }

  /** Moves `nodes` of `cy` to `target`: gliding, or at once under a batch, as `moveTo` says. */
  private async moveNodesTo(
    cy: Core,
    nodes: cytoscape.NodeCollection,
    target: (node: NodeSingular) => { x: number; y: number },
    glide: boolean,
  ): Promise<void> {
    if (glide) {
      // The ties are left out of the glide's frames, which then take half as long.
      const drawTies = leaveTiesOut(cy);
      await new Promise<void>((resolve) => {
        nodes
          .layout({
            name: 'preset',
            positions: target,
            fit: false,
            // Where the reader asks for less motion, the nodes jump to their places.
            animate: !prefersReducedMotion(),
            animationDuration: 300,
            stop: () => resolve(),
          } as cytoscape.LayoutOptions)
          .run();
        // A graph destroyed while it glides stops nothing: it settles here instead.
        cy.one('destroy', () => resolve());
      });
      drawTies();
      return;
    }
    cy.startBatch();
    this.settling = true;
    try {
      nodes.positions((node) => target(node as NodeSingular));
      await measureInSlices(cy, () => this.cy === cy);
    } finally {
      if (this.cy === cy) this.settling = false;
      if (!cy.destroyed()) cy.endBatch();
    }
  }

  /**
   * Hides arrows when zoomed far out, where they are specks that cost time to draw, by a class
   * on the ties (see `hideArrowsWhenFar` for graphs drawn directly).
   */
  private watchLevelOfDetail(cy: Core): void {
    this.arrowsByClass = true;
    // The ties may go in with the class on (see `surelyFarWhenFitted`); ties added later get the
    // class as it stands then (see `addInChunks`).
    const update = () => {
      const nowFar = cy.zoom() < LOW_DETAIL_ZOOM;
      if (nowFar === this.arrowsFar) return;
      this.arrowsFar = nowFar;
      // A class, not a new style rule: rules added at run time pile up and override absent ties' look.
      cy.batch(() => cy.edges('.directed').toggleClass('lod-far', nowFar));
    };
    cy.on('zoom', update);
  }

  /** Removes the graph, its listeners and its observers. */
  destroy(): void {
    // The pointer is over none of this graph's actors any more.
    if (this.cy !== undefined) this.callbacks.onPointerOver(null);
    this.createToken++;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    if (this.cy !== undefined) {
      releaseLayerBitmaps(this.cy);
      releaseWebGLContext(this.cy);
    }
    this.cy?.destroy();
    this.cy = undefined;
    this.drawnAs = undefined;
    this.placed = false;
    this.settling = false;
    this.arrowsByClass = false;
    this.arrowsFar = false;
    this.centring = undefined;
    this.movedByReader.clear();
    this.grabbedAt.clear();
    this.appliedFilter = '';
    this.hovered = undefined;
    this.stateMarks = undefined;
    this.focusedId = null;
    // A marking still waiting for a frame is for the graph just destroyed: the next one is
    // placed with the selection as it stands.
    this.selectionToken++;
    this.markedSelection = this.selection;
  }

  /** Where each actor stands now, in a map of its own (the caller may change it). */
  positions(): Map<string, Position> {
    return new Map(this.cy?.nodes().map((node) => [node.id(), { ...node.position() }]) ?? []);
  }

  /**
   * The view as the reader left it: zoomed, panned, or moved to a selection. `undefined` while it is
   * still the one the graph was shown with or the reader last fitted, which a graph drawn in
   * another place fits anew.
   */
  readerView(): ReaderView | undefined {
    const cy = this.cy;
    // A view still to be shown is the reader's all the same.
    if (cy === undefined || !this.placed || !this.hadSize) return this.viewToShow;
    return viewportKey(cy) === this.shownView ? undefined : viewOf(cy, this.size);
  }

  /** Shows the same part of the graph as another view: for panes that move together. */
  matchViewport(other: Core): void {
    const cy = this.cy;
    if (cy === undefined || cy === other) return;
    cy.viewport({ zoom: other.zoom(), pan: { ...other.pan() } });
  }

  /** Fits the whole graph into view. */
  fit(): void {
    const cy = this.cy;
    if (cy === undefined) return;
    cy.fit(undefined, FIT_PADDING);
    this.shownView = viewportKey(cy);
  }

  /** Whether this graph shows an actor or a tie: it has it, and the filter does not hide it. */
  shows(id: string): boolean {
    const element = this.cy?.getElementById(id);
    return element?.nonempty() === true && element.visible();
  }

  /**
   * Centres the view on an actor, or on a tie and its two ends (the ends alone when the tie is
   * hidden). The zoom stays, but rises to where labels read (`CENTRE_MIN_ZOOM`) and falls as far as
   * needed for a tie's two ends to fit. Animated, unless the reader prefers reduced motion.
   */
  centreOn(id: string): void {
    const cy = this.cy;
    const element = cy?.getElementById(id);
    if (cy === undefined || element === undefined || element.empty() || cy.width() === 0) return;
    const isActor = element.edges().empty();
    const target = isActor ? element : element.connectedNodes().union(element.visible() ? element : cy.collection());
    const box = target.boundingBox({});
    const room = (size: number, extent: number) => (extent > 0 ? (size - 2 * CENTRE_PADDING) / extent : Number.POSITIVE_INFINITY);
    const fits = Math.min(room(cy.width(), box.w), room(cy.height(), box.h));
    const zoom = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), Math.min(Math.max(cy.zoom(), CENTRE_MIN_ZOOM), fits)));
    const centre = isActor ? element.position() : { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
    const pan = { x: cy.width() / 2 - centre.x * zoom, y: cy.height() / 2 - centre.y * zoom };
    // A reveal still running would pull the view elsewhere once this one ends.
    cy.stop(true, false);
    if (movesAtOnce(cy)) cy.viewport({ zoom, pan });
    else {
      this.centring = id;
      cy.animate({ zoom, pan }, { duration: 300, easing: 'ease-in-out-cubic', complete: () => (this.centring = undefined) });
    }
  }

  /** Hides the ties the filter leaves out; positions stay where they are. */
  applyFilter(filter: TieFilter): void {
    const cy = this.cy;
    if (cy === undefined) return;
    // Every render of the element calls this; only a changed filter is worth a pass over the edges.
    const key = filterKey(filter);
    if (key === this.appliedFilter) return;
    this.appliedFilter = key;
    const shownOrHidden: EdgeSingular[] = [];
    cy.batch(() => {
      for (const edge of cy.edges().not('.membership')) {
        const { filtered, undated } = filterClassesOf(edge.data() as FilterableTie, filter);
        if (edge.hasClass('filtered') !== filtered) shownOrHidden.push(edge);
        edge.toggleClass('filtered', filtered);
        // While the timeline narrows the dates, undated ties stay but are marked by fading.
        edge.toggleClass('undated-in-range', undated);
      }
    });
    // Cytoscape restyles lazily and answers `visible()` from a cache until it does: restyled now,
    // the graph's own API (`cy.edges(':visible')`) agrees with the filter at once.
    for (const edge of shownOrHidden) edge.style('display');
    this.paintState();
  }

  /**
   * Marks the selected actor or tie and fades what is not connected to it. A new selection is
   * marked once the page has painted the frame after it, so that the evidence panel the reader
   * asked for is painted first, without waiting for the graph. At 1,000 actors a click's frame
   * redrew every actor and tie (30 to 48 ms of a 52 to 73 ms frame); in the seed, restyling and
   * redrawing took about 12 ms of a 41 ms click, and the marking fades in over 150 ms anyway.
   */
  applySelection(selection: Selection | null): void {
    const changed = !sameSelection(selection, this.selection);
    this.selection = selection;
    if (!changed) {
      this.paintState();
      return;
    }
    // Chosen anywhere (the search, the table, the panel, `select()`), the selection moves the
    // keyboard's place along as a click does; Escape leaves it, to go on from where it was.
    if (selection !== null) this.focusFollowsTap(selection.kind === 'actor' ? selection.id : null);
    const token = ++this.selectionToken;
    const cy = this.cy;
    // A selection that holds from the first placement on (from the page's address) is marked at
    // once: the batch that places the graph holds its frames anyway. So is one in a hidden page,
    // which paints no frame to wait for.
    if (cy !== undefined && this.placed && !isBatching(cy) && document.visibilityState !== 'hidden') {
      this.marking = this.markSelectionAfterPaint(cy, token);
      return;
    }
    this.marking = Promise.resolve();
    this.markedSelection = selection;
    this.paintState();
    // Only a new selection moves the view; a repaint must not undo the reader's panning.
    if (selection !== null) this.revealSelection();
  }

  /**
   * Settles once the graph shows the last selection asked for, a frame after the evidence panel (at
   * once if the page is hidden meanwhile), or once the graph is destroyed.
   */
  get selectionMarked(): Promise<void> {
    return this.marking;
  }

  /**
   * Marks the selection after the next frame, and reveals it, unless a newer selection came or
   * `cy` was destroyed meanwhile (`destroy` hands the selection to the next graph).
   */
  private async markSelectionAfterPaint(cy: Core, token: number): Promise<void> {
    await afterNextFrameUnlessHidden(cy);
    if (token !== this.selectionToken || this.cy !== cy) return;
    this.markedSelection = this.selection;
    this.paintState();
    // A view gliding to the selection already (the search centres on what it found) needs no
    // reveal: it would follow that glide with one of its own.
    const centringOnIt = cy.animated() && this.centring === this.selection?.id;
    if (this.selection !== null && !centringOnIt) this.revealSelection();
  }

  /** Moves keyboard focus to the nearest visible actor in a direction, or to a first actor. */
  moveFocus(direction: Direction): string | null {
    const cy = this.cy;
    if (cy === undefined) return null;
    const nodes = cy.nodes().filter((node) => node.visible());
    if (nodes.length === 0) return null;
    const current = this.focusedId === null ? undefined : cy.getElementById(this.focusedId);
    let next: NodeSingular | undefined;
    if (current === undefined || current.empty()) {
      // The keyboard starts from what the reader chose: an actor, or the source of a tie.
      const chosen = this.selection === null ? undefined : cy.getElementById(this.selection.id);
      const start = chosen?.isEdge() ? (chosen as EdgeSingular).source() : chosen;
      next = start?.nonempty() ? (start as NodeSingular) : this.topLeft(nodes);
    } else {
      next = this.nearestInDirection(current as NodeSingular, nodes, direction) ?? (current as NodeSingular);
    }
    this.setFocus(next.id());
    return next.id();
  }

  /** Sets keyboard focus on an actor, or clears it. */
  setFocus(actorId: string | null): void {
    this.markFocus(actorId);
    if (actorId === null || this.cy === undefined) return;
    this.reveal(this.cy.getElementById(actorId));
    this.callbacks.onFocusChange(actorId);
  }

  /** Puts the keyboard's mark on an actor, or takes it off. */
  private markFocus(actorId: string | null): void {
    this.focusedId = actorId;
    this.cy?.nodes('.focused').removeClass('focused');
    if (actorId !== null) this.cy?.getElementById(actorId).addClass('focused');
  }

  /**
   * A click moves the keyboard's place along: onto the actor clicked, or off the actors (a tie or
   * the background), so that the arrows go on from what the reader chose, not from an actor
   * marked before the click.
   */
  private focusFollowsTap(actorId: string | null): void {
    if (this.focusedId !== null) this.markFocus(actorId);
  }

  get focusedActor(): string | null {
    return this.focusedId;
  }

  /** Zooms in or out around the centre of the view, for the keyboard. */
  zoomBy(factor: number): void {
    const cy = this.cy;
    if (cy === undefined) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** Wheel zoom is on only while the graph is active (focused or clicked). */
  setWheelActive(active: boolean): void {
    this.wheelActive = active;
    this.cy?.userZoomingEnabled(active);
  }

  // --- internals -------------------------------------------------------------------------------

  private preventHeadStylesheet(): void {
    if (document.getElementById(CYTOSCAPE_STYLESHEET_ID) !== null) return;
    // An inert template in our own light DOM satisfies Cytoscape's check without touching the
    // host page's <head>; the one rule it would add lives in our shadow styles.
    const marker = document.createElement('template');
    marker.id = CYTOSCAPE_STYLESHEET_ID;
    this.host.append(marker);
  }

  private listen(cy: Core, container: HTMLElement): void {
    // While the refined layout goes in, the screen still shows the draft, where the pointer
    // would find other actors: the tap is let go (it lasts a few frames).
    cy.on('tap', (event: EventObject) => {
      if (this.settling) return;
      const tapped: Selection | null =
        event.target === cy ? null : { kind: event.target.isNode() ? 'actor' : 'tie', id: event.target.id() };
      this.focusFollowsTap(tapped?.kind === 'actor' ? tapped.id : null);
      this.callbacks.onTap(tapped);
    });
    cy.on('viewport', () => this.resizing || this.callbacks.onViewport());
    // An actor the reader drags on the draft keeps the reader's move in the refined layout.
    cy.on('grab', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      if (!this.grabbedAt.has(node.id())) this.grabbedAt.set(node.id(), { ...node.position() });
    });
    cy.on('drag', 'node', (event: EventObject) => {
      const node = event.target as NodeSingular;
      this.movedByReader.add(node.id());
      this.callbacks.onActorDragged(node.id(), node.position());
    });
    // The cursor is set on the container's parent: Cytoscape redraws the whole graph after any
    // attribute change on the container itself.
    const frame = container.parentElement ?? container;
    this.cleanups.push(() => {
      frame.style.cursor = '';
    });
    // A large graph lights nothing up on hover, where each redraw of the whole graph takes
    // hundreds of milliseconds (450 to 650 at 10,000 actors here): moving the pointer across
    // it would freeze the page. A click still shows the selection.
    const lightsUp = cy.nodes().length <= LARGE_GRAPH;
    cy.on('mouseover', 'node, edge', (event: EventObject) => {
      frame.style.cursor = 'pointer';
      // While the refined layout goes in, the pointer is over the draft (see the taps above).
      if (this.settling) return;
      if (lightsUp) {
        this.hovered = event.target;
        this.paintState();
      }
      this.callbacks.onPointerOver({ kind: event.target.isNode() ? 'actor' : 'tie', id: event.target.id() });
    });
    cy.on('mouseout', 'node, edge', () => {
      if (lightsUp) {
        this.hovered = undefined;
        this.paintState();
      }
      frame.style.cursor = '';
      this.callbacks.onPointerOver(null);
    });
    // A pointer that leaves the graph straight from an actor leaves only the graph, for Cytoscape.
    cy.on('mouseout', (event: EventObject) => {
      if (event.target === cy) this.callbacks.onPointerOver(null);
    });
    // Page scroll is never taken over: wheel events zoom only while the graph is active, or with
    // Ctrl or Cmd held. The listener sits on the shadow root in the capture phase, so it runs
    // before Cytoscape's own listeners on the container.
    const root = container.getRootNode();
    const onWheel = (event: Event) => {
      if (!(event instanceof WheelEvent) || !container.contains(event.target as Node)) return;
      const modifier = event.ctrlKey || event.metaKey;
      cy.userZoomingEnabled(this.wheelActive || modifier);
      if (!this.wheelActive && !modifier) this.callbacks.onPassiveWheel();
    };
    root.addEventListener('wheel', onWheel, { capture: true, passive: true });
    this.cleanups.push(() => root.removeEventListener('wheel', onWheel, { capture: true }));
    // Nor by a finger: one scrolls the page, two move the graph.
    this.cleanups.push(shareTouchWithPage(cy, container, () => this.callbacks.onPageSwipe()));
    this.watchPosition(cy, container);
  }

  /**
   * Cytoscape caches where its container is on screen. It refreshes that on scroll events of the
   * container's ancestors, but its walk up the tree stops at our shadow root, and nothing refreshes
   * it when the page's layout moves the widget (an image above it loading, say): a click would
   * then land on the wrong actor. The cache is dropped before each pointer event reaches Cytoscape.
   * The box read again is `[left, top, width, height, scale]`, its width and height unscaled, which
   * Cytoscape yet compares with the pointer's place on screen: under a zoom or scale above 1 (a
   * page's `body { zoom: 1.25 }`), clicks on the right and bottom of the graph were ignored. They
   * are scaled here; before sizing its canvases, Cytoscape reads the box afresh.
   */
  private watchPosition(cy: Core, container: HTMLElement): void {
    const renderer = canvasRendererOf(cy);
    const invalidate = () => {
      renderer?.invalidateContainerClientCoordsCache?.();
      const box = renderer?.findContainerClientCoords?.() as [number, number, number, number, number] | undefined;
      if (box === undefined) return;
      box[2] *= box[4];
      box[3] *= box[4];
    };
    const root = container.getRootNode();
    for (const type of ['pointerdown', 'pointermove', 'wheel']) {
      root.addEventListener(type, invalidate, { capture: true, passive: true });
      this.cleanups.push(() => root.removeEventListener(type, invalidate, { capture: true }));
    }
  }

  private observeSize(container: HTMLElement): void {
    this.resizeObserver = new ResizeObserver(() => {
      const cy = this.cy;
      // A graph hidden or taken out of the page keeps the size it had: measured there, its size
      // would be nothing (or not a number, out of the page), and so would the centre of its view.
      if (cy === undefined || !container.clientWidth || !container.clientHeight) return;
      // The canvases hold as many pixels as the graph takes on screen: under a page's zoom or
      // scale (body { zoom: 1.25 }), a bitmap of its CSS size would be stretched, and blurred.
      const scale = Math.round((20 * container.getBoundingClientRect().width) / container.offsetWidth) / 20;
      const renderer = canvasRendererOf(cy);
      if (renderer !== undefined) renderer.forcedPixelRatio = scale && scale !== 1 ? devicePixelRatio * scale : null;
      // The view keeps its centre (Cytoscape keeps its top left corner), and stays the fitted one
      // if it was: not a view the reader moved to. Panes that move together each keep their own:
      // copied to a pane not yet resized, the move would be made twice there.
      // (The observer's first report, of the size just measured, moves nothing.)
      const before = this.size;
      const view = viewOf(cy, before);
      const shown = viewportKey(cy) === this.shownView;
      this.measure(cy);
      if (this.hadSize && String(before) !== String(this.size)) {
        this.resizing = true;
        showView(cy, view);
        this.resizing = false;
        if (shown) this.shownView = viewportKey(cy);
      }
      // A graph created hidden (in a closed tab, say) is fitted when it is first shown.
      this.fitIfSized(container);
    });
    this.resizeObserver.observe(container);
  }

  private fitIfSized(container: HTMLElement): void {
    if (this.hadSize || container.clientWidth === 0 || container.clientHeight === 0) return;
    this.hadSize = true;
    if (this.cy !== undefined) this.measure(this.cy);
    this.showInitialView();
  }

  /** Has Cytoscape measure the graph's container, and keeps its size (`size`). */
  private measure(cy: Core): void {
    cy.resize();
    this.size = [cy.width(), cy.height()];
  }

  /**
   * Fits the graph, unless that would make labels too small to read (on a phone, say): then it
   * zooms to the smallest readable level around the best-connected actor, and the reader pans.
   */
  private showInitialView(): void {
    const cy = this.cy;
    if (cy === undefined) return;
    const view = this.viewToShow;
    this.viewToShow = undefined;
    if (view !== undefined) {
      showView(cy, view);
      // Still the reader's view: a change of view again keeps it.
      this.shownView = undefined;
      this.enlargeSmallLabels(cy, false);
      return;
    }
    this.fit();
    const small = cy.nodes().length <= SMALL_GRAPH_MAX_NODES;
    // Labels that may be drawn larger (`minLabelPx`) read at the same size at a smaller fit: a
    // compare pane on a tablet, 400 px wide, shows the whole graph rather than a cropped part.
    const minFit = this.labelFloor === undefined ? MIN_FIT_ZOOM : MIN_FIT_ZOOM / MAX_LABEL_SCALE;
    // A large graph is shown whole: its labels hide when small, and the overview is the point.
    if (cy.zoom() >= minFit || cy.nodes().empty() || !small) {
      if (small) this.enlargeSmallLabels(cy, true);
      return;
    }
    let hub = cy.nodes()[0] as NodeSingular;
    for (const node of cy.nodes()) if (node.degree(false) > hub.degree(false)) hub = node;
    cy.zoom(READABLE_ZOOM);
    cy.center(hub);
    this.shownView = viewportKey(cy);
    this.enlargeSmallLabels(cy, false);
  }

  /**
   * Where the fitted graph draws actors' names smaller than `minLabelPx` (a compare pane, half as
   * wide as the graph view, fits at about half size: names of 7.6 px), draws its labels larger,
   * and, where the view is `fitted`, fits it again around them.
   */
  private enlargeSmallLabels(cy: Core, fitted: boolean): void {
    if (this.labelFloor === undefined) return;
    const { px, theme } = this.labelFloor;
    const scale = Math.min(MAX_LABEL_SCALE, px / (theme.fontSize * cy.zoom()));
    if (scale <= 1.02) return;
    const sheet = cy.style();
    for (const rule of scaledLabels(theme, scale)) sheet.selector(rule.selector).style(rule.style);
    sheet.update();
    if (fitted) this.fit();
  }

  /** Recomputes the selection, hover and fade classes from the current state. */
  private paintState(): void {
    const cy = this.cy;
    if (cy === undefined) return;
    const marked: Record<StateClass, cytoscape.Collection> = {
      selected: cy.collection(),
      'in-selection': cy.collection(),
      hover: cy.collection(),
      pointed: cy.collection(),
      faded: cy.collection(),
    };
    // Fading the rest of a large graph restyles thousands of elements on every click; there, the
    // selection is marked without fading.
    const fades = cy.nodes().length <= SMALL_GRAPH_MAX_NODES;
    const focusOn = (kept: cytoscape.Collection) => {
      if (fades) marked.faded = cy.elements().not('.filtered').not(kept);
    };
    const selection = this.markedSelection;
    const element: cytoscape.CollectionReturnValue = selection === null ? cy.collection() : cy.getElementById(selection.id);
    if (element.nonempty()) {
      marked.selected = element;
      if (element.nodes().nonempty()) {
        // A bloc brings its members and the ties among them into view too.
        const members = element.outgoers('edge.membership').targets();
        const edges = element.connectedEdges().union(members.edgesWith(members)).not('.filtered');
        marked['in-selection'] = edges;
        focusOn(element.union(edges).union(edges.connectedNodes()));
      } else {
        const ends = element.connectedNodes();
        marked['in-selection'] = cy.collection().union(ends);
        focusOn(element.union(ends));
      }
    }
    const hovered = this.hovered;
    if (hovered !== undefined && !hovered.removed()) {
      marked.hover = cy.collection().union(hovered);
      if (selection === null) {
        if (hovered.isNode()) {
          const edges = hovered.connectedEdges().not('.filtered');
          marked.hover = hovered.union(edges);
          focusOn(hovered.union(edges).union(edges.connectedNodes()));
        } else {
          focusOn(hovered.union((hovered as EdgeSingular).connectedNodes()));
        }
      }
    }
    // Of the ties lit by the hover, only the one under the pointer is labelled: hovering an actor
    // lights all its ties, and the labels of North Korea's 35 buried the graph.
    if (hovered !== undefined && !hovered.removed() && hovered.isEdge()) marked.pointed = cy.collection().union(hovered);
    // Only elements whose classes change are touched: each one touched is restyled and redrawn.
    // What each class marks now is kept, rather than looked for among all the elements each time.
    const before = this.stateMarks;
    cy.batch(() => {
      for (const name of STATE_CLASSES) {
        const now = before?.[name] ?? cy.collection();
        now.not(marked[name]).removeClass(name);
        marked[name].not(now).addClass(name);
      }
    });
    this.stateMarks = marked;
  }

  private revealSelection(): void {
    const cy = this.cy;
    if (cy === undefined || this.selection === null) return;
    this.reveal(cy.getElementById(this.selection.id));
  }

  /**
   * Pans the view, without zooming, when an element lies outside it: an actor with its name, a
   * tie with both its actors and their names (the tie's own box stops at their rims).
   */
  private reveal(element: cytoscape.CollectionReturnValue): void {
    const cy = this.cy;
    if (cy === undefined || element.empty() || cy.width() === 0) return;
    const shown = element.union(element.connectedNodes());
    const box = shown.renderedBoundingBox({});
    const inside =
      box.x1 >= REVEAL_MARGIN &&
      box.y1 >= REVEAL_MARGIN &&
      box.x2 <= cy.width() - REVEAL_MARGIN &&
      box.y2 <= cy.height() - REVEAL_MARGIN;
    if (inside) return;
    if (movesAtOnce(cy)) cy.center(shown);
    else cy.animate({ center: { eles: shown } }, { duration: 200 });
  }

  private topLeft(nodes: cytoscape.NodeCollection): NodeSingular {
    let best = nodes[0] as NodeSingular;
    for (const node of nodes) {
      const p = node.position();
      const b = best.position();
      if (p.y + p.x < b.y + b.x) best = node;
    }
    return best;
  }

  private nearestInDirection(
    from: NodeSingular,
    nodes: cytoscape.NodeCollection,
    direction: Direction,
  ): NodeSingular | undefined {
    const origin = from.position();
    let best: NodeSingular | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const node of nodes) {
      if (node.same(from)) continue;
      const p = node.position();
      const dx = p.x - origin.x;
      const dy = p.y - origin.y;
      const along = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
      const across = direction === 'right' || direction === 'left' ? Math.abs(dy) : Math.abs(dx);
      if (along <= 0) continue;
      // Prefer nodes straight ahead: distance sideways counts double.
      const score = along + 2 * across;
      if (score < bestScore) {
        bestScore = score;
        best = node;
      }
    }
    return best;
  }
}
