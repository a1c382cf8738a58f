import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BoardService } from '../board-service.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { SERVER_VERSION } from '../version.ts';
import { type BoardRoutesOptions, handleBoardRoutes } from './board-routes.ts';
import { HttpError, sendError, sendJson, sendReply } from './http-error.ts';
import { requestPath } from './request-path.ts';
import { serveWebApp } from './static-files.ts';

export interface RequestContext {
  readonly boards: BoardService;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly webDist: string;
  readonly limits: Omit<BoardRoutesOptions, 'boards'>;
  /** Live numbers for /healthz. */
  readonly status: () => { boardsLoaded: number; connections: number };
}

async function route(req: IncomingMessage, res: ServerResponse, context: RequestContext): Promise<void> {
  const pathname = requestPath(req.url);
  if (pathname === undefined)
    throw new HttpError(400, 'bad_request', 'the request target is not a valid URL');
  if (pathname === '/healthz') {
    return sendJson(res, 200, { status: 'ok', version: SERVER_VERSION, ...context.status() });
  }
  if (pathname === '/metrics') {
    const text = await context.metrics.registry.metrics();
    res.writeHead(200, { 'content-type': context.metrics.registry.contentType });
    return void res.end(text);
  }
  if (pathname === '/api' || pathname.startsWith('/api/')) {
    const reply = await handleBoardRoutes(req, pathname, { boards: context.boards, ...context.limits });
    if (reply) return sendReply(res, reply);
    throw new HttpError(404, 'not_found', `no API route ${req.method} ${pathname}`);
  }
  if (pathname === '/sync' || pathname.startsWith('/sync/')) {
    throw new HttpError(426, 'upgrade_required', 'this is a WebSocket endpoint (y-websocket protocol)');
  }
  serveWebApp(req, res, pathname, context.webDist);
}

/** Every HTTP request: routes, and turns any failure into a JSON error (never an HTML stack trace). */
export function handleRequest(req: IncomingMessage, res: ServerResponse, context: RequestContext): void {
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
