import { afterEach, describe, expect, it } from 'vitest';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { upgradeStatus } from '../../test/helpers/upgrade-status.ts';

let server: TestServer;
afterEach(async () => {
  await server.dispose();
});

/** The HTTP status of a refused upgrade, or 101 when the socket opened. */

describe('WebSocket origin check', () => {
  it('refuses pages of other sites, accepts its own origin and scripts without an Origin', async () => {
    server = await startTestServer();
    const board = await createBoard(server.url);
    const url = `${server.wsUrl}/${board.id}?token=${board.editToken}`;
    expect(await upgradeStatus(url, { origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(url, { origin: `http://127.0.0.1:${server.port}.evil.example` })).toBe(403);
    expect(await upgradeStatus(url, { origin: 'null' })).toBe(403);
    expect(await upgradeStatus(url, { origin: `http://127.0.0.1:${server.port}` })).toBe(101);
    expect(await upgradeStatus(url)).toBe(101);
    const metrics = await server.metrics.rejected.get();
    expect(metrics.values.find((value) => value.labels.reason === 'originNotAllowed')?.value).toBe(3);
  });

  it('accepts the origins listed in ALLOWED_ORIGINS', async () => {
    server = await startTestServer({ ALLOWED_ORIGINS: 'https://squall.example.com, http://localhost:5173' });
    const board = await createBoard(server.url);
    const url = `${server.wsUrl}/${board.id}?token=${board.editToken}`;
    expect(await upgradeStatus(url, { origin: 'https://squall.example.com' })).toBe(101);
    expect(await upgradeStatus(url, { origin: 'http://localhost:5173' })).toBe(101);
    expect(await upgradeStatus(url, { origin: 'https://other.example.com' })).toBe(403);
  });
});
