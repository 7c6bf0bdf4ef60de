/** Whether the reader asked for less motion: views and scrolls then jump instead of gliding. */
export function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
