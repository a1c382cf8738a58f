import { type LintIssue, lintBoard, readBoard } from '@squall/model';
import { useEffect, useState } from 'react';
import type { BoardSession } from './session.ts';

const DEBOUNCE_MS = 250;

/** The model's lint of the live board, recomputed shortly after the document stops changing. */
export function useLint(session: BoardSession): readonly LintIssue[] {
  const [issues, setIssues] = useState<readonly LintIssue[]>(() => lintBoard(readBoard(session.doc)));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setIssues(lintBoard(readBoard(session.doc))), DEBOUNCE_MS);
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
