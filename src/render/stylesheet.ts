/**
 * Builds the Cytoscape stylesheet as JSON from a theme. Selectors are fixed strings and classes
 * from our own vocabularies; no string from a dataset ever goes into one.
 */
import type { Css, StylesheetJson } from 'cytoscape';
import { ACTOR_KINDS, type ActorKind, HEDGES, TIE_CATEGORIES } from '../model/vocabulary.ts';
import { type GraphTheme, HEDGE_DASHES, KIND_SHAPES } from './theme.ts';

/** The size of an actor's node, in model units. Blocs are drawn larger than single actors. */
export const NODE_SIZE = 28;
const BLOC_SIZE = 36;
/**
 * The actors' place in the drawing order. Cytoscape draws every tie under every actor unless the
 * actors are ordered by hand; ordered so, the ties stay under them (their z-index is lower) except
 * the selected tie. Ordering by hand keeps all of them at the same compound depth, which
 * Cytoscape's hit test needs to let a closer tie win over the selected one.
 */
const ACTOR_Z_INDEX = 8;

/** The smallest size on screen, in pixels, at which labels are drawn. */
const MIN_LABEL_PX = 6;
/** How wide (model px) a tie's label may run before it wraps: less than most ties are long. */
const EDGE_LABEL_WIDTH = 120;
/** How wide (model px) an actor's name may run before it wraps. */
export const NODE_LABEL_WIDTH = 130;
/**
 * How absent ties are drawn, here and in the exported picture: paler, thinner and finely dotted.
 * Paler, not faint: at 0.45 an absent alliance tie stood at 1.96:1 against the background, and
 * the 13 of them between North Korea, Russia and China could not be told apart; at 0.7, 3.04:1
 * (the dots and circles still set them apart from the ties that exist, which are opaque).
 */
export const ABSENT_TIE = { width: 2, opacity: 0.7, dashes: [1, 5] } as const;

/** A tie that exists: opaque, as the category colours are chosen for 3:1 against the background as they are. */
export const PRESENT_TIE = { width: 2.5, opacity: 1 } as const;

/** The size of the node of an actor of this kind, in model units. */
export function nodeSizeOf(kind: ActorKind): number {
  return kind === 'bloc' ? BLOC_SIZE : NODE_SIZE;
}

/**
 * The stylesheet of the graph, with the visual states (classes) the widget toggles. With
 * `fades` off, changes of opacity (a tie lit on hover or by a selection) show at once: a 150 ms
 * fade is several frames, and in a large graph each frame redraws all of it (at 3,000 actors
 * here, four frames of 160 to 260 ms for one hover). With `nameCards`, each actor's name sits on
 * a card of the halo colour that mutes the ties crossing it; each card is one more shape to draw
 * per name and frame (at 1,000 actors here, the selection was drawn 155 ms after a click against
 * 123). The widget fades, and sets names on cards, in small graphs only.
 */
export function buildStylesheet(
  theme: GraphTheme,
  { fades = true, nameCards = true }: { fades?: boolean; nameCards?: boolean } = {},
): StylesheetJson {
  const fade = fades ? { 'transition-property': 'opacity', 'transition-duration': 150 } : {};
  const card = nameCards
    ? { 'text-background-color': theme.textHalo, 'text-background-opacity': 0.75, 'text-background-padding': '1px' }
    : {};
  const sheet: StylesheetJson = [
    {
      // While the reader drags a large graph, a bitmap of it moves: what the bitmap does not
      // cover stays the widget's background, not Cytoscape's grey tint.
      selector: 'core',
      // Cytoscape's types ask for every core property at once; one is set here.
      style: { 'outside-texture-bg-opacity': 0 } as Css.Core,
    },
    {
      selector: 'node',
      style: {
        width: NODE_SIZE,
        height: NODE_SIZE,
        label: 'data(label)',
        'font-family': theme.fontFamily,
        'font-size': theme.fontSize,
        color: theme.text,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': `${NODE_LABEL_WIDTH}px`,
        'text-outline-color': theme.textHalo,
        'text-outline-width': 2.5,
        ...card,
        // Labels smaller than this on screen (in px) are not drawn: zoomed out, a large graph stays
        // legible and fast. At 6 px a name still reads; below, it is a smudge.
        'min-zoomed-font-size': MIN_LABEL_PX,
        'border-width': 2,
        'border-color': theme.textHalo,
        'overlay-opacity': 0,
        'z-index-compare': 'manual',
        'z-index': ACTOR_Z_INDEX,
        ...fade,
      },
    },
    {
      selector: 'edge',
      style: {
        width: PRESENT_TIE.width,
        'curve-style': 'bezier',
        'control-point-step-size': 26,
        'line-cap': 'round',
        'arrow-scale': 1.1,
        'target-arrow-shape': 'none',
        opacity: PRESENT_TIE.opacity,
        'font-family': theme.fontFamily,
        'font-size': theme.fontSize - 2,
        color: theme.text,
        'text-outline-color': theme.textHalo,
        'text-outline-width': 2,
        'min-zoomed-font-size': MIN_LABEL_PX,
        'overlay-opacity': 0,
        ...fade,
      },
    },
    { selector: 'edge.directed', style: { 'target-arrow-shape': 'triangle' } },
  ];
  for (const kind of ACTOR_KINDS) {
    const size = nodeSizeOf(kind);
    sheet.push({
      selector: `node.kind-${kind}`,
      style: { shape: KIND_SHAPES[kind] as 'ellipse', 'background-color': theme.kinds[kind], width: size, height: size },
    });
  }
  for (const category of TIE_CATEGORIES) {
    const color = theme.categories[category];
    sheet.push({ selector: `edge.cat-${category}`, style: { 'line-color': color, 'target-arrow-color': color } });
  }
  for (const hedge of HEDGES) {
    const dashes = HEDGE_DASHES[hedge];
    if (dashes.length === 0) continue;
    sheet.push({ selector: `edge.hedge-${hedge}`, style: { 'line-style': 'dashed', 'line-dash-pattern': [...dashes] } });
  }
  sheet.push(
    // Absent ties are ghosts (see ABSENT_TIE), whatever their hedge. A hollow circle at the middle
    // marks a tie as absent, so that it does not read as a "possible" one.
    {
      selector: 'edge.absent',
      style: {
        width: ABSENT_TIE.width,
        opacity: ABSENT_TIE.opacity,
        'line-style': 'dashed',
        'line-dash-pattern': [...ABSENT_TIE.dashes],
        'target-arrow-shape': 'none',
        'mid-target-arrow-shape': 'circle',
        'mid-target-arrow-fill': 'hollow',
        'arrow-scale': 1.6,
      },
    },
    { selector: 'edge.undated-in-range', style: { opacity: 0.3 } },
    // Zoomed far out, arrows are specks that cost time to draw.
    { selector: 'edge.lod-far', style: { 'target-arrow-shape': 'none' } },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.12 } },
    // Only the tie under the pointer and the selected one are labelled: labelling every tie of a
    // busy actor, as hovering it lights them, would bury the graph. The selected one is drawn above
    // the actors (see ACTOR_Z_INDEX), so that no actor's name covers its label; lit ties stay
    // under them, or they would cover the actors they share.
    // The label sits level at the tie's middle, wrapped to a narrow block on a halo-coloured card:
    // along a short tie, a long type name ("Arms for food, fuel and technology") ran over the names
    // of both its actors.
    {
      selector: 'edge.pointed[label], edge.selected[label]',
      style: {
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-max-width': `${EDGE_LABEL_WIDTH}px`,
        'text-background-color': theme.textHalo,
        'text-background-opacity': 0.92,
        'text-background-padding': '3px',
        'text-background-shape': 'roundrectangle',
      },
    },
    { selector: 'edge.hover', style: { 'z-index': ACTOR_Z_INDEX - 1 } },
    { selector: 'edge.selected[label]', style: { 'z-index': ACTOR_Z_INDEX + 1 } },
    { selector: 'edge.in-selection', style: { 'z-index': ACTOR_Z_INDEX - 2 } },
    { selector: 'edge.hover, edge.in-selection', style: { width: 3.5, opacity: 1 } },
    { selector: 'edge.selected', style: { width: 5, opacity: 1 } },
    { selector: 'edge.absent.selected, edge.absent.in-selection', style: { opacity: 0.8 } },
    // Membership lines are context, not ties: faint, thin and not clickable, even when highlighted.
    {
      selector: 'edge.membership',
      style: {
        width: 1,
        'line-color': theme.kinds.bloc,
        opacity: 0.45,
        'line-style': 'dashed',
        'line-dash-pattern': [3, 3],
        events: 'no',
      },
    },

    // No bold label on selection: Cytoscape keeps the label's cached width and would clip it.
    { selector: 'node.selected', style: { 'border-color': theme.focus, 'border-width': 4 } },
    {
      selector: 'node.focused',
      // The pale halo alone is 1.4:1 against the background: its ring, in the focus colour, makes
      // the keyboard's mark 3:1 or more (WCAG 1.4.11).
      style: {
        'overlay-color': theme.focus,
        'overlay-opacity': 0.22,
        'overlay-padding': 7,
        'overlay-shape': 'ellipse',
        'outline-color': theme.focus,
        'outline-width': 2,
        'outline-offset': 5,
      },
    },
  );
  return sheet;
}

/**
 * Rules that draw every label `scale` times its size, wrapping at `scale` times the width, so that
 * a label keeps its lines: added after the stylesheet, they win over its sizes.
 */
export function scaledLabels(
  theme: GraphTheme,
  scale: number,
): readonly { readonly selector: 'node' | 'edge'; readonly style: Css.Node & Css.Edge }[] {
  return [
    { selector: 'node', style: { 'font-size': theme.fontSize * scale, 'text-max-width': `${NODE_LABEL_WIDTH * scale}px` } },
    { selector: 'edge', style: { 'font-size': (theme.fontSize - 2) * scale, 'text-max-width': `${EDGE_LABEL_WIDTH * scale}px` } },
  ];
}
