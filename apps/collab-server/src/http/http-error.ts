import type { ServerResponse } from 'node:http';

/** An error the API answers with `{ "error": { code, message, details? } }` and this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const body: { code: string; message: string; details?: unknown } = {
    code: error.code,
    message: error.message,
  };
  if (error.details !== undefined) body.details = error.details;
  sendJson(res, error.status, { error: body });
}

/** What a route answers: JSON `body`, or raw `text` with its own headers, or nothing (204). */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** A raw body (text or bytes) sent as it is, with `headers` saying what it is. */
  readonly text?: string | Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (reply.text !== undefined) {
    res.writeHead(reply.status, {
      'content-length': Buffer.byteLength(reply.text),
      'cache-control': 'no-store',
      ...reply.headers,
    });
    res.end(reply.text);
  } else if (reply.body !== undefined) {
    sendJson(res, reply.status, reply.body);
  } else {
    res.writeHead(reply.status).end();
  }
}
