import { useEffect } from 'react';
import { useViewportTools } from '../canvas/useViewportTools.ts';
import { selectToward, stepFrom } from '../flow/flowActions.ts';
import { openFlowDialog } from '../flow/flowDialogs.ts';
import { directionOfKey } from '../flow/nearestNote.ts';
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
    (target.isContentEditable ||
      ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
      // While a dialog is open its keys are its own (Tab moves between its buttons, Escape closes it).
      document.querySelector('dialog[open]') !== null)
  );
}

/**
 * The board's keyboard (once it is live): kinds, delete, undo/redo, clipboard, z-order, flow modelling
 * (Tab / Shift+Tab, arrows walk the notes, Alt+arrows move them), search, zoom and `?` for the list.
 */
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
      const direction = directionOfKey(key);
      if (event.altKey) {
        if (!direction || selectedIds.size === 0) return;
        // Alt+arrows move the selected notes (Shift: further).
        const step = event.shiftKey ? GRID * 5 : session.ui.getState().snapToGrid ? GRID : 10;
        const dx = direction === 'left' ? -step : direction === 'right' ? step : 0;
        const dy = direction === 'up' ? -step : direction === 'down' ? step : 0;
        nudgeSelection(session, dx, dy);
        event.preventDefault();
        return;
      }
      if (key === 'Delete' || key === 'Backspace') deleteSelection(session);
      else if (direction && selectedIds.size > 0) selectToward(session, direction, viewport);
      else if (key === 'Tab' && selectedIds.size === 1) {
        stepFrom(session, [...selectedIds][0]!, event.shiftKey ? 'previous' : 'next', viewport);
      } else if (key === '?') openFlowDialog('shortcuts');
      else if ((key === 'Enter' || key === 'F2') && selectedIds.size === 1) {
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
