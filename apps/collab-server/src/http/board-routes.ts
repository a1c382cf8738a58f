import type { IncomingMessage } from 'node:http';
import { BOARD_TEMPLATES, formatBoardFileErrors, isBoardTemplate, parseBoardFile } from '@squall/model';
import { templateBoard } from '@squall/model/templates';
import type { AddressRateLimiter } from '../access/address-rate-limiter.ts';
import type { BoardRole } from '../access/capability.ts';
import { isBoardId } from '../board-id.ts';
import {
  type AccessibleBoard,
  type BoardService,
  DEFAULT_BOARD_NAME,
  InvalidNameError,
  normaliseBoardName,
} from '../board-service.ts';
import { summaryReply, timeReply, workshopReply } from '../workshop/workshop-route.ts';
import { bearerToken, boardToken, queryTokens } from './credentials.ts';
import { exportReply } from './export-route.ts';
import { HttpError, type Reply } from './http-error.ts';
import { readBody, readJsonObject } from './read-body.ts';
import { handleRevisionRoutes } from './revision-routes.ts';

export interface BoardRoutesOptions {
  readonly boards: BoardService;
  /** Limit for small JSON bodies (create, rename). */
  readonly maxJsonBytes: number;
  /** Limit for board file imports. */
  readonly maxBodyBytes: number;
  /** Board creations (and imports) per client address. */
  readonly boardCreations: AddressRateLimiter;
  /** The caller's address, as limits count it. */
  readonly address: string;
}

/** Most tokens one `GET /api/boards` may present. */
export const MAX_LISTED_TOKENS = 200;

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

function takeCreation(options: BoardRoutesOptions): void {
  if (!options.boardCreations.take(options.address)) {
    throw new HttpError(
      429,
      'rate_limited',
      `too many boards created from this address; try again in ${options.boardCreations.retryAfterSeconds} s`,
    );
  }
}

/** The caller's role on an existing board, or the 401/403 that says why it has none. */
async function roleOn(
  boards: BoardService,
  id: string,
  req: IncomingMessage,
): Promise<{ role: BoardRole; locked: boolean }> {
  const check = await boards.access.check(id, boardToken(req));
  if (check.ok) return check;
  if (check.reason === 'missing') {
    throw new HttpError(
      401,
      'token_required',
      'this board needs its link token (?token= or Authorization: Bearer)',
    );
  }
  if (check.reason === 'rotated') {
    throw new HttpError(403, 'link_rotated', 'this link was rotated by the board owner; ask for the new one');
  }
  throw new HttpError(403, 'wrong_token', 'the token is not a capability of this board');
}

function requireOwner(role: BoardRole): void {
  if (role !== 'owner') {
    throw new HttpError(
      403,
      'owner_only',
      'only the board owner can do this (Authorization: Bearer <ownerKey>)',
    );
  }
}

async function accessible(
  boards: BoardService,
  id: string,
  role: BoardRole,
  locked: boolean,
): Promise<AccessibleBoard> {
  const board = await boards.get(id);
  if (!board) throw notFound(id);
  return { ...board, access: role, locked };
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
  if (parts.length === 2 && parts[0] === 'api' && parts[1] === 'time' && method === 'GET') return timeReply();
  if (parts[0] !== 'api' || parts[1] !== 'boards') return undefined;

  if (parts.length === 2) {
    if (method === 'GET') {
      // Links are capabilities: a caller sees the boards whose tokens it presents, and nothing else.
      const bearer = bearerToken(req);
      const tokens = [...queryTokens(req.url), ...(bearer ? [bearer] : [])];
      if (tokens.length > MAX_LISTED_TOKENS) {
        throw new HttpError(400, 'too_many_tokens', `at most ${MAX_LISTED_TOKENS} tokens per request`);
      }
      return { status: 200, body: { boards: await boards.listFor(tokens) } };
    }
    if (method === 'POST') {
      const body = await readJsonObject(req, options.maxJsonBytes);
      const name = nameFrom(body.name, DEFAULT_BOARD_NAME);
      const template = body.template ?? 'empty';
      if (!isBoardTemplate(template)) {
        throw new HttpError(
          400,
          'invalid_template',
          `"template" must be one of ${BOARD_TEMPLATES.join(', ')}`,
        );
      }
      takeCreation(options);
      return { status: 201, body: await boards.create(name, templateBoard(template)) };
    }
    throw methodNotAllowed(method, 'GET or POST');
  }

  if (parts.length === 3 && parts[2] === 'import') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    const parsed = parseBoardFile(await readBody(req, options.maxBodyBytes), {
      maxBytes: options.maxBodyBytes,
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
    takeCreation(options);
    return { status: 201, body: await boards.create(nameFrom(file.name, DEFAULT_BOARD_NAME), file) };
  }

  const id = parts[2] ?? '';
  if (!isBoardId(id)) throw new HttpError(404, 'board_not_found', `"${id}" is not a board id`);
  if (!(await boards.get(id))) throw notFound(id);
  const { role, locked } = await roleOn(boards, id, req);

  if (parts.length === 3) {
    if (method === 'GET') return { status: 200, body: await accessible(boards, id, role, locked) };
    if (method === 'PATCH') {
      if (role === 'view') throw new HttpError(403, 'read_only', 'a view link cannot rename the board');
      if (locked && role !== 'owner') {
        throw new HttpError(403, 'board_locked', 'the board is locked by its owner');
      }
      const body = await readJsonObject(req, options.maxJsonBytes);
      if (!(await boards.rename(id, nameFrom(body.name)))) throw notFound(id);
      return { status: 200, body: await accessible(boards, id, role, locked) };
    }
    if (method === 'DELETE') {
      requireOwner(role);
      if (!(await boards.delete(id))) throw notFound(id);
      return { status: 204 };
    }
    throw methodNotAllowed(method, 'GET, PATCH or DELETE');
  }

  if (parts.length === 4 && (parts[3] === 'lock' || parts[3] === 'unlock')) {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    requireOwner(role);
    await boards.setLocked(id, parts[3] === 'lock');
    return { status: 200, body: await accessible(boards, id, role, parts[3] === 'lock') };
  }
  if (parts.length === 4 && parts[3] === 'rotate') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    requireOwner(role);
    const body = await readJsonObject(req, options.maxJsonBytes);
    if (body.link !== 'edit' && body.link !== 'view') {
      throw new HttpError(400, 'invalid_link', '"link" must be "edit" or "view"');
    }
    const rotated = await boards.rotate(id, body.link);
    if (!rotated) throw new HttpError(409, 'no_links', 'this board predates links and has none to rotate');
    return { status: 200, body: { link: body.link, token: rotated.token, url: rotated.url } };
  }
  if (parts.length === 4 && parts[3] === 'export') {
    if (method !== 'GET') throw methodNotAllowed(method, 'GET');
    const file = await boards.file(id);
    if (!file) throw notFound(id);
    // Each export through the API is a revision: what the next export's version is relative to.
    return exportReply(file, new URL(req.url ?? '/', 'http://localhost').searchParams, (board, format) =>
      boards.revisions.recordExport(id, board, `Export (${format})`),
    );
  }
  if (parts.length === 4 && parts[3] === 'summary.md') return summaryReply(req, boards, id);
  if (parts.length === 4 && parts[3] === 'workshop') {
    return workshopReply(req, boards, id, { role, locked }, options.maxJsonBytes);
  }
  if (parts.length === 4 && parts[3] === 'preview') {
    if (method !== 'GET') throw methodNotAllowed(method, 'GET');
    const text = await boards.previewText(id);
    if (text === undefined) throw notFound(id);
    return { status: 200, text, headers: { 'content-type': 'application/json; charset=utf-8' } };
  }
  if (parts.length === 4 && parts[3] === 'file') {
    if (method !== 'GET') throw methodNotAllowed(method, 'GET');
    const file = await boards.fileText(id);
    if (!file) throw notFound(id);
    const { text } = file;
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
  if (parts[3] === 'revisions' || parts[3] === 'diff') {
    return handleRevisionRoutes(req, id, parts.slice(3), role, options);
  }
  return undefined;
}
