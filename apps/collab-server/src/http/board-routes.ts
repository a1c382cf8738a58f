import type { IncomingMessage } from 'node:http';
import { formatBoardFileErrors, parseBoardFile, serializeBoardFile } from '@squall/model';
import { isBoardId } from '../board-id.ts';
import {
  type BoardService,
  DEFAULT_BOARD_NAME,
  InvalidNameError,
  normaliseBoardName,
} from '../board-service.ts';
import { HttpError, type Reply } from './http-error.ts';
import { readBody, readJsonObject } from './read-body.ts';

export interface BoardRoutesOptions {
  readonly boards: BoardService;
  /** Limit for small JSON bodies (create, rename). */
  readonly maxJsonBytes: number;
  /** Limit for board file imports. */
  readonly maxBodyBytes: number;
}

function nameFrom(value: unknown, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  try {
    return normaliseBoardName(value);
  } catch (error) {
    if (error instanceof InvalidNameError) throw new HttpError(400, 'invalid_name', error.message);
    throw error;
  }
}

function notFound(id: string): HttpError {
  return new HttpError(404, 'board_not_found', `no board with id "${id}"`);
}

function methodNotAllowed(method: string, allowed: string): HttpError {
  return new HttpError(405, 'method_not_allowed', `${method} is not supported here; use ${allowed}`);
}

/** `/api/boards…`: the reply, or `undefined` when the path is not a board route (the caller answers 404). */
export async function handleBoardRoutes(
  req: IncomingMessage,
  pathname: string,
  options: BoardRoutesOptions,
): Promise<Reply | undefined> {
  const { boards } = options;
  const method = req.method ?? 'GET';
  const parts = pathname.split('/').slice(1); // ['api', 'boards', id?, 'file'?]
  if (parts[0] !== 'api' || parts[1] !== 'boards') return undefined;

  if (parts.length === 2) {
    if (method === 'GET') return { status: 200, body: { boards: boards.list() } };
    if (method === 'POST') {
      const body = await readJsonObject(req, options.maxJsonBytes);
      return { status: 201, body: boards.create(nameFrom(body.name, DEFAULT_BOARD_NAME)) };
    }
    throw methodNotAllowed(method, 'GET or POST');
  }

  if (parts.length === 3 && parts[2] === 'import') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    const parsed = parseBoardFile(await readBody(req, options.maxBodyBytes), {
      maxLength: options.maxBodyBytes,
    });
    if (!parsed.ok) {
      throw new HttpError(
        400,
        'invalid_board_file',
        `not a valid board file:\n${formatBoardFileErrors(parsed.errors)}`,
        parsed.errors,
      );
    }
    const { file } = parsed;
    return { status: 201, body: boards.create(nameFrom(file.name, DEFAULT_BOARD_NAME), file) };
  }

  const id = parts[2] ?? '';
  if (!isBoardId(id)) throw new HttpError(404, 'board_not_found', `"${id}" is not a board id`);

  if (parts.length === 3) {
    if (method === 'GET') {
      const board = boards.get(id);
      if (!board) throw notFound(id);
      return { status: 200, body: board };
    }
    if (method === 'PATCH') {
      const body = await readJsonObject(req, options.maxJsonBytes);
      const board = boards.rename(id, nameFrom(body.name));
      if (!board) throw notFound(id);
      return { status: 200, body: board };
    }
    if (method === 'DELETE') {
      if (!boards.delete(id)) throw notFound(id);
      return { status: 204 };
    }
    throw methodNotAllowed(method, 'GET, PATCH or DELETE');
  }

  if (parts.length === 4 && parts[3] === 'file') {
    if (method !== 'GET') throw methodNotAllowed(method, 'GET');
    const file = boards.file(id);
    if (!file) throw notFound(id);
    const text = serializeBoardFile(file);
    const filename = `${file.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'board'}.squall.json`;
    return {
      status: 200,
      text,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}"`,
      },
    };
  }
  return undefined;
}
