import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createBoard } from '../../test/helpers/http.ts';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  // A minimal web build, so the page routes answer 200.
  fs.mkdirSync(path.join(server.dataDir, 'web'), { recursive: true });
  fs.writeFileSync(path.join(server.dataDir, 'web', 'index.html'), '<!doctype html><title>t</title>');
});
afterEach(async () => {
  await server.dispose();
});

function expectSecurityHeaders(headers: Headers | Record<string, unknown>, route: string): void {
  const read = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(read(name), `${name} on ${route}`).toBe(value);
  }
}

describe('security headers', () => {
  it('are on every response: pages, API, errors, health, metrics and refused upgrades', async () => {
    const board = await createBoard(server.url);
    const routes = [
      '/',
      `/b/${board.id}?token=${board.editToken}`,
      '/api/boards',
      `/api/boards/${board.id}?token=${board.viewToken}`,
      `/api/boards/${board.id}/file?token=${board.viewToken}`,
      `/api/boards/${board.id}`,
      '/api/nothing',
      '/missing.js',
      '/sync/x',
      '/healthz',
      '/metrics',
    ];
    for (const route of routes) {
      const response = await fetch(`${server.url}${route}`);
      expectSecurityHeaders(response.headers, route);
      await response.arrayBuffer();
    }
    const refused = await new Promise<Record<string, unknown>>((resolve) => {
      const ws = new WebSocket(`${server.wsUrl}/${board.id}`, { origin: 'https://evil.example' });
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.headers);
        res.resume();
      });
      ws.on('error', () => {});
    });
    expectSecurityHeaders(refused, 'refused upgrade');
  });

  it('has a CSP that allows no inline or foreign script and no framing', () => {
    const csp = SECURITY_HEADERS['content-security-policy']!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
  });
});
