import { boardMaps, createElement, readBoard } from '@squall/model';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { upgradeStatus } from '../../test/helpers/upgrade-status.ts';
import { connectClient, whenDoc, type YClient } from '../../test/helpers/y-client.ts';
import { CloseCode } from '../sync/close-codes.ts';

let server: TestServer;
const clients: YClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.dispose();
});

const client = (boardId: string) => {
  const c = connectClient(server.wsUrl, boardId);
  clients.push(c);
  return c;
};

/** Resolves with the code of the next close the server sends this client. */
function nextClose(c: YClient): Promise<number> {
  return new Promise((resolve) =>
    c.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0)),
  );
}

/** The stored board as a fresh client syncs it. */
async function storedTexts(boardId: string): Promise<string[]> {
  const fresh = client(boardId);
  await fresh.synced;
  return readBoard(fresh.doc)
    .elements.map((element) => element.text)
    .sort();
}

describe('board limits', () => {
  it('refuses a note text over MAX_NOTE_TEXT_LENGTH: sender closed with 4413, nothing kept, others carry on', async () => {
    server = await startTestServer({ MAX_NOTE_TEXT_LENGTH: '50' });
    const board = await createBoard(server.url);
    const offender = client(board.id);
    const bystander = client(board.id);
    await Promise.all([offender.synced, bystander.synced]);
    const id = createElement(
      offender.doc,
      { kind: 'domainEvent', text: 'Short', position: { x: 0, y: 0 } },
      'ui',
    );
    await whenDoc(bystander.doc, (doc) => boardMaps(doc).elements.has(id));
    const offenderClosed = nextClose(offender);
    const bystanderClosed = nextClose(bystander);
    const text = boardMaps(offender.doc).elements.get(id)!.get('text') as Y.Text;
    text.insert(5, 'x'.repeat(60));
    expect(await offenderClosed).toBe(CloseCode.limitExceeded);
    expect(await bystanderClosed).toBe(CloseCode.boardReloaded);
    expect(await storedTexts(board.id)).toEqual(['Short']);
    expect(readBoard(bystander.doc).elements.map((element) => element.text)).toEqual(['Short']);
    // The bystander reconnected by itself and still edits.
    await bystander.synced;
    createElement(bystander.doc, { kind: 'policy', text: 'Still here', position: { x: 0, y: 0 } }, 'ui');
    const watcher = client(board.id);
    await whenDoc(watcher.doc, (doc) => readBoard(doc).elements.length === 2);
    const metrics = await server.metrics.rejected.get();
    expect(metrics.values.find((value) => value.labels.reason === 'limitExceeded')?.value).toBe(1);
  });

  it('also refuses a note created with a long text, and a long text in a top-level type the server never named', async () => {
    server = await startTestServer({ MAX_NOTE_TEXT_LENGTH: '50' });
    const board = await createBoard(server.url);
    const a = client(board.id);
    await a.synced;
    const refusedNote = nextClose(a);
    createElement(a.doc, { kind: 'domainEvent', text: 'z'.repeat(51), position: { x: 0, y: 0 } }, 'ui');
    expect(await refusedNote).toBe(CloseCode.limitExceeded);
    const b = client(board.id);
    await b.synced;
    const refusedText = nextClose(b);
    b.doc.getText('anything').insert(0, 'y'.repeat(51));
    expect(await refusedText).toBe(CloseCode.limitExceeded);
    const c = client(board.id);
    await c.synced;
    expect(readBoard(c.doc).elements).toEqual([]);
    expect(c.doc.getText('anything').length).toBe(0);
  });

  it('refuses going over MAX_ELEMENTS_PER_BOARD and over MAX_BOARD_BYTES', async () => {
    server = await startTestServer({ MAX_ELEMENTS_PER_BOARD: '3', MAX_BOARD_BYTES: '4096' });
    const board = await createBoard(server.url);
    const a = client(board.id);
    await a.synced;
    for (const text of ['1', '2', '3']) {
      createElement(a.doc, { kind: 'domainEvent', text, position: { x: 0, y: 0 } }, 'ui');
    }
    expect(await storedTexts(board.id)).toEqual(['1', '2', '3']);
    const closed = nextClose(a);
    createElement(a.doc, { kind: 'domainEvent', text: '4', position: { x: 0, y: 0 } }, 'ui');
    expect(await closed).toBe(CloseCode.limitExceeded);
    expect(await storedTexts(board.id)).toEqual(['1', '2', '3']);

    const b = client(board.id);
    await b.synced;
    const tooBig = nextClose(b);
    b.doc.getMap('scratch').set('blob', 'y'.repeat(5000));
    expect(await tooBig).toBe(CloseCode.limitExceeded);
    const c = client(board.id);
    await c.synced;
    expect(c.doc.getMap('scratch').has('blob')).toBe(false);
  });

  it('limits board creation per client address with a clear 429', async () => {
    server = await startTestServer({ BOARD_CREATIONS_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i++) await createBoard(server.url);
    const refused = await fetch(`${server.url}/api/boards`, { method: 'POST' });
    expect(refused.status).toBe(429);
    const error = ((await refused.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/too many boards/);
    expect(server.store.listBoards()).toHaveLength(3);
  });

  it('limits WebSocket connection attempts per client address (HTTP 429 before the handshake)', async () => {
    server = await startTestServer({ CONNECTION_ATTEMPTS_PER_MINUTE: '4' });
    const board = await createBoard(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.editToken}`));
    }
    expect(statuses).toEqual([101, 101, 101, 101, 429]);
  });
});
