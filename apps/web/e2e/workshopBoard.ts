import { type APIRequestContext, expect, type Page } from '@playwright/test';

/** A board for a workshop: the facilitator opens it with the owner key, participants with the edit link. */
export interface WorkshopBoard {
  readonly id: string;
  readonly ownerLink: string;
  readonly editLink: string;
  readonly editToken: string;
}

export async function createWorkshopBoard(request: APIRequestContext, name: string): Promise<WorkshopBoard> {
  const response = await request.post('/api/boards', { data: { name } });
  expect(response.status()).toBe(201);
  const board = (await response.json()) as {
    id: string;
    ownerKey: string;
    editUrl: string;
    editToken: string;
  };
  return {
    id: board.id,
    ownerLink: `/b/${board.id}?token=${encodeURIComponent(board.ownerKey)}`,
    editLink: board.editUrl,
    editToken: board.editToken,
  };
}

/** Every byte a page's sockets send and receive, as latin1 text (UTF-8 text shows in it as bytes). */
export function wireTap(page: Page): { readonly sent: string[]; readonly received: string[] } {
  const tap = { sent: [] as string[], received: [] as string[] };
  const text = (payload: string | Buffer) =>
    typeof payload === 'string' ? payload : Buffer.from(payload).toString('latin1');
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => tap.sent.push(text(frame.payload)));
    socket.on('framereceived', (frame) => tap.received.push(text(frame.payload)));
  });
  return tap;
}

/**
 * A bare y-websocket protocol client opened inside `page` (the browser's own WebSocket, no Yjs): it asks
 * for the whole board (sync step 1 with an empty state vector) and keeps every byte the server sends.
 */
export async function openRawListener(page: Page, board: WorkshopBoard): Promise<() => Promise<string>> {
  await page.evaluate(
    ({ id, token }) =>
      new Promise<void>((resolve, reject) => {
        const url = `${location.origin.replace('http', 'ws')}/sync/${id}?token=${encodeURIComponent(token)}`;
        const socket = new WebSocket(url);
        socket.binaryType = 'arraybuffer';
        const received: string[] = [];
        (window as unknown as { rawReceived: string[] }).rawReceived = received;
        socket.onmessage = (event) => {
          const bytes = new Uint8Array(event.data as ArrayBuffer);
          let text = '';
          for (const byte of bytes) text += String.fromCharCode(byte);
          received.push(text);
        };
        socket.onerror = () => reject(new Error('raw socket failed'));
        socket.onopen = () => {
          // messageSync, syncStep1, a state vector of no clients.
          socket.send(new Uint8Array([0, 0, 1, 0]));
          resolve();
        };
      }),
    { id: board.id, token: board.editToken },
  );
  return () => page.evaluate(() => (window as unknown as { rawReceived: string[] }).rawReceived.join('\n'));
}
