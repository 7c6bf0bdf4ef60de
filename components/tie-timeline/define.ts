import { TieTimeline } from './tie-timeline.ts';

if (customElements.get('ag-tie-timeline') === undefined) customElements.define('ag-tie-timeline', TieTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'ag-tie-timeline': TieTimeline;
  }
}
