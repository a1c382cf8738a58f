import type { BoardElement, BoardFile } from '@squall/model';
import { connectionEdge } from './connectionEdge.ts';
import { type ConnectionEdge, compareNodes, type ElementNode, elementNode } from './elementNode.ts';
import type { Rect } from './minimapGeometry.ts';

/**
 * A read-only picture of a board from its board file, shown while the live document is still syncing:
 * plain JSON draws far sooner than a large Yjs document is applied. Nothing can be edited until the
 * live board replaces it.
 */
export interface BoardPreview {
  readonly elements: readonly BoardElement[];
  readonly nodes: ElementNode[];
  readonly edges: ConnectionEdge[];
}

export function boardPreview(file: Pick<BoardFile, 'elements' | 'connections'>): BoardPreview {
  const byId = new Map(file.elements.map((element) => [element.id, element]));
  const nodes = file.elements.map((element) => elementNode(element)).sort(compareNodes);
  const edges = file.connections
    .filter((connection) => byId.has(connection.source) && byId.has(connection.target))
    .map((connection) => connectionEdge(connection, byId));
  return { elements: file.elements, nodes, edges };
}

/** What of a preview React Flow is given: the nodes that touch `area`, and the edges between them. */
export interface PreviewPart {
  readonly nodes: ElementNode[];
  readonly edges: ConnectionEdge[];
}

function touches(node: ElementNode, area: Rect): boolean {
  const { x, y } = node.position;
  const { width, height } = node.data.element.size;
  return x < area.x + area.width && x + width > area.x && y < area.y + area.height && y + height > area.y;
}

/**
 * The part of a preview in `area` (flow coordinates). React Flow keeps internals for every node it is
 * given, drawn or not: for the first picture of a 5,000-note board, adopting the notes out of view would
 * cost more than drawing the ones in view.
 */
export function previewInView(preview: BoardPreview, area: Rect): PreviewPart {
  const nodes = preview.nodes.filter((node) => touches(node, area));
  const shown = new Set(nodes.map((node) => node.id));
  const edges = preview.edges.filter((edge) => shown.has(edge.source) && shown.has(edge.target));
  return { nodes, edges };
}
