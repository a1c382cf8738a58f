import { boxOf, type ConnectionEdge, type ElementNode } from './elementNode.ts';
import type { Rect } from './minimapGeometry.ts';

/** What of the board React Flow is given: the nodes around the view, and the edges they need. */
export interface PartInView {
  readonly nodes: ElementNode[];
  readonly edges: ConnectionEdge[];
}

/** Side of the square cells of the nodes' index, in board px (a few notes wide). */
const CELL = 1024;
/** Elements spanning more cells than this (large frames) are checked on every query instead. */
const MAX_CELLS = 64;

interface NodeIndex {
  /** Positions in the node list by cell, `"col row"`. */
  readonly cells: Map<string, number[]>;
  readonly large: number[];
  readonly positions: Map<string, number>;
}

interface EdgeIndex {
  readonly byNode: Map<string, ConnectionEdge[]>;
  readonly positions: Map<ConnectionEdge, number>;
}

/** Built once per node list (a new list on every change, so the cache follows the board). */
const nodeIndexes = new WeakMap<readonly ElementNode[], NodeIndex>();
const edgeIndexes = new WeakMap<readonly ConnectionEdge[], EdgeIndex>();

function indexOfNodes(nodes: readonly ElementNode[]): NodeIndex {
  const cached = nodeIndexes.get(nodes);
  if (cached) return cached;
  const index: NodeIndex = { cells: new Map(), large: [], positions: new Map() };
  nodes.forEach((node, at) => {
    index.positions.set(node.id, at);
    const { x, y, width, height } = boxOf(node);
    const [left, top] = [Math.floor(x / CELL), Math.floor(y / CELL)];
    const [right, bottom] = [Math.floor((x + width) / CELL), Math.floor((y + height) / CELL)];
    if ((right - left + 1) * (bottom - top + 1) > MAX_CELLS) {
      index.large.push(at);
      return;
    }
    for (let col = left; col <= right; col++) {
      for (let row = top; row <= bottom; row++) {
        const key = `${col} ${row}`;
        const cell = index.cells.get(key);
        if (cell) cell.push(at);
        else index.cells.set(key, [at]);
      }
    }
  });
  nodeIndexes.set(nodes, index);
  return index;
}

function indexOfEdges(edges: readonly ConnectionEdge[]): EdgeIndex {
  const cached = edgeIndexes.get(edges);
  if (cached) return cached;
  const byNode = new Map<string, ConnectionEdge[]>();
  const positions = new Map<ConnectionEdge, number>();
  const add = (id: string, edge: ConnectionEdge) => {
    const list = byNode.get(id);
    if (list) list.push(edge);
    else byNode.set(id, [edge]);
  };
  edges.forEach((edge, at) => {
    positions.set(edge, at);
    add(edge.source, edge);
    if (edge.target !== edge.source) add(edge.target, edge);
  });
  const index = { byNode, positions };
  edgeIndexes.set(edges, index);
  return index;
}

function touches(node: ElementNode, area: Rect): boolean {
  const { x, y, width, height } = boxOf(node);
  return x < area.x + area.width && x + width > area.x && y < area.y + area.height && y + height > area.y;
}

/**
 * The nodes touching `area` (flow coordinates) or listed in `keep` (e.g. the selection, which a drag
 * moves as one), the edges that touch them, and the far ends of those edges (an edge is drawn between
 * two nodes React Flow knows). React Flow keeps internals for every node it is given and walks all of
 * them on every pan frame, drawn or not: at 10,000 notes that walk, not drawing, was most of the frame.
 * Paint order and node objects are the board's. Looks in a grid index of the nodes (built once per node
 * list), so a re-cull costs what is near the view, not the whole board.
 */
export function partInView(
  nodes: readonly ElementNode[],
  edges: readonly ConnectionEdge[],
  area: Rect,
  keep: ReadonlySet<string> = new Set(),
): PartInView {
  const index = indexOfNodes(nodes);
  const near = new Set<number>();
  const consider = (at: number) => {
    if (!near.has(at) && touches(nodes[at]!, area)) near.add(at);
  };
  for (let col = Math.floor(area.x / CELL); col <= Math.floor((area.x + area.width) / CELL); col++) {
    for (let row = Math.floor(area.y / CELL); row <= Math.floor((area.y + area.height) / CELL); row++) {
      for (const at of index.cells.get(`${col} ${row}`) ?? []) consider(at);
    }
  }
  for (const at of index.large) consider(at);
  for (const id of keep) {
    const at = index.positions.get(id);
    if (at !== undefined) near.add(at);
  }
  const edgeIndex = indexOfEdges(edges);
  const shownEdges = new Set<ConnectionEdge>();
  const shown = new Set(near);
  for (const at of near) {
    const id = nodes[at]!.id;
    for (const edge of edgeIndex.byNode.get(id) ?? []) {
      shownEdges.add(edge);
      const farEnd = index.positions.get(edge.source === id ? edge.target : edge.source);
      if (farEnd !== undefined) shown.add(farEnd);
    }
  }
  return {
    nodes: [...shown].sort((a, b) => a - b).map((at) => nodes[at]!),
    edges: [...shownEdges].sort((a, b) => edgeIndex.positions.get(a)! - edgeIndex.positions.get(b)!),
  };
}
