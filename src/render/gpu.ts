/**
 * Whether a WebGL renderer string names a software rasterizer. Cytoscape's WebGL renderer helps
 * only on a real GPU; in software (SwiftShader, llvmpipe, Microsoft's Basic Render Driver) it is
 * many times slower than the canvas renderer.
 */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i.test(renderer);
}

/**
 * How the `renderer` attribute of `<actor-graph>` chooses Cytoscape's renderer: `auto` draws with
 * WebGL only a large graph, and only where WebGL runs on a real GPU; `canvas` always draws on a
 * 2D canvas; `webgl` draws with WebGL wherever the browser has it, even in software.
 */
export const RENDERER_CHOICES = ['auto', 'canvas', 'webgl'] as const;
export type RendererChoice = (typeof RENDERER_CHOICES)[number];

/** The choice a `renderer` attribute names (any case, spaces around), or `undefined` for one it does not. */
export function parseRendererChoice(value: string | null | undefined): RendererChoice | undefined {
  const word = (value ?? '').trim().toLowerCase();
  if (word === '') return 'auto';
  return (RENDERER_CHOICES as readonly string[]).includes(word) ? (word as RendererChoice) : undefined;
}

/** What WebGL the browser has: none, a software rasterizer, or a real GPU. */
export type WebGLSupport = 'none' | 'software' | 'hardware';

/** The WebGL support a renderer string (from `WEBGL_debug_renderer_info`, or `undefined` without WebGL) shows. */
export function webglSupportOf(renderer: string | undefined): WebGLSupport {
  if (renderer === undefined) return 'none';
  return isSoftwareRenderer(renderer) ? 'software' : 'hardware';
}

/**
 * Whether a graph is drawn with Cytoscape's WebGL renderer, given the choice, its size and the
 * browser's WebGL. `support` is asked only when the answer depends on it: finding out makes a
 * WebGL context, which a small graph drawn on a canvas has no use for.
 */
export function drawsWithWebGL(choice: RendererChoice, large: boolean, support: () => WebGLSupport): boolean {
  if (choice === 'canvas' || (choice === 'auto' && !large)) return false;
  const found = support();
  return choice === 'webgl' ? found !== 'none' : found === 'hardware';
}
