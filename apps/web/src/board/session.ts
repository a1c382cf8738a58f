import { boardMaps } from '@squall/model';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { StoreApi } from 'zustand/vanilla';
import { createLocalPresence, type LocalPresence } from './presence/localPresence.ts';
import { createPeerStore, type PeerState } from './presence/peerStore.ts';
import { type BoardView, createBoardView } from './sync/boardView.ts';
import { createUiStore, type UiStore } from './uiStore.ts';
import { createDrafts, type Drafts } from './workshop/drafts.ts';
import { publishOnReveal } from './workshop/publishOnReveal.ts';
import { shareDraftCount } from './workshop/shareDraftCount.ts';
import { createVotesView, type VotesState } from './workshop/votesView.ts';
import { createWorkshopStore, type WorkshopStore } from './workshop/workshopStore.ts';

/**
 * Everything one open board needs: the shared document, this user's write origin (so undo only ever
 * undoes this user's own changes), the view the canvas renders and the view-only UI state.
 */
export interface BoardSession {
  readonly boardId: string;
  readonly doc: Y.Doc;
  /** This participant's silent-writing drafts: never in `doc`, never sent anywhere. */
  readonly drafts: Drafts;
  /** Every local write passes this as its transaction origin. */
  readonly origin: object;
  readonly undo: Y.UndoManager;
  readonly view: BoardView;
  readonly ui: UiStore;
  /** Presence (cursors, selection, live drags), shared with the provider; never in the document. */
  readonly awareness: Awareness;
  readonly presence: LocalPresence;
  /** Everyone else here, from awareness. */
  readonly peers: StoreApi<PeerState>;
  /** The shared workshop state (phase, timer, facilitators…), which only the server writes. */
  readonly workshop: WorkshopStore;
  /** The dot-voting round and its tally. */
  readonly votes: StoreApi<VotesState>;
  destroy(): void;
}

/** Each undo step remembers what was selected when it was made; undoing or redoing it selects that again. */
function rememberSelections(undo: Y.UndoManager, view: BoardView): void {
  undo.on('stack-item-added', ({ stackItem }) => {
    stackItem.meta.set('selection', [...view.store.getState().selectedIds]);
  });
  undo.on('stack-item-popped', ({ stackItem }) => {
    const selection = stackItem.meta.get('selection');
    if (!Array.isArray(selection)) return;
    const { elements } = view.store.getState();
    view.select(selection.filter((id): id is string => typeof id === 'string' && elements.has(id)));
  });
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
  const drafts = createDrafts();
  const view = createBoardView(doc, drafts.doc);
  const ui = createUiStore();
  const awareness = new Awareness(doc);
  const presence = createLocalPresence(awareness, (id) => drafts.has(id));
  const peers = createPeerStore(awareness, view);
  const workshop = createWorkshopStore(doc);
  const votes = createVotesView(doc, view);
  const stopSharingDrafts = shareDraftCount(awareness, drafts);
  const stopPublishing = publishOnReveal(doc, drafts);
  rememberSelections(undo, view);
  return {
    boardId,
    doc,
    drafts,
    origin,
    undo,
    view,
    ui,
    awareness,
    presence,
    peers: peers.store,
    workshop,
    votes: votes.store,
    destroy() {
      votes.destroy();
      stopSharingDrafts();
      stopPublishing();
      workshop.destroy();
      peers.destroy();
      presence.destroy();
      awareness.destroy();
      undo.destroy();
      view.destroy();
      drafts.doc.destroy();
    },
  };
}
