/** Helpers for the browser tests of `<actor-graph>`. */

import type { EdgeSingular } from 'cytoscape';
import { afterEach, beforeEach } from 'vitest';
import type { ActorGraph } from '../../components/actor-graph/actor-graph.ts';
import '../../components/widget.ts';
import type { AgErrorDetail } from '../../components/actor-graph/events.ts';

export const SEED_URL = '/graph-data/easley-2024-axis-of-transactionalism.json';

const mounted: HTMLElement[] = [];

/** Adds markup to the page in a fixed-size box, and returns the box. */
export function mount(markup: string, style = 'width: 1100px'): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = style;
  box.innerHTML = markup;
  document.body.append(box);
  mounted.push(box);
  return box;
}

/**
 * Sends a mouse event of the left button (held down, but for `mouseup`) at a point of the page,
 * as Cytoscape reads a press, a drag and a release.
 */
export function mouseAt(target: EventTarget, type: string, x: number, y: number): void {
  target.dispatchEvent(
    new MouseEvent(type, {
      bubbles: true,
      composed: true,
      button: 0,
      buttons: type === 'mouseup' ? 0 : 1,
      clientX: x,
      clientY: y,
    }),
  );
}

/** Removes everything `mount` added. */
export function unmountAll(): void {
  for (const box of mounted.splice(0)) box.remove();
}

/** Resolves with the next event of a type that reaches `target`, or fails after `ms`. */
export function nextEvent<T = unknown>(target: EventTarget, type: string, ms = 10_000): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${ms} ms`)), ms);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as CustomEvent<T>);
      },
      { once: true },
    );
  });
}

/** Mounts one `<actor-graph>` and waits until it is drawn. */
export async function mountGraph(attributes = `src="${SEED_URL}"`, style?: string): Promise<ActorGraph> {
  const box = mount('', style);
  const ready = nextEvent(box, 'ag-ready');
  box.innerHTML = `<actor-graph ${attributes}></actor-graph>`;
  // The widget waits until it is near the viewport; bring it there, as a reader scrolling would.
  box.scrollIntoView({ block: 'start' });
  await ready;
  return box.querySelector('actor-graph') as ActorGraph;
}

/**
 * Mounts one `<actor-graph>` and waits for its first error. `errors` goes on collecting every
 * `ag-error` the graph fires after that.
 */
export async function mountFailing(
  markup: string,
): Promise<{ graph: ActorGraph; error: AgErrorDetail; errors: AgErrorDetail[] }> {
  const box = mount('');
  const errors: AgErrorDetail[] = [];
  box.addEventListener('ag-error', (event) => errors.push((event as CustomEvent<AgErrorDetail>).detail));
  const failed = nextEvent<AgErrorDetail>(box, 'ag-error');
  box.innerHTML = markup;
  box.scrollIntoView({ block: 'start' });
  const event = await failed;
  const graph = box.querySelector('actor-graph') as ActorGraph;
  await graph.updateComplete;
  return { graph, error: event.detail, errors };
}

/**
 * Mounts an `<actor-graph>` (with `attributes`) on a dataset value and its source texts, and waits
 * for it to be drawn (`error` undefined) or refused.
 */
export async function mountData(
  data: unknown,
  texts: Readonly<Record<string, string>>,
  attributes = '',
  ms = 10_000,
): Promise<{ graph: ActorGraph; error?: AgErrorDetail }> {
  const box = mount(`<actor-graph ${attributes}></actor-graph>`);
  const graph = box.querySelector('actor-graph') as ActorGraph;
  const settled = Promise.race([
    nextEvent(graph, 'ag-ready', ms).then(() => undefined),
    nextEvent<AgErrorDetail>(graph, 'ag-error', ms).then((event) => event.detail),
  ]);
  graph.sourceTexts = texts;
  graph.data = data as ActorGraph['data'];
  const error = await settled;
  await graph.updateComplete;
  return error === undefined ? { graph } : { graph, error };
}

/** The shadow-root element of a graph matching `selector`. */
export function inside<T extends Element = HTMLElement>(graph: ActorGraph, selector: string): T {
  const found = graph.shadowRoot?.querySelector<T>(selector);
  if (found === null || found === undefined) throw new Error(`no ${selector} in the widget`);
  return found;
}

/** The text of `node` as a reader sees it: spaces collapsed, and without the text only screen readers get. */
export function seenText(node: Node | null | undefined): string {
  if (node === null || node === undefined) return '';
  const copy = node.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll?.('.visually-hidden') ?? []) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The text of the evidence panel, as a reader sees it. */
export async function panelText(graph: ActorGraph): Promise<string> {
  const panel = inside(graph, 'ag-evidence-panel');
  await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  // Not the panel built ahead for the actor the pointer rests on, which is hidden.
  const shown = [...(panel.shadowRoot?.querySelectorAll('.panel:not(.ahead)') ?? [])];
  return shown
    .map((box) => box.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** Where an element of the graph is drawn, relative to the graph's box. */
export function renderedAt(graph: ActorGraph, id: string): { x: number; y: number } {
  const element = graph.cy?.getElementById(id);
  if (element === undefined || element.empty()) throw new Error(`no element ${id}`);
  return element.isNode() ? element.renderedPosition() : (element as unknown as EdgeSingular).renderedMidpoint();
}

/** Counts the canvas pixels that are not blank (transparent or the background). */
export function paintedPixels(graph: ActorGraph): number {
  let painted = 0;
  for (const canvas of graph.shadowRoot?.querySelectorAll('canvas') ?? []) painted += paintedPixelsOf(canvas);
  return painted;
}

/** Counts the pixels of `canvas` that are not transparent: all of them, or those of `region` (in canvas pixels). */
export function paintedPixelsOf(
  canvas: HTMLCanvasElement,
  region = { x: 0, y: 0, width: canvas.width, height: canvas.height },
): number {
  const context = canvas.getContext('2d');
  if (context === null || canvas.width === 0) return 0;
  const { data } = context.getImageData(region.x, region.y, region.width, region.height);
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if ((data[i] as number) > 0) painted++;
  return painted;
}

/**
 * Collects what reaches the page's own error handlers (`error`, `unhandledrejection`) during each
 * test of the file that calls it. The array is emptied before each test.
 */
export function collectPageErrors(): string[] {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(event.reason)}`);
  beforeEach(() => {
    errors.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  return errors;
}
