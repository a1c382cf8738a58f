import type { PresenceState } from '@squall/model';
import { useStore as useFlowStore, ViewportPortal } from '@xyflow/react';
import { useSession } from '../SessionContext.ts';
import { useRemotePresence } from './useRemotePresence.ts';

/**
 * Other people's pointers with their names, in board coordinates, kept at screen size at any zoom.
 * Its own component, so 30 pointer updates a second re-render only the pointers, never the canvas.
 */
export function RemoteCursors() {
  const peers: ReadonlyMap<number, PresenceState> = useRemotePresence(useSession());
  const zoom = useFlowStore((state) => state.transform[2]);
  return (
    <ViewportPortal>
      {[...peers].map(([clientId, peer]) =>
        peer.cursor ? (
          <div
            key={clientId}
            className="remote-cursor"
            role="img"
            aria-label={`${peer.user.name}’s pointer`}
            style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px) scale(${1 / zoom})` }}
          >
            <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true">
              <path d="M1 1 L1 16 L5 12 L8 19 L11 18 L8 11 L14 11 Z" fill={peer.user.color} stroke="#fff" />
            </svg>
            <span className="remote-cursor__name" style={{ background: peer.user.color }}>
              {peer.user.name}
            </span>
          </div>
        ) : null,
      )}
    </ViewportPortal>
  );
}
