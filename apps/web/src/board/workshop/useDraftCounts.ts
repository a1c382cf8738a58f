import { readDraftCount, readPresence } from '@squall/model';
import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface DraftCount {
  readonly clientId: number;
  readonly name: string;
  readonly count: number;
  readonly me: boolean;
}

/** How many drafts each person here holds, from awareness (counts only: drafts never leave their browser). */
function readCounts(awareness: Awareness): DraftCount[] {
  const counts: DraftCount[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const count = readDraftCount(state);
    const presence = readPresence(state);
    if (count > 0 && presence) {
      counts.push({ clientId, name: presence.user.name, count, me: clientId === awareness.clientID });
    }
  }
  return counts.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

function sameCounts(a: readonly DraftCount[], b: readonly DraftCount[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.clientId === b[i]!.clientId && x.name === b[i]!.name && x.count === b[i]!.count)
  );
}

const snapshots = new WeakMap<Awareness, DraftCount[]>();

export function useDraftCounts(awareness: Awareness): readonly DraftCount[] {
  return useSyncExternalStore(
    (listener) => {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    () => {
      // Pointers move all the time: the same counts keep the same array, so nothing renders again.
      const next = readCounts(awareness);
      const previous = snapshots.get(awareness);
      if (previous && sameCounts(previous, next)) return previous;
      snapshots.set(awareness, next);
      return next;
    },
  );
}
