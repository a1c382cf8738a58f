import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'squall_session';
const SESSION_DAYS = 30;
const VERSION = 'v1';

/**
 * The optional instance gate (`ACCESS_SECRET`). A session is a signed expiry time — no server-side
 * state, it survives restarts, and changing the secret ends every session.
 */
export class InstanceGate {
  constructor(
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether `candidate` is the access secret (constant time). */
  accepts(candidate: string): boolean {
    const digest = (value: string) => createHash('sha256').update(value).digest();
    return timingSafeEqual(digest(candidate), digest(this.secret));
  }

  /** A `Set-Cookie` value starting a session: HttpOnly, Secure, SameSite=Lax (board links from chat still work). */
  sessionCookie(): string {
    const expires = this.now() + SESSION_DAYS * 86_400_000;
    const value = `${VERSION}.${expires}.${this.sign(`${VERSION}.${expires}`)}`;
    return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${SESSION_DAYS * 86_400}; HttpOnly; Secure; SameSite=Lax`;
  }

  hasSession(req: IncomingMessage): boolean {
    const value = cookieValue(req.headers.cookie, SESSION_COOKIE);
    const [version, expires, signature] = value?.split('.') ?? [];
    if (version !== VERSION || !expires || !signature || !/^\d+$/.test(expires)) return false;
    const expected = Buffer.from(this.sign(`${version}.${expires}`));
    const given = Buffer.from(signature);
    return (
      given.length === expected.length && timingSafeEqual(given, expected) && Number(expires) > this.now()
    );
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

export const CLEAR_SESSION_COOKIE = `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`;

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Where to go after logging in: only a path on this server (no `//host` or `/\host` open redirect). */
export function safeNextPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}
