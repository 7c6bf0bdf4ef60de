/** The events `<actor-graph>` fires, with their typed details. */
import type { ExportFormat } from '../../src/export/formats.ts';
import type { TieCategory } from '../../src/model/vocabulary.ts';
import type { TieFilter } from '../../src/render/filter.ts';
import type { ValidationIssue } from '../../src/validation/issue.ts';
import type { Selection } from './selection.ts';

/** `ag-ready`: the graph is drawn and laid out. */
export interface AgReadyDetail {
  readonly actors: number;
  readonly ties: number;
}

/** `ag-select`: the selection changed; `kind` and `id` are `null` when it was cleared. */
export type AgSelectDetail = Selection | { readonly kind: null; readonly id: null };

/** `ag-error`: the data could not be loaded or is not valid. */
export interface AgErrorDetail {
  /** One sentence naming what is wrong and where (a URL, or the JSON path of the first error). */
  readonly message: string;
  /** Every problem the validator found, with its path. Empty for network failures. */
  readonly issues: readonly ValidationIssue[];
}

declare global {
  interface HTMLElementEventMap {
    'ag-ready': CustomEvent<AgReadyDetail>;
    'ag-select': CustomEvent<AgSelectDetail>;
    'ag-error': CustomEvent<AgErrorDetail>;
    'ag-filter-change': CustomEvent<TieFilter>;
    'ag-view-change': CustomEvent<AgViewChangeDetail>;
    'ag-compare-change': CustomEvent<AgCompareChangeDetail>;
    'ag-export': CustomEvent<AgExportDetail>;
    'ag-export-request': CustomEvent<AgExportRequestDetail>;
  }
}

/** Makes an event the way every `ag-` event is made: bubbling, composed, with a typed detail. */
export function agEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
}

/** `ag-view-change`: the reader switched the view. */
export interface AgViewChangeDetail {
  readonly view: 'graph' | 'compare' | 'table';
}

/** `ag-compare-change`: the reader chose another category for a pane of the compare view. */
export interface AgCompareChangeDetail {
  /** The categories of the left (or first) pane and of the right one. */
  readonly compare: readonly [TieCategory, TieCategory];
}

/** `ag-export-request`: the reader chose a format in the legend's Export menu. */
export interface AgExportRequestDetail {
  readonly format: ExportFormat;
}

/** `ag-export`: a file was exported and handed to the browser to download. */
export interface AgExportDetail {
  readonly format: ExportFormat;
  /** The name the file is saved under: `<dataset id>.<extension>`. */
  readonly filename: string;
  /** The size of the file, in bytes. */
  readonly bytes: number;
}
