import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { until } from '../../test/helpers/until.ts';
import { createMetrics } from '../metrics.ts';
import { SocketPeer } from './socket-peer.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A peer on a real socket, the writes its connection makes, and what its client received. */
async function connectedPeer(): Promise<{ peer: SocketPeer; writes: () => number; received: Buffer[] }> {
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true });
  let writes = 0;
  const accepted = new Promise<SocketPeer>((resolve) => {
    server.on('upgrade', (req, socket, head) => {
      wss.handleUpgrade(req, socket, head, (ws) => {
        // Each call is one write of the connection (one system call, when the socket can take it).
        const net = socket as Socket & {
          _write: (...a: unknown[]) => void;
          _writev: (...a: unknown[]) => void;
        };
        for (const method of ['_write', '_writev'] as const) {
          const original = net[method].bind(net);
          net[method] = (...args: unknown[]) => {
            writes++;
            original(...args);
          };
        }
        resolve(new SocketPeer(1, ws, socket, createMetrics({ processMetrics: false }), 1 << 20));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: Buffer[] = [];
  client.on('message', (data: Buffer) => received.push(data));
  const peer = await accepted;
  await new Promise((resolve) => client.once('open', resolve));
  closers.push(async () => {
    client.terminate();
    wss.close();
    await new Promise((resolve) => server.close(resolve));
  });
  return { peer, writes: () => writes, received };
}

describe('socket peer', () => {
  it('sends what it is given in one turn of the event loop in one write, in order', async () => {
    const { peer, writes, received } = await connectedPeer();
    const before = writes();
    for (let n = 1; n <= 5; n++) peer.send(Uint8Array.of(n));
    await until(() => received.length === 5);
    expect(received.map((message) => message[0])).toEqual([1, 2, 3, 4, 5]);
    expect(writes() - before).toBe(1);
  });

  it('sends what it is given in separate turns as it comes', async () => {
    const { peer, writes, received } = await connectedPeer();
    const before = writes();
    for (let n = 1; n <= 3; n++) {
      peer.send(Uint8Array.of(n));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await until(() => received.length === 3);
    expect(writes() - before).toBe(3);
  });
});
