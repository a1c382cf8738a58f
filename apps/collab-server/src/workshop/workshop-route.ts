import type { IncomingMessage } from 'node:http';
import { isParticipantSecret, normaliseUserName, participantIdOf } from '@squall/model';
import type { BoardRole } from '../access/capability.ts';
import type { BoardService } from '../board-service.ts';
import { HttpError, type Reply } from '../http/http-error.ts';
import { readJsonObject } from '../http/read-body.ts';

/** The header carrying the participant's secret (see `participantIdOf`): never a URL parameter. */
export const PARTICIPANT_HEADER = 'x-squall-participant';

/** The participant id a request proves it holds (the id is derived here, from the secret). */
export function participantOf(req: IncomingMessage): string {
  const secret = req.headers[PARTICIPANT_HEADER];
  if (!isParticipantSecret(secret)) {
    throw new HttpError(
      400,
      'participant_required',
      `workshop actions need the participant secret in the ${PARTICIPANT_HEADER} header`,
    );
  }
  return participantIdOf(secret);
}

/** `GET /api/time`: the server's clock, so every screen shows the same timer whatever its own clock says. */
export function timeReply(): Reply {
  return { status: 200, body: { now: Date.now() }, headers: { 'cache-control': 'no-store' } };
}

/**
 * `GET /api/boards/:id/workshop` (the state) and `POST` (an action: `{type, ...}`, answered with the new
 * state). Writes need an edit link or the owner key, an unlocked board and the participant secret; the
 * model's rule decides who may do what (facilitator actions only from facilitators).
 */
export async function workshopReply(
  req: IncomingMessage,
  boards: BoardService,
  id: string,
  access: { role: BoardRole; locked: boolean },
  maxJsonBytes: number,
): Promise<Reply> {
  const method = req.method ?? 'GET';
  if (method === 'GET') {
    const state = await boards.workshop(id);
    if (!state) throw new HttpError(404, 'board_not_found', `no board with id "${id}"`);
    return { status: 200, body: { workshop: state, serverNow: Date.now() } };
  }
  if (method !== 'POST') {
    throw new HttpError(405, 'method_not_allowed', `${method} is not supported here; use GET or POST`);
  }
  if (access.role === 'view') {
    throw new HttpError(403, 'read_only', 'a view link cannot change the workshop');
  }
  if (access.locked) throw new HttpError(403, 'board_locked', 'the board is locked by its owner');
  const participantId = participantOf(req);
  const body = await readJsonObject(req, maxJsonBytes);
  const name = typeof body.actorName === 'string' ? normaliseUserName(body.actorName) : '';
  const outcome = await boards.workshopAction(id, body, {
    participantId,
    name,
    owner: access.role === 'owner',
  });
  if (!outcome) throw new HttpError(404, 'board_not_found', `no board with id "${id}"`);
  if (!outcome.ok) throw new HttpError(outcome.status, outcome.code, outcome.message);
  return { status: 200, body: { workshop: outcome.state, serverNow: outcome.now } };
}

/** `GET /api/boards/:id/summary.md`: the workshop summary as Markdown, for any of the board's tokens. */
export async function summaryReply(req: IncomingMessage, boards: BoardService, id: string): Promise<Reply> {
  if ((req.method ?? 'GET') !== 'GET') {
    throw new HttpError(405, 'method_not_allowed', `${req.method} is not supported here; use GET`);
  }
  const summary = await boards.summary(id);
  if (!summary) throw new HttpError(404, 'board_not_found', `no board with id "${id}"`);
  const base = summary.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'board';
  return {
    status: 200,
    text: summary.text,
    headers: {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${base}-summary.md"`,
      'cache-control': 'no-store',
    },
  };
}
