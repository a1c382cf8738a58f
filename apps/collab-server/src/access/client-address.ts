import type { IncomingMessage } from 'node:http';

/**
 * The address limits are counted against. Behind a reverse proxy (`TRUST_PROXY=1`) every request
 * comes from the proxy, so the last `X-Forwarded-For` entry (the one the proxy added) is the client.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
