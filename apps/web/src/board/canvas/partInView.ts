import { boxOf, type ConnectionEdge, type ElementNode } from './elementNode.ts';
import type { Rect } from './minimapGeometry.ts';

/** What of the board React Flow is given: the nodes around the view, and the edges they need. */
export interface PartInView {
  readonly nodes: ElementNode[];
  readonly edges: ConnectionEdge[];
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
 * Paint order and node objects are the board's. Given the `previous` part, its arrays are returned
 * again where nothing in them changed.
 */
export function partInView(
  nodes: readonly ElementNode[],
  edges: readonly ConnectionEdge[],
  area: Rect,
  keep: ReadonlySet<string> = new Set(),
  previous?: PartInView,
): PartInView {
  const near = new Set<string>();
  for (const node of nodes) if (keep.has(node.id) || touches(node, area)) near.add(node.id);
  const shown = new Set(near);
  const shownEdges = edges.filter((edge) => {
    if (!near.has(edge.source) && !near.has(edge.target)) return false;
    shown.add(edge.source);
    shown.add(edge.target);
    return true;
  });
  const shownNodes = nodes.filter((node) => shown.has(node.id));
  if (!previous) return { nodes: shownNodes, edges: shownEdges };
  // The same objects in the same order keep their array: React Flow then skips its update (setEdges
  // walks every edge and wakes every edge's subscriber, though only a note moved).
  return {
    nodes: sameItems(previous.nodes, shownNodes) ? previous.nodes : shownNodes,
    edges: sameItems(previous.edges, shownEdges) ? previous.edges : shownEdges,
  };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
