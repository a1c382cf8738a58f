import type * as Y from 'yjs';

/** Where a caret at `position` ends up after someone else's change (a Yjs text delta over the old text). */
export function mapPosition(position: number, delta: Y.YTextEvent['delta']): number {
  let old = 0;
  let mapped = position;
  for (const op of delta) {
    if (old >= position) break;
    if (op.retain !== undefined) old += op.retain;
    else if (typeof op.insert === 'string') mapped += op.insert.length;
    else if (op.delete !== undefined) {
      mapped -= Math.min(op.delete, position - old);
      old += op.delete;
    }
  }
  return mapped;
}
