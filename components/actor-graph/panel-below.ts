/**
 * Knows whether the evidence panel lies below the graph and out of the viewport, as on a phone:
 * there a tap on the graph changes a panel the reader cannot see, so the widget offers a button
 * that brings it into view.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * How much of the panel's top must be on screen (CSS px) for it to count as in view: its heading
 * and the start of what it shows. With its heading alone in view (the compare view at 1280 × 800
 * leaves 110 px), a chosen tie's quotes were all off screen, and no button offered them.
 */
const IN_VIEW_MARGIN = 160;

export class PanelBelowController implements ReactiveController {
  /** Whether the panel is below the graph and none of it (past its top 160 px) is on screen. */
  outOfView = false;
  private intersecting = true;
  private intersection: IntersectionObserver | undefined;
  /** The panel goes below the graph, or beside it, as the widget's width or view changes. */
  private resize: ResizeObserver | undefined;
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

  hostConnected(): void {
    // Moved in the page: observe again once rendered.
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const panel = this.panel();
    if (panel === this.observed) return;
    this.stop();
    this.observed = panel;
    if (panel === null || typeof IntersectionObserver === 'undefined') return;
    this.intersection = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1);
        if (entry !== undefined) this.intersecting = entry.isIntersecting;
        this.check();
      },
      { rootMargin: `0px 0px -${IN_VIEW_MARGIN}px 0px` },
    );
    this.intersection.observe(panel);
    if (typeof ResizeObserver !== 'undefined') {
      this.resize = new ResizeObserver(() => this.check());
      this.resize.observe(panel);
    }
  }

  hostDisconnected(): void {
    this.stop();
    this.outOfView = false;
  }

  private stop(): void {
    this.intersection?.disconnect();
    this.resize?.disconnect();
    this.intersection = undefined;
    this.resize = undefined;
    this.observed = null;
  }

  private check(): void {
    const panel = this.observed;
    const graph = this.graph();
    if (panel === null || graph === null) return;
    // Beside the graph (a wide widget), the panel scrolls with it: nothing to bring into view.
    const below = panel.getBoundingClientRect().top >= graph.getBoundingClientRect().bottom - 1;
    const outOfView = below && !this.intersecting;
    if (outOfView === this.outOfView) return;
    this.outOfView = outOfView;
    this.host.requestUpdate();
  }
}
