/** Detects, once per page, what WebGL the browser has, and tidies up after Cytoscape's WebGL renderer. */
import type { Core } from 'cytoscape';
import { type WebGLSupport, webglSupportOf } from '../../src/render/gpu.ts';
import { canvasRendererOf } from './canvas-renderer-internals.ts';

let answer: WebGLSupport | undefined;

/**
 * The renderer string WebGL 2 reports, or `undefined` without WebGL 2: Cytoscape's WebGL renderer
 * draws on a WebGL 2 context, and made where there is none, it throws and leaves every graph made
 * after it on the page trying for one too (see `dropUnusedWebGLLayer`).
 */
export function webglRendererName(): string | undefined {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  if (gl === null) return undefined;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info === null ? gl.getParameter(gl.RENDERER) : gl.getParameter(info.UNMASKED_RENDERER_WEBGL);
  loseContext(gl);
  return String(name);
}

/** Lets `context` go at once, if it is a WebGL 2 context, rather than when it is collected. */
function loseContext(context: unknown): void {
  if (context instanceof WebGL2RenderingContext) context.getExtension('WEBGL_lose_context')?.loseContext();
}

/** What WebGL this browser has: none, a software rasterizer, or a real GPU. Asked once per page. */
export function webglSupport(): WebGLSupport {
  answer ??= webglSupportOf(webglRendererName());
  return answer;
}

/** The canvas renderer's layers without WebGL: the graph, the dragged elements, the selection box. */
const CANVAS_LAYERS = 3;

/**
 * Drops the WebGL layer that Cytoscape gives a canvas graph made after a WebGL graph on the same
 * page. A renderer made for WebGL sets its count of layers (four instead of three) where every
 * renderer made after it reads it, so each of those gets a fourth canvas with a WebGL context of
 * its own that it never draws on; and a page holds only so many WebGL contexts before the browser
 * drops the oldest, which may be the WebGL graph's. Call it right after making a core that does
 * not draw with WebGL; it does nothing where there is no such layer.
 */
export function dropUnusedWebGLLayer(cy: Core): void {
  const data = canvasRendererOf(cy)?.data;
  const canvases = data?.canvases;
  const contexts = data?.contexts;
  if (canvases === undefined || contexts === undefined || canvases.length <= CANVAS_LAYERS) return;
  for (const [index, canvas] of canvases.entries()) {
    if (index < CANVAS_LAYERS) continue;
    loseContext(contexts[index]);
    canvas.remove();
  }
  canvases.length = CANVAS_LAYERS;
  contexts.length = CANVAS_LAYERS;
  if (data?.canvasNeedsRedraw !== undefined) data.canvasNeedsRedraw.length = CANVAS_LAYERS;
}

/**
 * Lets the WebGL context of a graph go, before the graph is destroyed: Cytoscape leaves it to the
 * garbage collector, and until then it counts against the few a page may hold (each redraw or
 * switch of view makes a new graph). Does nothing for a graph without one.
 */
export function releaseWebGLContext(cy: Core): void {
  for (const context of canvasRendererOf(cy)?.data?.contexts ?? []) loseContext(context);
}

/** What Cytoscape logs each time it makes a renderer for WebGL. */
const WEBGL_NOTICE = 'webgl rendering enabled';

/**
 * Runs `make` (the making of a Cytoscape core) without letting Cytoscape log its WebGL notice on
 * the page's console, which is the host page's and not ours to fill. Anything else logged
 * meanwhile goes through.
 */
export function withoutWebGLNotice<T>(make: () => T): T {
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (!(args.length === 1 && args[0] === WEBGL_NOTICE)) log.apply(console, args);
  };
  try {
    return make();
  } finally {
    console.log = log;
  }
}
