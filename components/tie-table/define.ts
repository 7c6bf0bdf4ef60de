import { TieTable } from './tie-table.ts';

if (customElements.get('ag-tie-table') === undefined) customElements.define('ag-tie-table', TieTable);

declare global {
  interface HTMLElementTagNameMap {
    'ag-tie-table': TieTable;
  }
}
