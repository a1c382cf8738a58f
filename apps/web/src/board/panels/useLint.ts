import { currentPhase, type LintIssue, lintLevelForPhase, readBoard } from '@squall/model';
import { useEffect, useState } from 'react';
import type { BoardSession } from '../session.ts';

const DEBOUNCE_MS = 250;

/** `requestIdleCallback` where the browser has it (Safari only recently does). */
const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout: 1000 })
    : setTimeout(run, 0);

/** The lint as strict as the workshop phase asks (no "missing command" errors during exploration). */
async function lintSession(session: BoardSession): Promise<readonly LintIssue[]> {
  // Loaded on first use: the lint names what the exporter will call things, and the transliteration
  // behind those names is too big for the board's first chunk.
  const { lintBoard } = await import('@squall/model/lint');
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
    let unmounted = false;
    const onUpdate = () => {
      clearTimeout(timer);
      // After a pause in changes, and when the browser is idle: never in the way of a frame.
      timer = setTimeout(
        () =>
          whenIdle(() => {
            void lintSession(session).then((next) => {
              if (!unmounted) setIssues(next);
            });
          }),
        DEBOUNCE_MS,
      );
    };
    session.doc.on('update', onUpdate);
    onUpdate();
    return () => {
      unmounted = true;
      clearTimeout(timer);
      session.doc.off('update', onUpdate);
    };
  }, [session]);
  return issues;
}
