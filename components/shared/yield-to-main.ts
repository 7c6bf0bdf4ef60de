/**
 * Lets the page handle input and paint before the caller goes on, so that a long piece of work
 * split at these points never blocks the page for long. The caller goes on in a task of normal
 * priority (`scheduler.postTask`, else a zero-delay timer), queued behind the page's other work.
 * Not `scheduler.yield()`: its continuations run ahead of everything else queued, so a chain of
 * them starves other tasks, and the layout worker, whose start needs a task on this thread,
 * started only once the whole chain was over (600 ms late for the seed, measured here).
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void) => Promise<void> } }).scheduler;
  return scheduler?.postTask ? scheduler.postTask(() => undefined) : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves at the next animation frame, before it is painted. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * Resolves after the next animation frame, in a task of its own. With `nextFrame()`, the caller's
 * next step runs in the same task as the frame, and the two make one long task: at 1,000 actors,
 * the frame that drew the first slice of nodes moved to the refined layout, with the move of the
 * next slice, took 260 to 370 ms here; apart, the longer of the two took 250 to 260 ms.
 */
export async function afterNextFrame(): Promise<void> {
  await nextFrame();
  await yieldToMain();
}
