import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  hugeStructClaim,
  selfReferencingInsert,
  syncUpdateMessage,
} from '../../test/helpers/crafted-updates.ts';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { openRawSocket, type RawSocket } from '../../test/helpers/raw-socket.ts';
import { connectClient, whenDoc, type YClient } from '../../test/helpers/y-client.ts';
import { CloseCode } from './close-codes.ts';

let server: TestServer;
let boardId: string;
let alice: YClient;
let observer: YClient;
const clients: YClient[] = [];
const sockets: RawSocket[] = [];

function client(id = boardId): YClient {
  const c = connectClient(server.wsUrl, id);
  clients.push(c);
  return c;
}

async function raw(id = boardId): Promise<RawSocket> {
  const socket = await openRawSocket(`${server.wsUrl}/${id}`);
  sockets.push(socket);
  return socket;
}

const text = (c: YClient) => c.doc.getText('note').toString();

function storedText(): string {
  const state = server.store.loadBoardState(boardId)!;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state.snapshot);
  for (const update of state.updates) Y.applyUpdate(doc, update);
  return doc.getText('note').toString();
}

async function rejections(reason: string): Promise<number> {
  const metric = await server.metrics.rejected.get();
  return metric.values.find((value) => value.labels.reason === reason)?.value ?? 0;
}

/** The offender is gone; everybody else carries on, the server answers, and nothing stored was lost. */
async function expectBoardUnharmed(): Promise<void> {
  expect(alice.provider.wsconnected).toBe(true);
  alice.doc.getText('note').insert(0, '+');
  await whenDoc(observer.doc, () => text(observer).startsWith('+'));
  const late = client();
  await late.synced;
  expect(text(late)).toBe(text(alice));
  expect(storedText()).toBe(text(alice));
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
}

beforeEach(async () => {
  server = await startTestServer({
    MAX_MESSAGE_BYTES: '65536',
    RATE_LIMIT_MESSAGES_PER_SECOND: '20',
    RATE_LIMIT_BURST: '40',
    MAX_CONNECTIONS_PER_BOARD: '4',
  });
  boardId = (await createBoard(server.url)).id;
  alice = client();
  observer = client();
  await Promise.all([alice.synced, observer.synced]);
  alice.doc.getText('note').insert(0, 'safe and sound');
  // Relayed only after it was stored.
  await whenDoc(observer.doc, () => text(observer) === 'safe and sound');
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.ws.terminate();
  await server.dispose();
});

describe('bad input on /sync', () => {
  it('closes a socket that sends a text frame with 4415', async () => {
    const socket = await raw();
    socket.ws.send('hello');
    expect(await socket.closed).toEqual({
      code: CloseCode.unsupportedMessage,
      reason: 'text frames are not supported',
    });
    expect(await rejections('unsupportedMessage')).toBe(1);
    await expectBoardUnharmed();
  });

  it('closes sockets that send random bytes', async () => {
    for (let i = 0; i < 5; i++) {
      const socket = await raw();
      socket.ws.send(randomBytes(64));
      const { code, reason } = await socket.closed;
      expect([CloseCode.unsupportedMessage, CloseCode.malformedMessage, CloseCode.updateRejected]).toContain(
        code,
      );
      expect(reason).not.toBe('');
    }
    await expectBoardUnharmed();
  });

  it('closes a socket that sends a truncated sync message with 4422', async () => {
    const socket = await raw();
    const update = syncUpdateMessage(Y.encodeStateAsUpdate(alice.doc));
    socket.ws.send(update.subarray(0, update.length - 5));
    const { code, reason } = await socket.closed;
    expect(code).toBe(CloseCode.malformedMessage);
    expect(reason).toMatch(/^malformed message/);
    await expectBoardUnharmed();
  });

  it('closes a socket whose well-formed update fails to apply with 4423', async () => {
    const socket = await raw();
    socket.ws.send(syncUpdateMessage(selfReferencingInsert(4242, { client: alice.doc.clientID, clock: 3 })));
    const { code, reason } = await socket.closed;
    expect(code).toBe(CloseCode.updateRejected);
    expect(reason).toMatch(/fails to apply/);
    await expectBoardUnharmed();
  });

  it('closes a socket whose update claims millions of structs with 4423', async () => {
    const socket = await raw();
    socket.ws.send(syncUpdateMessage(hugeStructClaim(5_000_000)));
    const { code, reason } = await socket.closed;
    expect(code).toBe(CloseCode.updateRejected);
    expect(reason).toMatch(/5000000 structs/);
    await expectBoardUnharmed();
  });

  it('closes a socket that sends a frame over MAX_MESSAGE_BYTES with 1009', async () => {
    const socket = await raw();
    socket.ws.send(new Uint8Array(70_000));
    expect((await socket.closed).code).toBe(CloseCode.messageTooBig);
    expect(await rejections('messageTooBig')).toBe(1);
    await expectBoardUnharmed();
  });

  it('closes a socket that floods messages with 4429', async () => {
    const socket = await raw();
    const query = new Uint8Array([3]);
    for (let i = 0; i < 200; i++) socket.ws.send(query);
    const { code, reason } = await socket.closed;
    expect(code).toBe(CloseCode.rateLimited);
    expect(reason).toMatch(/rate limit/);
    await expectBoardUnharmed();
  });

  it('refuses connections beyond MAX_CONNECTIONS_PER_BOARD with 4503', async () => {
    const third = await raw();
    const fourth = await raw();
    const fifth = await raw();
    expect(await fifth.closed).toEqual({ code: CloseCode.boardFull, reason: 'board is full: 4 connections' });
    third.ws.close();
    fourth.ws.close();
    await Promise.all([third.closed, fourth.closed]);
    await expectBoardUnharmed();
  });

  it('refuses an invalid board id with 4400 and an unknown one with 4404, creating nothing', async () => {
    const invalid = await raw('not-a-board');
    expect(await invalid.closed).toEqual({ code: CloseCode.invalidBoardId, reason: 'invalid board id' });
    const unknownId = 'AAAAAAAAAAAAAAAAAAAAAA';
    const unknown = await raw(unknownId);
    expect(await unknown.closed).toEqual({ code: CloseCode.boardNotFound, reason: 'board not found' });
    expect(server.store.getBoard(unknownId)).toBeUndefined();
    expect(server.store.listBoards()).toHaveLength(1);
    expect(server.rooms.size).toBe(1);
    await expectBoardUnharmed();
  });
});
