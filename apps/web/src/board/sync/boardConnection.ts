import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncBase } from '../../api/boards.ts';
import { tokenFor } from '../../api/boardTokens.ts';
import { type BoardSession, createBoardSession } from '../session.ts';
import { socketHeldUntil } from './heldSocket.ts';
import { sendOwnPresenceOnly } from './ownPresenceOnly.ts';

/**
 * `connecting`: the first connection attempt; `connected`; `reconnecting`: the server went away and the
 * provider retries with backoff; `offline`: the browser has no network, nothing is tried until it has.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface BoardConnectionState {
  readonly session: BoardSession;
  /**
   * True once the canvas can show the real board: synced with the server, or restored from this
   * browser's own copy (IndexedDB) of a board opened here before.
   */
  readonly synced: boolean;
  /** This browser holds a copy of the board (so it can be shown and edited while the server is away). */
  readonly stored: boolean;
  readonly status: ConnectionStatus;
  /** The server refused the board for good (a 44xx close code: unknown or deleted board). */
  readonly refused: { readonly code: number; readonly reason: string } | null;
  /** Counts the times the owner locked or unlocked the board (close 4205): re-read the board's access. */
  readonly accessChanges: number;
}

/** An open board: its state as a small external store (for `useSyncExternalStore`), and a way to close it. */
export interface BoardConnection {
  getState(): BoardConnectionState;
  subscribe(listener: () => void): () => void;
  close(): void;
}

function tokenParams(boardId: string): Record<string, string> {
  const token = tokenFor(boardId);
  return token ? { token } : {};
}

/** The collab server's close code for "the owner locked or unlocked the board, reconnect". */
const ACCESS_CHANGED = 4205;

/** The IndexedDB database holding this browser's copy of a board. */
export function localCopyName(boardId: string): string {
  return `squall-board:${boardId}`;
}

/** The IndexedDB database holding this participant's silent-writing drafts of a board. */
export function draftsName(boardId: string): string {
  return `squall-drafts:${boardId}`;
}

export interface OpenBoardOptions {
  /**
   * Applying a large board's first sync takes the page's main thread for a while: what the server sends
   * waits until this settles (e.g. until a first picture of the board is on screen).
   */
  readonly holdSyncUntil?: Promise<unknown>;
}

/**
 * Opens a board: a fresh document, restored from this browser's copy if there is one, and synced with
 * the collab server at `/sync/<boardId>`. Edits made offline stay in IndexedDB and reach the server
 * when the connection returns (the sync handshake sends whatever the server lacks).
 */
export function openBoardConnection(boardId: string, options: OpenBoardOptions = {}): BoardConnection {
  const doc = new Y.Doc();
  const session = createBoardSession(boardId, doc);
  const local = new IndexeddbPersistence(localCopyName(boardId), doc);
  // This participant's silent-writing drafts: kept across reloads, sent nowhere.
  const drafts = new IndexeddbPersistence(draftsName(boardId), session.drafts.doc);
  // Cross-tab BroadcastChannel sync is off: every client goes through the server, as in production.
  const provider = new WebsocketProvider(`${syncBase()}/sync`, boardId, doc, {
    disableBc: true,
    awareness: session.awareness,
    // An open socket survives the browser going offline; the window's events drive it instead.
    connect: navigator.onLine,
    // The board's capability (`/sync/<id>?token=…`): without it the server closes with 4401.
    params: tokenParams(boardId),
    ...(options.holdSyncUntil && { WebSocketPolyfill: socketHeldUntil(options.holdSyncUntil) }),
  });
  sendOwnPresenceOnly(provider);

  let state: BoardConnectionState = {
    session,
    synced: false,
    stored: false,
    status: navigator.onLine ? 'connecting' : 'offline',
    refused: null,
    accessChanges: 0,
  };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<BoardConnectionState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  // Nothing local can be written before the board is live (synced or restored), so the provider need
  // not re-encode the whole incoming board for its update listener until then; nor need this browser's
  // copy store each incoming update as it comes (for a large board's first sync, re-encoding it costs
  // ~100 ms before anything is drawn).
  doc.off('update', provider._updateHandler);
  doc.off('update', local._storeUpdate);
  let live = false;
  let storeWhole: number | undefined;
  const goLive = (fromServer: boolean) => {
    if (live) return;
    live = true;
    doc.on('update', provider._updateHandler);
    doc.on('update', local._storeUpdate);
    // What the server sent is stored whole, once, when the browser is idle (this also folds the
    // updates stored before into one).
    if (fromServer) storeWhole = requestIdleCallback(() => void storeState(local), { timeout: 2000 });
    update({ synced: true });
  };

  local.once('synced', () => {
    // Anything in the store means the board was opened here before: show it without waiting.
    if (doc.store.clients.size === 0) return;
    update({ stored: true });
    goLive(false);
  });
  provider.on('sync', (synced: boolean) => {
    if (!synced) return;
    // Marks for the canvas benchmark's breakdown of the time to a ready board.
    performance.mark('squall:synced');
    goLive(true);
  });
  /** Closed for a lock change (4205) and not connected since. */
  let accessStale = false;
  provider.on('status', ({ status }) => {
    if (status === 'connected') {
      performance.mark('squall:connected');
      // The provider re-sends this browser's presence at its old clock, which a server that still holds
      // the board (after a lock, a rotation or a network blip) ignores: a new clock makes it count.
      const presence = session.awareness.getLocalState();
      if (presence !== null) session.awareness.setLocalState(presence);
      // Read access again once back after a lock change: a second change (an unlock right after the
      // lock) may have come while this socket was away, with no close to announce it.
      update({ status: 'connected', ...(accessStale && { accessChanges: state.accessChanges + 1 }) });
      accessStale = false;
    } else if (status === 'disconnected') update({ status: navigator.onLine ? 'reconnecting' : 'offline' });
  });
  provider.on('connection-close', (event) => {
    // The provider reconnects by itself; the page re-reads whether this link may still edit.
    if (event?.code !== ACCESS_CHANGED) return;
    accessStale = true;
    update({ accessChanges: state.accessChanges + 1 });
  });
  provider.on('closed', ({ code, reason }) => {
    update({ refused: { code, reason } });
    // A deleted or unknown board must not linger in this browser, nor a change the server refused
    // for breaking a limit (it would be sent again on every reload). Other refusals keep the copy.
    if (code === 4404 || code === 4410 || code === 4413) void local.clearData();
    if (code === 4404 || code === 4410) void drafts.clearData();
  });
  const goOffline = () => {
    provider.disconnect();
    update({ status: 'offline' });
  };
  const goOnline = () => {
    update({ status: 'reconnecting' });
    provider.connect();
  };
  window.addEventListener('offline', goOffline);
  window.addEventListener('online', goOnline);

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      if (storeWhole !== undefined) cancelIdleCallback(storeWhole);
      provider.destroy();
      void local.destroy();
      void drafts.destroy();
      session.destroy();
      doc.destroy();
    },
  };
}
