import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/storage/sqlite-store.ts';
import { CloseCode } from '../src/sync/close-codes.ts';
import { createBoard } from './helpers/http.ts';
import { openRawSocket } from './helpers/raw-socket.ts';
import { type ServerProcess, startServerProcess } from './helpers/server-process.ts';
import { tempDir } from './helpers/temp-dir.ts';
import { until } from './helpers/until.ts';
import { connectClient, whenDoc, type YClient } from './helpers/y-client.ts';

const dir = tempDir();
const processes: ServerProcess[] = [];
const clients: YClient[] = [];

async function server(env: Record<string, string> = {}): Promise<ServerProcess> {
  const started = await startServerProcess({ DATA_DIR: dir.path, ...env });
  processes.push(started);
  return started;
}

function client(wsUrl: string, boardId: string): YClient {
  const c = connectClient(wsUrl, boardId);
  clients.push(c);
  return c;
}

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const p of processes.splice(0)) p.child.kill('SIGKILL');
});

describe('server process', () => {
  it('keeps every relayed edit through a SIGKILL and restart', async () => {
    // No idle compaction: the edits exist only as appended updates when the process dies.
    const first = await server({ COMPACT_IDLE_MS: '3600000' });
    const board = await createBoard(first.url);
    const alice = client(first.wsUrl, board.id);
    const bob = client(first.wsUrl, board.id);
    await Promise.all([alice.synced, bob.synced]);
    const edits = 200;
    for (let i = 0; i < edits; i++) {
      const writer = i % 2 === 0 ? alice : bob;
      writer.doc.getMap('edits').set(`edit-${i}`, i);
    }
    // Each edit has reached the other client, so the server has relayed, hence stored, all of them.
    await whenDoc(alice.doc, (doc) => doc.getMap('edits').size === edits);
    await whenDoc(bob.doc, (doc) => doc.getMap('edits').size === edits);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    for (const c of clients.splice(0)) c.destroy();

    const second = await server();
    // Start-up folded the updates the killed process had appended into the snapshot.
    const store = new SqliteStore(dir.path);
    expect(store.pendingUpdateCount(board.id)).toBe(0);
    store.close();
    const carol = client(second.wsUrl, board.id);
    await carol.synced;
    const map = carol.doc.getMap('edits');
    expect(map.size).toBe(edits);
    for (let i = 0; i < edits; i++) expect(map.get(`edit-${i}`)).toBe(i);
    expect(carol.doc.getMap('meta').get('schemaVersion')).toBe(1);
  });

  it('exits 1 with a clear log line when it cannot start (port taken)', async () => {
    const running = await server();
    const port = new URL(running.url).port;
    const clash = spawn(process.execPath, [fileURLToPath(new URL('../dist/main.js', import.meta.url))], {
      env: { ...process.env, PORT: port, HOST: '127.0.0.1', DATA_DIR: dir.path, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    clash.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => clash.once('exit', resolve));
    expect(code).toBe(1);
    const line = JSON.parse(output.trim().split('\n').at(-1)!) as { level: number; msg: string };
    expect(line.level).toBe(60);
    expect(line.msg).toMatch(/^could not start: .*EADDRINUSE/);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('logs a warning with the close code when it drops a misbehaving client', async () => {
    const running = await server();
    const board = await createBoard(running.url);
    const socket = await openRawSocket(`${running.wsUrl}/${board.id}`);
    socket.ws.send(new Uint8Array([0, 2, 200]));
    expect((await socket.closed).code).toBe(CloseCode.malformedMessage);
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
    const isDropLine = (entry: Record<string, unknown>) =>
      entry.msg === 'sync connection closed for bad input';
    // The log arrives over the process's stdout pipe, independently of the socket.
    await until(() => running.logs.some(isDropLine));
    const line = running.logs.find(isDropLine);
    expect(line).toMatchObject({ level: 40, board: board.id, code: CloseCode.malformedMessage });
    expect(line?.reason).toMatch(/^malformed message/);
  });

  it('on SIGTERM closes sockets with 1001, compacts every board, and exits 0', async () => {
    const running = await server({ COMPACT_IDLE_MS: '3600000' });
    const board = await createBoard(running.url);
    const alice = client(running.wsUrl, board.id);
    const bob = client(running.wsUrl, board.id);
    await Promise.all([alice.synced, bob.synced]);
    alice.doc.getText('note').insert(0, 'before shutdown');
    await whenDoc(bob.doc, (doc) => doc.getText('note').toString() === 'before shutdown');
    const watcher = await openRawSocket(`${running.wsUrl}/${board.id}`);
    running.child.kill('SIGTERM');
    expect(await watcher.closed).toEqual({ code: CloseCode.goingAway, reason: 'server shutting down' });
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.logs.some((entry) => entry.msg === 'collab server stopped')).toBe(true);
    // The database was closed cleanly: the write-ahead log was folded in and removed.
    expect(fs.existsSync(path.join(dir.path, 'squall.db-wal'))).toBe(false);

    const store = new SqliteStore(dir.path);
    expect(store.pendingUpdateCount(board.id)).toBe(0);
    store.close();
    const restarted = await server();
    const carol = client(restarted.wsUrl, board.id);
    await carol.synced;
    expect(carol.doc.getText('note').toString()).toBe('before shutdown');
  });
});
