import type { IncomingMessage } from 'node:http';

/** `Authorization: Bearer <value>`, if present. */
export function bearerToken(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** The `token` query parameters of a request target (all of them: `GET /api/boards` takes several). */
export function queryTokens(target: string | undefined): string[] {
  try {
    return new URL(target ?? '/', 'http://localhost').searchParams.getAll('token');
  } catch {
    return [];
  }
}

/** The capability a request presents for one board: the bearer token, else the `token` parameter. */
export function boardToken(req: IncomingMessage): string | undefined {
  return bearerToken(req) ?? queryTokens(req.url)[0];
}
