import { type LintIssue, lintBoard, readBoard } from '@squall/model';
import { useEffect, useState } from 'react';
import type { BoardSession } from '../session.ts';

const DEBOUNCE_MS = 250;

/** `requestIdleCallback` where the browser has it (Safari only recently does). */
const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout: 1000 })
    : setTimeout(run, 0);

/** The model's lint of the live board, recomputed shortly after the document stops changing. */
export function useLint(session: BoardSession): readonly LintIssue[] {
  // Starts empty: linting a large board must not delay its first paint.
  const [issues, setIssues] = useState<readonly LintIssue[]>([]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      // After a pause in changes, and when the browser is idle: never in the way of a frame.
      timer = setTimeout(() => whenIdle(() => setIssues(lintBoard(readBoard(session.doc)))), DEBOUNCE_MS);
    };
    session.doc.on('update', onUpdate);
    onUpdate();
    return () => {
      clearTimeout(timer);
      session.doc.off('update', onUpdate);
    };
  }, [session]);
  return issues;
}
