import type { BoardElement, BoardFile } from '@squall/model';
import { connectionEdge } from '../canvas/connectionEdge.ts';
import { type ConnectionEdge, compareNodes, type ElementNode, elementNode } from '../canvas/elementNode.ts';

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
