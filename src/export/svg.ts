/**
 * A standalone SVG picture of the graph, for print and for vector editors: the nodes where the
 * widget placed them, in the widget's shapes and colours, edges in their category colours with
 * their hedges' dash patterns and arrowheads, and the labels as real text. Every string from the
 * dataset is escaped; nothing in the picture refers to anything outside it.
 */
import type { ActorKind } from '../model/vocabulary.ts';
import {
  type EdgeDefinition,
  type ElementDefinition,
  joinTieTitle,
  type MembershipDefinition,
  type NodeDefinition,
} from '../render/elements.ts';
import { ABSENT_TIE, NODE_LABEL_WIDTH, nodeSizeOf, PRESENT_TIE } from '../render/stylesheet.ts';
import { DEFAULT_THEME, type GraphTheme, HEDGE_DASHES } from '../render/theme.ts';
import type { ExportPositions } from './graphml.ts';
import { escapeXmlAttr, escapeXmlText, xmlNumber, xmlSafe } from './xml.ts';

/** One picture of the graph; the compare view's two panes make two, side by side. */
export interface SvgPane {
  /** A heading above the pane (e.g. "Alliance ties"). */
  readonly title?: string | undefined;
  /** The elements the widget draws (`buildElements`): actors, ties and bloc membership lines. */
  readonly elements: readonly ElementDefinition[];
  /** Where each actor stands; actors with no position are left out, with their edges. */
  readonly positions: ExportPositions;
  /** The ids of the ties to draw (those the widget shows). Default: every present tie. */
  readonly shownTies?: ReadonlySet<string> | undefined;
}

export interface SvgOptions {
  /** Colours and font (default: the widget's default theme). */
  readonly theme?: GraphTheme | undefined;
  /** The picture's title, for screen readers and file browsers. */
  readonly title?: string | undefined;
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** Like the widget: labels wrap at this width, sit this far below their node, with this halo. */
const LABEL_GAP = 4;
const LABEL_HALO = 2.5;
const LINE_HEIGHT = 1.1;
/** Parallel ties between two actors curve apart by this much each, as `control-point-step-size` does. */
const CURVE_STEP = 26;
/** The widget's triangle arrow at edge width 2.5 and arrow scale 1.1. */
const ARROW_LENGTH = 9.6;
const ARROW_HALF_WIDTH = 4.8;
const ABSENT_MARK_RADIUS = 4.8;
const NODE_BORDER = 2;
const PADDING = 24;
const PANE_GAP = 32;
const TITLE_HEIGHT = 34;

/** A rough width of a character in ems: wide for CJK and Hangul, average for the rest. */
function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60) ||
    code >= 0x20000;
  return wide ? 1 : 0.58;
}

function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width * fontSize;
}

/** Breaks a label into lines at spaces, as the widget's `text-wrap: wrap` does; long words overflow. */
export function wrapLabel(label: string, fontSize: number, maxWidth = NODE_LABEL_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** The outline of a node's shape around the origin, as a polygon; `undefined` for the circle. */
function outline(kind: ActorKind, size: number): Point[] | undefined {
  const r = size / 2;
  if (kind === 'bloc')
    return [
      { x: r, y: 0 },
      { x: r / 2, y: r },
      { x: -r / 2, y: r },
      { x: -r, y: 0 },
      { x: -r / 2, y: -r },
      { x: r / 2, y: -r },
    ];
  if (kind === 'non-state')
    return [
      { x: 0, y: -r },
      { x: r, y: 0 },
      { x: 0, y: r },
      { x: -r, y: 0 },
    ];
  if (kind === 'organization')
    return [
      { x: -r, y: -r },
      { x: r, y: -r },
      { x: r, y: r },
      { x: -r, y: r },
    ];
  return undefined;
}

/** How far from its centre a node's outline lies in a direction (a unit vector), border included. */
function reach(kind: ActorKind, size: number, direction: Point): number {
  const polygon = outline(kind, size);
  let distance = size / 2;
  if (polygon !== undefined) {
    distance = Number.POSITIVE_INFINITY;
    for (let i = 0; i < polygon.length; i++) {
      const a = polygon[i] as Point;
      const b = polygon[(i + 1) % polygon.length] as Point;
      // Solve origin + t·direction = a + u·(b − a) for t ≥ 0 and 0 ≤ u ≤ 1.
      const ex = b.x - a.x;
      const ey = b.y - a.y;
      const det = direction.x * -ey + direction.y * ex;
      if (Math.abs(det) < 1e-9) continue;
      const t = (a.x * -ey + a.y * ex) / det;
      const u = (direction.x * a.y - direction.y * a.x) / det;
      if (t >= 0 && u >= -1e-9 && u <= 1 + 1e-9) distance = Math.min(distance, t);
    }
    if (!Number.isFinite(distance)) distance = size / 2;
  }
  return distance + NODE_BORDER / 2;
}

function unit(from: Point, to: Point): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: dx / length, y: dy / length };
}

const fmt = xmlNumber;
const pointsAttr = (points: readonly Point[]) => points.map((p) => `${fmt(p.x)},${fmt(p.y)}`).join(' ');

function shapeMarkup(kind: ActorKind, at: Point, fill: string, stroke: string): string {
  const size = nodeSizeOf(kind);
  const paint = `fill="${escapeXmlAttr(fill)}" stroke="${escapeXmlAttr(stroke)}" stroke-width="${NODE_BORDER}"`;
  if (kind === 'state') return `<circle cx="${fmt(at.x)}" cy="${fmt(at.y)}" r="${size / 2}" ${paint}/>`;
  if (kind === 'organization') {
    const radius = Math.min(size / 4, 8);
    return `<rect x="${fmt(at.x - size / 2)}" y="${fmt(at.y - size / 2)}" width="${size}" height="${size}" rx="${radius}" ${paint}/>`;
  }
  const polygon = (outline(kind, size) as Point[]).map((p) => ({ x: p.x + at.x, y: p.y + at.y }));
  return `<polygon points="${pointsAttr(polygon)}" ${paint}/>`;
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function grow(box: Box, x: number, y: number): void {
  box.minX = Math.min(box.minX, x);
  box.minY = Math.min(box.minY, y);
  box.maxX = Math.max(box.maxX, x);
  box.maxY = Math.max(box.maxY, y);
}

/** A quadratic curve between two nodes: from `start` to `end`, bent towards `control`. */
interface Curve {
  readonly start: Point;
  readonly control: Point;
  readonly end: Point;
}

/** The curve of an edge between two node centres, cut back to the nodes' outlines. */
function edgeCurve(
  from: Point,
  to: Point,
  fromKind: ActorKind,
  toKind: ActorKind,
  offset: number,
  normal: Point,
  cutEnd: number,
): Curve | undefined {
  if (from.x === to.x && from.y === to.y) return undefined;
  const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  const control = { x: mid.x + normal.x * offset, y: mid.y + normal.y * offset };
  const out = unit(from, control);
  const back = unit(to, control);
  const start = {
    x: from.x + out.x * reach(fromKind, nodeSizeOf(fromKind), out),
    y: from.y + out.y * reach(fromKind, nodeSizeOf(fromKind), out),
  };
  const endReach = reach(toKind, nodeSizeOf(toKind), back) + cutEnd;
  return { start, control, end: { x: to.x + back.x * endReach, y: to.y + back.y * endReach } };
}

function curvePath(curve: Curve): string {
  const { start, control, end } = curve;
  return `M${fmt(start.x)},${fmt(start.y)} Q${fmt(control.x)},${fmt(control.y)} ${fmt(end.x)},${fmt(end.y)}`;
}

/** The point halfway along a quadratic curve. */
function curveMiddle(curve: Curve): Point {
  return {
    x: (curve.start.x + 2 * curve.control.x + curve.end.x) / 4,
    y: (curve.start.y + 2 * curve.control.y + curve.end.y) / 4,
  };
}

/** A loop above a node, for a tie from an actor to itself. */
function loopPath(at: Point, kind: ActorKind): string {
  const r = nodeSizeOf(kind) / 2;
  const start = { x: at.x + r * 0.5, y: at.y - r * 0.87 };
  const end = { x: at.x - r * 0.5, y: at.y - r * 0.87 };
  return `M${fmt(start.x)},${fmt(start.y)} C${fmt(at.x + r * 2)},${fmt(at.y - r * 3.5)} ${fmt(at.x - r * 2)},${fmt(at.y - r * 3.5)} ${fmt(end.x)},${fmt(end.y)}`;
}

/** The ties and membership lines between the same two actors, so that they curve apart. */
function bundles(edges: readonly (EdgeDefinition | MembershipDefinition)[]): Map<string, string[]> {
  const byPair = new Map<string, string[]>();
  for (const edge of edges) {
    const { source, target } = edge.data;
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const list = byPair.get(key) ?? [];
    list.push(edge.data.id);
    byPair.set(key, list);
  }
  return byPair;
}

interface PaneDrawing {
  readonly markup: string[];
  readonly box: Box;
}

function drawPane(pane: SvgPane, theme: GraphTheme): PaneDrawing {
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const nodes = new Map<string, { node: NodeDefinition; at: Point }>();
  for (const element of pane.elements) {
    if (element.group !== 'nodes') continue;
    const at = pane.positions.get(element.data.id);
    if (at !== undefined) nodes.set(element.data.id, { node: element, at: { x: at.x, y: at.y } });
  }
  const drawn = pane.elements.filter(
    (element): element is EdgeDefinition | MembershipDefinition =>
      element.group === 'edges' &&
      nodes.has(element.data.source) &&
      nodes.has(element.data.target) &&
      (element.classes === 'membership' ||
        (pane.shownTies === undefined
          ? (element as EdgeDefinition).data.status === 'present'
          : pane.shownTies.has(element.data.id))),
  );
  const pairs = bundles(drawn);
  const markup: string[] = [];
  // Membership lines first, then ties, then actors on top, as the widget layers them.
  const ordered = [...drawn.filter((e) => e.classes === 'membership'), ...drawn.filter((e) => e.classes !== 'membership')];
  for (const edge of ordered) {
    const { source, target, id } = edge.data;
    const from = nodes.get(source) as { node: NodeDefinition; at: Point };
    const to = nodes.get(target) as { node: NodeDefinition; at: Point };
    const membership = edge.classes === 'membership';
    const tie = membership ? undefined : (edge as EdgeDefinition).data;
    const absent = tie?.status === 'absent';
    const arrow = tie?.directed === true && !absent;
    const color = tie === undefined ? theme.kinds.bloc : theme.categories[tie.category];
    const width = membership ? 1 : absent ? ABSENT_TIE.width : PRESENT_TIE.width;
    const dashes = membership ? [3, 3] : absent ? [...ABSENT_TIE.dashes] : tie === undefined ? [] : [...HEDGE_DASHES[tie.hedge]];
    const opacity = membership ? 0.45 : absent ? ABSENT_TIE.opacity : PRESENT_TIE.opacity;
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const siblings = pairs.get(pair) as string[];
    const offset = (siblings.indexOf(id) - (siblings.length - 1) / 2) * CURVE_STEP;
    // Offsets are measured on one side of the pair's line, whichever way each edge runs.
    const [first, second] = source < target ? [from.at, to.at] : [to.at, from.at];
    const along = unit(first, second);
    const normal = { x: -along.y, y: along.x };
    const curve = edgeCurve(from.at, to.at, from.node.data.kind, to.node.data.kind, offset, normal, arrow ? ARROW_LENGTH : 0);
    const stroke =
      `fill="none" stroke="${escapeXmlAttr(color)}" stroke-width="${width}" stroke-linecap="round"` +
      (dashes.length === 0 ? '' : ` stroke-dasharray="${dashes.join(' ')}"`);
    const parts = [`<path d="${curve === undefined ? loopPath(from.at, from.node.data.kind) : curvePath(curve)}" ${stroke}/>`];
    if (curve !== undefined) {
      grow(box, curve.control.x, curve.control.y);
      if (arrow) {
        const direction = unit(curve.control, curve.end);
        const tip = { x: curve.end.x + direction.x * ARROW_LENGTH, y: curve.end.y + direction.y * ARROW_LENGTH };
        const side = { x: -direction.y * ARROW_HALF_WIDTH, y: direction.x * ARROW_HALF_WIDTH };
        const corners = [
          tip,
          { x: curve.end.x + side.x, y: curve.end.y + side.y },
          { x: curve.end.x - side.x, y: curve.end.y - side.y },
        ];
        parts.push(`<polygon points="${pointsAttr(corners)}" fill="${escapeXmlAttr(color)}"/>`);
      }
      if (absent) {
        const middle = curveMiddle(curve);
        parts.push(
          `<circle cx="${fmt(middle.x)}" cy="${fmt(middle.y)}" r="${ABSENT_MARK_RADIUS}" fill="none" stroke="${escapeXmlAttr(color)}" stroke-width="${ABSENT_TIE.width}"/>`,
        );
      }
    } else {
      grow(box, from.at.x, from.at.y - nodeSizeOf(from.node.data.kind) * 2.5);
    }
    if (membership) {
      markup.push(`<g class="membership" opacity="${opacity}">${parts.join('')}</g>`);
    } else {
      const title = joinTieTitle(from.node.data.label, to.node.data.label, tie?.directed === true, tie?.label ?? '');
      // An absent tie's label says so already ("Alliance (absent)"), as on the widget's card.
      markup.push(
        `<g class="tie" data-id="${escapeXmlAttr(id)}" opacity="${opacity}"><title>${escapeXmlText(title)}</title>${parts.join('')}</g>`,
      );
    }
  }
  const fontSize = theme.fontSize;
  for (const { node, at } of nodes.values()) {
    const size = nodeSizeOf(node.data.kind);
    // Cleaned first, so that a control character such as a vertical tab does not break a line.
    const lines = wrapLabel(xmlSafe(node.data.label), fontSize);
    const top = at.y + size / 2 + LABEL_GAP;
    const tspans = lines
      .map(
        (line, index) =>
          `<tspan x="${fmt(at.x)}" y="${fmt(top + fontSize * (0.8 + index * LINE_HEIGHT))}">${escapeXmlText(line)}</tspan>`,
      )
      .join('');
    markup.push(
      `<g class="actor" data-id="${escapeXmlAttr(node.data.id)}"><title>${escapeXmlText(node.data.label)}</title>` +
        shapeMarkup(node.data.kind, at, theme.kinds[node.data.kind], theme.textHalo) +
        `<text text-anchor="middle" font-size="${fontSize}" fill="${escapeXmlAttr(theme.text)}" stroke="${escapeXmlAttr(theme.textHalo)}"` +
        ` stroke-width="${LABEL_HALO * 2}" stroke-linejoin="round" paint-order="stroke">${tspans}</text></g>`,
    );
    const half = Math.max(size / 2, ...lines.map((line) => textWidth(line, fontSize) / 2 + LABEL_HALO));
    grow(box, at.x - half, at.y - size / 2);
    grow(box, at.x + half, top + fontSize * (0.25 + lines.length * LINE_HEIGHT));
  }
  if (!Number.isFinite(box.minX)) grow(box, 0, 0);
  return { markup, box };
}

/** Draws one or more panes side by side as a standalone SVG document. */
export function toSvg(panes: readonly SvgPane[], options: SvgOptions = {}): string {
  const theme = options.theme ?? DEFAULT_THEME;
  const titled = panes.some((pane) => pane.title !== undefined);
  const top = titled ? TITLE_HEIGHT : 0;
  const body: string[] = [];
  let x = 0;
  let height = 0;
  for (const pane of panes) {
    const { markup, box } = drawPane(pane, theme);
    const width = box.maxX - box.minX + 2 * PADDING;
    height = Math.max(height, top + box.maxY - box.minY + 2 * PADDING);
    if (pane.title !== undefined) {
      body.push(
        `<text x="${fmt(x + PADDING)}" y="${fmt(PADDING * 0.5 + 16)}" font-size="${theme.fontSize + 1}" font-weight="600" fill="${escapeXmlAttr(theme.text)}">${escapeXmlText(pane.title)}</text>`,
      );
    }
    body.push(
      `<g class="pane" transform="translate(${fmt(x + PADDING - box.minX)} ${fmt(top + PADDING - box.minY)})">`,
      ...markup,
      '</g>',
    );
    x += width + PANE_GAP;
  }
  const width = Math.max(x - PANE_GAP, 1);
  height = Math.max(height, 1);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fmt(width)}" height="${fmt(height)}" viewBox="0 0 ${fmt(width)} ${fmt(height)}"` +
      ` font-family="${escapeXmlAttr(theme.fontFamily)}" role="img">`,
    `<title>${escapeXmlText(options.title ?? 'Graph')}</title>`,
    `<rect width="100%" height="100%" fill="${escapeXmlAttr(theme.textHalo)}"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
