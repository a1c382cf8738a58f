import { boardMaps } from '@squall/model';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type BoardView, createBoardView } from './boardView.ts';
import { createLocalPresence, type LocalPresence } from './presence/localPresence.ts';
import { createUiStore, type UiStore } from './uiStore.ts';

/**
 * Everything one open board needs: the shared document, this user's write origin (so undo only ever
 * undoes this user's own changes), the view the canvas renders and the view-only UI state.
 */
export interface BoardSession {
  readonly boardId: string;
  readonly doc: Y.Doc;
  /** Every local write passes this as its transaction origin. */
  readonly origin: object;
  readonly undo: Y.UndoManager;
  readonly view: BoardView;
  readonly ui: UiStore;
  /** Presence (cursors, selection, live drags), shared with the provider; never in the document. */
  readonly awareness: Awareness;
  readonly presence: LocalPresence;
  destroy(): void;
}

export function createBoardSession(boardId: string, doc: Y.Doc): BoardSession {
  const origin = { user: 'local' };
  const maps = boardMaps(doc);
  const undo = new Y.UndoManager([maps.elements, maps.connections, maps.meta], {
    trackedOrigins: new Set([origin]),
    // Every action is already one transaction; merging quick successive ones (a connect, then a delete)
    // would undo two things at once.
    captureTimeout: 0,
  });
  const view = createBoardView(doc);
  const ui = createUiStore();
  const awareness = new Awareness(doc);
  const presence = createLocalPresence(awareness);
  return {
    boardId,
    doc,
    origin,
    undo,
    view,
    ui,
    awareness,
    presence,
    destroy() {
      presence.destroy();
      awareness.destroy();
      undo.destroy();
      view.destroy();
    },
  };
}
