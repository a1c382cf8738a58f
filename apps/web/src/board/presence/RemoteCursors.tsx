import { useStore as useFlowStore, ViewportPortal } from '@xyflow/react';
import { memo } from 'react';
import { useStore } from 'zustand';
import { useSession } from '../SessionContext.ts';
import type { Peer } from './peerStore.ts';

const RemoteCursor = memo(function RemoteCursor({
  peer,
  zoom,
}: {
  readonly peer: Peer;
  readonly zoom: number;
}) {
  if (!peer.cursor || peer.idle) return null;
  return (
    <div
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
  );
});

/**
 * Other people's pointers with their names, in board coordinates, kept at screen size at any zoom.
 * Positions arrive ~30 times a second; a short CSS transition glides between them (see styles.css), so
 * pointers move smoothly instead of jumping. Pointers of people who left vanish with their awareness
 * state; idle ones are hidden. Its own component, so pointer updates re-render only the pointers.
 */
export function RemoteCursors() {
  const peers = useStore(useSession().peers, (state) => state.peers);
  const zoom = useFlowStore((state) => state.transform[2]);
  return (
    <ViewportPortal>
      {[...peers].map(([clientId, peer]) => (
        <RemoteCursor key={clientId} peer={peer} zoom={zoom} />
      ))}
    </ViewportPortal>
  );
}
