import { TieLegend } from './tie-legend.ts';

if (customElements.get('ag-tie-legend') === undefined) customElements.define('ag-tie-legend', TieLegend);

declare global {
  interface HTMLElementTagNameMap {
    'ag-tie-legend': TieLegend;
  }
}
