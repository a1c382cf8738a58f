import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/in-process-server.ts';
import { upgradeStatus } from '../../test/helpers/upgrade-status.ts';
import { InstanceGate, SESSION_COOKIE, safeNextPath } from './instance-gate.ts';

const SECRET = 'correct horse battery staple';
let server: TestServer;

beforeEach(async () => {
  server = await startTestServer({ ACCESS_SECRET: SECRET });
});
afterEach(async () => {
  await server.dispose();
});

function get(path: string, cookie?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

async function login(secret: string): Promise<Response> {
  return fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ secret, next: '/b/AAAAAAAAAAAAAAAAAAAAAA?token=abc' }).toString(),
  });
}

describe('instance gate', () => {
  it('blocks pages, the API and WebSockets without a session', async () => {
    const page = await get('/b/AAAAAAAAAAAAAAAAAAAAAA?token=x');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(
      `/login?next=${encodeURIComponent('/b/AAAAAAAAAAAAAAAAAAAAAA?token=x')}`,
    );
    const api = await fetch(`${server.url}/api/boards`, { method: 'POST' });
    expect(api.status).toBe(401);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('session_required');
    expect(server.store.listBoards()).toEqual([]);
    expect(await upgradeStatus(`${server.wsUrl}/AAAAAAAAAAAAAAAAAAAAAA`)).toBe(401);
    expect((await get('/healthz')).status).toBe(200);
    const form = await get('/login');
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="secret"');
  });

  it('a wrong secret gets no cookie; the right one sets a secure HttpOnly SameSite session that opens everything', async () => {
    const wrong = await login('not the secret');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const right = await login(SECRET);
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/b/AAAAAAAAAAAAAAAAAAAAAA?token=abc');
    const setCookie = right.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = setCookie.split(';')[0]!;
    expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    const created = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { cookie } });
    expect(created.status).toBe(201);
    const board = (await created.json()) as { id: string; editToken: string };
    expect(
      await upgradeStatus(`${server.wsUrl}/${board.id}?token=${board.editToken}`, { headers: { cookie } }),
    ).toBe(101);
    // A tampered or foreign cookie is no session.
    const forged = `${cookie.slice(0, -2)}xx`;
    expect((await fetch(`${server.url}/api/boards`, { headers: { cookie: forged } })).status).toBe(401);
    const other = new InstanceGate('another secret entirely').sessionCookie().split(';')[0]!;
    expect((await fetch(`${server.url}/api/boards`, { headers: { cookie: other } })).status).toBe(401);
  });

  it('ends sessions when they expire and never redirects off the server', () => {
    let now = 1_000;
    const gate = new InstanceGate(SECRET, () => now);
    const cookie = gate.sessionCookie().split(';')[0]!;
    const request = { headers: { cookie } } as Parameters<InstanceGate['hasSession']>[0];
    expect(gate.hasSession(request)).toBe(true);
    now += 31 * 86_400_000;
    expect(gate.hasSession(request)).toBe(false);
    expect(safeNextPath('//evil.example/x')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('/b/x?token=y')).toBe('/b/x?token=y');
  });

  it('limits sign-in attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await login('guess')).status);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
