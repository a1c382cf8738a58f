import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';

let server: TestServer;
afterEach(async () => {
  await server.dispose();
});

/** The HTTP status of a refused upgrade, or 101 when the socket opened. */
function upgradeStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('error', () => {});
  });
}

describe('WebSocket origin check', () => {
  it('refuses pages of other sites, accepts its own origin and scripts without an Origin', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const url = `${server.wsUrl}/${board.id}?token=${board.editToken}`;
    expect(await upgradeStatus(url, 'https://evil.example')).toBe(403);
    expect(await upgradeStatus(url, `http://127.0.0.1:${server.port}.evil.example`)).toBe(403);
    expect(await upgradeStatus(url, 'null')).toBe(403);
    expect(await upgradeStatus(url, `http://127.0.0.1:${server.port}`)).toBe(101);
    expect(await upgradeStatus(url)).toBe(101);
    const metrics = await server.metrics.rejected.get();
    expect(metrics.values.find((value) => value.labels.reason === 'originNotAllowed')?.value).toBe(3);
  });

  it('accepts the origins listed in ALLOWED_ORIGINS', async () => {
    server = await startTestServer({ ALLOWED_ORIGINS: 'https://squall.example.com, http://localhost:5173' });
    const board = await createBoard(server.url);
    const url = `${server.wsUrl}/${board.id}?token=${board.editToken}`;
    expect(await upgradeStatus(url, 'https://squall.example.com')).toBe(101);
    expect(await upgradeStatus(url, 'http://localhost:5173')).toBe(101);
    expect(await upgradeStatus(url, 'https://other.example.com')).toBe(403);
  });
});
