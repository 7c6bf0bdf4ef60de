import { EvidencePanel } from './evidence-panel.ts';

if (customElements.get('ag-evidence-panel') === undefined) customElements.define('ag-evidence-panel', EvidencePanel);

declare global {
  interface HTMLElementTagNameMap {
    'ag-evidence-panel': EvidencePanel;
  }
}
