import { useEffect } from 'react';
import { useStore } from 'zustand';
import { clearComparison, comparisonStore } from './comparison.ts';

/** While a comparison is on the board: what it shows, the removed notes by name, and a way to clear it. */
export function ComparisonBar() {
  const active = useStore(comparisonStore, (state) => state.active);
  // A comparison belongs to this board's page: leaving it clears the marks.
  useEffect(() => clearComparison, []);
  if (!active) return null;
  let added = 0;
  let changed = 0;
  for (const mark of active.marks.values()) {
    if (mark === 'added') added += 1;
    else if (mark === 'changed') changed += 1;
  }
  return (
    <div className="comparison-bar" role="status" aria-label="Comparison on the board">
      <span>
        Compared with “{active.revName}”: <span className="is-added">{added} added</span>,{' '}
        <span className="is-changed">{changed} changed</span>,{' '}
        <span className="is-removed">{active.removed.length} removed</span>
        {active.removed.length > 0 && ` (removed: ${active.removed.join(', ')})`}
      </span>
      <button type="button" onClick={clearComparison}>
        Clear comparison
      </button>
    </div>
  );
}
