import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type { TieCount } from '../../src/render/filter.ts';
import { formatPartialDate } from '../../src/render/format.ts';
import type { DateRange } from '../../src/render/time.ts';
import { wordsFor } from '../shared/language.ts';
import { sharedStyles } from '../shared/styles.ts';

const tieCountChanged = (count: TieCount, before: TieCount | undefined) =>
  count.present !== before?.present || count.absent !== before?.absent;

/**
 * The timeline: two sliders over the dates the ties give, which narrow the ties shown to those
 * whose period meets the range. Undated ties are never hidden; the control says how many ties it
 * hides and how many have no date.
 *
 * @tagname ag-tie-timeline
 *
 * @csspart timeline - The timeline's box.
 * @fires ag-time-change - The reader moved a slider or reset the range; detail is the new `{from, to}`.
 */
export class TieTimeline extends LitElement {
  static override properties = {
    stops: { attribute: false },
    range: { attribute: false },
    // Counted anew at each render of the widget: a new object with the same figures changes nothing.
    hiddenCount: { attribute: false, hasChanged: tieCountChanged },
    undatedCount: { attribute: false, hasChanged: tieCountChanged },
    lang: { type: String },
  };

  /** The dates of the timeline, in time order. */
  declare stops: readonly string[];
  /** The range picked; an end left out is open. */
  declare range: DateRange;
  /** How many ties the range hides, those that exist and the absent ones apart. */
  declare hiddenCount: TieCount;
  /** How many ties shown have no date (and so are always shown), those that exist and the absent ones apart. */
  declare undatedCount: TieCount;

  /** What the live region last said. */
  private said = '';

  constructor() {
    super();
    this.stops = [];
    this.range = {};
    this.hiddenCount = { present: 0, absent: 0 };
    this.undatedCount = { present: 0, absent: 0 };
  }

  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      .timeline { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.8rem; padding: 0.4rem 0.7rem; font-size: 0.85rem; }
      .title { font-weight: 600; }
      /* Controls are at least 24 px tall, a finger's target (WCAG 2.5.8). */
      label { display: inline-flex; align-items: center; gap: 0.35rem; min-height: 24px; }
      /* At most 40% of the widget's width (cqi), so that a 300 px column holds a slider and its date on one line. */
      input[type='range'] { width: min(clamp(6rem, 18vw, 11rem), 40cqi); height: 24px; margin-block: 0; accent-color: var(--ag-color-link); }
      /* The date for the eye: the slider's aria-valuetext says it, and an output, a live region, would say it again. */
      output { font-variant-numeric: tabular-nums; min-width: 5.5rem; }
      .status { color: var(--ag-color-muted); }
      /* Always there, and off while every date is shown: appearing, it would push the graph down.
         Off, it keeps focus (aria-disabled), or the reader who just pressed it would lose it. */
      button { box-sizing: border-box; font: inherit; font-size: 0.85rem; min-height: 24px; padding: 0.1rem 0.55rem; border-radius: 999px; border: 1px solid var(--ag-color-border);
               background: var(--ag-color-background); color: var(--ag-color-link); cursor: pointer; }
      button[aria-disabled='true'] { color: var(--ag-color-muted); cursor: default; opacity: 0.7; }
      button:focus-visible, input:focus-visible { outline: 2px solid var(--ag-color-focus); outline-offset: 2px; }
    `,
  ];

  override render(): TemplateResult | typeof nothing {
    const stops = this.stops;
    if (stops.length === 0) return nothing;
    const last = stops.length - 1;
    const fromIndex = this.range.from === undefined ? 0 : Math.max(0, stops.indexOf(this.range.from));
    const toIndex = this.range.to === undefined ? last : Math.max(0, stops.indexOf(this.range.to));
    const narrowed = this.range.from !== undefined || this.range.to !== undefined;
    const words = wordsFor(this, this.lang);
    const t = words.timeline;
    const label = (index: number) => formatPartialDate(stops[index] as string, words.date);
    const status = `${this.hiddenCount.present + this.hiddenCount.absent === 0 ? t.noneHidden : t.hidden(this.hiddenCount)}${
      this.undatedCount.present + this.undatedCount.absent > 0 ? ` · ${t.undated(this.undatedCount, narrowed)}` : ''
    }`;
    // Spoken only when the reader moved a date or pressed All dates (the focus is here): a change of
    // the legend's switches, or of view, changes the counts too, and is not news from the timeline.
    if (this.matches(':focus-within')) this.said = status;
    return html`<div class="timeline" part="timeline" role="group" aria-label=${t.label}>
      <span class="title" aria-hidden="true">${t.title}</span>
      <label>
        ${t.from}
        <input type="range" min="0" max=${last} step="1" .value=${String(fromIndex)} aria-label=${t.earliest}
          aria-valuetext=${label(fromIndex)} @input=${(event: Event) => this.move('from', event)} />
        <output aria-hidden="true">${label(fromIndex)}</output>
      </label>
      <label>
        ${t.to}
        <input type="range" min="0" max=${last} step="1" .value=${String(toIndex)} aria-label=${t.latest}
          aria-valuetext=${label(toIndex)} @input=${(event: Event) => this.move('to', event)} />
        <output aria-hidden="true">${label(toIndex)}</output>
      </label>
      <span class="status">${status}</span>
      <span class="visually-hidden" role="status">${this.said}</span>
      <button aria-disabled=${narrowed ? 'false' : 'true'} @click=${this.reset}>${t.allDates}</button>
    </div>`;
  }

  /** Moves one end; the other end is pushed along so the range never turns inside out. */
  private move(end: 'from' | 'to', event: Event): void {
    const stops = this.stops;
    const last = stops.length - 1;
    const index = Number((event.target as HTMLInputElement).value);
    let fromIndex = this.range.from === undefined ? 0 : stops.indexOf(this.range.from);
    let toIndex = this.range.to === undefined ? last : stops.indexOf(this.range.to);
    if (end === 'from') {
      fromIndex = index;
      toIndex = Math.max(toIndex, index);
    } else {
      toIndex = index;
      fromIndex = Math.min(fromIndex, index);
    }
    this.emit({ from: fromIndex <= 0 ? undefined : stops[fromIndex], to: toIndex >= last ? undefined : stops[toIndex] });
  }

  private reset(): void {
    // Off while every date is shown (see the button's style).
    if (this.range.from === undefined && this.range.to === undefined) return;
    this.emit({});
  }

  private emit(range: DateRange): void {
    this.range = range;
    this.dispatchEvent(new CustomEvent<DateRange>('ag-time-change', { detail: range, bubbles: true, composed: true }));
  }
}
