import {
  type BoardFile,
  boardFileFromSnapshot,
  boardMaps,
  connectElements,
  createElement,
  parseBoardFile,
  readBoard,
  serializeBoardFile,
} from '@squall/model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { openRawSocket } from '../../test/helpers/raw-socket.ts';
import { until } from '../../test/helpers/until.ts';
import { connectClient, whenDoc, type YClient } from '../../test/helpers/y-client.ts';
import type { BoardSummary, CreatedBoard } from '../board-service.ts';
import { CloseCode } from '../sync/close-codes.ts';

let server: TestServer;
const clients: YClient[] = [];

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.dispose();
});

function api(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, init);
}

/** Response JSON as the type the API promises; the assertions check it. */
async function body<T = BoardSummary>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

function json(method: string, body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

async function expectError(
  response: Response,
  status: number,
  code: string,
): Promise<{ message: string; details?: unknown }> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string; details?: unknown } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toBe('');
  return body.error;
}

/** A small board file made with the model's own writers. */
function sampleFile(): BoardFile {
  const doc = new Y.Doc();
  const event = createElement(
    doc,
    { kind: 'domainEvent', text: 'Order placed', position: { x: 0, y: 0 } },
    'test',
  );
  const policy = createElement(
    doc,
    { kind: 'policy', text: 'Send receipt', position: { x: 200, y: 0 } },
    'test',
  );
  expect(connectElements(doc, { source: event, target: policy }, 'test').ok).toBe(true);
  return boardFileFromSnapshot(readBoard(doc), 'Imported');
}

describe('board API', () => {
  it('creates boards with unguessable URL-safe ids and lists them with element counts', async () => {
    const created = await createBoard(server.url, 'Checkout flow');
    expect(created).toMatchObject({ name: 'Checkout flow', elementCount: 0, connectionCount: 0 });
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const other = await createBoard(server.url, 'Another');
    expect(other.id).not.toBe(created.id);

    const list = await body<{ boards: BoardSummary[] }>(
      await api(`/api/boards?token=${created.viewToken}&token=${other.editToken}`),
    );
    expect(list.boards.map((board) => board.id).sort()).toEqual([created.id, other.id].sort());
    const one = await body(await api(`/api/boards/${created.id}?token=${created.editToken}`));
    expect(one).toMatchObject({ id: created.id, name: 'Checkout flow' });
    expect(Date.parse(one.updatedAt)).toBeGreaterThan(0);
  });

  it('names a board "Untitled board" when no name is given and refuses a bad name', async () => {
    const response = await api('/api/boards', { method: 'POST' });
    expect(response.status).toBe(201);
    expect((await body(response)).name).toBe('Untitled board');
    await expectError(await api('/api/boards', json('POST', { name: 42 })), 400, 'invalid_name');
    await expectError(await api('/api/boards', json('POST', { name: '   ' })), 400, 'invalid_name');
    await expectError(await api('/api/boards', json('POST', { name: 'x'.repeat(201) })), 400, 'invalid_name');
  });

  it('counts the elements people add over the socket', async () => {
    const board = await createBoard(server.url);
    const alice = connectClient(server.wsUrl, board.id);
    clients.push(alice);
    await alice.synced;
    const a = createElement(alice.doc, { kind: 'domainEvent', text: 'A', position: { x: 0, y: 0 } }, 'ui');
    const b = createElement(alice.doc, { kind: 'policy', text: 'B', position: { x: 200, y: 0 } }, 'ui');
    expect(connectElements(alice.doc, { source: a, target: b }, 'ui').ok).toBe(true);
    const watcher = connectClient(server.wsUrl, board.id);
    clients.push(watcher);
    await whenDoc(watcher.doc, (doc) => boardMaps(doc).connections.size === 1);
    const summary = await body(await api(`/api/boards/${board.id}?token=${board.viewToken}`));
    expect(summary).toMatchObject({ elementCount: 2, connectionCount: 1, activeConnections: 2 });
  });

  it('renames a board', async () => {
    const board = await createBoard(server.url, 'Old');
    const at = `/api/boards/${board.id}?token=${board.editToken}`;
    const response = await api(at, json('PATCH', { name: '  New name ' }));
    expect(response.status).toBe(200);
    expect((await body(response)).name).toBe('New name');
    expect((await body(await api(at))).name).toBe('New name');
    await expectError(await api(at, json('PATCH', {})), 400, 'invalid_name');
  });

  it('deletes a board and disconnects its clients with 4410', async () => {
    const board = await createBoard(server.url);
    const socket = await openRawSocket(`${server.wsUrl}/${board.id}`);
    const owner = { authorization: `Bearer ${board.ownerKey}` };
    const response = await api(`/api/boards/${board.id}`, { method: 'DELETE', headers: owner });
    expect(response.status).toBe(204);
    expect(await socket.closed).toEqual({ code: CloseCode.boardDeleted, reason: 'board deleted' });
    await expectError(await api(`/api/boards/${board.id}`, { headers: owner }), 404, 'board_not_found');
    await expectError(
      await api(`/api/boards/${board.id}`, { method: 'DELETE', headers: owner }),
      404,
      'board_not_found',
    );
    expect(server.store.loadBoardState(board.id)).toBeUndefined();
  });

  it('exports a board as a v1 board file and imports it back losslessly', async () => {
    const file = sampleFile();
    const imported = await api('/api/boards/import', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: serializeBoardFile(file),
    });
    expect(imported.status).toBe(201);
    const board = await body<CreatedBoard>(imported);
    expect(board).toMatchObject({ name: 'Imported', elementCount: 2, connectionCount: 1 });
    expect(board.editUrl).toBe(`/b/${board.id}?token=${board.editToken}`);

    const exported = await api(`/api/boards/${board.id}/file?token=${board.viewToken}`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="Imported.squall.json"');
    const parsed = parseBoardFile(await exported.text());
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.file).toEqual(file);

    // What a client syncs is the same board.
    const alice = connectClient(server.wsUrl, board.id, board.editToken);
    clients.push(alice);
    await alice.synced;
    expect(
      readBoard(alice.doc)
        .elements.map((element) => element.text)
        .sort(),
    ).toEqual(['Order placed', 'Send receipt']);
  });

  it('refuses an invalid board file with the parser errors and creates nothing', async () => {
    const bad = { ...sampleFile(), elements: [{ id: 'x', kind: 'nonsense' }] };
    const error = await expectError(
      await api('/api/boards/import', json('POST', bad)),
      400,
      'invalid_board_file',
    );
    const details = error.details as Array<{ path: string; message: string }>;
    expect(details.length).toBeGreaterThan(0);
    expect(details[0]!.path).toMatch(/^\/elements\/0/);
    expect(error.message).toContain(details[0]!.message);
    await expectError(
      await api('/api/boards/import', { method: 'POST', body: '{ nope' }),
      400,
      'invalid_board_file',
    );
    expect(server.store.listBoards()).toEqual([]);
  });

  it('answers every mistake with a JSON error', async () => {
    await expectError(await api('/api/boards', { method: 'POST', body: '{ not json' }), 400, 'invalid_json');
    await expectError(await api('/api/boards', { method: 'POST', body: '[1]' }), 400, 'invalid_json');
    await expectError(await api('/api/boards', { method: 'PUT' }), 405, 'method_not_allowed');
    await expectError(await api('/api/boards/AAAAAAAAAAAAAAAAAAAAAA'), 404, 'board_not_found');
    await expectError(await api('/api/boards/AAAAAAAAAAAAAAAAAAAAAA/file'), 404, 'board_not_found');
    await expectError(await api('/api/boards/not-an-id'), 404, 'board_not_found');
    await expectError(await api('/api/elsewhere'), 404, 'not_found');
    await expectError(await api('/sync/AAAAAAAAAAAAAAAAAAAAAA'), 426, 'upgrade_required');
    await expectError(
      await api('/api/boards', json('POST', { name: 'x'.repeat(70 * 1024) })),
      413,
      'payload_too_large',
    );
  });

  it('reports health and metrics', async () => {
    const health = await body<{ version: string }>(await api('/healthz'));
    expect(health).toMatchObject({ status: 'ok', boardsLoaded: 0, connections: 0 });
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
    const board = await createBoard(server.url);
    const socket = await openRawSocket(`${server.wsUrl}/${board.id}`);
    expect(await body(await api('/healthz'))).toMatchObject({ boardsLoaded: 1, connections: 1 });
    // Sync step 1 from an empty document (sync, step 1, a one-byte state vector listing no client).
    socket.ws.send(new Uint8Array([0, 0, 1, 0]));
    await until(() => socket.received.length > 0);
    socket.ws.send('text');
    await socket.closed;
    const metrics = await (await api('/metrics')).text();
    expect(metrics).toMatch(/squall_ws_rejected_total\{reason="unsupportedMessage"\} 1/);
    expect(metrics).toMatch(/squall_boards_loaded 1/);
    expect(metrics).toMatch(/squall_ws_messages_sent_total [1-9]/);
  });
});
