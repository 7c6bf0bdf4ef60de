/**
 * Lets the page handle input and paint before the caller goes on, so that a long piece of work
 * split at these points never blocks the page for long. Uses `scheduler.yield()` where the
 * browser has it (the caller resumes ahead of other queued tasks), else a zero-delay timer.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves at the next animation frame, before it is painted. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
