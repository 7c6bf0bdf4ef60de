import { GraphSearch } from './graph-search.ts';

if (customElements.get('ag-graph-search') === undefined) customElements.define('ag-graph-search', GraphSearch);

declare global {
  interface HTMLElementTagNameMap {
    'ag-graph-search': GraphSearch;
  }
}
