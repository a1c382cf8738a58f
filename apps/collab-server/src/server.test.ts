import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createBoard } from '../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../test/helpers/in-process-server.ts';
import { until } from '../test/helpers/until.ts';
import { connectClient, whenDoc, type YClient } from '../test/helpers/y-client.ts';

let server: TestServer;
const clients: YClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server.dispose();
});

async function rejections(reason: string): Promise<number> {
  const metric = await server.metrics.rejected.get();
  return metric.values.find((value) => value.labels.reason === reason)?.value ?? 0;
}

describe('HTTP keep-alive', () => {
  it('keeps idle connections longer than the pools of clients and load balancers (60 s)', async () => {
    server = await startTestServer();
    const response = await fetch(`${server.url}/healthz`);
    await response.text();
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
  });
});

describe('connection liveness', () => {
  it('terminates a socket that stops answering pings and keeps the ones that do', async () => {
    server = await startTestServer({ PING_INTERVAL_MS: '100' });
    const board = await createBoard(server.url);
    const healthy = connectClient(server.wsUrl, board.id);
    clients.push(healthy);
    await healthy.synced;
    const silent = new WebSocket(`${server.wsUrl}/${board.id}?token=${board.editToken}`, { autoPong: false });
    const closed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)));
    // 1006: the server cut the TCP connection without a close handshake.
    expect(await closed).toBe(1006);
    expect(await rejections('unresponsive')).toBe(1);
    expect(healthy.provider.wsconnected).toBe(true);
    await until(() => server.rooms.get(board.id)!.peerCount === 1);
  });

  it('closes a client that stops reading once its send buffer is full, others carry on', async () => {
    server = await startTestServer({
      MAX_BUFFERED_BYTES: '1024',
      RATE_LIMIT_MESSAGES_PER_SECOND: '1000',
      MAX_NOTE_TEXT_LENGTH: '100000000',
    });
    const board = await createBoard(server.url);
    const writer = connectClient(server.wsUrl, board.id);
    const reader = connectClient(server.wsUrl, board.id);
    clients.push(writer, reader);
    await Promise.all([writer.synced, reader.synced]);
    // A raw client that completes the handshake and then never reads again.
    const stalled = net.connect(server.port, '127.0.0.1');
    stalled.write(
      `GET /sync/${board.id}?token=${board.editToken} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await new Promise((resolve) => stalled.once('data', resolve));
    stalled.pause();
    await until(() => server.rooms.get(board.id)!.peerCount === 3);
    const chunk = 'x'.repeat(256 * 1024);
    let written = 0;
    while ((await rejections('tooSlow')) === 0) {
      writer.doc.getText('note').insert(0, chunk);
      written += chunk.length;
      await whenDoc(reader.doc, (doc) => doc.getText('note').length === written);
      if (written > 64 * 1024 * 1024) throw new Error('the stalled client was never cut off');
    }
    await until(() => server.rooms.get(board.id)!.peerCount === 2);
    writer.doc.getText('note').insert(0, 'still here');
    await whenDoc(reader.doc, (doc) => doc.getText('note').toString().startsWith('still here'));
    stalled.destroy();
  });
});
