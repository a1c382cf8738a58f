import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressRateLimiter } from '../access/address-rate-limiter.ts';
import { CLEAR_SESSION_COOKIE, type InstanceGate, safeNextPath } from '../access/instance-gate.ts';
import { HttpError } from './http-error.ts';
import { loginPage } from './login-page.ts';
import { readBody } from './read-body.ts';

export interface LoginOptions {
  readonly gate: InstanceGate;
  /** Login attempts per client address (guessing the secret must be slow). */
  readonly attempts: AddressRateLimiter;
  readonly address: string;
  readonly maxBodyBytes: number;
}

function sendPage(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(html);
}

/** The secret and `next` from a form post or a JSON body. */
async function readLogin(req: IncomingMessage, limit: number): Promise<{ secret: string; next: string }> {
  const text = await readBody(req, limit);
  if ((req.headers['content-type'] ?? '').startsWith('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'invalid_json', 'request body is not JSON');
    }
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    return {
      secret: typeof record.secret === 'string' ? record.secret : '',
      next: safeNextPath(record.next),
    };
  }
  const form = new URLSearchParams(text);
  return { secret: form.get('secret') ?? '', next: safeNextPath(form.get('next')) };
}

/**
 * `GET /login` (the form), `POST /login` (form or JSON `{ secret, next? }`: sets the session cookie and
 * redirects to `next`, or answers 204 to JSON), `POST /logout`. Returns false for other paths.
 */
export async function handleLogin(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  options: LoginOptions,
): Promise<boolean> {
  if (pathname === '/logout') {
    if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST /logout');
    res.writeHead(303, { location: '/login', 'set-cookie': CLEAR_SESSION_COOKIE }).end();
    return true;
  }
  if (pathname !== '/login') return false;
  if (req.method === 'GET' || req.method === 'HEAD') {
    const next = safeNextPath(new URL(req.url ?? '/', 'http://localhost').searchParams.get('next'));
    sendPage(res, 200, loginPage(next));
    return true;
  }
  if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use GET or POST /login');
  if (!options.attempts.take(options.address)) {
    throw new HttpError(429, 'rate_limited', 'too many sign-in attempts; try again in a minute');
  }
  const { secret, next } = await readLogin(req, options.maxBodyBytes);
  const json = (req.headers['content-type'] ?? '').startsWith('application/json');
  if (!options.gate.accepts(secret)) {
    if (json) throw new HttpError(401, 'wrong_secret', 'that is not the access secret');
    sendPage(res, 401, loginPage(next, 'That is not the access secret.'));
    return true;
  }
  const cookie = options.gate.sessionCookie();
  if (json) res.writeHead(204, { 'set-cookie': cookie }).end();
  else res.writeHead(303, { location: next, 'set-cookie': cookie }).end();
  return true;
}
