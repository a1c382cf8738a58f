import type * as Y from 'yjs';

/** The smallest edit turning `before` into `after`: common prefix and suffix kept. */
export function textEdit(
  before: string,
  after: string,
): { readonly index: number; readonly remove: number; readonly insert: string } {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before[start] === after[start]) start++;
  let end = 0;
  while (end < shorter - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return {
    index: start,
    remove: before.length - start - end,
    insert: after.slice(start, after.length - end),
  };
}

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
