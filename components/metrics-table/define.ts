import { MetricsTable } from './metrics-table.ts';

if (customElements.get('ag-metrics-table') === undefined) customElements.define('ag-metrics-table', MetricsTable);

declare global {
  interface HTMLElementTagNameMap {
    'ag-metrics-table': MetricsTable;
  }
}
