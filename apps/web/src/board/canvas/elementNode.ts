import type { BoardElement } from '@squall/model';
import { isFrameKind, KIND_INFO } from '@squall/model';
import { type Edge, type Node, type NodeHandle, Position } from '@xyflow/react';
import type { Box } from './edgeSides.ts';

export interface ElementNodeData extends Record<string, unknown> {
  readonly element: BoardElement;
  /** A silent-writing draft: only its author has it, until it is published. */
  readonly draft?: true;
}

/** A board element as React Flow sees it; `data.element` is the model's read of the element. */
export type ElementNode = Node<ElementNodeData, 'note' | 'frame'>;
/** A connection as React Flow sees it, drawn by `ConnectionArrow` between the sides that face each other. */
export type ConnectionEdge = Edge<Record<string, unknown>, 'connection'>;

/** What assistive technology reads for an element, e.g. "Domain event: Payment Requested". */
export function elementLabel(element: BoardElement): string {
  const text = element.text.trim().replace(/\s+/g, ' ');
  const kind = KIND_INFO[element.kind].label;
  return text ? `${kind}: ${text}` : kind;
}

const HANDLE = 10;

/**
 * Where a note's handles are: one in the middle of each side, as `NoteNode` draws them (all of type
 * source: in React Flow's loose mode a connection starts on any and ends on any). Giving React Flow
 * these up front spares it from mounting every node of the board once just to measure them: with them,
 * only the notes in view are ever rendered, even on the first frame. They are where a drag starts a new
 * connection; a drawn arrow picks its own sides (`ConnectionArrow`).
 */
function handlesOf(element: BoardElement): NodeHandle[] {
  if (isFrameKind(element.kind)) return [];
  const { width, height } = element.size;
  const half = HANDLE / 2;
  const handle = (id: string, position: Position, x: number, y: number): NodeHandle => ({
    id,
    type: 'source',
    position,
    x: x - half,
    y: y - half,
    width: HANDLE,
    height: HANDLE,
  });
  return [
    handle('top', Position.Top, width / 2, 0),
    handle('right', Position.Right, width, height / 2),
    handle('bottom', Position.Bottom, width / 2, height),
    handle('left', Position.Left, 0, height / 2),
  ];
}

/**
 * The node for an element. `previous` carries what only the view knows (selection, measured size), so a
 * remote edit never drops someone's selection.
 */
export function elementNode(element: BoardElement, previous?: ElementNode, draft = false): ElementNode {
  const sameSize =
    previous?.data.element.size.width === element.size.width &&
    previous.data.element.size.height === element.size.height;
  const node: ElementNode = {
    id: element.id,
    type: isFrameKind(element.kind) ? 'frame' : 'note',
    position: element.position,
    width: element.size.width,
    height: element.size.height,
    data: draft ? { element, draft } : { element },
    selected: previous?.selected ?? false,
    ariaLabel: elementLabel(element),
    handles: handlesOf(element),
  };
  // The rendered size is the element's size: saying so up front spares React Flow a measuring pass
  // (and every visible node a second render) when a board opens.
  node.measured = sameSize && previous.measured ? previous.measured : { ...element.size };
  if (previous?.className) node.className = previous.className;
  return node;
}

/** Swimlanes paint lowest, context frames above them, notes on top; otherwise the model's z-order. */
function layerOf(node: ElementNode): number {
  return node.type === 'note' ? 2 : node.data.element.kind === 'swimlane' ? 0 : 1;
}

export function compareNodes(a: ElementNode, b: ElementNode): number {
  const layerA = layerOf(a);
  const layerB = layerOf(b);
  if (layerA !== layerB) return layerA - layerB;
  const za = a.data.element.z;
  const zb = b.data.element.z;
  if (za !== zb) return za < zb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A node's box on the board; `width`/`height` follow a resize in progress. */
export function boxOf(node: ElementNode): Box {
  const { size } = node.data.element;
  return {
    x: node.position.x,
    y: node.position.y,
    width: node.width ?? size.width,
    height: node.height ?? size.height,
  };
}
