import type { BoardDiff } from '@squall/model';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** How a note differs from the compared revision. */
export type ChangeMark = 'added' | 'removed' | 'changed';

export interface Comparison {
  readonly revName: string;
  readonly marks: ReadonlyMap<string, ChangeMark>;
  /** What the removed notes were called (they are not on the board any more). */
  readonly removed: readonly string[];
}

/** The active "Compare with…" on the board; null when none (then every note's selector is a Map miss-free `null`). */
export const comparisonStore = createStore<{ readonly active: Comparison | null }>(() => ({
  active: null,
}));

export function markOf(kind: string): ChangeMark {
  if (kind.endsWith('-added')) return 'added';
  if (kind.endsWith('-removed')) return 'removed';
  return 'changed';
}

export function comparisonFrom(revName: string, diff: BoardDiff): Comparison {
  const marks = new Map<string, ChangeMark>();
  const removed: string[] = [];
  for (const change of diff.changes) {
    const mark = markOf(change.kind);
    // A note both added and changed (or removed) shows its strongest mark: removed > added > changed.
    const had = marks.get(change.elementId);
    if (had === 'removed' || (had === 'added' && mark === 'changed')) continue;
    marks.set(change.elementId, mark);
    if (mark === 'removed') removed.push(change.event ?? change.topic ?? change.context);
  }
  return { revName, marks, removed };
}

export const showComparison = (comparison: Comparison) => comparisonStore.setState({ active: comparison });
export const clearComparison = () => comparisonStore.setState({ active: null });

/** One note's mark: a per-note selector, so only the marked notes render again when a comparison starts or ends. */
export function useChangeMark(id: string): ChangeMark | undefined {
  return useStore(comparisonStore, (state) => state.active?.marks.get(id));
}
