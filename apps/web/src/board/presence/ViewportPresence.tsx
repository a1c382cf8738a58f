import { useReactFlow, useStoreApi } from '@xyflow/react';
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
  const flowStore = useStoreApi();
  // A store subscription, not a render: this changes on every frame of a pan or zoom.
  useEffect(() => {
    const share = ({ transform: [x, y, zoom], width, height }: ReturnType<typeof flowStore.getState>) => {
      if (width === 0 || height === 0) return;
      session.presence.setViewport({ x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom, zoom });
    };
    share(flowStore.getState());
    return flowStore.subscribe((state, previous) => {
      if (
        state.transform !== previous.transform ||
        state.width !== previous.width ||
        state.height !== previous.height
      ) {
        share(state);
      }
    });
  }, [session, flowStore]);

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
