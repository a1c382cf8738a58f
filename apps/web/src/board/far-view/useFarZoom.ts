import { useReactFlow, useStoreApi } from '@xyflow/react';
import { type MouseEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { ConnectionEdge, ElementNode } from '../canvas/elementNode.ts';
import { boxOf } from '../canvas/elementNode.ts';
import { useSession } from '../SessionContext.ts';
import { elementAt, elementsInside, interactiveAtFar } from './farBoard.ts';

/** The zoom a double-click on a note in the overview brings it to (as search does). */
const ZOOM_IN = 0.8;
const DURATION = 200;
const NONE: ElementNode[] = [];

export interface FarZoom {
  /** What React Flow is given at far zoom: the selection, while it is small (`interactiveAtFar`). */
  readonly nodes: ElementNode[];
  /** At far zoom, selects what the overview shows under a click (React Flow sees an empty pane there). */
  readonly onPaneClick: ((event: MouseEvent) => void) | undefined;
  /** Zooms in on the element the overview shows under a double-click; false when there is none. */
  zoomInAt(event: MouseEvent): boolean;
  /** Brings an element to the middle of the screen at a readable zoom, selected when the board is live. */
  zoomInOn(id: string): void;
}

/**
 * Interaction with the far-zoom overview (`FarBoardLayer`), where React Flow holds only the selected
 * elements: a click selects the note drawn under it (Shift/Ctrl/Cmd toggles it), Shift+drag box-selects
 * as on the canvas, a double-click zooms in on a note. `nodes` are the board's nodes in paint order.
 */
export function useFarZoom(far: boolean, live: boolean, nodes: ElementNode[]): FarZoom {
  const session = useSession();
  const flow = useReactFlow<ElementNode, ConnectionEdge>();
  const flowStore = useStoreApi<ElementNode, ConnectionEdge>();
  const interactive = useRef<ElementNode[]>(NONE);
  const flowNodes = useMemo(() => {
    interactive.current = far ? interactiveAtFar(nodes, interactive.current) : NONE;
    return interactive.current;
  }, [far, nodes]);
  // Read by the handlers, which stay the same functions when the board changes: a new handler would
  // make React Flow render every visible node again.
  const boardNodes = useRef(nodes);
  useLayoutEffect(() => {
    boardNodes.current = nodes;
  }, [nodes]);

  const hitAt = useCallback(
    (event: MouseEvent) => {
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      return elementAt(boardNodes.current, point, flowStore.getState().transform[2]);
    },
    [flow, flowStore],
  );

  const onPaneClick = useCallback(
    (event: MouseEvent) => {
      const hit = hitAt(event);
      const adding = event.shiftKey || event.metaKey || event.ctrlKey;
      const view = session.view.store.getState();
      const selection = new Set(adding ? view.selectedIds : []);
      if (hit && adding && selection.has(hit)) selection.delete(hit);
      else if (hit) selection.add(hit);
      const edges = adding ? [] : [...view.selectedEdgeIds];
      // React Flow clears the selection it holds right after this handler: select once it has.
      queueMicrotask(() => {
        session.view.select(selection);
        session.view.applyEdgeChanges(edges.map((id) => ({ id, type: 'select', selected: false })));
      });
    },
    [session, hitAt],
  );

  const zoomInOn = useCallback(
    (id: string) => {
      const node = boardNodes.current.find((candidate) => candidate.id === id);
      if (!node) return;
      if (live) session.view.select([id]);
      const box = boxOf(node);
      void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, {
        zoom: ZOOM_IN,
        duration: DURATION,
      });
    },
    [session, flow, live],
  );

  const zoomInAt = useCallback(
    (event: MouseEvent) => {
      const hit = hitAt(event);
      if (hit !== null) zoomInOn(hit);
      return hit !== null;
    },
    [hitAt, zoomInOn],
  );

  // React Flow's selection box selects among its own nodes, which are few here: pick from the overview.
  useEffect(() => {
    if (!far || !live) return;
    let picked = '';
    return flowStore.subscribe((state, previous) => {
      const rect = state.userSelectionRect;
      if (!rect || !state.userSelectionActive) {
        picked = '';
        return;
      }
      if (rect === previous.userSelectionRect) return;
      const [tx, ty, zoom] = state.transform;
      const area = {
        x: (rect.x - tx) / zoom,
        y: (rect.y - ty) / zoom,
        width: rect.width / zoom,
        height: rect.height / zoom,
      };
      const ids = elementsInside(session.view.store.getState().nodes, area);
      const key = ids.join(' ');
      if (key === picked) return;
      picked = key;
      session.view.select(ids);
    });
  }, [far, live, flowStore, session]);

  return { nodes: flowNodes, onPaneClick: far && live ? onPaneClick : undefined, zoomInAt, zoomInOn };
}
