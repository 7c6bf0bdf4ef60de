/**
 * The elements only the compare and table views need, loaded on first use so that article pages
 * showing the graph never download them.
 */
import './metrics-table/define.ts';
import './tie-table/define.ts';

export { MetricsTable } from './metrics-table/metrics-table.ts';
export { TieTable } from './tie-table/tie-table.ts';
