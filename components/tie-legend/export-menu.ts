/**
 * The legend's Export menu: a disclosure, like the legend's others, listing the formats. Choosing
 * one fires `ag-export-request`; `<actor-graph>` makes the file and starts the download.
 */
import { css, html, type TemplateResult } from 'lit';
import { EXPORT_FORMATS, type ExportFormat, IMAGE_FORMATS } from '../../src/export/formats.ts';
import type { Messages } from '../../src/i18n/index.ts';
import { type AgExportRequestDetail, agEvent } from '../actor-graph/events.ts';

/** What the legend gives the menu: whether images can be made, and its disclosures' shared behaviour. */
export interface ExportMenuOptions {
  /** Whether a graph is on screen to draw an image of (not in the table view). */
  readonly images: boolean;
  /** The menu's words, in the widget's language. */
  readonly words: Messages['legend']['exportMenu'];
  readonly onFocusOut: (event: FocusEvent) => void;
  readonly onKeydown: (event: KeyboardEvent) => void;
}

/** Fires the request for `format`, then closes the menu and puts focus back on its summary. */
function choose(event: Event, format: ExportFormat): void {
  const button = event.currentTarget as HTMLButtonElement;
  const details = button.closest('details');
  button.dispatchEvent(agEvent<AgExportRequestDetail>('ag-export-request', { format }));
  details?.querySelector('summary')?.focus();
  if (details !== null) details.open = false;
}

/** The menu, for the legend's template. */
export function renderExportMenu(options: ExportMenuOptions): TemplateResult {
  const words = options.words;
  return html`<details class="export" @focusout=${options.onFocusOut} @keydown=${options.onKeydown}>
    <summary>${words.summary}</summary>
    <div class="popover export-menu" role="group" aria-label=${words.label} tabindex="-1">
      ${EXPORT_FORMATS.map((format) => {
        const disabled = !options.images && IMAGE_FORMATS.has(format);
        return html`<button type="button" data-format=${format} ?disabled=${disabled} @click=${(event: Event) => choose(event, format)}>
          <span class="item">${words.items[format]}</span><span class="hint">${words.hints[format]}</span>
        </button>`;
      })}
      ${options.images ? '' : html`<p class="hint">${words.noImages}</p>`}
    </div>
  </details>`;
}

/** The menu's own look, added to the legend's styles. */
export const exportMenuStyles = css`
  .export-menu { display: flex; flex-direction: column; gap: 0.1rem; min-width: 16rem; padding: 0.35rem; }
  .export-menu button {
    all: unset; box-sizing: border-box; cursor: pointer; display: flex; flex-direction: column; gap: 0.05rem;
    width: 100%; padding: 0.35rem 0.5rem; border-radius: 4px;
  }
  .export-menu button:hover:not(:disabled) { background: var(--ag-color-surface); }
  .export-menu button:focus-visible { outline: 2px solid var(--ag-color-focus); outline-offset: -2px; }
  .export-menu button:disabled { cursor: default; opacity: 0.5; }
  .export-menu .item { color: var(--ag-color-text); }
  .export-menu .hint { color: var(--ag-color-muted); font-size: 0.75rem; }
  .export-menu p.hint { margin: 0.3rem 0.5rem 0.1rem; }
`;
