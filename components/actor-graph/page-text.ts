/**
 * The text of an element of the host page, read without changing it: its text nodes joined into
 * one string, with the way back from offsets in that string to places in the nodes.
 */

/** Elements whose text a reader does not read as part of the article, or that hold data. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'TEXTAREA',
  'SELECT',
  'IFRAME',
  'OBJECT',
  'SVG',
  'ACTOR-GRAPH',
]);

/** Elements that start a new block of text, so that a page's `<p>a</p><p>b</p>` does not read "ab". */
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BR DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL'.split(
    ' ',
  ),
);

/** The text of a page element, and the text nodes it is made of. */
export interface PageText {
  /** The element's text nodes joined, with a line break between blocks. */
  readonly text: string;
  /** A live range over `text.slice(start, end)`. */
  rangeOf(start: number, end: number): Range;
  /** The offset in `text` of a place in one of the element's text nodes, or undefined elsewhere. */
  offsetOf(node: Node, offset: number): number | undefined;
}

/** The nearest ancestor of a node (up to `root`) that starts a block of text. */
function blockOf(node: Node, root: Element): Node {
  let current = node.parentNode;
  while (current !== null && current !== root && !(current instanceof Element && BLOCKS.has(current.tagName.toUpperCase()))) {
    current = current.parentNode;
  }
  return current ?? root;
}

/**
 * Reads the text of `root` and its descendants, leaving out scripts, styles, templates, form
 * fields, hidden elements and `<actor-graph>` elements (whose children are the widget's data).
 */
export function readPageText(root: Element): PageText {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node instanceof Element && (SKIPPED.has(node.tagName.toUpperCase()) || node.hasAttribute('hidden'))
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let lineBreak = false;
  let lastBlock: Node | undefined;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (!(node instanceof Text)) {
      if ((node as Element).tagName.toUpperCase() === 'BR') lineBreak = true;
      continue;
    }
    if (node.data === '') continue;
    const block = blockOf(node, root);
    if (nodes.length > 0 && (lineBreak || block !== lastBlock)) {
      parts.push('\n');
      length++;
    }
    lineBreak = false;
    lastBlock = block;
    nodes.push(node);
    starts.push(length);
    parts.push(node.data);
    length += node.data.length;
  }
  const index = new Map(nodes.map((node, i) => [node, i]));

  /** The last node that starts at or before `offset`. */
  const nodeAt = (offset: number): number => {
    let low = 0;
    let high = nodes.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };

  /** A place in the nodes for an offset; an offset on a line break between blocks goes to one side. */
  const point = (offset: number, side: 'start' | 'end'): [Text, number] => {
    const i = nodeAt(offset);
    const node = nodes[i] as Text;
    const local = offset - (starts[i] as number);
    if (local > node.data.length && side === 'start' && i + 1 < nodes.length) return [nodes[i + 1] as Text, 0];
    // The node may have been shortened since it was read: stay inside it.
    return [node, Math.max(0, Math.min(local, node.data.length))];
  };

  return {
    text: parts.join(''),
    rangeOf(start, end) {
      const range = root.ownerDocument.createRange();
      if (nodes.length === 0) return range;
      range.setStart(...point(start, 'start'));
      range.setEnd(...point(end, 'end'));
      return range;
    },
    offsetOf(node, offset) {
      const i = index.get(node as Text);
      return i === undefined ? undefined : (starts[i] as number) + offset;
    },
  };
}

/** The text node and offset under a point of the viewport, where the browser can tell. */
export function caretAt(x: number, y: number): { node: Node; offset: number } | undefined {
  const doc = document as Document & { caretRangeFromPoint?(x: number, y: number): Range | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position === null ? undefined : { node: position.offsetNode, offset: position.offset };
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range === null || range === undefined ? undefined : { node: range.startContainer, offset: range.startOffset };
}

/** Whether a point of the viewport lies on the text of a range (on one of its line boxes). */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
