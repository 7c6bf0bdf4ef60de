/**
 * Pressing a node or tie "activates" it in Cytoscape, and releasing it deactivates it. Each time,
 * Cytoscape restyles the element and redraws the whole graph, so a click drew two full frames
 * before the one that shows the selection (without them, clicks at 1,000 actors took 0.74 of the
 * time here). The widget gives the active state no look (its overlay is transparent), so on its
 * cores the state is kept, and its events fire, without the restyle and the redraws.
 */
import type { Core } from 'cytoscape';
import { type CollectionInternals, type ElementInternals, patchForCores } from './element-internals.ts';

/** On the enrolled cores, (de)activation sets the state and fires its event, and restyles nothing. */
const activateQuietlyOnEnrolledCores = patchForCores<'activate' | 'unactivate'>((prototype, serves) => {
  for (const [name, active] of [
    ['activate', true],
    ['unactivate', false],
  ] as const) {
    const original = prototype[name];
    prototype[name] = function (this: CollectionInternals, ...args: unknown[]) {
      // With arguments, these methods bind event handlers instead.
      if (args.length > 0 || this.length === 0 || !serves(this.cy())) return original.apply(this, args);
      const changed: ElementInternals[] = [];
      for (const element of this) {
        if (element._private.active === active) continue;
        element._private.active = active;
        changed.push(element);
      }
      this.cy()
        .collection(changed as never)
        .emit(name);
      return this;
    };
  }
});

/**
 * Activates and deactivates the elements of `cy` without restyling and redrawing them. Only for
 * a core whose stylesheet does not style `:active`.
 */
export function activateQuietly(cy: Core): void {
  activateQuietlyOnEnrolledCores(cy);
}
