/**
 * The elements only some widgets need, loaded on first use: the compare and table views, and the
 * timeline (for data with dates). A page showing an undated graph never downloads them.
 */
import './metrics-table/define.ts';
import './tie-table/define.ts';
import './tie-timeline/define.ts';

export { MetricsTable } from './metrics-table/metrics-table.ts';
export { TieTable } from './tie-table/tie-table.ts';
export { TieTimeline } from './tie-timeline/tie-timeline.ts';
