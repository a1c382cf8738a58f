import { WebSocket } from 'ws';
import { withEditToken } from './board-tokens.ts';

export interface RawSocket {
  readonly ws: WebSocket;
  /** Resolves with the close code and reason the server sent. */
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Every binary message received so far. */
  readonly received: Uint8Array[];
}

/**
 * A bare WebSocket (no y-websocket client) for sending exactly the bytes a test wants. A `/sync/<id>`
 * URL without a token gets the board's edit token (see board-tokens.ts); `headers` e.g. set an Origin.
 */
export async function openRawSocket(url: string, headers: Record<string, string> = {}): Promise<RawSocket> {
  const ws = new WebSocket(withEditToken(url), { headers });
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  // Errors surface as a close; keep them from being unhandled.
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', (code) => reject(new Error(`closed before open (${code})`)));
  }).catch(() => {});
  return { ws, closed, received };
}
