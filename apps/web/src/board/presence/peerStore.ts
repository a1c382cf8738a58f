import { type PresenceState, type PresenceUser, readPresence } from '@squall/model';
import type { Awareness } from 'y-protocols/awareness';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BoardView } from '../sync/boardView.ts';

/**
 * A pointer that has not moved for this long is hidden (the person is away, or only watching). Shorter
 * than awareness's 30 s timeout, which is about people who are gone, not idle.
 */
export const IDLE_CURSOR_MS = 20_000;
const IDLE_CHECK_MS = 1_000;

export interface Peer extends PresenceState {
  readonly clientId: number;
  /** Their pointer has not moved for `IDLE_CURSOR_MS`, by this browser's clock (never theirs). */
  readonly idle: boolean;
}

export interface PeerState {
  /** Everyone else on the board, validated, by awareness client id. */
  readonly peers: ReadonlyMap<number, Peer>;
  /** This user, as the others see them. */
  readonly me: PresenceUser | null;
}

interface AwarenessChange {
  readonly added: readonly number[];
  readonly updated: readonly number[];
  readonly removed: readonly number[];
}

export interface PeerStore {
  readonly store: StoreApi<PeerState>;
  destroy(): void;
}

function sameUser(a: PresenceUser, b: PresenceUser): boolean {
  return a.name === b.name && a.color === b.color;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function samePoint(a: PresenceState['cursor'], b: PresenceState['cursor']): boolean {
  return a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y);
}

/**
 * The other participants' presence, validated with the model's `readPresence`. Their live drags are
 * shown on this canvas as they happen (without touching the document); when a drag ends, the moved
 * notes are re-read from the document, where the drop has been written.
 */
export function createPeerStore(awareness: Awareness, view: BoardView, now = () => Date.now()): PeerStore {
  const store = createStore<PeerState>(() => ({ peers: new Map(), me: null }));
  const movedAt = new Map<number, number>();
  let dragged = new Set<string>();

  const idleOf = (clientId: number) => now() - (movedAt.get(clientId) ?? 0) >= IDLE_CURSOR_MS;

  const readMe = () => {
    const me = readPresence(awareness.getLocalState())?.user ?? null;
    const before = store.getState().me;
    return before && me && sameUser(before, me) ? before : me;
  };

  const onChange = ({ added, updated, removed }: AwarenessChange) => {
    // This user's own pointer, viewport and selection change all the time: only their name matters here.
    if ([...added, ...updated, ...removed].every((clientId) => clientId === awareness.clientID)) {
      const me = readMe();
      if (me !== store.getState().me) store.setState({ me });
      return;
    }
    const changed = new Set([...added, ...updated, ...removed]);
    const previous = store.getState().peers;
    const peers = new Map<number, Peer>();
    const positions = new Map<string, { x: number; y: number }>();
    let dragsChanged = false;
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const before = previous.get(clientId);
      // Unchanged people keep their object, so their memoised pointers do not render again.
      let peer = before && !changed.has(clientId) ? before : undefined;
      if (!peer) {
        const presence = readPresence(state);
        if (!presence) continue;
        if (!before || !samePoint(before.cursor, presence.cursor)) movedAt.set(clientId, now());
        peer = {
          ...presence,
          // Kept when equal, so views of names or selections skip pointer-only changes.
          user: before && sameUser(before.user, presence.user) ? before.user : presence.user,
          selection:
            before && sameIds(before.selection, presence.selection) ? before.selection : presence.selection,
          clientId,
          idle: idleOf(clientId),
        };
        if (Object.keys(presence.drag).length > 0 || Object.keys(before?.drag ?? {}).length > 0)
          dragsChanged = true;
      }
      peers.set(clientId, peer);
      for (const [id, point] of Object.entries(peer.drag)) positions.set(id, point);
    }
    for (const clientId of movedAt.keys()) if (!peers.has(clientId)) movedAt.delete(clientId);
    const released = [...dragged].filter((id) => !positions.has(id));
    if (released.length > 0) view.refresh(released);
    if (dragsChanged && positions.size > 0) view.moveLocally(positions);
    dragged = new Set(positions.keys());
    store.setState({ peers, me: readMe() });
  };

  // Idleness changes with time alone, without any awareness message.
  const checkIdle = setInterval(() => {
    const { peers } = store.getState();
    if (![...peers.values()].some((peer) => peer.idle !== idleOf(peer.clientId))) return;
    const next = new Map<number, Peer>();
    for (const [clientId, peer] of peers) next.set(clientId, { ...peer, idle: idleOf(clientId) });
    store.setState({ peers: next });
  }, IDLE_CHECK_MS);

  awareness.on('change', onChange);
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] });
  return {
    store,
    destroy() {
      clearInterval(checkIdle);
      awareness.off('change', onChange);
    },
  };
}
