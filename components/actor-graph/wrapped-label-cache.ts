/**
 * Lets Cytoscape keep the lines of a wrapped label instead of working them out again at every
 * frame.
 *
 * For `text-wrap: wrap`, Cytoscape's `getLabelText` breaks a label into lines by measuring it word
 * by word (each measure sets the canvas font anew), and keeps the lines under the label's style
 * key. It looks that key up in the element's render scratch, though, where nothing ever puts it
 * (Cytoscape 3.35 keeps it on the element itself), so every frame measured every drawn label
 * again. The key is handed over where Cytoscape looks for it; the lines are then measured again
 * only when the label or its style changes, which is what the key stands for, or when a font
 * finishes loading.
 */
import type { Core } from 'cytoscape';
import { canvasRendererOf } from './canvas-renderer-internals.ts';
import type { ElementPrivate } from './element-internals.ts';

/** An element whose label keys Cytoscape keeps under prefixed names (`labelKey`, `sourceLabelKey`, …). */
interface LabelledElementInternals {
  _private: ElementPrivate & Record<string, unknown>;
}

/** Cytoscape's name for a label property with a prefix: `labelKey` with `source` is `sourceLabelKey`. */
function prefixed(name: string, prefix: string | undefined): string {
  return prefix ? `${prefix}${name[0]?.toUpperCase()}${name.slice(1)}` : name;
}

/**
 * Makes the renderer of `cy` reuse a wrapped label's lines while the label's text and style stay
 * the same. Call it right after creating the core; it does nothing where the renderer has no
 * such function (a headless core, another version of Cytoscape).
 */
export function cacheWrappedLabels(cy: Core): void {
  const renderer = canvasRendererOf<LabelledElementInternals>(cy);
  const original = renderer?.getLabelText;
  if (renderer === undefined || original === undefined) return;
  renderer.getLabelText = function getLabelText(element, prefix) {
    const internals = element._private;
    const key = prefixed('labelKey', prefix);
    internals.rscratch[key] = internals[key];
    return original.call(this, element, prefix);
  };
  // Lines broken before a font finished loading were measured in another font: once one loads
  // (a page's web font named in --ag-font-family, say), every label is broken again.
  const fonts = (globalThis.document as Document | undefined)?.fonts;
  if (fonts === undefined) return;
  const breakAgain = () => {
    for (const element of cy.elements()) {
      const scratch = (element as unknown as LabelledElementInternals)._private.rscratch;
      for (const prefix of [undefined, 'source', 'target']) delete scratch[prefixed('labelWrapKey', prefix)];
    }
    cy.forceRender();
  };
  fonts.addEventListener('loadingdone', breakAgain);
  cy.one('destroy', () => fonts.removeEventListener('loadingdone', breakAgain));
}
