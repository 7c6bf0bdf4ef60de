/**
 * GEXF 1.3 export, Gephi's own format. Attributes are declared per class with their types; edges
 * carry their direction each (the graph mixes directed and undirected ties) and their tie type
 * as `kind`, so that Gephi keeps parallel ties of different types apart instead of merging them.
 * The `viz` module gives the widget's colours, node sizes, line styles and, when known, positions.
 */
import type { Dataset } from '../model/schema.ts';
import type { Hedge } from '../model/vocabulary.ts';
import { nodeSizeOf } from '../render/stylesheet.ts';
import { DEFAULT_THEME, type GraphTheme } from '../render/theme.ts';
import { type Column, type ColumnType, cellText, graphTableOf, type Row } from './graph-table.ts';
import type { ExportPositions } from './graphml.ts';
import { escapeXmlAttr, escapeXmlText, xmlNumber } from './xml.ts';

export interface GexfOptions {
  /** The language of node labels, where the data has localized names. */
  readonly lang?: string | undefined;
  /** Positions to store as `viz:position`, in the widget's coordinates. */
  readonly positions?: ExportPositions | undefined;
  /** The colours of kinds and categories (default: the widget's default theme). */
  readonly theme?: GraphTheme | undefined;
}

const GEXF_TYPES: Readonly<Record<ColumnType, string>> = { string: 'string', int: 'integer', boolean: 'boolean' };

/** GEXF's edge shapes are solid, dashed, dotted and double: the nearest to each hedge's line. */
const HEDGE_SHAPES: Readonly<Record<Hedge, string>> = {
  asserted: 'solid',
  likely: 'dashed',
  expected: 'dashed',
  possible: 'dotted',
};

/** The `viz:color` of a `#rgb` or `#rrggbb` colour; other CSS colours are left out rather than guessed. */
function vizColor(color: string, alpha?: number): string | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (hex === undefined) return undefined;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16));
  return `<viz:color r="${r}" g="${g}" b="${b}"${alpha === undefined ? '' : ` a="${alpha}"`}/>`;
}

function attributesBlock(domain: 'node' | 'edge', columns: readonly Column[]): string[] {
  return [
    `    <attributes class="${domain}" mode="static">`,
    ...columns.map(
      (item) =>
        `      <attribute id="${escapeXmlAttr(item.id)}" title="${escapeXmlAttr(item.id)}" type="${GEXF_TYPES[item.type]}"/>`,
    ),
    '    </attributes>',
  ];
}

function attvalues(row: Row, columns: readonly Column[]): string[] {
  const lines = ['        <attvalues>'];
  for (const item of columns) {
    const value = row.values.get(item.id);
    if (value !== undefined) {
      lines.push(`          <attvalue for="${escapeXmlAttr(item.id)}" value="${escapeXmlAttr(cellText(value))}"/>`);
    }
  }
  lines.push('        </attvalues>');
  return lines;
}

/** Writes a dataset as a GEXF 1.3 document. */
export function toGexf(dataset: Dataset, options: GexfOptions = {}): string {
  const table = graphTableOf(dataset, options.lang);
  const theme = options.theme ?? DEFAULT_THEME;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>actor-graph</creator>',
    `    <description>${escapeXmlText(dataset.title)}</description>`,
    '  </meta>',
    '  <graph mode="static" defaultedgetype="directed">',
    ...attributesBlock('node', table.nodeColumns),
    ...attributesBlock('edge', table.edgeColumns),
    '    <nodes>',
  ];
  for (const node of table.nodes) {
    lines.push(
      `      <node id="${escapeXmlAttr(node.id)}" label="${escapeXmlAttr(node.label)}">`,
      ...attvalues(node, table.nodeColumns),
    );
    const color = vizColor(theme.kinds[node.kind]);
    if (color !== undefined) lines.push(`        ${color}`);
    const at = options.positions?.get(node.id);
    // Gephi's y axis points up, the screen's down: flipped, the picture is not mirrored.
    if (at !== undefined) lines.push(`        <viz:position x="${xmlNumber(at.x)}" y="${xmlNumber(-at.y)}" z="0"/>`);
    lines.push(`        <viz:size value="${nodeSizeOf(node.kind) / 2}"/>`, '      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of table.edges) {
    lines.push(
      `      <edge id="${escapeXmlAttr(edge.id)}" source="${escapeXmlAttr(edge.source)}" target="${escapeXmlAttr(edge.target)}"` +
        ` type="${edge.directed ? 'directed' : 'undirected'}" kind="${escapeXmlAttr(edge.kind)}" label="${escapeXmlAttr(edge.label)}">`,
      ...attvalues(edge, table.edgeColumns),
    );
    const absent = edge.status === 'absent';
    const color = vizColor(theme.categories[edge.category], absent ? 0.45 : undefined);
    if (color !== undefined) lines.push(`        ${color}`);
    lines.push(
      `        <viz:thickness value="${absent ? 1.5 : 2.5}"/>`,
      `        <viz:shape value="${absent ? 'dotted' : HEDGE_SHAPES[edge.hedge]}"/>`,
      '      </edge>',
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
