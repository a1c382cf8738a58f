import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { ElementNode } from './elementNode.ts';
import { useSession } from './SessionContext.ts';

export interface ViewportTools {
  zoomToFit(): void;
  zoomToSelection(): void;
  /** The board point at the centre of the visible canvas. */
  centre(): { x: number; y: number };
  /** Selects an element and brings it to the middle of the screen. */
  focusElement(id: string): void;
}

const DURATION = 200;

export function useViewportTools(): ViewportTools {
  const flow = useReactFlow<ElementNode>();
  const session = useSession();
  return useMemo(() => {
    const centre = () => {
      const pane = document.querySelector('.react-flow__renderer')?.getBoundingClientRect();
      if (!pane) return { x: 0, y: 0 };
      return flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
    };
    return {
      centre,
      zoomToFit: () => void flow.fitView({ padding: 0.1, duration: DURATION, maxZoom: 1.5 }),
      zoomToSelection: () => {
        const ids = session.view.store.getState().selectedIds;
        if (ids.size === 0) return;
        void flow.fitView({
          nodes: [...ids].map((id) => ({ id })),
          padding: 0.3,
          duration: DURATION,
          maxZoom: 1.5,
        });
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
  }, [flow, session]);
}
