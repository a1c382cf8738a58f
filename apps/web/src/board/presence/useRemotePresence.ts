import { type PresenceState, readPresence } from '@squall/model';
import { useEffect, useState } from 'react';
import type { BoardSession } from '../session.ts';

/**
 * The other participants' presence, validated. Their live drags are shown on this canvas as they
 * happen (without touching the document); when a drag ends, the moved notes are re-read from the
 * document, where the drop has been written.
 */
export function useRemotePresence(session: BoardSession): ReadonlyMap<number, PresenceState> {
  const [peers, setPeers] = useState<ReadonlyMap<number, PresenceState>>(new Map());
  useEffect(() => {
    const { awareness } = session;
    let dragged = new Set<string>();
    const onChange = () => {
      const next = new Map<number, PresenceState>();
      const positions = new Map<string, { x: number; y: number }>();
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const presence = readPresence(state);
        if (!presence) continue;
        next.set(clientId, presence);
        for (const [id, point] of Object.entries(presence.drag)) positions.set(id, point);
      }
      const released = [...dragged].filter((id) => !positions.has(id));
      if (released.length > 0) session.view.refresh(released);
      if (positions.size > 0) session.view.moveLocally(positions);
      dragged = new Set(positions.keys());
      setPeers(next);
    };
    awareness.on('change', onChange);
    onChange();
    return () => awareness.off('change', onChange);
  }, [session]);
  return peers;
}
