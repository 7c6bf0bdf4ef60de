/**
 * Knows whether the evidence panel lies below the graph and out of the viewport, as on a phone:
 * there a tap on the graph changes a panel the reader cannot see, so the widget offers a button
 * that brings it into view.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How much of the panel's top must be on screen (CSS px) for it to count as in view. */
const IN_VIEW_MARGIN = 48;

export class PanelBelowController implements ReactiveController {
  /** Whether the panel is below the graph and none of it (past its top 48 px) is on screen. */
  outOfView = false;
  private observer: IntersectionObserver | undefined;
  private observed: Element | null = null;

  /**
   * `panel` finds the panel's box, `graph` the column it goes below when the widget is narrow;
   * either may be missing before the first render.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly panel: () => Element | null,
    private readonly graph: () => Element | null,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const panel = this.panel();
    if (panel === this.observed) return;
    this.observer?.disconnect();
    this.observed = panel;
    if (panel === null || typeof IntersectionObserver === 'undefined') return;
    this.observer = new IntersectionObserver((entries) => this.onChange(entries), {
      rootMargin: `0px 0px -${IN_VIEW_MARGIN}px 0px`,
    });
    this.observer.observe(panel);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = null;
    this.outOfView = false;
  }

  private onChange(entries: IntersectionObserverEntry[]): void {
    const entry = entries.at(-1);
    const graph = this.graph();
    if (entry === undefined || graph === null) return;
    // Beside the graph (a wide widget), the panel scrolls with it: nothing to bring into view.
    const below = entry.boundingClientRect.top >= graph.getBoundingClientRect().bottom - 1;
    const outOfView = below && !entry.isIntersecting;
    if (outOfView === this.outOfView) return;
    this.outOfView = outOfView;
    this.host.requestUpdate();
  }
}
