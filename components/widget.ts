/**
 * The widget itself: importing this module defines `<actor-graph>` and the elements it is built
 * from, and exports their classes so a host can compose its own layout. Pages load it through
 * `components/index.ts`, which waits for the page's load event first.
 */
import './actor-graph/define.ts';
import './evidence-panel/define.ts';
import './tie-legend/define.ts';

export type { Dataset, DatasetInput } from '../src/model/schema.ts';
export type { TieFilter } from '../src/render/filter.ts';
export { ActorGraph, loadLazyViews } from './actor-graph/actor-graph.ts';
export type { AgErrorDetail, AgReadyDetail, AgSelectDetail, AgViewChangeDetail } from './actor-graph/events.ts';
export type { Selection } from './actor-graph/selection.ts';
export { EvidencePanel } from './evidence-panel/evidence-panel.ts';
/** The elements loaded on demand (`MetricsTable`, `TieTable`, `TieTimeline`): see `loadLazyViews`. */
export type * as LazyViews from './lazy-views.ts';
export { TieLegend } from './tie-legend/tie-legend.ts';
