import type { PresenceUser } from '@squall/model';
import type { StoreApi } from 'zustand';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { PeerState } from './peerStore.ts';

/**
 * The other people here: client ids and their users, index for index. Both keep their identity while
 * only pointers move, so components reading them render when someone joins, leaves or renames.
 */
export function usePeerUsers(peers: StoreApi<PeerState>): {
  readonly clientIds: readonly number[];
  readonly users: readonly PresenceUser[];
} {
  const clientIds = useStore(
    peers,
    useShallow((state) => [...state.peers.keys()]),
  );
  const users = useStore(
    peers,
    useShallow((state) => [...state.peers.values()].map((peer) => peer.user)),
  );
  return { clientIds, users };
}
