import { useEffect } from 'react';
import { useViewportTools } from '../canvas/useViewportTools.ts';
import type { BoardSession } from '../session.ts';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  GRID,
  nudgeSelection,
  paste,
  placeElement,
  redo,
  reorderSelection,
  undo,
} from './actions.ts';
import { kindForKey } from './kindShortcuts.ts';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** The board's keyboard (once it is live): kinds, delete, undo/redo, clipboard, z-order, nudge, search and zoom. */
export function useBoardShortcuts(session: BoardSession, enabled: boolean): void {
  const viewport = useViewportTools();

  useEffect(() => {
    // Nothing can be edited until the live board has synced.
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key;
      if (mod && key.toLowerCase() === 'f') {
        // Our search knows notes that are not rendered; the browser's would miss them.
        event.preventDefault();
        session.ui.setState({ searchOpen: true });
        return;
      }
      if (isTyping(event.target)) return;
      const { selectedIds } = session.view.store.getState();
      if (mod) {
        const lower = key.toLowerCase();
        if (lower === 'z' && !event.shiftKey) undo(session);
        else if ((lower === 'z' && event.shiftKey) || lower === 'y') redo(session);
        else if (lower === 'c') copySelection(session);
        else if (lower === 'x') {
          if (copySelection(session)) deleteSelection(session);
        } else if (lower === 'v') paste(session);
        else if (lower === 'd') duplicateSelection(session);
        else if (lower === 'a') session.view.select(session.view.store.getState().elements.keys());
        else if (key === ']') reorderSelection(session, 'front');
        else if (key === '[') reorderSelection(session, 'back');
        else return;
        event.preventDefault();
        return;
      }
      if (event.altKey) return;
      if (key === 'Delete' || key === 'Backspace') deleteSelection(session);
      else if (key.startsWith('Arrow') && selectedIds.size > 0) {
        const step = event.shiftKey ? GRID * 5 : session.ui.getState().snapToGrid ? GRID : 10;
        const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
        const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
        nudgeSelection(session, dx, dy);
      } else if ((key === 'Enter' || key === 'F2') && selectedIds.size === 1) {
        session.ui.setState({ editingId: [...selectedIds][0]! });
      } else if (key === 'Escape') session.view.select([]);
      else if (event.shiftKey && (key === '!' || event.code === 'Digit1')) viewport.zoomToFit();
      else if (event.shiftKey && (key === '@' || event.code === 'Digit2')) viewport.zoomToSelection();
      else {
        const kind = event.shiftKey ? undefined : kindForKey(key);
        if (!kind) return;
        const at = session.ui.getState().cursor ?? viewport.centre();
        placeElement(session, kind, at);
      }
      event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [session, viewport, enabled]);
}
