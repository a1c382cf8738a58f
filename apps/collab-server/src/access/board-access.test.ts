import { boardMaps, createElement, readBoard } from '@squall/model';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { openRawSocket } from '../../test/helpers/raw-socket.ts';
import { connectClient, whenDoc, type YClient } from '../../test/helpers/y-client.ts';
import type { AccessibleBoard, CreatedBoard } from '../board-service.ts';
import { CloseCode } from '../sync/close-codes.ts';

let server: TestServer;
const clients: YClient[] = [];
const client = (boardId: string, token?: string | null) => {
  const c = connectClient(server.wsUrl, boardId, token);
  clients.push(c);
  return c;
};

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.dispose();
});

async function dropped(): Promise<number> {
  return (await server.metrics.readOnlyUpdatesDropped.get()).values[0]?.value ?? 0;
}

function syncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, init);
}

const owner = (board: CreatedBoard) => ({ authorization: `Bearer ${board.ownerKey}` });

/** What a raw socket's close looks like once the server closed it. */
async function closeOf(url: string) {
  return (await openRawSocket(url)).closed;
}

describe('board capabilities', () => {
  it('hands out distinct 128-bit URL-safe tokens, an owner key and web links, and stores only hashes', async () => {
    const board = await createBoard(server.url, 'Links');
    expect(board.editToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(board.viewToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(board.ownerKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set([board.id, board.editToken, board.viewToken, board.ownerKey]).size).toBe(4);
    expect(board.editUrl).toBe(`/b/${board.id}?token=${board.editToken}`);
    expect(board.viewUrl).toBe(`/b/${board.id}?token=${board.viewToken}`);
    const stored = server.store.getAccess(board.id)!;
    const hashes = [stored.editHash, stored.viewHash, stored.ownerHash];
    for (const secret of [board.editToken, board.viewToken, board.ownerKey])
      expect(hashes).not.toContain(secret);
  });

  it('closes a sync socket without a token or with a wrong one (4401) before loading the board', async () => {
    const board = await createBoard(server.url);
    expect(await closeOf(`${server.wsUrl}/${board.id}?token=`)).toEqual({
      code: CloseCode.unauthorized,
      reason: 'token required',
    });
    const other = await createBoard(server.url);
    expect(await closeOf(`${server.wsUrl}/${board.id}?token=${other.editToken}`)).toEqual({
      code: CloseCode.unauthorized,
      reason: 'wrong token',
    });
    expect(server.rooms.size).toBe(0);
  });

  it('drops every update from a view link (edit, delete, sync step 2), counts them and relays its cursor', async () => {
    const board = await createBoard(server.url);
    const editor = client(board.id, board.editToken);
    await editor.synced;
    const noteId = createElement(
      editor.doc,
      { kind: 'domainEvent', text: 'Kept', position: { x: 0, y: 0 } },
      'ui',
    );
    const viewer = client(board.id, board.viewToken);
    await whenDoc(viewer.doc, (doc) => boardMaps(doc).elements.has(noteId));
    // The viewer's provider answered the server's sync step 1 with a step 2 (dropped) already.
    expect(await dropped()).toBeGreaterThanOrEqual(1);
    const before = await dropped();
    // Edits and deletes through the real provider.
    createElement(viewer.doc, { kind: 'policy', text: 'Sneaky', position: { x: 9, y: 9 } }, 'ui');
    boardMaps(viewer.doc).elements.delete(noteId);
    // A raw sync step 2 carrying a board of its own.
    const own = new Y.Doc();
    createElement(own, { kind: 'hotspot', text: 'Mine', position: { x: 1, y: 1 } }, 'x');
    const raw = await openRawSocket(`${server.wsUrl}/${board.id}?token=${board.viewToken}`);
    raw.ws.send(syncStep2(Y.encodeStateAsUpdate(own)));
    // Cursors still flow: the editor sees the viewer's awareness state.
    viewer.provider.awareness.setLocalStateField('user', { name: 'Viewer' });
    await new Promise<void>((resolve) => {
      const seen = () => {
        const states = [...editor.provider.awareness.getStates().values()];
        if (states.some((state) => (state.user as { name?: string } | undefined)?.name === 'Viewer'))
          resolve();
      };
      editor.provider.awareness.on('change', seen);
      seen();
    });
    // Round trip through the editor proves the server processed everything sent before.
    editor.doc.getMap('scratch').set('marker', 1);
    await whenDoc(viewer.doc, (doc) => doc.getMap('scratch').get('marker') === 1);
    expect(await dropped()).toBeGreaterThanOrEqual(before + 3);
    const texts = readBoard(editor.doc).elements.map((element) => element.text);
    expect(texts).toEqual(['Kept']);
    expect(readBoard(server.rooms.get(board.id)!.doc).elements.map((element) => element.text)).toEqual([
      'Kept',
    ]);
    expect(raw.received.length).toBeGreaterThan(0);
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });

  it('rotating a link closes the sockets that used it (4403) and refuses it afterwards', async () => {
    const board = await createBoard(server.url);
    const viewer = await openRawSocket(`${server.wsUrl}/${board.id}?token=${board.viewToken}`);
    const editor = await openRawSocket(`${server.wsUrl}/${board.id}?token=${board.editToken}`);
    await expectError(
      api(`/api/boards/${board.id}/rotate`, json('POST', { link: 'view' })),
      401,
      'token_required',
    );
    await expectError(
      api(`/api/boards/${board.id}/rotate`, {
        ...json('POST', { link: 'view' }),
        headers: { authorization: `Bearer ${board.editToken}` },
      }),
      403,
      'owner_only',
    );
    const response = await api(`/api/boards/${board.id}/rotate`, {
      ...json('POST', { link: 'view' }),
      headers: owner(board),
    });
    expect(response.status).toBe(200);
    const rotated = (await response.json()) as { link: string; token: string; url: string };
    expect(rotated.url).toBe(`/b/${board.id}?token=${rotated.token}`);
    expect(rotated.token).not.toBe(board.viewToken);
    expect((await viewer.closed).code).toBe(CloseCode.linkRotated);
    expect(editor.ws.readyState).toBe(editor.ws.OPEN);
    expect((await closeOf(`${server.wsUrl}/${board.id}?token=${board.viewToken}`)).code).toBe(
      CloseCode.linkRotated,
    );
    await expectError(api(`/api/boards/${board.id}?token=${board.viewToken}`), 403, 'link_rotated');
    const fresh = await openRawSocket(`${server.wsUrl}/${board.id}?token=${rotated.token}`);
    expect(fresh.ws.readyState).toBe(fresh.ws.OPEN);
    const summary = (await (
      await api(`/api/boards/${board.id}?token=${rotated.token}`)
    ).json()) as AccessibleBoard;
    expect(summary).toMatchObject({ id: board.id, access: 'view', locked: false });
    editor.ws.close();
    fresh.ws.close();
  });

  it("lock makes every connection read-only, the owner key's included, until unlock; connected clients are told to reconnect (4205)", async () => {
    const board = await createBoard(server.url);
    const editor = client(board.id, board.editToken);
    const facilitator = client(board.id, board.ownerKey);
    const watcher = client(board.id, board.editToken);
    await Promise.all([editor.synced, facilitator.synced, watcher.synced]);
    const lockedAgain = Promise.all([editor, facilitator, watcher].map(resynced));
    const locked = await api(`/api/boards/${board.id}/lock`, { method: 'POST', headers: owner(board) });
    expect(((await locked.json()) as AccessibleBoard).locked).toBe(true);
    expect(await lockedAgain).toEqual([
      CloseCode.accessChanged,
      CloseCode.accessChanged,
      CloseCode.accessChanged,
    ]);
    const room = server.rooms.get(board.id)!;

    const beforeEditor = await dropped();
    editor.doc.getMap('scratch').set('while locked', true);
    await processedBy(editor, watcher);
    expect(await dropped()).toBeGreaterThan(beforeEditor);
    expect(room.doc.getMap('scratch').has('while locked')).toBe(false);
    await expectError(
      api(`/api/boards/${board.id}?token=${board.editToken}`, json('PATCH', { name: 'x' })),
      403,
      'board_locked',
    );

    // The owner key does not write either: its update is dropped and counted, nobody receives it.
    const beforeOwner = await dropped();
    facilitator.doc.getMap('scratch').set('presenting', true);
    await processedBy(facilitator, watcher);
    expect(await dropped()).toBeGreaterThan(beforeOwner);
    expect(room.doc.getMap('scratch').has('presenting')).toBe(false);
    expect(watcher.doc.getMap('scratch').has('presenting')).toBe(false);

    const unlockedAgain = resynced(editor);
    await api(`/api/boards/${board.id}/unlock`, { method: 'POST', headers: owner(board) });
    expect(await unlockedAgain).toBe(CloseCode.accessChanged);
    const info = (await (
      await api(`/api/boards/${board.id}?token=${board.editToken}`)
    ).json()) as AccessibleBoard;
    expect(info).toMatchObject({ access: 'edit', locked: false });
    editor.doc.getMap('scratch').set('after unlock', true);
    await whenDoc(watcher.doc, (doc) => doc.getMap('scratch').get('after unlock') === true);
    facilitator.doc.getMap('scratch').set('owner after unlock', true);
    await whenDoc(watcher.doc, (doc) => doc.getMap('scratch').get('owner after unlock') === true);
  });
});

describe('boards created before links existed', () => {
  it('still open by their id alone for editing, are listed nowhere and have nothing to lock', async () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 1);
    const id = 'LegacyBoardAAAAAAAAAAA';
    server.store.createBoard({
      id,
      name: 'Legacy',
      snapshot: Y.encodeStateAsUpdate(doc),
      elementCount: 0,
      connectionCount: 0,
    });
    const editor = client(id, null);
    await editor.synced;
    editor.doc.getMap('scratch').set('still editable', true);
    const reader = client(id, null);
    await whenDoc(reader.doc, (d) => d.getMap('scratch').get('still editable') === true);
    const summary = (await (await api(`/api/boards/${id}`)).json()) as AccessibleBoard;
    expect(summary).toMatchObject({ id, name: 'Legacy', access: 'edit', locked: false });
    expect(((await (await api('/api/boards')).json()) as { boards: unknown[] }).boards).toEqual([]);
    await expectError(api(`/api/boards/${id}/lock`, { method: 'POST' }), 403, 'owner_only');
  });
});

describe('HTTP API access', () => {
  it('needs a token of the board for its summary and file; a view token cannot rename or delete', async () => {
    const board = await createBoard(server.url, 'Private');
    const other = await createBoard(server.url, 'Other');
    await expectError(api(`/api/boards/${board.id}`), 401, 'token_required');
    await expectError(api(`/api/boards/${board.id}/file`), 401, 'token_required');
    await expectError(api(`/api/boards/${board.id}/file?token=${other.viewToken}`), 403, 'wrong_token');
    const viaHeader = await api(`/api/boards/${board.id}/file`, {
      headers: { authorization: `Bearer ${board.viewToken}` },
    });
    expect(viaHeader.status).toBe(200);
    expect(((await viaHeader.json()) as { name: string }).name).toBe('Private');
    await expectError(
      api(`/api/boards/${board.id}?token=${board.viewToken}`, json('PATCH', { name: 'Hijacked' })),
      403,
      'read_only',
    );
    await expectError(
      api(`/api/boards/${board.id}?token=${board.editToken}`, { method: 'DELETE' }),
      403,
      'owner_only',
    );
    expect(server.store.getBoard(board.id)?.name).toBe('Private');
  });

  it('lists only the boards whose tokens the caller presents', async () => {
    const a = await createBoard(server.url, 'A');
    const b = await createBoard(server.url, 'B');
    await createBoard(server.url, 'C');
    const list = async (query: string, headers: Record<string, string> = {}) =>
      ((await (await api(`/api/boards${query}`, { headers })).json()) as { boards: AccessibleBoard[] })
        .boards;
    expect(await list('')).toEqual([]);
    expect(await list('?token=not-a-real-token-at-all')).toEqual([]);
    const some = await list(`?token=${a.viewToken}&token=${b.editToken}`);
    expect(some.map((board) => [board.name, board.access]).sort()).toEqual([
      ['A', 'view'],
      ['B', 'edit'],
    ]);
    expect((await list('', owner(a))).map((board) => [board.name, board.access])).toEqual([['A', 'owner']]);
    const tooMany = Array.from({ length: 201 }, () => `token=${a.viewToken}`).join('&');
    await expectError(api(`/api/boards?${tooMany}`), 400, 'too_many_tokens');
  });
});

/** Resolves with the close code once the provider was closed and has synced again after reconnecting. */
/** Resolves with the code the client's connection was closed with, once it has reconnected and synced. */
function resynced(c: YClient): Promise<number> {
  return new Promise((resolve) => {
    c.provider.once('connection-close', (event: { code: number } | null) => {
      // The provider reports `sync` false as the socket closes, then true once the new one synced.
      const synced = (isSynced: boolean) => {
        if (!isSynced) return;
        c.provider.off('sync', synced);
        resolve(event?.code ?? 0);
      };
      c.provider.on('sync', synced);
    });
  });
}

let markers = 0;

/**
 * Resolves once the server has processed everything `sender` sent so far: a fresh awareness field, sent
 * after it on the same socket, has reached `receiver`.
 */
async function processedBy(sender: YClient, receiver: YClient): Promise<void> {
  const marker = ++markers;
  const arrived = () => receiver.provider.awareness.getStates().get(sender.doc.clientID)?.marker === marker;
  const seen = new Promise<void>((resolve) => {
    const check = () => {
      if (!arrived()) return;
      receiver.provider.awareness.off('change', check);
      resolve();
    };
    receiver.provider.awareness.on('change', check);
  });
  sender.provider.awareness.setLocalStateField('marker', marker);
  await seen;
}

function json(method: string, body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

async function expectError(pending: Promise<Response>, status: number, code: string): Promise<void> {
  const response = await pending;
  expect(response.status).toBe(status);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
}
