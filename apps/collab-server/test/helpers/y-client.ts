import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { editTokenOf } from './board-tokens.ts';

/** A real y-websocket client (the provider the web app uses) on Node's `ws`. */
export interface YClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Resolves once the provider has completed the sync handshake. */
  readonly synced: Promise<void>;
  destroy(): void;
}

/**
 * Reconnect backoff cap of test clients. y-websocket keeps even a destroyed provider referenced by a
 * reconnect timer for up to this long (memory tests wait it out).
 */
export const CLIENT_MAX_BACKOFF_MS = 100;

/** `token` defaults to the edit token of a board made with `createBoard`; `null` connects without one. */
export function connectClient(wsUrl: string, boardId: string, token?: string | null): YClient {
  const doc = new Y.Doc();
  const linkToken = token === undefined ? editTokenOf(boardId) : token;
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    params: linkToken ? { token: linkToken } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: CLIENT_MAX_BACKOFF_MS,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
  });
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when `predicate` holds for the doc (checked now and after every update). */
export function whenDoc(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (predicate(doc)) return resolve();
    const check = () => {
      if (!predicate(doc)) return;
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}
