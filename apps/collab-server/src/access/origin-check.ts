import type { IncomingMessage } from 'node:http';

/**
 * Whether a WebSocket upgrade may proceed: browsers always send `Origin`, so a page on another site
 * (cross-site WebSocket hijacking) is refused unless its origin is listed. Same-origin means the
 * Origin's host is the Host the request was sent to. Non-browser clients send no Origin and pass.
 */
export function isAllowedOrigin(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === req.headers.host;
  } catch {
    return false;
  }
}
