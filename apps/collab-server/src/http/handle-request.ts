import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressRateLimiter } from '../access/address-rate-limiter.ts';
import { clientAddress } from '../access/client-address.ts';
import type { InstanceGate } from '../access/instance-gate.ts';
import type { BoardService } from '../board-service.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { SERVER_VERSION } from '../version.ts';
import { type BoardRoutesOptions, handleBoardRoutes } from './board-routes.ts';
import { HttpError, sendError, sendJson, sendReply } from './http-error.ts';
import { handleLogin } from './login-routes.ts';
import { requestPath } from './request-path.ts';
import { setSecurityHeaders } from './security-headers.ts';
import { serveWebApp } from './static-files.ts';

export interface RequestContext {
  readonly boards: BoardService;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly webDist: string;
  readonly limits: Pick<BoardRoutesOptions, 'maxJsonBytes' | 'maxBodyBytes' | 'boardCreations'>;
  /** The instance gate, when `ACCESS_SECRET` is set. */
  readonly gate: InstanceGate | undefined;
  readonly loginAttempts: AddressRateLimiter;
  readonly trustProxy: boolean;
  /** What /healthz says: `status` is "degraded" while an instance of a cluster cannot reach Redis. */
  readonly status: () => { status: 'ok' | 'degraded'; boardsLoaded: number; connections: number };
}

async function route(req: IncomingMessage, res: ServerResponse, context: RequestContext): Promise<void> {
  const pathname = requestPath(req.url);
  if (pathname === undefined)
    throw new HttpError(400, 'bad_request', 'the request target is not a valid URL');
  // Probes and scrapers cannot sign in: health and metrics stay open (they name no board).
  if (pathname === '/healthz') {
    const { status, ...details } = context.status();
    return sendJson(res, 200, { status, version: SERVER_VERSION, ...details });
  }
  if (pathname === '/metrics') {
    const text = await context.metrics.registry.metrics();
    res.writeHead(200, { 'content-type': context.metrics.registry.contentType });
    return void res.end(text);
  }
  const address = clientAddress(req, context.trustProxy);
  const { gate } = context;
  if (gate) {
    const login = {
      gate,
      attempts: context.loginAttempts,
      address,
      maxBodyBytes: context.limits.maxJsonBytes,
    };
    if (await handleLogin(req, res, pathname, login)) return;
    if (!gate.hasSession(req)) return refuseWithoutSession(req, res, pathname);
  }
  if (pathname === '/api' || pathname.startsWith('/api/')) {
    const reply = await handleBoardRoutes(req, pathname, {
      boards: context.boards,
      ...context.limits,
      address,
    });
    if (reply) return sendReply(res, reply);
    throw new HttpError(404, 'not_found', `no API route ${req.method} ${pathname}`);
  }
  if (pathname === '/sync' || pathname.startsWith('/sync/')) {
    throw new HttpError(426, 'upgrade_required', 'this is a WebSocket endpoint (y-websocket protocol)');
  }
  serveWebApp(req, res, pathname, context.webDist);
}

/** Instance gate without a session: pages go to the login form (and back after it), the rest get 401. */
function refuseWithoutSession(req: IncomingMessage, res: ServerResponse, pathname: string): void {
  const isPage =
    (req.method === 'GET' || req.method === 'HEAD') &&
    !pathname.startsWith('/api') &&
    !pathname.startsWith('/sync');
  if (!isPage)
    throw new HttpError(
      401,
      'session_required',
      'sign in at /login first (this server has an access secret)',
    );
  const next = new URL(req.url ?? '/', 'http://localhost');
  res.writeHead(303, { location: `/login?next=${encodeURIComponent(next.pathname + next.search)}` }).end();
}

/** Every HTTP request: routes, and turns any failure into a JSON error (never an HTML stack trace). */
export function handleRequest(req: IncomingMessage, res: ServerResponse, context: RequestContext): void {
  setSecurityHeaders(res);
  res.on('finish', () =>
    context.metrics.httpRequests.inc({ method: req.method ?? '', status: res.statusCode }),
  );
  route(req, res, context).catch((error: unknown) => {
    const httpError =
      error instanceof HttpError ? error : new HttpError(500, 'internal_error', 'internal server error');
    if (httpError.status === 500) context.log.error({ err: error, url: req.url }, 'request failed');
    if (res.headersSent) return void res.destroy();
    // A refused upload may still be streaming in; close the connection rather than read it all.
    if (!req.complete) res.setHeader('connection', 'close');
    sendError(res, httpError);
  });
}
