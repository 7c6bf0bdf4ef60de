/**
 * The entry of dist/actor-graph.js. It is tiny: it waits until the host page has loaded, then
 * loads the widget, so that embedding widgets never delays an article's load event. Elements
 * already in the page upgrade when the widget arrives.
 *
 * From script: `const { ActorGraph } = await (await import('.../actor-graph.js')).widget;`
 */
function loadWidget(): Promise<typeof import('./widget.ts')> {
  return import('./widget.ts');
}

/**
 * Resolves with the widget's module (its element classes) once it has loaded and defined the elements.
 * The widget is asked for in a task after the load event rather than in the event's handler: the
 * event's end waits for its handlers, and setting up a module's request took some milliseconds of
 * the handler here (as it did in the loader snippet's).
 */
export const widget: Promise<typeof import('./widget.ts')> =
  document.readyState === 'complete'
    ? loadWidget()
    : new Promise((resolve, reject) => {
        window.addEventListener('load', () => setTimeout(() => loadWidget().then(resolve, reject)), { once: true });
      });

export type * from './widget.ts';
