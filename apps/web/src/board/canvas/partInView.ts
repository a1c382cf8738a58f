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
 * Paint order and node objects are the board's.
 */
export function partInView(
  nodes: readonly ElementNode[],
  edges: readonly ConnectionEdge[],
  area: Rect,
  keep: ReadonlySet<string> = new Set(),
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
  return { nodes: nodes.filter((node) => shown.has(node.id)), edges: shownEdges };
}
