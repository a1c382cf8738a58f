import type { BoardElement } from '@squall/model';
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useMemo } from 'react';
import { useSession } from '../SessionContext.ts';
import type { ElementNode } from './elementNode.ts';
import { boundsOf } from './minimapGeometry.ts';

export interface ViewportTools {
  zoomToFit(): void;
  zoomToSelection(): void;
  /** The board point at the centre of the visible canvas. */
  centre(): { x: number; y: number };
  /** Selects an element and brings it to the middle of the screen. */
  focusElement(id: string): void;
  /** Pans (keeping the zoom) to an element only when some of it is outside the visible canvas. */
  revealElement(id: string): void;
}

const DURATION = 200;
const MAX_FIT_ZOOM = 1.5;

export function useViewportTools(): ViewportTools {
  const flow = useReactFlow<ElementNode>();
  const flowStore = useStoreApi<ElementNode>();
  const session = useSession();
  return useMemo(() => {
    // Fitted to the board's elements rather than React Flow's nodes: far out, React Flow holds only the
    // selection (see `useFarZoom`).
    const fitElements = (elements: Iterable<BoardElement>, padding: number) => {
      const bounds = boundsOf(elements);
      if (!bounds) return false;
      const { width, height, minZoom } = flowStore.getState();
      const viewport = getViewportForBounds(bounds, width, height, minZoom, MAX_FIT_ZOOM, padding);
      void flow.setViewport(viewport, { duration: DURATION });
      return true;
    };
    const centre = () => {
      const pane = document.querySelector('.react-flow__renderer')?.getBoundingClientRect();
      if (!pane) return { x: 0, y: 0 };
      return flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
    };
    return {
      centre,
      zoomToFit: () => {
        // While the preview is shown the live board has no elements yet: fit what React Flow shows.
        if (!fitElements(session.view.store.getState().elements.values(), 0.1))
          void flow.fitView({ padding: 0.1, duration: DURATION, maxZoom: MAX_FIT_ZOOM });
      },
      zoomToSelection: () => {
        const { elements, selectedIds } = session.view.store.getState();
        const selected = [...selectedIds].flatMap((id) => elements.get(id) ?? []);
        fitElements(selected, 0.3);
      },
      revealElement: (id) => {
        const element = session.view.store.getState().elements.get(id);
        const pane = document.querySelector('.react-flow__renderer')?.getBoundingClientRect();
        if (!element || !pane) return;
        const topLeft = flow.screenToFlowPosition({ x: pane.left, y: pane.top });
        const bottomRight = flow.screenToFlowPosition({ x: pane.right, y: pane.bottom });
        const { x, y } = element.position;
        const { width, height } = element.size;
        if (x >= topLeft.x && y >= topLeft.y && x + width <= bottomRight.x && y + height <= bottomRight.y)
          return;
        void flow.setCenter(x + width / 2, y + height / 2, { zoom: flow.getZoom(), duration: DURATION });
      },
      focusElement: (id) => {
        const element = session.view.store.getState().elements.get(id);
        if (!element) return;
        session.view.select([id]);
        const zoom = Math.max(flow.getZoom(), 0.8);
        void flow.setCenter(
          element.position.x + element.size.width / 2,
          element.position.y + element.size.height / 2,
          { zoom, duration: DURATION },
        );
      },
    };
  }, [flow, flowStore, session]);
}
