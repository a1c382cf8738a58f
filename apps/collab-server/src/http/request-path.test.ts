import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { requestPath } from './request-path.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
});

/** Sends raw bytes and resolves with everything the server answers before closing. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('requestPath', () => {
  it('reads origin-form and absolute-form targets and refuses unparseable ones', () => {
    expect(requestPath('/api/boards?x=1')).toBe('/api/boards');
    expect(requestPath('http://example.test/sync/abc')).toBe('/sync/abc');
    expect(requestPath('http://[bad')).toBeUndefined();
  });

  it('answers unparseable targets with a JSON 400, on plain requests and upgrades, and stays up', async () => {
    server = await startTestServer();
    const plain = await rawRequest(
      server.port,
      'GET http://[bad HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(plain).toMatch(/^HTTP\/1.1 400/);
    expect(plain).toContain('"code":"bad_request"');
    const upgrade = await rawRequest(
      server.port,
      'GET http://[bad HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    expect(upgrade).toMatch(/^HTTP\/1.1 400/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
