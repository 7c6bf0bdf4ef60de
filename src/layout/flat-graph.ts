/**
 * The graph fcose's stages lay out, as the small part of Cytoscape's collection API that those
 * stages read (`fcose-stages.ts`): nodes with fixed boxes at the origin, edges, no compound nodes,
 * no styles, no labels. The layout code thus runs without Cytoscape: the layout worker is 128 KB
 * instead of 564 with Cytoscape's core inside, and started in 90 ms here instead of 280. Orders
 * are Cytoscape's: a node's edges in the order they were added (a loop once), its neighbourhood in
 * the order of its edges. A test compares every layout with fcose's own run on a Cytoscape core.
 */
import type { LayoutRequest } from './request.ts';

/** A box as Cytoscape gives it. */
export interface FlatBox {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly w: number;
  readonly h: number;
}

/** What is not supported throws, rather than answer differently from Cytoscape. */
function unsupported(what: string): never {
  throw new Error(`flat graph: ${what} is not supported`);
}

/** Up to this many items, a collection is searched in order rather than through a set. */
const SEARCHED_IN_ORDER_MAX = 16;

/** An ordered set of nodes and edges, indexed like a Cytoscape collection. */
export class FlatCollection<T extends FlatNode | FlatEdge = FlatNode | FlatEdge> {
  readonly [index: number]: T;
  readonly length: number;
  private readonly items: readonly T[];
  /** The items as a set, made when a large collection is first asked whether it holds one. */
  private members: Set<FlatNode | FlatEdge> | undefined;

  constructor(items: readonly T[]) {
    this.items = items;
    this.length = items.length;
    items.forEach((item, index) => {
      (this as unknown as T[])[index] = item;
    });
  }

  /** The nodes, in order; `:parent` gives none, as there are no compounds. */
  nodes(selector?: string): FlatCollection<FlatNode> {
    if (selector === ':parent') return new FlatCollection<FlatNode>([]);
    if (selector !== undefined) unsupported(`the selector ${selector}`);
    return new FlatCollection(this.items.filter((item): item is T & FlatNode => item instanceof FlatNode));
  }

  /** The edges, in order. */
  edges(): FlatCollection<FlatEdge> {
    return new FlatCollection(this.items.filter((item): item is T & FlatEdge => item instanceof FlatEdge));
  }

  /** The items `keep` keeps (given the item and its index), or none for `:parent`. */
  filter(keep: string | ((item: T, index: number) => boolean)): FlatCollection<T> {
    if (keep === ':parent') return new FlatCollection<T>([]);
    if (typeof keep === 'string') unsupported(`the selector ${keep}`);
    return new FlatCollection(this.items.filter((item, index) => keep(item, index)));
  }

  forEach(visit: (item: T, index: number) => void): void {
    for (const [index, item] of this.items.entries()) visit(item, index);
  }

  map<R>(transform: (item: T, index: number) => R): R[] {
    return this.items.map((item, index) => transform(item, index));
  }

  toArray(): T[] {
    return [...this.items];
  }

  /**
   * Whether the collection holds `item`. A large collection answers from a set made at the first
   * question: the spectral stage asks the graph's whole collection about each node's edges, in
   * fcose's `eles.intersection(ele.edgesWith(node))` (once per neighbour) and in `linkComponents`
   * (once per edge), and searched through in order, it made fcose's first stage take 4.0 s instead
   * of 0.35 at 10,000 actors (in Node). The items never change, so the set stays true.
   */
  has(item: FlatNode | FlatEdge): boolean {
    if (this.items.length <= SEARCHED_IN_ORDER_MAX) return this.items.includes(item as T);
    this.members ??= new Set<FlatNode | FlatEdge>(this.items);
    return this.members.has(item);
  }

  /**
   * The items in both, in the order of the smaller of the two (of `other` when they are as large),
   * as Cytoscape gives them: the smaller one's items are looked up in the larger, so that a tie's
   * few edges met with the whole graph cost a few look-ups, not a pass over the graph.
   */
  intersection(other: FlatCollection | FlatNode | FlatEdge): FlatCollection<T> {
    const others = other instanceof FlatCollection ? other : new FlatCollection([other]);
    const [smaller, larger]: [FlatCollection, FlatCollection] = this.length < others.length ? [this, others] : [others, this];
    return new FlatCollection(smaller.items.filter((item) => larger.has(item)) as T[]);
  }

  empty(): boolean {
    return this.length === 0;
  }

  nonempty(): boolean {
    return this.length > 0;
  }

  /**
   * The box around the nodes, as Cytoscape bounds a node without a label: 1 px beyond it. That of
   * no node is all zeros, as Cytoscape's is.
   */
  boundingBox(): FlatBox {
    if (!this.items.some((item) => item instanceof FlatNode)) return { x1: 0, y1: 0, x2: 0, y2: 0, w: 0, h: 0 };
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const item of this.items) {
      if (!(item instanceof FlatNode)) continue;
      const box = item.boundingBox();
      x1 = Math.min(x1, box.x1);
      y1 = Math.min(y1, box.y1);
      x2 = Math.max(x2, box.x2);
      y2 = Math.max(y2, box.y2);
    }
    return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
  }
}

/** A node of fixed size; nothing moves it (the stages read positions from fcose's own records). */
export class FlatNode {
  /**
   * The node's edges in the order they were added, a loop once; set once by {@link FlatCore},
   * frozen, since collections hold the list itself (see `connectedEdges`) and may keep a set of it.
   */
  edgeList: readonly FlatEdge[] = [];
  private readonly at = { x: 0, y: 0 };

  constructor(
    private readonly nodeId: string,
    private readonly w: number,
    private readonly h: number,
  ) {}

  id(): string {
    return this.nodeId;
  }

  data(key: 'id'): string {
    if (key !== 'id') unsupported(`the node data ${key}`);
    return this.nodeId;
  }

  isParent(): boolean {
    return false;
  }

  parent(): FlatCollection<FlatNode> {
    return new FlatCollection<FlatNode>([]);
  }

  children(): FlatCollection<FlatNode> {
    return new FlatCollection<FlatNode>([]);
  }

  same(other: FlatNode): boolean {
    return other === this;
  }

  connectedEdges(): FlatCollection<FlatEdge> {
    return new FlatCollection(this.edgeList);
  }

  /** The other end of each edge and the edge, in the order of the edges, each once. */
  neighborhood(): FlatCollection {
    const found: (FlatNode | FlatEdge)[] = [];
    for (const edge of this.edgeList) found.push(edge.source() === this ? edge.target() : edge.source(), edge);
    return new FlatCollection([...new Set(found)]);
  }

  /** The edges between this node and `other`, either way. */
  edgesWith(other: FlatNode): FlatCollection<FlatEdge> {
    return new FlatCollection(
      other.edgeList.filter(
        (edge) => (edge.source() === this && edge.target() === other) || (edge.source() === other && edge.target() === this),
      ),
    );
  }

  intersection(other: FlatCollection): FlatCollection<FlatNode> {
    return new FlatCollection<FlatNode>(other.has(this) ? [this] : []);
  }

  position(): { x: number; y: number };
  position(dimension: 'x' | 'y'): number;
  position(dimension?: 'x' | 'y'): { x: number; y: number } | number {
    return dimension === undefined ? { ...this.at } : this.at[dimension];
  }

  outerWidth(): number {
    return this.w;
  }

  outerHeight(): number {
    return this.h;
  }

  layoutDimensions(options: { nodeDimensionsIncludeLabels?: boolean }): { w: number; h: number } {
    if (options.nodeDimensionsIncludeLabels === true) unsupported('a label in the node dimensions');
    return { w: this.w, h: this.h };
  }

  /** Cytoscape's answers for a node with no padding and nothing hidden. */
  css(property: 'padding' | 'display'): string {
    if (property === 'padding') return '0px';
    if (property === 'display') return 'element';
    return unsupported(`the style ${property}`);
  }

  boundingBox(): FlatBox {
    const x1 = this.at.x - this.w / 2 - 1;
    const y1 = this.at.y - this.h / 2 - 1;
    return { x1, y1, x2: x1 + this.w + 2, y2: y1 + this.h + 2, w: this.w + 2, h: this.h + 2 };
  }
}

/** An edge between two nodes of the graph. */
export class FlatEdge {
  constructor(
    private readonly edgeId: string,
    private readonly from: FlatNode,
    private readonly to: FlatNode,
  ) {}

  id(): string {
    return this.edgeId;
  }

  data(key: 'id' | 'source' | 'target'): string {
    if (key === 'id') return this.edgeId;
    if (key === 'source') return this.from.id();
    if (key === 'target') return this.to.id();
    return unsupported(`the edge data ${key}`);
  }

  source(): FlatNode {
    return this.from;
  }

  target(): FlatNode {
    return this.to;
  }
}

/** The graph as fcose reaches it: through `cy` and its elements. */
export class FlatCore {
  private readonly byId: Map<string, FlatNode>;
  private readonly all: FlatCollection;

  constructor(request: Pick<LayoutRequest, 'nodes' | 'edges'>) {
    const nodes = request.nodes.map((node) => new FlatNode(node.id, node.width, node.height));
    this.byId = new Map(nodes.map((node) => [node.id(), node]));
    const edgesOf = new Map<FlatNode, FlatEdge[]>(nodes.map((node) => [node, []]));
    const edges = request.edges.map((edge) => {
      const source = this.byId.get(edge.source);
      const target = this.byId.get(edge.target);
      if (source === undefined || target === undefined) throw new Error(`flat graph: the edge ${edge.id} joins a node it lacks`);
      const made = new FlatEdge(edge.id, source, target);
      edgesOf.get(source)?.push(made);
      if (target !== source) edgesOf.get(target)?.push(made);
      return made;
    });
    for (const [node, list] of edgesOf) node.edgeList = Object.freeze(list);
    this.all = new FlatCollection<FlatNode | FlatEdge>([...nodes, ...edges]);
  }

  elements(): FlatCollection {
    return this.all;
  }

  collection(): FlatCollection {
    return new FlatCollection([]);
  }

  /**
   * The node of that id; for another id (fcose's dummy nodes), an empty collection, which is
   * truthy and has an empty box, as Cytoscape's is.
   */
  getElementById(id: string): FlatNode | FlatCollection<FlatNode> {
    return this.byId.get(id) ?? new FlatCollection<FlatNode>([]);
  }
}
