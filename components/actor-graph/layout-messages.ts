/** The messages between the page and the layout worker. */
import type { LayoutRequest, PositionList } from '../../src/layout/request.ts';

/** From the page: a layout to compute (with its draft first, if asked), or a job to drop. */
export type LayoutMessage =
  | { readonly id: number; readonly request: LayoutRequest; readonly withDraft?: boolean }
  | { readonly cancel: number };

/** From the worker: a job's draft, its positions, or what went wrong. */
export type LayoutAnswer =
  | { readonly id: number; readonly draft: PositionList }
  | { readonly id: number; readonly positions: PositionList }
  | { readonly id: number; readonly error: string };
