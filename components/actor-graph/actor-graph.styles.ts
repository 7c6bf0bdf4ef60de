import { css } from 'lit';
import { sharedStyles, tokenDefaults } from '../shared/styles.ts';

export const actorGraphStyles = [
  tokenDefaults,
  sharedStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      container-name: actor-graph;
      /* The size containment above gives the element no width of its own: in a flex or grid item
         that takes its width from its content, it would shrink to nothing. */
      contain-intrinsic-inline-size: 760px;
      min-width: 0;
    }
    :host([hidden]) {
      display: none;
    }
    /* Nothing the host page sets on inherited properties (fonts, spacing, alignment) gets in. */
    /* Focusable (never by Tab) so that a click on text in the widget keeps the focus in it, where
       Escape clears the selection; a click shows no ring. */
    .root:focus {
      outline: none;
    }
    .waiting > * {
      visibility: hidden;
    }
    .root {
      all: initial;
      /* "all" leaves the direction inherited: on a right-to-left page, the widget's English or
         Korean would be laid out and punctuated right to left. */
      direction: ltr;
      position: relative;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      font-family: var(--ag-font-family);
      font-size: var(--ag-font-size);
      line-height: 1.45;
      color: var(--ag-color-text);
      background: var(--ag-color-background);
      border: 1px solid var(--ag-color-border);
      border-radius: var(--ag-radius);
      overflow: hidden;
      /* Clips like hidden without being a scroll box, which would hold the panel button (sticky) to it. */
      overflow: clip;
      text-align: start;
    }
    .graph-column {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    ag-tie-legend {
      border-bottom: 1px solid var(--ag-color-border);
    }
    .frame {
      position: relative;
      height: min(var(--ag-graph-height), 70vh);
      min-height: 280px;
    }
    /* The canvas keeps its own colours in forced-colors mode: so do its background and focus ring. */
    .graph {
      position: absolute;
      inset: 0;
      outline: none;
      background: var(--ag-color-background);
      forced-color-adjust: none;
    }
    /* A shade along each side past which the graph goes on (offscreen-cues.ts sets the classes). */
    .cues {
      position: absolute;
      inset: 0;
      pointer-events: none;
      --_cue: color-mix(in srgb, var(--ag-color-text) 18%, transparent);
      background-image: var(--_cue-left, none), var(--_cue-right, none), var(--_cue-top, none),
        var(--_cue-bottom, none);
    }
    .more-left .cues {
      --_cue-left: linear-gradient(to right, var(--_cue), transparent 22px);
    }
    .more-right .cues {
      --_cue-right: linear-gradient(to left, var(--_cue), transparent 22px);
    }
    .more-top .cues {
      --_cue-top: linear-gradient(to bottom, var(--_cue), transparent 22px);
    }
    .more-bottom .cues {
      --_cue-bottom: linear-gradient(to top, var(--_cue), transparent 22px);
    }
    .graph:focus-visible {
      box-shadow: inset 0 0 0 3px var(--ag-color-focus);
    }
    .panel-wrap {
      position: relative;
      border-top: 1px solid var(--ag-color-border);
      min-width: 0;
    }
    /* Below the graph, a long list of ties scrolls inside the panel rather than lengthening the page. */
    ag-evidence-panel {
      max-height: min(80vh, 720px);
      overflow: auto;
      overscroll-behavior: contain;
    }
    /* The graph view sets the panel beside the graph when there is room; the compare and table
       views need the whole width, so their panel always comes below. */
    @container actor-graph (min-width: 760px) {
      .root.view-graph {
        grid-template-columns: minmax(0, 1fr) minmax(300px, 36%);
      }
      .view-graph .panel-wrap {
        border-top: 0;
        border-left: 1px solid var(--ag-color-border);
      }
      /* Beside the graph, the panel scrolls within the graph's height instead of stretching it. */
      .view-graph ag-evidence-panel {
        position: absolute;
        inset: 0;
        max-height: none;
      }
      .root .panes {
        grid-template-columns: 1fr 1fr;
      }
      .root .pane + .pane {
        border-left: 1px solid var(--ag-color-border);
        border-top: 0;
      }
    }
    .views {
      display: flex;
      gap: 0;
      padding: 0.55rem 0.6rem 0;
    }
    .views button {
      all: unset;
      cursor: pointer;
      padding: 0.2rem 0.8rem;
      font-size: 0.85rem;
      border: 1px solid var(--ag-color-border);
      background: var(--ag-color-background);
      color: var(--ag-color-text);
    }
    .views button + button {
      border-left: 0;
    }
    .views button:first-child {
      border-radius: 6px 0 0 6px;
    }
    .views button:last-child {
      border-radius: 0 6px 6px 0;
    }
    .views button[aria-pressed='true'] {
      background: var(--ag-color-text);
      color: var(--ag-color-background);
      border-color: var(--ag-color-text);
    }
    .views button:focus-visible {
      outline: 2px solid var(--ag-color-focus);
      outline-offset: 2px;
    }
    /* The view buttons and the search box share the top bar; the box takes the room that is left. */
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem 0.6rem;
      padding: 0.55rem 0.6rem 0;
    }
    .bar .views {
      padding: 0;
    }
    /* 6rem keeps it beside the view buttons on a 360 px phone. */
    ag-graph-search {
      flex: 1 1 6rem;
      max-width: 20rem;
      margin-left: auto;
    }
    ag-tie-timeline {
      border-bottom: 1px solid var(--ag-color-border);
    }
    .panes {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      border-bottom: 1px solid var(--ag-color-border);
    }
    .pane {
      min-width: 0;
    }
    .pane + .pane {
      border-top: 1px solid var(--ag-color-border);
    }
    .pane .frame {
      height: min(calc(var(--ag-graph-height) * 0.8), 60vh);
    }
    .pane-title {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      margin: 0;
      padding: 0.45rem 0.7rem 0;
      font-size: 1rem;
    }
    .pane-title .line {
      width: 1.2rem;
      height: 0.3rem;
      border-radius: 2px;
      background: var(--cat-color);
      display: inline-block;
    }
    .pane-title .count {
      color: var(--ag-color-muted);
      font-weight: 400;
    }
    /* The pane's category, as a heading that opens a list of the others. */
    .pane-title select {
      font: inherit;
      font-weight: 600;
      color: var(--ag-color-text);
      background: transparent;
      border: 1px solid transparent;
      border-radius: 4px;
      min-height: 24px;
      padding: 0 0.2rem;
      cursor: pointer;
      /* As wide as the category chosen, not as the longest one (where the browser can). */
      field-sizing: content;
    }
    .pane-title select:hover {
      border-color: var(--ag-color-border);
    }
    .pane-title select:focus-visible {
      outline: 2px solid var(--ag-color-focus);
      outline-offset: 1px;
    }
    .tools {
      position: absolute;
      right: 0.5rem;
      bottom: 0.5rem;
      display: flex;
      gap: 0.25rem;
    }
    .tools button {
      all: unset;
      cursor: pointer;
      width: 2rem;
      height: 2rem;
      display: grid;
      place-items: center;
      font-size: 1rem;
      border: 1px solid var(--ag-color-control-border);
      border-radius: 6px;
      background: var(--ag-color-background);
      color: var(--ag-color-text);
    }
    /* Drawn, not a glyph: few system fonts have one for "fit" (here only a serif did), and
       looking for it walked the whole font list on the first render. */
    .tools svg {
      width: 1em;
      height: 1em;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.6;
    }
    .tools button:focus-visible {
      outline: 2px solid var(--ag-color-focus);
      outline-offset: 1px;
    }
    .overlay {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      pointer-events: none;
      color: var(--ag-color-muted);
    }
    /* Floats at the foot of the screen while the graph is on it; overlaps the graph's foot, left
       of its zoom buttons. Its margins cancel its height, so showing it moves nothing below. */
    .to-panel {
      all: unset;
      position: sticky;
      bottom: 0.75rem;
      z-index: 4;
      align-self: flex-start;
      margin: -2.8rem 0 0.6rem 0.6rem;
      box-sizing: border-box;
      min-height: 2.2rem;
      padding: 0.35rem 0.9rem;
      border-radius: 999px;
      background: var(--ag-color-focus);
      color: #fff;
      font-size: 0.85rem;
      font-weight: 600;
      cursor: pointer;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
    }
    .to-panel:focus-visible {
      outline: 2px solid var(--ag-color-text);
      outline-offset: 2px;
    }
    /* Fixed to the screen, over the article the reader clicked in, far from the widget. */
    .from-article {
      position: fixed;
      left: 50%;
      bottom: 1rem;
      transform: translateX(-50%);
      z-index: 2147483000;
      display: flex;
      align-items: center;
      gap: 0.7rem;
      width: max-content;
      max-width: calc(100vw - 2rem);
      box-sizing: border-box;
      padding: 0.45rem 0.5rem 0.45rem 0.9rem;
      border-radius: 10px;
      background: rgb(31 35 40 / 0.94);
      color: #fff;
      font-size: 0.85rem;
      box-shadow: 0 4px 16px rgb(0 0 0 / 0.3);
    }
    .from-article button {
      all: unset;
      flex: none;
      cursor: pointer;
      min-height: 24px;
      padding: 0.25rem 0.7rem;
      border-radius: 6px;
      background: #fff;
      color: rgb(31 35 40);
      font-weight: 600;
    }
    .from-article button:focus-visible {
      outline: 2px solid #fff;
      outline-offset: 2px;
    }
    .hint {
      position: absolute;
      left: 50%;
      top: 0.75rem;
      transform: translateX(-50%);
      padding: 0.35rem 0.7rem;
      border-radius: 6px;
      background: rgb(31 35 40 / 0.85);
      color: #fff;
      font-size: 0.85rem;
      pointer-events: none;
      width: max-content;
      max-width: calc(100% - 1rem);
      text-align: center;
    }
    /* The swipe it answers scrolls the graph's top away: this one keeps to the screen's foot,
       above where the panel's button floats. */
    .hint.touch {
      position: fixed;
      top: auto;
      bottom: 4.5rem;
      z-index: 5;
    }
    .notice {
      margin: 0;
      padding: 0.35rem 0.7rem;
      font-size: 0.85rem;
      color: var(--ag-color-muted);
      border-bottom: 1px solid var(--ag-color-border);
      /* URLs and hashes break anywhere rather than widen a phone's page. */
      overflow-wrap: anywhere;
    }
    .error {
      grid-column: 1 / -1;
      margin: 0;
      padding: 0.8rem 1rem;
      border-bottom: 1px solid var(--ag-color-border);
      background: #fff5f4;
      color: var(--ag-color-error);
    }
    .error h2 {
      font-size: 1rem;
      margin: 0 0 0.3rem;
    }
    .error p {
      margin: 0.2rem 0;
      overflow-wrap: anywhere;
    }
    .error ul {
      margin: 0.3rem 0;
      padding-left: 1.2rem;
      font-size: 0.85rem;
      max-height: 12rem;
      overflow: auto;
      overflow-wrap: anywhere;
    }
    .error code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.85em;
    }
    .error button {
      margin-top: 0.4rem;
      font: inherit;
      padding: 0.25rem 0.8rem;
      border-radius: 6px;
      border: 1px solid currentColor;
      background: var(--ag-color-background);
      color: inherit;
      cursor: pointer;
    }
  `,
];
