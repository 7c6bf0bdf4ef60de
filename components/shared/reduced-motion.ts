/** Whether the reader asked for less motion: views and scrolls then jump instead of gliding. */
export function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** How a scroll the widget starts moves: smoothly, or at once for a reader who asked for less motion. */
export function scrollBehavior(): ScrollBehavior {
  return prefersReducedMotion() ? 'instant' : 'smooth';
}
