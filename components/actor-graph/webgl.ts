/** Detects, once per page, whether WebGL runs on a real GPU. */
import { isSoftwareRenderer } from '../../src/render/gpu.ts';

let answer: boolean | undefined;

/** The renderer string WebGL reports, or `undefined` without WebGL. */
export function webglRendererName(): string | undefined {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl');
  if (gl === null) return undefined;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info === null ? gl.getParameter(gl.RENDERER) : gl.getParameter(info.UNMASKED_RENDERER_WEBGL);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return String(name);
}

/** Whether Cytoscape's WebGL renderer would run on a real GPU here. */
export function hasHardwareWebGL(): boolean {
  if (answer === undefined) {
    const name = webglRendererName();
    answer = name !== undefined && !isSoftwareRenderer(name);
  }
  return answer;
}
