/** How the widget writes a count of ties: the ties that exist, and the absent ones apart. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../../src/i18n/index.ts';

/**
 * A count of ties, as the legend and the compare view's panes write it: the ties that exist
 * (`shown` of `all` where tie types are switched off), then, where absent ties are shown, "+13
 * absent" apart: adding the ties the text says do not exist to those it says exist would blur the
 * very difference the text draws.
 */
export function countOf(words: Messages, shown: number, all: number, absent: number): TemplateResult {
  const label = `${shown === all ? words.count.ties(all) : words.count.tiesOf(shown, all)}${absent > 0 ? `, ${words.count.andAbsent(absent)}` : ''}`;
  // Read out in words from a text of its own: an aria-label on a span is not sure to be read.
  return html`<span class="count" aria-hidden="true">${shown === all ? all : `${shown}/${all}`}${
    absent > 0 ? html` <span class="absent-count">${words.count.plusAbsent(absent)}</span>` : nothing
  }</span><span class="visually-hidden">${label}</span>`;
}
