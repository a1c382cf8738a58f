import { WebSocket } from 'ws';

export interface RawSocket {
  readonly ws: WebSocket;
  /** Resolves with the close code and reason the server sent. */
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Every binary message received so far. */
  readonly received: Uint8Array[];
}

/** A bare WebSocket (no y-websocket client) for sending exactly the bytes a test wants. */
export async function openRawSocket(url: string): Promise<RawSocket> {
  const ws = new WebSocket(url);
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
