import {
  type BoardElement,
  type Connection,
  contextMembership,
  isFrameKind,
  type Point,
  type Size,
  swimlaneMembership,
} from '@squall/model';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';

/** ELK's layered algorithm, left to right: the flow reads as the timeline does. */
const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.componentComponent': '80',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};
/** Room inside a context frame: its title on top. */
const CONTEXT_PADDING = '[top=70,left=40,bottom=40,right=40]';
const LANE_PADDING = 20;

export interface ArrangeInput {
  readonly graph: ElkNode;
  /** Where the arranged part starts (its top-left before), so it stays where people were looking. */
  readonly origin: Point;
}

export interface ArrangedElement {
  readonly id: string;
  readonly position: Point;
  /** Frames and lanes are resized to hold what was arranged in them. */
  readonly size?: Size;
}

/**
 * The ELK graph of the notes to arrange (the selected ones, or every note) and their connections.
 * Arranging the whole board keeps contexts: each context is a compound node holding its notes (and the
 * contexts inside it), laid out together and resized to fit.
 */
export function arrangeInput(
  elements: readonly BoardElement[],
  connections: readonly Connection[],
  scope?: ReadonlySet<string>,
): ArrangeInput | undefined {
  const notes = elements.filter((element) => !isFrameKind(element.kind) && (!scope || scope.has(element.id)));
  if (notes.length === 0) return undefined;
  const byId = new Map<string, ElkNode>();
  const root: ElkNode = {
    id: '__root',
    layoutOptions: { ...LAYOUT_OPTIONS, 'elk.padding': '[top=0,left=0,bottom=0,right=0]' },
    children: [],
    edges: [],
  };
  // Contexts only when the whole board is arranged: a selection moves within the frames it is in.
  const contexts = scope ? [] : elements.filter((element) => element.kind === 'boundedContext');
  const membership = scope ? new Map() : contextMembership(elements);
  for (const context of contexts) {
    byId.set(context.id, { id: context.id, layoutOptions: { 'elk.padding': CONTEXT_PADDING }, children: [] });
  }
  for (const note of notes)
    byId.set(note.id, { id: note.id, width: note.size.width, height: note.size.height });
  for (const [id, node] of byId) {
    const parent = byId.get(membership.get(id)?.id ?? '') ?? root;
    parent.children!.push(node);
  }
  // Empty contexts keep their place and size: they are not part of the layout.
  root.children = root.children!.filter((node) => !isEmptyContext(node, byId, contexts));
  const edges: ElkExtendedEdge[] = connections
    .filter((connection) => byId.has(connection.source) && byId.has(connection.target))
    .filter((connection) => !contexts.some((c) => c.id === connection.source || c.id === connection.target))
    .map((connection) => ({ id: connection.id, sources: [connection.source], targets: [connection.target] }));
  root.edges = edges;
  const origin = {
    x: Math.min(...notes.map((note) => note.position.x)),
    y: Math.min(...notes.map((note) => note.position.y)),
  };
  return { graph: root, origin };
}

function isEmptyContext(
  node: ElkNode,
  byId: Map<string, ElkNode>,
  contexts: readonly BoardElement[],
): boolean {
  if (!contexts.some((context) => context.id === node.id)) return false;
  return (node.children ?? []).every((child) => isEmptyContext(child, byId, contexts));
}

/** Absolute positions (ELK's are relative to the parent), moved so the layout starts at `origin`. */
function flatten(node: ElkNode, offset: Point, into: ArrangedElement[]): void {
  for (const child of node.children ?? []) {
    const position = { x: offset.x + (child.x ?? 0), y: offset.y + (child.y ?? 0) };
    const compound = (child.children?.length ?? 0) > 0;
    into.push({
      id: child.id,
      position: { x: Math.round(position.x), y: Math.round(position.y) },
      ...(compound
        ? { size: { width: Math.round(child.width ?? 0), height: Math.round(child.height ?? 0) } }
        : {}),
    });
    flatten(child, position, into);
  }
}

const overlapsX = (a: ArrangedElement & { size: Size }, b: ArrangedElement & { size: Size }) =>
  a.position.x < b.position.x + b.size.width && b.position.x < a.position.x + a.size.width;

/**
 * Where everything goes, from ELK's answer: positions from the layout, then swimlanes respected: a
 * note that was in a lane (and is not inside a context) stays in it, at the lane's centre row, notes
 * that would overlap stacked down, the lane taller when they need it.
 */
export function arrangedElements(
  elements: readonly BoardElement[],
  input: ArrangeInput,
  laidOut: ElkNode,
): ArrangedElement[] {
  const arranged: ArrangedElement[] = [];
  flatten(laidOut, input.origin, arranged);
  const byId = new Map(elements.map((element) => [element.id, element]));
  const lanes = swimlaneMembership(elements);
  const inContext = contextMembership(elements);
  const compound = new Set(arranged.filter((a) => a.size).map((a) => a.id));
  const laned = new Map<string, Array<ArrangedElement & { size: Size }>>();
  const result = new Map(arranged.map((a) => [a.id, a]));
  for (const entry of arranged) {
    const lane = lanes.get(entry.id);
    if (
      !lane ||
      compound.has(entry.id) ||
      (inContext.has(entry.id) && result.has(inContext.get(entry.id)!.id))
    )
      continue;
    const size = byId.get(entry.id)!.size;
    laned.set(lane.id, [...(laned.get(lane.id) ?? []), { ...entry, size }]);
  }
  for (const [laneId, members] of laned) {
    const lane = byId.get(laneId)!;
    const placed: Array<ArrangedElement & { size: Size }> = [];
    let bottom = lane.position.y + lane.size.height;
    for (const member of [...members].sort((a, b) => a.position.y - b.position.y)) {
      let y = Math.round(lane.position.y + lane.size.height / 2 - member.size.height / 2);
      for (const other of placed) {
        if (overlapsX(member, other) && y < other.position.y + other.size.height + LANE_PADDING)
          y = other.position.y + other.size.height + LANE_PADDING;
      }
      const moved = { ...member, position: { x: member.position.x, y } };
      placed.push(moved);
      result.set(member.id, { id: member.id, position: moved.position });
      bottom = Math.max(bottom, y + member.size.height + LANE_PADDING);
    }
    if (bottom > lane.position.y + lane.size.height) {
      result.set(laneId, {
        id: laneId,
        position: lane.position,
        size: { width: lane.size.width, height: bottom - lane.position.y },
      });
    }
  }
  return [...result.values()];
}
