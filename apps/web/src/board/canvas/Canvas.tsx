import {
  Background,
  ConnectionMode,
  type EdgeTypes,
  type Connection as FlowConnection,
  type NodeTypes,
  type OnConnectEnd,
  type OnMove,
  type OnNodeDrag,
  ReactFlow,
  useStore as useFlowStore,
  useReactFlow,
  type Viewport,
} from '@xyflow/react';
import { type MouseEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import { connect, GRID, placeElement } from '../editing/actions.ts';
import { useBoardShortcuts } from '../editing/useBoardShortcuts.ts';
import { FarBoardLayer, FarZoomStatus } from '../far-view/FarBoardLayer.tsx';
import { FAR_ZOOM } from '../far-view/farBoard.ts';
import { useFarZoom } from '../far-view/useFarZoom.ts';
import { RemoteCursors } from '../presence/RemoteCursors.tsx';
import { RemoteSelections } from '../presence/RemoteSelections.tsx';
import { ViewportPresence } from '../presence/ViewportPresence.tsx';
import { useSession, useUi, useView } from '../SessionContext.ts';
import type { BoardPreview } from '../sync/boardPreview.ts';
import { updateAnyElements } from '../workshop/drafts.ts';
import { CanvasMiniMap } from './CanvasMiniMap.tsx';
import { ConnectionArrow } from './ConnectionArrow.tsx';
import type { ConnectionEdge, ElementNode } from './elementNode.ts';
import { FrameNode } from './FrameNode.tsx';
import { type FrameDrag, followerPositions, startFrameDrag } from './frameDrag.ts';
import { NoteNode } from './NoteNode.tsx';
import { PivotalLines } from './PivotalLines.tsx';
import { usePartInView } from './usePartInView.ts';

const nodeTypes: NodeTypes = { note: NoteNode, frame: FrameNode };
const edgeTypes: EdgeTypes = { connection: ConnectionArrow };
const SNAP_GRID: [number, number] = [GRID, GRID];
/**
 * The dot grid shows from this zoom in, where it helps to place notes. Further out it is dense noise,
 * and repainting it on every frame of a pan cost 1–3 FPS at 5,000 notes (the canvas benchmark).
 */
const DOT_GRID_ZOOM = 0.5;
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const NO_EDGES: ConnectionEdge[] = [];

interface CanvasProps {
  /** Where the board opens; see `initialViewport`. */
  readonly defaultViewport: Viewport;
  /** Shown read-only until the live board has synced. */
  readonly preview: BoardPreview | null;
  /** A view link or a locked board: shown, never changed. */
  readonly readOnly: boolean;
}

export function Canvas({ defaultViewport, preview, readOnly }: CanvasProps) {
  const session = useSession();
  const flow = useReactFlow<ElementNode>();
  const liveNodes = useView((state) => state.nodes);
  const liveEdges = useView((state) => state.edges);
  // Editable once the live board has synced, and only with a link that may edit.
  const synced = preview === null;
  const live = synced && !readOnly;
  const snapToGrid = useUi((state) => state.snapToGrid);
  // Far out the board is a picture (`FarBoardLayer`); React Flow keeps only the selection as nodes.
  const far = useFlowStore((state) => state.transform[2] < FAR_ZOOM);
  const dotGrid = useFlowStore((state) => state.transform[2] >= DOT_GRID_ZOOM);
  const boardNodes = preview?.nodes ?? liveNodes;
  const boardEdges = preview?.edges ?? liveEdges;
  const { nodes: farNodes, onPaneClick, zoomInAt, zoomInOn } = useFarZoom(far, live, boardNodes);
  const selectedIds = useView((state) => state.selectedIds);
  const gliding = useUi((state) => state.gliding);
  // Notes gliding out of view stay until they arrive: they leave the canvas in one update, not one per frame.
  const kept = useMemo(
    () => (gliding.size === 0 ? selectedIds : new Set([...selectedIds, ...gliding])),
    [selectedIds, gliding],
  );
  // Otherwise React Flow is given the part of the board around the view (and the selection).
  const shown = usePartInView(!far, boardNodes, boardEdges, defaultViewport, kept);
  useEffect(() => {
    if (preview && shown) session.view.adoptPicture(shown.nodes, shown.edges);
  }, [session, preview, shown]);
  const frameDrag = useRef<FrameDrag | null>(null);
  useBoardShortcuts(session, live);
  useEffect(() => session.presence.setSelection(selectedIds), [session, selectedIds]);

  const onNodeDragStart: OnNodeDrag<ElementNode> = useCallback(
    (_, __, dragged) => {
      const elements = [...session.view.store.getState().elements.values()];
      frameDrag.current = startFrameDrag(elements, new Set(dragged.map((node) => node.id)));
      session.presence.setDrag(new Map(dragged.map((node) => [node.id, node.position])));
    },
    [session],
  );

  const onNodeDrag: OnNodeDrag<ElementNode> = useCallback(
    (_, __, dragged) => {
      const positions = new Map(dragged.map((node) => [node.id, node.position]));
      const followers = frameDrag.current ? followerPositions(frameDrag.current, positions) : new Map();
      if (followers.size > 0) session.view.moveLocally(followers);
      // Colleagues see the drag live; the document is written once, on drop.
      session.presence.setDrag(new Map([...positions, ...followers]));
    },
    [session],
  );

  // The document is written once, on drop: one update on the wire and one undo step.
  const onNodeDragStop: OnNodeDrag<ElementNode> = useCallback(
    (_, __, dragged) => {
      const positions = new Map(dragged.map((node) => [node.id, node.position]));
      const followers = frameDrag.current ? followerPositions(frameDrag.current, positions) : new Map();
      frameDrag.current = null;
      const updates = [...positions, ...followers].map(([id, position]) => ({ id, patch: { position } }));
      updateAnyElements(session, updates);
      session.presence.setDrag(new Map());
    },
    [session],
  );

  const onConnect = useCallback(
    (connection: FlowConnection) => connect(session, connection.source, connection.target),
    [session],
  );

  // Dropped on a note but not on a handle: the connection goes to that note all the same.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      if (state.isValid || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const node = document
        .elementsFromPoint(point.clientX, point.clientY)
        .map((element) => element.closest('.react-flow__node-note'))
        .find((element) => element !== null);
      const id = node?.getAttribute('data-id');
      if (id && id !== state.fromNode.id) connect(session, state.fromNode.id, id);
    },
    [session],
  );

  const onMouseMove = useCallback(
    (event: MouseEvent) => {
      const cursor = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      session.ui.setState({ cursor });
      session.presence.setCursor(cursor);
    },
    [session, flow],
  );

  const onMouseLeave = useCallback(() => session.presence.setCursor(null), [session]);

  // Panning or zooming by hand ends "follow" (programmatic moves, the following itself, have no event).
  const onMoveStart: OnMove = useCallback(
    (event) => {
      if (event && session.ui.getState().following !== null) session.ui.setState({ following: null });
    },
    [session],
  );

  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      const target = event.target as HTMLElement;
      if (!target.classList.contains('react-flow__pane')) return;
      if (far && zoomInAt(event)) return;
      if (!live) return;
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      placeElement(session, session.ui.getState().lastKind, at);
    },
    [session, flow, live, far, zoomInAt],
  );

  // Far out nobody can read what they would type: a double-click zooms in on the note instead.
  const onNodeDoubleClick = useCallback(
    (_: MouseEvent, node: ElementNode) =>
      far ? zoomInOn(node.id) : session.ui.setState({ editingId: node.id }),
    [session, far, zoomInOn],
  );

  return (
    <ReactFlow<ElementNode, ConnectionEdge>
      className={far ? 'is-far' : undefined}
      aria-label={synced ? 'Board canvas' : 'Board preview'}
      aria-busy={!synced}
      nodes={shown?.nodes ?? farNodes}
      edges={shown?.edges ?? NO_EDGES}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={session.view.applyNodeChanges}
      onEdgesChange={session.view.applyEdgeChanges}
      onNodeDragStart={onNodeDragStart}
      onNodeDrag={onNodeDrag}
      onNodeDragStop={onNodeDragStop}
      onNodeDoubleClick={live ? onNodeDoubleClick : undefined}
      nodesDraggable={live}
      nodesConnectable={live}
      elementsSelectable={live}
      onConnect={onConnect}
      onConnectEnd={onConnectEnd}
      onMouseMove={onMouseMove}
      onMouseLeave={onMouseLeave}
      onMoveStart={onMoveStart}
      onDoubleClick={onDoubleClick}
      onPaneClick={onPaneClick}
      connectionMode={ConnectionMode.Loose}
      onlyRenderVisibleElements
      elevateNodesOnSelect={false}
      deleteKeyCode={null}
      disableKeyboardA11y
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      zoomOnDoubleClick={false}
      // Like the design tools people know: two-finger scroll or the wheel pans, pinch or Ctrl+wheel zooms.
      panOnScroll
      snapToGrid={snapToGrid}
      snapGrid={SNAP_GRID}
      minZoom={0.05}
      maxZoom={4}
      defaultViewport={defaultViewport}
    >
      {dotGrid && <Background gap={GRID * 2} />}
      {far && <FarBoardLayer nodes={boardNodes} edges={boardEdges} interactive={farNodes} />}
      <FarZoomStatus far={far} />
      {!far && <PivotalLines />}
      <CanvasMiniMap preview={preview?.elements} />
      <RemoteSelections />
      <RemoteCursors />
      <ViewportPresence />
    </ReactFlow>
  );
}
