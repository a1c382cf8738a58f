import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { syncBase } from '../api/boards.ts';
import { type BoardSession, createBoardSession } from './session.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface BoardConnection {
  readonly session: BoardSession | null;
  /** True once the first sync with the server finished: the canvas shows the real board, not an empty one. */
  readonly synced: boolean;
  readonly status: ConnectionStatus;
  /** The server refused the board for good (a 44xx close code: unknown or deleted board). */
  readonly refused: { readonly code: number; readonly reason: string } | null;
}

/** Opens a board: a fresh document, synced with the collab server at `/sync/<boardId>`. */
export function useBoardConnection(boardId: string): BoardConnection {
  const [connection, setConnection] = useState<BoardConnection>({
    session: null,
    synced: false,
    status: 'connecting',
    refused: null,
  });

  useEffect(() => {
    const doc = new Y.Doc();
    const session = createBoardSession(boardId, doc);
    // Cross-tab BroadcastChannel sync is off: every client goes through the server, as in production.
    const provider = new WebsocketProvider(`${syncBase()}/sync`, boardId, doc, {
      disableBc: true,
      awareness: session.awareness,
    });
    // Nothing local can be written before the first sync (the canvas is not live yet), so the provider
    // need not re-encode the whole incoming board for its update listener: it listens again once synced.
    doc.off('update', provider._updateHandler);
    provider.once('sync', () => doc.on('update', provider._updateHandler));
    const update = (patch: Partial<BoardConnection>) =>
      setConnection((current) => ({ ...current, ...patch }));
    update({ session, synced: false, status: 'connecting', refused: null });
    provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      // Marks for the canvas benchmark's breakdown of the time to a ready board.
      performance.mark('squall:synced');
      update({ synced: true });
    });
    provider.on('status', ({ status }) => {
      if (status === 'connected') performance.mark('squall:connected');
      update({ status });
    });
    provider.on('closed', ({ code, reason }) => update({ refused: { code, reason } }));
    return () => {
      provider.destroy();
      session.destroy();
      doc.destroy();
    };
  }, [boardId]);

  return connection;
}
