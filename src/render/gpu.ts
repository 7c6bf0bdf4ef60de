/**
 * Whether a WebGL renderer string names a software rasterizer. Cytoscape's WebGL renderer helps
 * only on a real GPU; in software (SwiftShader, llvmpipe, Microsoft's Basic Render Driver) it is
 * many times slower than the canvas renderer.
 */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i.test(renderer);
}
