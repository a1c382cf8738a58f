import { useEffect } from 'react';
import type { BoardSession } from '../session.ts';

/** Mirrors whether undo/redo are possible into the UI store, for the toolbar buttons. */
export function useUndoState(session: BoardSession): void {
  useEffect(() => {
    const update = () =>
      session.ui.setState({ canUndo: session.undo.canUndo(), canRedo: session.undo.canRedo() });
    session.undo.on('stack-item-added', update);
    session.undo.on('stack-item-popped', update);
    session.undo.on('stack-cleared', update);
    update();
    return () => {
      session.undo.off('stack-item-added', update);
      session.undo.off('stack-item-popped', update);
      session.undo.off('stack-cleared', update);
    };
  }, [session]);
}
