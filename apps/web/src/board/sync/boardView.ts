import {
  type BoardElement,
  boardMaps,
  type Connection,
  changedElementIds,
  readConnection,
  readElement,
  type StoredConnection,
} from '@squall/model';
import type { EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import type * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { connectionEdge } from '../canvas/connectionEdge.ts';
import { type ConnectionEdge, compareNodes, type ElementNode, elementNode } from '../canvas/elementNode.ts';
import { createFrameSlices } from './frameSlices.ts';

/** What the canvas renders: the document's elements as nodes and edges, plus view-only state. */
export interface BoardViewState {
  readonly elements: ReadonlyMap<string, BoardElement>;
  /** Paint order (frames first). Unchanged elements keep their node object, so memoised nodes skip. */
  readonly nodes: ElementNode[];
  readonly edges: ConnectionEdge[];
  readonly selectedIds: ReadonlySet<string>;
  readonly selectedEdgeIds: ReadonlySet<string>;
}

export interface BoardView {
  readonly store: StoreApi<BoardViewState>;
  /** React Flow's node changes: selection, local drag positions, resize and measured sizes. */
  applyNodeChanges(changes: readonly NodeChange<ElementNode>[]): void;
  applyEdgeChanges(changes: readonly EdgeChange<ConnectionEdge>[]): void;
  select(ids: Iterable<string>): void;
  /** Shows positions locally (a frame's contents following it) without writing the document. */
  moveLocally(positions: ReadonlyMap<string, XYPosition>): void;
  /**
   * Resolves once the document's latest changes are all on the canvas: a large change of existing
   * elements reaches it over a few frames (see `createFrameSlices`).
   */
  applied(): Promise<void>;
  /** Re-reads elements from the document (e.g. after a colleague's live drag ended). */
  refresh(ids: Iterable<string>): void;
  /** Marks search matches with a CSS class; only nodes whose mark changes get new objects. */
  setMatches(ids: ReadonlySet<string>): void;
  /**
   * The nodes and edges of the first picture on screen, before the board is live: the live board takes
   * over these objects for the elements it finds unchanged, so React Flow need not draw them again.
   */
  adoptPicture(nodes: readonly ElementNode[], edges: readonly ConnectionEdge[]): void;
  destroy(): void;
}

const MATCH_CLASS = 'is-match';

function sameEdge(a: ConnectionEdge, b: ConnectionEdge): boolean {
  return (
    a.ariaLabel === b.ariaLabel &&
    a.className === b.className &&
    a.label === b.label &&
    a.source === b.source &&
    a.target === b.target
  );
}

/** Two reads of an element are the same (both come from the model's `readElement`, keys in one order). */
function sameElement(a: BoardElement, b: BoardElement): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `drafts`: this participant's silent-writing drafts (a document that never leaves this browser), shown
 * among the board's elements and marked as drafts.
 */
export function createBoardView(doc: Y.Doc, drafts?: Y.Doc): BoardView {
  const maps = boardMaps(doc);
  const draftElements = drafts ? boardMaps(drafts).elements : undefined;
  const nodeById = new Map<string, ElementNode>();
  const connections = new Map<string, Connection>();
  const edgeById = new Map<string, ConnectionEdge>();
  /** The first picture's nodes and edges (see `adoptPicture`), until the board's first elements arrive. */
  const pictureNodes = new Map<string, ElementNode>();
  const pictureEdges = new Map<string, ConnectionEdge>();
  const store = createStore<BoardViewState>(() => ({
    elements: new Map(),
    nodes: [],
    edges: [],
    selectedIds: new Set(),
    selectedEdgeIds: new Set(),
  }));

  const selectedOf = (nodes: readonly ElementNode[]) =>
    new Set(nodes.filter((node) => node.selected).map((node) => node.id));

  function rebuildEdges(elements: ReadonlyMap<string, BoardElement>, touched: ReadonlySet<string> | null) {
    const edges: ConnectionEdge[] = [];
    let changed = false;
    for (const connection of connections.values()) {
      // Dangling arrows (a concurrent delete and connect) are not drawn, as `readBoard` leaves them out.
      if (!elements.has(connection.source) || !elements.has(connection.target)) {
        if (edgeById.delete(connection.id)) changed = true;
        continue;
      }
      const previous = edgeById.get(connection.id) ?? pictureEdges.get(connection.id);
      let edge = previous;
      if (
        !previous ||
        touched === null ||
        touched.has(connection.id) ||
        touched.has(connection.source) ||
        touched.has(connection.target)
      ) {
        const next = connectionEdge(connection, elements, previous);
        edge = previous && sameEdge(previous, next) ? previous : next;
      }
      if (edge !== previous) changed = true;
      edgeById.set(connection.id, edge!);
      edges.push(edge!);
    }
    for (const id of edgeById.keys()) if (!connections.has(id)) edgeById.delete(id);
    const current = store.getState().edges;
    if (!changed && edges.length === current.length) return current;
    edges.sort((a, b) => (a.id < b.id ? -1 : 1));
    return edges;
  }

  function syncElements(ids: Iterable<string>) {
    const state = store.getState();
    const elements = new Map(state.elements);
    let reorder = false;
    const changed = new Set<string>();
    for (const id of ids) {
      const shared = maps.elements.get(id);
      const draft = shared === undefined && draftElements?.has(id) === true;
      const element = readElement(id, draft ? draftElements?.get(id) : shared);
      const previous = nodeById.get(id);
      changed.add(id);
      if (!element) {
        if (previous) {
          nodeById.delete(id);
          elements.delete(id);
          reorder = true;
        }
        continue;
      }
      const drawn = previous ? undefined : pictureNodes.get(id);
      const node =
        drawn && sameElement(drawn.data.element, element) ? drawn : elementNode(element, previous, draft);
      if (!previous || previous.data.element.z !== element.z || previous.type !== node.type) reorder = true;
      nodeById.set(id, node);
      elements.set(id, element);
    }
    if (changed.size === 0) return;
    const nodes = reorder
      ? [...nodeById.values()].sort(compareNodes)
      : state.nodes.map((node) => nodeById.get(node.id) ?? node);
    store.setState({
      elements,
      nodes,
      edges: rebuildEdges(elements, changed),
      selectedIds: reorder ? selectedOf(nodes) : state.selectedIds,
    });
    pictureNodes.clear();
    pictureEdges.clear();
  }

  function syncConnections(ids: Iterable<string>) {
    const touched = new Set<string>();
    for (const id of ids) {
      touched.add(id);
      const connection = readConnection(id, maps.connections.get(id));
      if (connection) connections.set(id, connection);
      else connections.delete(id);
    }
    const state = store.getState();
    const edges = rebuildEdges(state.elements, touched);
    store.setState({
      edges,
      selectedEdgeIds: new Set(edges.filter((edge) => edge.selected).map((edge) => edge.id)),
    });
  }

  const slices = createFrameSlices(syncElements);
  const onElements = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    const added: string[] = [];
    const updated: string[] = [];
    for (const id of changedElementIds(events)) (nodeById.has(id) ? updated : added).push(id);
    if (added.length > 0) syncElements(added);
    if (updated.length > 0) slices.apply(updated);
  };
  const onConnections = (event: Y.YMapEvent<StoredConnection>) => syncConnections(event.keysChanged);
  maps.elements.observeDeep(onElements);
  draftElements?.observeDeep(onElements);
  maps.connections.observe(onConnections);
  syncConnections(maps.connections.keys());
  syncElements(maps.elements.keys());
  if (draftElements) syncElements(draftElements.keys());

  /** Replaces some nodes with new objects, keeping the array order. */
  function replaceNodes(replacements: ReadonlyMap<string, ElementNode>) {
    if (replacements.size === 0) return;
    for (const [id, node] of replacements) nodeById.set(id, node);
    const nodes = store.getState().nodes.map((node) => replacements.get(node.id) ?? node);
    store.setState({ nodes, selectedIds: selectedOf(nodes) });
  }

  return {
    store,
    applyNodeChanges(changes) {
      const replacements = new Map<string, ElementNode>();
      for (const change of changes) {
        if (change.type === 'add' || change.type === 'remove' || change.type === 'replace') continue;
        const node = replacements.get(change.id) ?? nodeById.get(change.id);
        if (!node) continue;
        if (change.type === 'select') {
          if (node.selected !== change.selected)
            replacements.set(node.id, { ...node, selected: change.selected });
        } else if (change.type === 'position') {
          if (change.position) replacements.set(node.id, { ...node, position: change.position });
        } else if (change.type === 'dimensions' && change.dimensions) {
          const next: ElementNode = { ...node, measured: change.dimensions };
          // While resizing, the frame follows the pointer locally; the document is written on release.
          if (change.setAttributes) {
            next.width = change.dimensions.width;
            next.height = change.dimensions.height;
          }
          replacements.set(node.id, next);
        }
      }
      replaceNodes(replacements);
    },
    applyEdgeChanges(changes) {
      let changed = false;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        const edge = edgeById.get(change.id);
        if (!edge || edge.selected === change.selected) continue;
        edgeById.set(change.id, { ...edge, selected: change.selected });
        changed = true;
      }
      if (!changed) return;
      const edges = store.getState().edges.map((edge) => edgeById.get(edge.id) ?? edge);
      store.setState({
        edges,
        selectedEdgeIds: new Set(edges.filter((edge) => edge.selected).map((edge) => edge.id)),
      });
    },
    select(ids) {
      const wanted = new Set(ids);
      const replacements = new Map<string, ElementNode>();
      for (const node of nodeById.values()) {
        const selected = wanted.has(node.id);
        if ((node.selected ?? false) !== selected) replacements.set(node.id, { ...node, selected });
      }
      replaceNodes(replacements);
    },
    moveLocally(positions) {
      const replacements = new Map<string, ElementNode>();
      for (const [id, position] of positions) {
        const node = nodeById.get(id);
        if (node) replacements.set(id, { ...node, position });
      }
      replaceNodes(replacements);
    },
    refresh(ids) {
      syncElements(ids);
    },
    setMatches(ids) {
      const replacements = new Map<string, ElementNode>();
      for (const node of nodeById.values()) {
        const match = ids.has(node.id);
        if ((node.className === MATCH_CLASS) !== match) {
          const next = { ...node };
          if (match) next.className = MATCH_CLASS;
          else delete next.className;
          replacements.set(node.id, next);
        }
      }
      replaceNodes(replacements);
    },
    adoptPicture(nodes, edges) {
      if (store.getState().elements.size > 0) return;
      pictureNodes.clear();
      pictureEdges.clear();
      for (const node of nodes) pictureNodes.set(node.id, node);
      for (const edge of edges) pictureEdges.set(edge.id, edge);
    },
    applied() {
      return slices.applied();
    },
    destroy() {
      slices.cancel();
      maps.elements.unobserveDeep(onElements);
      draftElements?.unobserveDeep(onElements);
      maps.connections.unobserve(onConnections);
    },
  };
}
