import { currentPhase, type LintIssue, lintBoard, lintLevelForPhase, readBoard } from '@squall/model';
import { useEffect, useState } from 'react';
import type { BoardSession } from '../session.ts';

const DEBOUNCE_MS = 250;

/** `requestIdleCallback` where the browser has it (Safari only recently does). */
const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout: 1000 })
    : setTimeout(run, 0);

/** The lint as strict as the workshop phase asks (no "missing command" errors during exploration). */
function lintSession(session: BoardSession): readonly LintIssue[] {
  const board = readBoard(session.doc);
  const phase = currentPhase(session.workshop.store.getState().state);
  return lintBoard(board, { level: lintLevelForPhase(phase, board.level) });
}

/**
 * The model's lint of the live board, recomputed shortly after the document stops changing (a new
 * workshop phase is a change of the document too).
 */
export function useLint(session: BoardSession): readonly LintIssue[] {
  // Starts empty: linting a large board must not delay its first paint.
  const [issues, setIssues] = useState<readonly LintIssue[]>([]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      // After a pause in changes, and when the browser is idle: never in the way of a frame.
      timer = setTimeout(() => whenIdle(() => setIssues(lintSession(session))), DEBOUNCE_MS);
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
