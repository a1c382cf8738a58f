import { connectionEnds } from '../canvas/connectionPath.ts';
import { boxOf, type ConnectionEdge, type ElementNode } from '../canvas/elementNode.ts';
import type { Rect } from '../canvas/minimapGeometry.ts';

/**
 * The far-zoom level of detail: below `FAR_ZOOM` the board is an overview drawn on one canvas
 * (`FarBoardLayer`), and React Flow keeps only the selected elements as DOM nodes. These are the pure
 * parts: what is drawn where, and what a click or a selection box at that zoom hits.
 */

/** Below this zoom notes are unreadable (10 px text): the board is drawn as an overview. */
export const FAR_ZOOM = 0.22;
/**
 * At far zoom React Flow keeps the selected elements as nodes, so they can still be dragged; a larger
 * selection would bring back the thousands of DOM nodes the overview avoids, so it is only drawn.
 */
export const FAR_INTERACTIVE_LIMIT = 200;
/** Screen pixels at the top of a frame where its name is drawn and a click selects it. */
export const FRAME_LABEL_BAND = 18;

/** React Flow's viewport transform: x and y in screen pixels, then the zoom. */
export type Transform = readonly [number, number, number];

/** A note or frame as the overview draws it: its rectangle in screen pixels of the canvas pane. */
export interface FarShape {
  readonly node: ElementNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A connection as the overview draws it: a straight line between the facing sides, in screen pixels. */
export interface FarLine {
  readonly edge: ConnectionEdge;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The shapes to draw for a `width`×`height` pane at `transform`: the nodes that touch it, in paint order. */
export function farShapes(
  nodes: readonly ElementNode[],
  transform: Transform,
  width: number,
  height: number,
): FarShape[] {
  const [tx, ty, zoom] = transform;
  const shapes: FarShape[] = [];
  for (const node of nodes) {
    const box = boxOf(node);
    const x = box.x * zoom + tx;
    const y = box.y * zoom + ty;
    const w = box.width * zoom;
    const h = box.height * zoom;
    if (x > width || y > height || x + w < 0 || y + h < 0) continue;
    shapes.push({ node, x, y, width: w, height: h });
  }
  return shapes;
}

/** The connections to draw for the pane: those whose line crosses it, between two known nodes. */
export function farLines(
  edges: readonly ConnectionEdge[],
  nodeById: ReadonlyMap<string, ElementNode>,
  transform: Transform,
  width: number,
  height: number,
): FarLine[] {
  const [tx, ty, zoom] = transform;
  const lines: FarLine[] = [];
  for (const edge of edges) {
    const source = nodeById.get(edge.source);
    const target = nodeById.get(edge.target);
    if (!source || !target) continue;
    const { start, end } = connectionEnds(boxOf(source), boxOf(target));
    const x1 = start.x * zoom + tx;
    const y1 = start.y * zoom + ty;
    const x2 = end.x * zoom + tx;
    const y2 = end.y * zoom + ty;
    if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > width || Math.max(y1, y2) < 0 || Math.min(y1, y2) > height)
      continue;
    lines.push({ edge, x1, y1, x2, y2 });
  }
  return lines;
}

/**
 * The element under a board point at `zoom`, as the overview shows it: the topmost note, else a frame
 * whose name band (`FRAME_LABEL_BAND` screen pixels) is under it. As on the canvas at any zoom, the rest
 * of a frame is the board: clicking there is clicking the empty canvas.
 */
export function elementAt(
  nodes: readonly ElementNode[],
  point: { readonly x: number; readonly y: number },
  zoom: number,
): string | null {
  let frameHit: string | null = null;
  // Paint order: the last node is on top.
  for (let index = nodes.length - 1; index >= 0; index--) {
    const node = nodes[index]!;
    const box = boxOf(node);
    if (point.x < box.x || point.x > box.x + box.width || point.y < box.y) continue;
    if (node.type === 'frame') {
      const band = Math.min(box.height, FRAME_LABEL_BAND / zoom);
      if (frameHit === null && point.y <= box.y + band) frameHit = node.id;
    } else if (point.y <= box.y + box.height) {
      return node.id;
    }
  }
  return frameHit;
}

/** The elements wholly inside `area` (board coordinates), as React Flow's selection box picks them. */
export function elementsInside(nodes: readonly ElementNode[], area: Rect): string[] {
  return nodes
    .filter((node) => {
      const box = boxOf(node);
      return (
        box.x >= area.x &&
        box.y >= area.y &&
        box.x + box.width <= area.x + area.width &&
        box.y + box.height <= area.y + area.height
      );
    })
    .map((node) => node.id);
}

/**
 * What React Flow keeps as nodes at far zoom: the selected elements, up to `FAR_INTERACTIVE_LIMIT`
 * (none beyond). `previous` is returned when it holds the same node objects, so React Flow is not handed a
 * new array when something else on the board changes.
 */
export function interactiveAtFar(nodes: readonly ElementNode[], previous: ElementNode[]): ElementNode[] {
  const selected = nodes.filter((node) => node.selected);
  const kept = selected.length <= FAR_INTERACTIVE_LIMIT ? selected : [];
  const same = kept.length === previous.length && kept.every((node, index) => node === previous[index]);
  return same ? previous : kept;
}
