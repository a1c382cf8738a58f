import { boardMaps } from '@squall/model';
import { useSyncExternalStore } from 'react';
import type { Drafts } from './drafts.ts';

const snapshots = new WeakMap<Drafts, readonly string[]>();

/** The ids of this participant's drafts, as they change. */
export function useDraftIds(drafts: Drafts): readonly string[] {
  return useSyncExternalStore(
    (listener) => {
      const { elements } = boardMaps(drafts.doc);
      elements.observe(listener);
      return () => elements.unobserve(listener);
    },
    () => {
      const ids = [...boardMaps(drafts.doc).elements.keys()].sort();
      const previous = snapshots.get(drafts);
      if (previous && previous.length === ids.length && previous.every((id, i) => id === ids[i]))
        return previous;
      snapshots.set(drafts, ids);
      return ids;
    },
  );
}
