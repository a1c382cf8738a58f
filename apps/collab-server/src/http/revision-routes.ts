import type { IncomingMessage } from 'node:http';
import { COMPATIBILITY_MODES, isCompatibilityMode, serializeBoardFile } from '@squall/model';
import type { BoardRole } from '../access/capability.ts';
import { type BoardService, InvalidNameError, normaliseBoardName } from '../board-service.ts';
import { HttpError, type Reply } from './http-error.ts';
import { readJsonObject } from './read-body.ts';

const DEFAULT_REVISION_NAME = 'Saved revision';

function methodNotAllowed(method: string, allowed: string): HttpError {
  return new HttpError(405, 'method_not_allowed', `${method} is not supported here; use ${allowed}`);
}

function revisionNumber(value: string | null | undefined, what: string): number {
  if (value === null || value === undefined || !/^[1-9][0-9]{0,11}$/.test(value)) {
    throw new HttpError(400, 'invalid_revision', `${what} must be a revision number (1, 2, …)`);
  }
  return Number(value);
}

function revisionNotFound(id: string, rev: number): HttpError {
  return new HttpError(404, 'revision_not_found', `board "${id}" has no revision ${rev}`);
}

function revisionName(value: unknown): string {
  if (value === undefined) return DEFAULT_REVISION_NAME;
  try {
    return normaliseBoardName(value);
  } catch (error) {
    if (error instanceof InvalidNameError) throw new HttpError(400, 'invalid_name', error.message);
    throw error;
  }
}

function fileName(name: string): string {
  return `${name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'board'}.squall.json`;
}

/**
 * `/api/boards/:id/revisions[/:rev]` and `/api/boards/:id/diff`: `rest` is the path after the board id,
 * and the caller's role on the board is already checked.
 */
export async function handleRevisionRoutes(
  req: IncomingMessage,
  id: string,
  rest: readonly string[],
  role: BoardRole,
  options: { readonly boards: BoardService; readonly maxJsonBytes: number },
): Promise<Reply | undefined> {
  const { boards } = options;
  const { revisions } = boards;
  const method = req.method ?? 'GET';
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;

  if (rest.length === 1 && rest[0] === 'diff') {
    if (method !== 'GET') throw methodNotAllowed(method, 'GET');
    const from = revisionNumber(query.get('from'), '"from"');
    const to = query.has('to') ? revisionNumber(query.get('to'), '"to"') : undefined;
    const mode = query.get('mode') ?? 'backward';
    if (!isCompatibilityMode(mode)) {
      throw new HttpError(400, 'invalid_mode', `mode must be one of ${COMPATIBILITY_MODES.join(', ')}`);
    }
    const result = await revisions.diff(id, from, mode, to);
    if (!result) throw revisionNotFound(id, (await revisions.get(id, from)) ? to! : from);
    return { status: 200, body: { from: result.from, to: result.to ?? 'live', ...result.diff } };
  }

  if (rest[0] !== 'revisions') return undefined;
  if (rest.length === 1) {
    if (method === 'GET') {
      return { status: 200, body: { limit: revisions.limit, revisions: await revisions.list(id) } };
    }
    if (method === 'POST') {
      if (role === 'view') throw new HttpError(403, 'read_only', 'a view link cannot save revisions');
      const body = await readJsonObject(req, options.maxJsonBytes);
      const saved = await revisions.save(id, revisionName(body.name));
      if (!saved.ok && saved.reason === 'limit') {
        throw new HttpError(
          409,
          'revision_limit',
          `this board already keeps ${revisions.limit} revisions, all saved by hand; the owner can delete one (DELETE /api/boards/${id}/revisions/<rev>)`,
        );
      }
      if (!saved.ok) throw new HttpError(404, 'board_not_found', `no board with id "${id}"`);
      return { status: 201, body: { ...saved.revision, ...(saved.pruned ? { pruned: saved.pruned } : {}) } };
    }
    throw methodNotAllowed(method, 'GET or POST');
  }

  if (rest.length === 2) {
    const rev = revisionNumber(rest[1], 'the revision');
    if (method === 'GET') {
      const board = await boards.get(id);
      const file = board && (await revisions.file(id, rev, board.name));
      if (!file) throw revisionNotFound(id, rev);
      return {
        status: 200,
        text: serializeBoardFile(file),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="${fileName(file.name)}"`,
        },
      };
    }
    if (method === 'DELETE') {
      if (role !== 'owner') {
        throw new HttpError(403, 'owner_only', 'only the board owner can delete revisions');
      }
      if (!(await revisions.delete(id, rev))) throw revisionNotFound(id, rev);
      return { status: 204 };
    }
    throw methodNotAllowed(method, 'GET or DELETE');
  }
  return undefined;
}
