import { useStore as useFlowStore, type Viewport } from '@xyflow/react';
import { useMemo, useRef } from 'react';
import type { ConnectionEdge, ElementNode } from './elementNode.ts';
import { type PartInView, partInView } from './partInView.ts';
import { viewAreaKey, viewAreaOf } from './viewArea.ts';

const NOTHING_KEPT: ReadonlySet<string> = new Set();

/**
 * The part of the board around the view (see `partInView`), following pans and zooms in steps of a
 * quarter view (see `viewAreaKey`); `null` (and no re-render on viewport changes) while `enabled` is
 * false. `opening` is the viewport the canvas opens at.
 */
export function usePartInView(
  enabled: boolean,
  nodes: readonly ElementNode[],
  edges: readonly ConnectionEdge[],
  opening: Viewport,
  keep: ReadonlySet<string> = NOTHING_KEPT,
): PartInView | null {
  const key = useFlowStore((state) => {
    if (!enabled) return '';
    // Until React Flow has measured its pane (the first render), it has not applied the opening viewport
    // either; the window is a safe over-estimate of the pane.
    if (state.width === 0) {
      return viewAreaKey([opening.x, opening.y, opening.zoom], window.innerWidth, window.innerHeight);
    }
    return viewAreaKey(state.transform, state.width, state.height);
  });
  const previous = useRef<PartInView | null>(null);
  return useMemo(() => {
    previous.current = key
      ? partInView(nodes, edges, viewAreaOf(key), keep, previous.current ?? undefined)
      : null;
    return previous.current;
  }, [key, nodes, edges, keep]);
}
