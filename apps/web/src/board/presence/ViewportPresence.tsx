import { useStore as useFlowStore, useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useSession, useUi } from '../SessionContext.ts';

/**
 * Shares what this user looks at (the board point at the centre of their canvas, and their zoom, so
 * people with other screen sizes see the same middle), and follows the participant picked in
 * "People here". Following ends when this user pans or zooms (`Canvas`'s `onMoveStart`) or the other
 * person leaves.
 */
export function ViewportPresence() {
  const session = useSession();
  const flow = useReactFlow();
  const [x, y, zoom] = useFlowStore((state) => state.transform);
  const width = useFlowStore((state) => state.width);
  const height = useFlowStore((state) => state.height);
  useEffect(() => {
    if (width === 0 || height === 0) return;
    session.presence.setViewport({ x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom, zoom });
  }, [session, x, y, zoom, width, height]);

  const following = useUi((state) => state.following);
  const target = useStore(session.peers, (state) =>
    following === null ? null : (state.peers.get(following)?.viewport ?? undefined),
  );
  const gone = useStore(session.peers, (state) => following !== null && !state.peers.has(following));
  useEffect(() => {
    if (gone) session.ui.setState({ following: null });
  }, [session, gone]);
  useEffect(() => {
    if (target) void flow.setCenter(target.x, target.y, { zoom: target.zoom });
  }, [flow, target]);
  return null;
}
