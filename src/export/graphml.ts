/**
 * GraphML export, for Gephi, Cytoscape desktop and yEd. Every attribute is declared with a `<key>`
 * and typed; ties keep their own direction (`directed` on each edge), since a dataset mixes
 * directed and undirected tie types (which GraphML allows and Gephi reads; NetworkX refuses such
 * mixed graphs, in GEXF too).
 */
import type { Dataset } from '../model/schema.ts';
import { type Column, type ColumnType, cellText, graphTableOf, type Row } from './graph-table.ts';
import { escapeXmlAttr, escapeXmlText, xmlNumber } from './xml.ts';

/** Where each actor stands, in the widget's coordinates (y grows downwards). */
export type ExportPositions = ReadonlyMap<string, { readonly x: number; readonly y: number }>;

export interface GraphmlOptions {
  /** The language of node labels, where the data has localized names. */
  readonly lang?: string | undefined;
  /** Positions to store as `x` and `y` node attributes, which Gephi reads as the layout. */
  readonly positions?: ExportPositions | undefined;
}

const GRAPHML_TYPES: Readonly<Record<ColumnType, string>> = { string: 'string', int: 'int', boolean: 'boolean' };

function keyLine(prefix: string, domain: 'node' | 'edge', item: Column): string {
  return `  <key id="${prefix}${item.id}" for="${domain}" attr.name="${escapeXmlAttr(item.id)}" attr.type="${GRAPHML_TYPES[item.type]}"/>`;
}

function dataLines(prefix: string, row: Row, columns: readonly Column[]): string[] {
  const lines = [`      <data key="${prefix}label">${escapeXmlText(row.label)}</data>`];
  for (const item of columns) {
    const value = row.values.get(item.id);
    if (value !== undefined) lines.push(`      <data key="${prefix}${item.id}">${escapeXmlText(cellText(value))}</data>`);
  }
  return lines;
}

/** Writes a dataset as a GraphML document. */
export function toGraphml(dataset: Dataset, options: GraphmlOptions = {}): string {
  const table = graphTableOf(dataset, options.lang);
  const positions = options.positions;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g_title" for="graph" attr.name="title" attr.type="string"/>',
    // `label` is the name Gephi takes node and edge labels from.
    '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>',
    ...table.nodeColumns.map((item) => keyLine('n_', 'node', item)),
  ];
  if (positions !== undefined) {
    lines.push(
      '  <key id="n_x" for="node" attr.name="x" attr.type="double"/>',
      '  <key id="n_y" for="node" attr.name="y" attr.type="double"/>',
    );
  }
  lines.push(
    '  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>',
    ...table.edgeColumns.map((item) => keyLine('e_', 'edge', item)),
    `  <graph id="${escapeXmlAttr(dataset.id)}" edgedefault="directed">`,
    `    <data key="g_title">${escapeXmlText(dataset.title)}</data>`,
  );
  for (const node of table.nodes) {
    lines.push(`    <node id="${escapeXmlAttr(node.id)}">`, ...dataLines('n_', node, table.nodeColumns));
    const at = positions?.get(node.id);
    // Gephi's y axis points up, the screen's down: flipped, the picture is not mirrored.
    if (at !== undefined) {
      lines.push(`      <data key="n_x">${xmlNumber(at.x)}</data>`, `      <data key="n_y">${xmlNumber(-at.y)}</data>`);
    }
    lines.push('    </node>');
  }
  for (const edge of table.edges) {
    lines.push(
      `    <edge id="${escapeXmlAttr(edge.id)}" source="${escapeXmlAttr(edge.source)}" target="${escapeXmlAttr(edge.target)}" directed="${edge.directed}">`,
      ...dataLines('e_', edge, table.edgeColumns),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
