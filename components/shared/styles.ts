/**
 * The design tokens every part of the widget shares. Each `--ag-*` custom property has its default
 * here, so a host page can restyle the widget by setting any of them on `actor-graph`.
 */
import { css, unsafeCSS } from 'lit';
import { TIE_CATEGORIES } from '../../src/model/vocabulary.ts';
import { DEFAULT_THEME } from '../../src/render/theme.ts';

const categoryTokens = TIE_CATEGORIES.map((category) => `--ag-color-${category}: ${DEFAULT_THEME.categories[category]};`).join(
  '\n',
);
const kindTokens = Object.entries(DEFAULT_THEME.kinds)
  .map(([kind, color]) => `--ag-color-${kind}: ${color};`)
  .join('\n');
const categoryClasses = TIE_CATEGORIES.map((category) => `.cat-${category} { --cat-color: var(--ag-color-${category}); }`).join(
  '\n',
);

/** Token defaults, declared on the host so that a page's own values on the element win. */
export const tokenDefaults = css`
  :host {
    --ag-font-family: ${unsafeCSS(DEFAULT_THEME.fontFamily)};
    --ag-font-size: 15px;
    --ag-color-text: ${unsafeCSS(DEFAULT_THEME.text)};
    --ag-color-muted: #57606a;
    --ag-color-background: #ffffff;
    --ag-color-surface: #f6f8fa;
    --ag-color-border: #d0d7de;
    --ag-color-control-border: #8c959f;
    --ag-color-link: #0b57d0;
    --ag-color-focus: ${unsafeCSS(DEFAULT_THEME.focus)};
    --ag-color-highlight: #fff2a8;
    --ag-color-absent-background: #f3f0ff;
    --ag-color-absent-text: #4a3a8c;
    --ag-color-error: #b42318;
    --ag-radius: 8px;
    --ag-graph-height: 540px;
    ${unsafeCSS(categoryTokens)}
    ${unsafeCSS(kindTokens)}
  }
  /* Readers who ask for more contrast get rules and secondary text nearer the text colour (3.2:1
     and 9.8:1 on white by default), from the page's own colours: a dark theme's get lighter. */
  @media (prefers-contrast: more) {
    :host {
      --ag-color-border: color-mix(in srgb, var(--ag-color-text) 50%, var(--ag-color-background));
      --ag-color-muted: color-mix(in srgb, var(--ag-color-text) 85%, var(--ag-color-background));
    }
  }
`;

/**
 * Forced colors drop the colour keys of the tie categories, and the states drawn with a colour or a
 * shadow: keep the keys, and outline what is pressed or selected. Written minified: the build
 * leaves this file's templates as they are.
 */
const forcedColors = css`@media(forced-colors:active){.line{forced-color-adjust:none}.views [aria-pressed=true],.category[aria-pressed=true],[aria-selected=true],.involved{outline:2px solid Highlight;outline-offset:-2px}}`;

/** Resets and helpers for the inside of every shadow root. */
export const sharedStyles = css`
  :host {
    font-family: var(--ag-font-family);
    color: var(--ag-color-text);
  }
  /* Korean breaks lines between words, not inside them. */
  :host(:lang(ko)) { word-break: keep-all; }
  *, *::before, *::after { box-sizing: border-box; }
  ${unsafeCSS(categoryClasses)}
  ${forcedColors}
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
`;
